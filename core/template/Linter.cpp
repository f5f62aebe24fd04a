#include "Linter.h"

#include "response/JsonPathScanner.h"
#include "response/ResponsePath.h"
#include "template/Renderer.h"
#include "template/TemplateParser.h"
#include "template/TokenEncoder.h"
#include "template/TokenResolver.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <QXmlStreamReader>

namespace {
using Severity = Diagnostic::Severity;

enum class BodyKind { Unknown, Json, Form, Xml };

using Part = DiagnosticLocation::Part;

QString bodyKindName(BodyKind kind)
{
    switch (kind) {
    case BodyKind::Json:
        return QStringLiteral("JSON");
    case BodyKind::Form:
        return QStringLiteral("form");
    case BodyKind::Xml:
        return QStringLiteral("XML");
    case BodyKind::Unknown:
        break;
    }
    return QString();
}

BodyKind kindFromContentType(const QString& value)
{
    const QString v = value.toLower();
    if (v.contains(QLatin1String("json"))) {
        return BodyKind::Json;
    }
    if (v.contains(QLatin1String("x-www-form-urlencoded"))) {
        return BodyKind::Form;
    }
    if (v.contains(QLatin1String("xml"))) {
        return BodyKind::Xml;
    }
    return BodyKind::Unknown;
}

// The template's shape with each token replaced by one placeholder character, so that
// "{{lead.x}}" at the start is not mistaken for a JSON object.
BodyKind kindFromTemplate(const QList<TemplatePart>& parts)
{
    QString skeleton;
    for (const TemplatePart& p : parts) {
        skeleton += p.kind == TemplatePart::Kind::Token ? QString(QChar(0x1A)) : p.text;
    }
    skeleton = skeleton.trimmed();
    if (skeleton.isEmpty()) {
        return BodyKind::Unknown;
    }
    const QChar first = skeleton.at(0);
    if (first == QLatin1Char('{') || first == QLatin1Char('[')) {
        return BodyKind::Json;
    }
    if (first == QLatin1Char('<')) {
        return BodyKind::Xml;
    }
    static const QRegularExpression form(
        QStringLiteral("^[A-Za-z0-9_.\\-\\[\\]%*]+=[^&=\\s]*(&[A-Za-z0-9_.\\-\\[\\]%*]+=[^&=\\s]*)*$"));
    return form.match(skeleton).hasMatch() ? BodyKind::Form : BodyKind::Unknown;
}

// One piece of the rendered body and where it came from in the template, so an error at
// a byte of the rendered body can point at the template line that produced it.
struct BodyPiece
{
    qsizetype byteStart = 0;
    qsizetype byteEnd = 0;
    int from = 0; // template offsets
    int to = 0;
    bool token = false;
    QString tokenText;
};

int utf8Width(QChar c)
{
    const ushort u = c.unicode();
    if (u < 0x80) {
        return 1;
    }
    if (u < 0x800) {
        return 2;
    }
    if (c.isHighSurrogate()) {
        return 4;
    }
    if (c.isLowSurrogate()) {
        return 0;
    }
    return 3;
}

bool isTemplateEscape(QChar c)
{
    return QStringView(u"btnfr\\\"'").contains(c);
}

// The template offset that produced byte `byte` of a literal run (escapes processed as
// TemplateEscapes does: a valid escape is two template characters for one sent).
int literalOffset(const QString& text, const BodyPiece& piece, qsizetype byte)
{
    qsizetype at = piece.byteStart;
    int i = piece.from;
    while (i < piece.to) {
        int raw = 1;
        QChar produced = text.at(i);
        if (produced == QLatin1Char('\\') && i + 1 < text.size() && isTemplateEscape(text.at(i + 1))) {
            raw = 2;
            produced = text.at(i + 1);
        }
        const int width = utf8Width(produced);
        if (byte < at + width) {
            return i;
        }
        at += width;
        i += raw;
    }
    return piece.to;
}

struct LintContext
{
    const Workspace& workspace;
    const Webhook& webhook;
    const QJsonObject& lead;
    const QDateTime& now;
    const RenderedRequest& rendered;
    const TokenResolver& resolver;
    QList<Diagnostic>& out;
};

void lintUrl(LintContext& c)
{
    const QString& url = c.webhook.url;
    const DiagnosticLocation where {Part::Url};
    if (url.trimmed().isEmpty()) {
        c.out << Diagnostic::make(Severity::Error, where, QStringLiteral("empty-url"), Linter::tr("The URL is empty"));
        return;
    }
    static const QRegularExpression edgeSpace(QStringLiteral("^\\s|\\s$"));
    const qsizetype space = url.indexOf(edgeSpace);
    if (space >= 0) {
        c.out << Diagnostic::at(Severity::Warning,
                                where,
                                url,
                                int(space),
                                1,
                                QStringLiteral("url-whitespace"),
                                Linter::tr("The URL starts or ends with white space, which is sent as written"));
    }
    const QString text = c.rendered.url.trimmed();
    // The scheme is read by hand: QUrl drops every component of a URL it cannot parse,
    // and a half-written URL still has a scheme worth checking.
    static const QRegularExpression schemeExpression(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*):"));
    QString scheme = schemeExpression.match(text).captured(1).toLower();
    if (scheme.contains(QLatin1Char('.'))) {
        scheme.clear(); // "api.example.com:8080/x" is a host and port without a scheme
    }
    const QUrl parsed(text, QUrl::TolerantMode);
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        const qsizetype colon = url.indexOf(QLatin1Char(':'));
        const bool literalScheme = colon > 0 && !url.left(colon).contains(QLatin1Char('{'));
        c.out << Diagnostic::at(
            Severity::Error,
            where,
            url,
            0,
            literalScheme ? int(colon) : int(url.size()),
            QStringLiteral("url-scheme"),
            scheme.isEmpty()
                ? Linter::tr("The URL must start with http:// or https:// (it renders as \"%1\")").arg(text)
                : Linter::tr("Marketo calls only http and https URLs, not \"%1:\"").arg(scheme));
        return;
    }
    if (parsed.host().isEmpty()) {
        c.out << Diagnostic::at(Severity::Error,
                                where,
                                url,
                                0,
                                int(url.size()),
                                QStringLiteral("url-no-host"),
                                Linter::tr("The URL has no host name (it renders as \"%1\")").arg(text));
    }
}

void lintHeaders(LintContext& c, int* contentTypeIndex)
{
    QHash<QString, int> seen;
    for (int i = 0; i < c.webhook.headers.size(); ++i) {
        const QString& name = c.webhook.headers.at(i).name;
        const auto where = DiagnosticLocation::header(i, false);
        // An empty or invalid name is the Renderer's error (the request cannot be sent):
        // it reaches this list through the rendered request's diagnostics.
        if (name.isEmpty()) {
            continue;
        }
        const QString key = name.trimmed().toLower();
        const auto previous = seen.constFind(key);
        if (previous != seen.constEnd()) {
            c.out << Diagnostic::at(Severity::Warning,
                                    where,
                                    name,
                                    0,
                                    int(name.size()),
                                    QStringLiteral("duplicate-header"),
                                    Linter::tr("The header \"%1\" is also set by header %2; the server sees it twice "
                                               "or only one of them")
                                        .arg(name)
                                        .arg(*previous + 1));
        } else {
            seen.insert(key, i);
        }
        if (key == QLatin1String("content-type")) {
            *contentTypeIndex = i;
        }
    }
}

// Tokens inside a JSON string literal of the template: with JSON encoding Marketo adds
// the quotes itself, so "{{lead.First Name}}" sends ""Ada"".
void lintQuotedTokens(LintContext& c, const QString& text, const QList<TemplatePart>& parts)
{
    // JSON lexer state over the text Marketo sends: the template's own backslash escapes
    // are processed first (\" sends a quote, \\ one backslash), then JSON's.
    bool inString = false;
    bool escaped = false;
    for (int p = 0; p < parts.size(); ++p) {
        const TemplatePart& part = parts.at(p);
        if (part.kind != TemplatePart::Kind::Token) {
            for (int i = part.offset; i < part.offset + part.length; ++i) {
                QChar ch = text.at(i);
                if (ch == QLatin1Char('\\') && i + 1 < text.size() && isTemplateEscape(text.at(i + 1))) {
                    ch = text.at(++i);
                }
                if (!inString) {
                    inString = ch == QLatin1Char('"');
                } else if (escaped) {
                    escaped = false;
                } else if (ch == QLatin1Char('\\')) {
                    escaped = true;
                } else if (ch == QLatin1Char('"')) {
                    inString = false;
                }
            }
            continue;
        }
        if (!inString) {
            continue;
        }
        const TokenValue v = c.resolver.resolve(part.token, c.lead, c.now);
        const bool wrapped = part.offset > 0 && text.at(part.offset - 1) == QLatin1Char('"')
                             && part.offset + part.length < text.size()
                             && text.at(part.offset + part.length) == QLatin1Char('"');
        const QByteArray sent = TokenEncoder::encodeBody(v, TokenEncoding::Json);
        const bool breaks = v.kind == TokenValue::Kind::String;
        QString message;
        if (wrapped) {
            message = Linter::tr("Quotes around %1: with JSON encoding Marketo adds the quotes itself, so this "
                                 "sends \"%2\"; remove the quotes around the token")
                          .arg(part.text, QString::fromUtf8(sent));
        } else {
            message = Linter::tr("%1 is inside a JSON string: with JSON encoding its value is sent as a quoted "
                                 "string (%2) in the middle of this one; put the token outside the quotes, or "
                                 "use None encoding for this text")
                          .arg(part.text, QString::fromUtf8(sent));
        }
        const int offset = wrapped ? part.offset - 1 : part.offset;
        const int length = wrapped ? part.length + 2 : part.length;
        c.out << Diagnostic::at(breaks ? Severity::Error : Severity::Warning,
                                DiagnosticLocation {Part::Template},
                                text,
                                offset,
                                length,
                                QStringLiteral("quoted-token-json"),
                                message);
    }
}

// Builds the rendered body piece by piece, the way the renderer does, remembering where
// each piece came from. Returns false when the result differs from the rendered body,
// so a location is only reported when it is known to be right.
bool mapBody(LintContext& c, const QString& text, const QList<TemplatePart>& parts, QList<BodyPiece>* pieces)
{
    QByteArray body;
    int runStart = -1;
    int runEnd = -1;
    const auto flush = [&] {
        if (runStart < 0) {
            return;
        }
        BodyPiece piece;
        piece.byteStart = body.size();
        piece.from = runStart;
        piece.to = runEnd;
        QString processed;
        for (int i = runStart; i < runEnd; ++i) {
            if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size() && isTemplateEscape(text.at(i + 1))) {
                const QChar e = text.at(++i);
                processed += e == QLatin1Char('b')   ? QChar(0x08)
                             : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                             : e == QLatin1Char('n') ? QChar(QLatin1Char('\n'))
                             : e == QLatin1Char('f') ? QChar(0x0C)
                             : e == QLatin1Char('r') ? QChar(QLatin1Char('\r'))
                                                     : e;
            } else {
                processed += text.at(i);
            }
        }
        body += processed.toUtf8();
        piece.byteEnd = body.size();
        pieces->append(piece);
        runStart = -1;
    };
    for (const TemplatePart& part : parts) {
        if (part.kind == TemplatePart::Kind::Token) {
            flush();
            BodyPiece piece;
            piece.byteStart = body.size();
            piece.from = part.offset;
            piece.to = part.offset + part.length;
            piece.token = true;
            piece.tokenText = part.text;
            TokenEncoder::appendBody(
                body, c.resolver.resolve(part.token, c.lead, c.now), c.webhook.requestTokenEncoding);
            piece.byteEnd = body.size();
            pieces->append(piece);
            continue;
        }
        if (runStart < 0) {
            runStart = part.offset;
        }
        runEnd = part.offset + part.length;
    }
    flush();
    return body == c.rendered.body;
}

// Reports an invalid rendered body at the template place that produced the bad byte.
void reportInvalidBody(LintContext& c,
                       const QString& text,
                       const QList<TemplatePart>& parts,
                       BodyKind kind,
                       const QString& why,
                       qsizetype byte,
                       const QString& problem)
{
    const QString code =
        kind == BodyKind::Json ? QStringLiteral("invalid-json-body") : QStringLiteral("invalid-xml-body");
    QString message = Linter::tr("%1 says the body is %2, but the body rendered for the sample lead is not "
                                 "valid %2: %3")
                          .arg(why, bodyKindName(kind), problem);
    QList<BodyPiece> pieces;
    if (!mapBody(c, text, parts, &pieces)) {
        c.out << Diagnostic::make(Severity::Error, DiagnosticLocation {Part::Template}, code, message);
        return;
    }
    for (const BodyPiece& piece : pieces) {
        if (byte < piece.byteStart || byte >= piece.byteEnd) {
            continue;
        }
        if (piece.token) {
            message += Linter::tr(" (in the value of %1)").arg(piece.tokenText);
            c.out << Diagnostic::at(Severity::Error,
                                    DiagnosticLocation {Part::Template},
                                    text,
                                    piece.from,
                                    piece.to - piece.from,
                                    code,
                                    message);
        } else {
            const int offset = literalOffset(text, piece, byte);
            c.out << Diagnostic::at(Severity::Error,
                                    DiagnosticLocation {Part::Template},
                                    text,
                                    offset,
                                    offset < text.size() ? 1 : 0,
                                    code,
                                    message);
        }
        return;
    }
    // The error is at the very end of the body (e.g. an unclosed object).
    c.out << Diagnostic::at(
        Severity::Error, DiagnosticLocation {Part::Template}, text, int(text.size()), 0, code, message);
}

// False when the body is not sent or empty: nothing more to check in it.
bool lintBodyPresence(LintContext& c, int contentTypeIndex)
{
    const QString& text = c.webhook.payloadTemplate;
    const auto warn = [&c](Part part, const QString& code, const QString& message) {
        c.out << Diagnostic::make(Severity::Warning, DiagnosticLocation {part}, code, message);
    };
    if (!c.webhook.sendsBody()) {
        if (!text.trimmed().isEmpty()) {
            warn(Part::RequestType,
                 QStringLiteral("payload-on-get"),
                 Linter::tr("The Request Type is GET, so Marketo does not send the payload template; use POST, "
                            "PUT, PATCH or DELETE to send it"));
        }
        return false;
    }
    if (text.trimmed().isEmpty()) {
        return false;
    }
    if (contentTypeIndex < 0) {
        warn(Part::Headers,
             QStringLiteral("missing-content-type"),
             Linter::tr("The request sends a body but no Content-Type header; many services reject it or guess "
                        "wrong. Add a header such as Content-Type: application/json"));
    }
    return true;
}

// The body's kind from the Content-Type header, else from the template's shape; *why
// says which, for messages.
BodyKind bodyKind(const LintContext& c, int contentTypeIndex, const QList<TemplatePart>& parts, QString* why)
{
    if (contentTypeIndex >= 0 && contentTypeIndex < c.rendered.headers.size()) {
        const BodyKind kind = kindFromContentType(c.rendered.headers.at(contentTypeIndex).value);
        if (kind != BodyKind::Unknown) {
            *why = Linter::tr("The Content-Type header");
            return kind;
        }
    }
    *why = Linter::tr("The template's shape");
    return kindFromTemplate(parts);
}

// Whether the Request Token Encoding suits the body's kind, said at the first token.
void lintEncoding(LintContext& c, const QList<TemplatePart>& parts, BodyKind kind)
{
    const auto first = std::find_if(
        parts.begin(), parts.end(), [](const TemplatePart& p) { return p.kind == TemplatePart::Kind::Token; });
    if (first == parts.end()) {
        return;
    }
    const auto warnAtToken = [&](const QString& code, const QString& message) {
        c.out << Diagnostic::at(Severity::Warning,
                                DiagnosticLocation {Part::Template},
                                c.webhook.payloadTemplate,
                                first->offset,
                                first->length,
                                code,
                                message);
    };
    const auto warnEncoding = [&](const QString& message) {
        c.out << Diagnostic::make(Severity::Warning,
                                  DiagnosticLocation {Part::RequestTokenEncoding},
                                  QStringLiteral("encoding-mismatch"),
                                  message);
    };
    const TokenEncoding encoding = c.webhook.requestTokenEncoding;
    if (encoding == TokenEncoding::None && kind == BodyKind::Json) {
        warnAtToken(QStringLiteral("none-encoding-json-body"),
                    Linter::tr("Request Token Encoding is None, but this JSON body has tokens: a value "
                               "with a quote, a backslash or a line break (a company named Jack \"J\" & "
                               "Jill) breaks the JSON. Choose JSON encoding, which also adds the quotes "
                               "around string values"));
    } else if (encoding == TokenEncoding::None && kind == BodyKind::Form) {
        warnAtToken(QStringLiteral("none-encoding-form-body"),
                    Linter::tr("Request Token Encoding is None, but this form body has tokens: a "
                               "company named \"Jack & Jill\" breaks it, because the & starts a new "
                               "parameter. Choose Form/Url encoding"));
    } else if (encoding == TokenEncoding::Json && kind == BodyKind::Form) {
        warnEncoding(Linter::tr("The body is a form but Request Token Encoding is JSON: string values are sent "
                                "with JSON quotes and escapes. Choose Form/Url encoding"));
    } else if (encoding == TokenEncoding::FormUrl && kind == BodyKind::Json) {
        warnEncoding(Linter::tr("The body is JSON but Request Token Encoding is Form/Url: values are sent "
                                "percent-encoded and strings without quotes. Choose JSON encoding"));
    }
}

// Whether the rendered body is well-formed JSON or XML.
void lintWellFormed(LintContext& c, const QList<TemplatePart>& parts, BodyKind kind, const QString& why)
{
    const QString& text = c.webhook.payloadTemplate;
    if (kind == BodyKind::Json) {
        JsonPathScanner scanner({});
        if (!scanner.scan(c.rendered.body)) {
            reportInvalidBody(c, text, parts, kind, why, scanner.errorOffset(), scanner.errorString());
        }
    } else if (kind == BodyKind::Xml) {
        QXmlStreamReader reader(c.rendered.body);
        reader.setEntityExpansionLimit(4096);
        while (!reader.atEnd()) {
            reader.readNext();
        }
        if (reader.hasError()) {
            const QString decoded = QString::fromUtf8(c.rendered.body);
            const qsizetype byte = decoded.left(reader.characterOffset()).toUtf8().size();
            const QString problem = Linter::tr("%1 (line %2, column %3 of the rendered body)")
                                        .arg(reader.errorString())
                                        .arg(reader.lineNumber())
                                        .arg(reader.columnNumber());
            reportInvalidBody(c, text, parts, kind, why, qMax<qsizetype>(0, byte - 1), problem);
        }
    }
}

void lintBody(LintContext& c, int contentTypeIndex)
{
    if (!lintBodyPresence(c, contentTypeIndex)) {
        return;
    }
    const QList<TemplatePart> parts = TemplateParser::parse(c.webhook.payloadTemplate);
    QString why;
    const BodyKind kind = bodyKind(c, contentTypeIndex, parts, &why);
    lintEncoding(c, parts, kind);
    if (c.webhook.requestTokenEncoding == TokenEncoding::Json && kind == BodyKind::Json) {
        lintQuotedTokens(c, c.webhook.payloadTemplate, parts);
    }
    lintWellFormed(c, parts, kind, why);
}

// The first XML root element the mappings use, to tell the others they differ.
struct XmlRoot
{
    QString name;
    int mapping = -1;
};

void lintMappingPath(LintContext& c, int i, bool xml, XmlRoot* firstRoot)
{
    const ResponseMapping& m = c.webhook.responseMappings.at(i);
    const auto where = DiagnosticLocation::mapping(i, false);
    const ResponsePath path =
        ResponsePath::parse(m.attribute, xml ? ResponsePath::Syntax::Xml : ResponsePath::Syntax::Json);
    if (!path.isValid()) {
        const bool jsonStyle = xml && ResponsePath::parse(m.attribute, ResponsePath::Syntax::Json).isValid();
        c.out << Diagnostic::at(
            Severity::Error,
            where,
            m.attribute,
            path.errorOffset(),
            path.errorLength(),
            jsonStyle ? QStringLiteral("xml-path-syntax") : QStringLiteral("unaddressable-path"),
            jsonStyle ? Linter::tr("The Response Type is XML but this path uses JSON syntax: %1").arg(path.error())
                      : Linter::tr("Marketo cannot address this path: %1").arg(path.error()));
        return;
    }
    if (!xml) {
        return;
    }
    const ResponsePathStep& root = path.steps().first();
    if (firstRoot->mapping < 0) {
        *firstRoot = {root.key, i};
    } else if (root.key != firstRoot->name) {
        c.out << Diagnostic::at(Severity::Warning,
                                where,
                                m.attribute,
                                0,
                                int(root.key.size()),
                                QStringLiteral("xml-root-mismatch"),
                                Linter::tr("XML paths start with the root element, and a document has only one: "
                                           "this path starts with <%1> but mapping %2 with <%3>, so one of them "
                                           "never matches")
                                    .arg(root.key)
                                    .arg(firstRoot->mapping + 1)
                                    .arg(firstRoot->name));
    }
    if (!root.indexes.isEmpty() && root.indexes.first() > 0) {
        c.out << Diagnostic::at(
            Severity::Warning,
            where,
            m.attribute,
            0,
            root.length,
            QStringLiteral("xml-root-index"),
            Linter::tr("A document has one root element, so [%1] never matches").arg(root.indexes.first()));
    }
}

// `fields` maps the lower-case API names already written to the mapping that writes them.
void lintMappingField(LintContext& c, int i, const FieldCatalog& catalog, QHash<QString, int>* fields)
{
    const ResponseMapping& m = c.webhook.responseMappings.at(i);
    const auto where = DiagnosticLocation::mapping(i, true);
    if (m.field.trimmed().isEmpty()) {
        c.out << Diagnostic::make(Severity::Error,
                                  where,
                                  QStringLiteral("unknown-mapping-field"),
                                  Linter::tr("Mapping %1 names no lead field").arg(i + 1));
        return;
    }
    const Field* field = catalog.findByApiName(m.field);
    if (!field) {
        const Field* byName = catalog.find(m.field);
        c.out << Diagnostic::at(Severity::Error,
                                where,
                                m.field,
                                0,
                                int(m.field.size()),
                                QStringLiteral("unknown-mapping-field"),
                                byName ? Linter::tr("Response mappings name the field by its API name: write "
                                                    "\"%1\" for \"%2\"")
                                             .arg(byName->apiName, byName->name)
                                       : Linter::tr("There is no lead field with the API name \"%1\"").arg(m.field));
        return;
    }
    const MarketoConnection& instance = c.workspace.marketo;
    if (!instance.hasField(field->apiName)) {
        c.out << Diagnostic::at(Severity::Error,
                                where,
                                m.field,
                                0,
                                int(m.field.size()),
                                QStringLiteral("instance-missing-field"),
                                Linter::tr("The connected Marketo instance has no field \"%1\": this mapping "
                                           "writes nothing there")
                                    .arg(field->apiName));
    } else if (instance.isReadOnly(field->apiName)) {
        c.out << Diagnostic::at(Severity::Error,
                                where,
                                m.field,
                                0,
                                int(m.field.size()),
                                QStringLiteral("read-only-field"),
                                Linter::tr("\"%1\" is read-only in the connected Marketo instance: a response "
                                           "mapping cannot write it")
                                    .arg(field->apiName));
    }
    const QString key = field->apiName.toLower();
    const auto previous = fields->constFind(key);
    if (previous == fields->constEnd()) {
        fields->insert(key, i);
        return;
    }
    c.out << Diagnostic::at(Severity::Warning,
                            where,
                            m.field,
                            0,
                            int(m.field.size()),
                            QStringLiteral("duplicate-mapping-field"),
                            Linter::tr("Mapping %1 also writes \"%2\"; when both apply, this later one wins")
                                .arg(*previous + 1)
                                .arg(field->apiName));
}

void lintMappings(LintContext& c)
{
    const QList<ResponseMapping>& mappings = c.webhook.responseMappings;
    if (mappings.isEmpty()) {
        return;
    }
    if (c.webhook.responseType == ResponseType::None) {
        c.out << Diagnostic::make(
            Severity::Warning,
            DiagnosticLocation {Part::ResponseType},
            QStringLiteral("mappings-never-apply"),
            Linter::tr("The Response Type is None, so the %1 response mapping(s) never apply; choose "
                       "JSON or XML")
                .arg(mappings.size()));
    }
    const bool xml = c.webhook.responseType == ResponseType::Xml;
    const FieldCatalog catalog = c.workspace.catalog();
    QHash<QString, int> fields;
    XmlRoot firstRoot;
    for (int i = 0; i < mappings.size(); ++i) {
        lintMappingPath(c, i, xml, &firstRoot);
        lintMappingField(c, i, catalog, &fields);
    }
}
} // namespace

namespace {

// After a field import the workspace knows the instance's fields: a lead token naming a
// field the instance lacks renders empty in Marketo, whatever the sample lead holds.
void lintInstanceFields(LintContext& c)
{
    const MarketoConnection& instance = c.workspace.marketo;
    if (instance.instanceFields.isEmpty()) {
        return;
    }
    const FieldCatalog catalog = c.workspace.catalog();
    const auto check = [&](const QString& text, const DiagnosticLocation& where) {
        const QList<TemplatePart> parts = TemplateParser::parse(text);
        for (const TemplatePart& part : parts) {
            if (part.kind != TemplatePart::Kind::Token
                || part.token.scope.compare(QLatin1String("lead"), Qt::CaseInsensitive) != 0) {
                continue;
            }
            const Field* field = catalog.find(part.token.name);
            if (field && !instance.hasField(field->apiName)) {
                c.out << Diagnostic::at(Severity::Warning,
                                        where,
                                        text,
                                        part.offset,
                                        part.length,
                                        QStringLiteral("instance-missing-field"),
                                        Linter::tr("%1: the connected Marketo instance has no field \"%2\", so "
                                                   "Marketo sends it empty")
                                            .arg(part.text, field->apiName));
            }
        }
    };
    check(c.webhook.url, DiagnosticLocation {Part::Url});
    for (int i = 0; i < c.webhook.headers.size(); ++i) {
        check(c.webhook.headers.at(i).value, DiagnosticLocation::header(i, true));
    }
    if (c.webhook.sendsBody()) {
        check(c.webhook.payloadTemplate, DiagnosticLocation {Part::Template});
    }
}

} // namespace

QList<Diagnostic> Linter::lint(const Workspace& workspace, const Webhook& webhook, int leadIndex, const QDateTime& now)
{
    QJsonObject lead;
    if (leadIndex < 0 && !workspace.leads.isEmpty()) {
        lead = workspace.leads.first();
    } else if (leadIndex >= 0 && leadIndex < workspace.leads.size()) {
        lead = workspace.leads.at(leadIndex);
    }

    const Renderer renderer(workspace, webhook);
    const RenderedRequest rendered = renderer.render(lead, now);
    const TokenResolver resolver(workspace);
    QList<Diagnostic> out = rendered.diagnostics;
    LintContext c {workspace, webhook, lead, now, rendered, resolver, out};

    lintUrl(c);
    int contentTypeIndex = -1;
    lintHeaders(c, &contentTypeIndex);
    lintBody(c, contentTypeIndex);
    lintMappings(c);
    lintInstanceFields(c);

    for (Diagnostic& d : out) {
        d.webhook = webhook.name;
    }
    return out;
}

QList<Diagnostic> Linter::lintAll(const Workspace& workspace, const QDateTime& now)
{
    QList<Diagnostic> out;
    for (const Webhook& w : workspace.webhooks) {
        out += lint(workspace, w, -1, now);
    }
    return out;
}
