#include "Renderer.h"

#include "model/SecretKeys.h"

#include "template/TemplateEscapes.h"
#include "template/TokenEncoder.h"
#include "template/TokenResolver.h"

#include <QHash>
#include <QVarLengthArray>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>

namespace {

// Where a token occurs, prepared once so a per-lead diagnostic costs no text scanning.
struct Occurrence
{
    DiagnosticLocation where;
    int offset = 0;
    int length = 0;
    int line = 0;
    int column = 0;
    QString tokenText;
    bool inBody = false;
};

// A piece of a prepared text: literal (bytes for the body, text for URL and headers) or
// a token, by index into the bindings and occurrences.
struct Segment
{
    int binding = -1;
    int occurrence = -1;
    QByteArray bytes;
    QString text;
};

struct PreparedHeader
{
    QList<Segment> name;
    QList<Segment> value;
    bool secret = false;
};

QString foldedKey(const TokenRef& ref)
{
    QString key = ref.scope.toCaseFolded() + QChar(0x1F) + ref.name.toCaseFolded();
    if (ref.hasDefault) {
        key += QChar(0x1E) + ref.defaultValue;
    }
    return key;
}

// RFC 7230 token characters, the only ones a header name may hold.
bool isTchar(QChar c)
{
    if (c.unicode() > 0x7e) {
        return false;
    }
    const char ch = char(c.unicode());
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
           || QByteArrayView("!#$%&'*+-.^_`|~").contains(ch);
}

bool hasLineBreak(QStringView s)
{
    return s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r'));
}

} // namespace

struct Renderer::Private
{
    explicit Private(const Workspace& workspace) : resolver(workspace) { }

    TokenResolver resolver;
    QList<TokenResolver::Binding> bindings;
    QList<bool> inHeader; // by binding: used in a header name or value
    // By binding: where its field's key was in the last lead rendered. Only a hint, so
    // concurrent renders may race on it harmlessly.
    std::unique_ptr<std::atomic<int>[]> keyHints;
    QHash<QString, int> bindingIndex;
    QList<Occurrence> occurrences;
    QList<Diagnostic> staticDiagnostics;

    QString method;
    bool sendsBody = true;
    TokenEncoding encoding = TokenEncoding::None;
    QList<Segment> url;
    QList<Segment> body;
    QList<PreparedHeader> headers;
    qsizetype bodyLiteralBytes = 0;
    int bodyTokens = 0;
    mutable std::atomic<qsizetype> bodySizeHint {0};

    // Line starts of the text being prepared, so locating each of many tokens in a large
    // template is a binary search rather than a scan from the start.
    const QChar* indexedText = nullptr;
    qsizetype indexedSize = -1;
    QList<int> lineStarts;

    void locate(const QString& text, int offset, int* line, int* column)
    {
        if (text.constData() != indexedText || text.size() != indexedSize) {
            indexedText = text.constData();
            indexedSize = text.size();
            lineStarts = {0};
            for (int i = 0; i < text.size(); ++i) {
                if (text.at(i) == QLatin1Char('\n')) {
                    lineStarts.append(i + 1);
                }
            }
        }
        const auto it = std::upper_bound(lineStarts.cbegin(), lineStarts.cend(), offset);
        const int index = int(it - lineStarts.cbegin()) - 1;
        *line = index + 1;
        *column = offset - lineStarts.at(index) + 1;
    }

    Diagnostic diagnostic(Diagnostic::Severity severity,
                          const DiagnosticLocation& where,
                          const QString& text,
                          int offset,
                          int length,
                          const QString& code,
                          const QString& message)
    {
        // As Diagnostic::at(), with the line starts of the text cached.
        Diagnostic d = Diagnostic::make(severity, where, code, message);
        d.offset = offset;
        d.length = length;
        locate(text, offset, &d.line, &d.column);
        return d;
    }

    static Diagnostic
    diagnostic(Diagnostic::Severity severity, const Occurrence& o, const QString& code, const QString& message)
    {
        Diagnostic d = Diagnostic::make(severity, o.where, code, message);
        d.offset = o.offset;
        d.length = o.length;
        d.line = o.line;
        d.column = o.column;
        return d;
    }

    int bind(const TokenRef& ref)
    {
        const QString key = foldedKey(ref);
        const auto it = bindingIndex.constFind(key);
        if (it != bindingIndex.constEnd()) {
            return *it;
        }
        const int index = int(bindings.size());
        bindings.append(resolver.bind(ref));
        inHeader.append(false);
        bindingIndex.insert(key, index);
        return index;
    }

    // Registers a token occurrence and its binding-time diagnostics.
    Segment tokenSegment(const TemplatePart& part, const DiagnosticLocation& where, const QString& text, bool inBody)
    {
        Segment s;
        s.binding = bind(part.token);
        Occurrence o;
        o.where = where;
        o.offset = part.offset;
        o.length = part.length;
        locate(text, part.offset, &o.line, &o.column);
        o.tokenText = part.text;
        o.inBody = inBody;
        s.occurrence = int(occurrences.size());

        const TokenResolver::Binding& b = bindings.at(s.binding);
        switch (b.status) {
        case TokenValue::Status::Ok:
        case TokenValue::Status::Empty:
            break;
        case TokenValue::Status::UnknownScope:
            staticDiagnostics.append(
                diagnostic(Diagnostic::Severity::Error, o, QStringLiteral("unknown-scope"), TokenResolver::problem(b)));
            break;
        case TokenValue::Status::UnknownField:
            staticDiagnostics.append(
                diagnostic(Diagnostic::Severity::Error, o, QStringLiteral("unknown-field"), TokenResolver::problem(b)));
            break;
        case TokenValue::Status::ScopeNotProvided:
            staticDiagnostics.append(diagnostic(
                Diagnostic::Severity::Warning, o, QStringLiteral("scope-not-in-context"), TokenResolver::problem(b)));
            break;
        case TokenValue::Status::SecretMissing:
            staticDiagnostics.append(diagnostic(
                Diagnostic::Severity::Error, o, QStringLiteral("missing-secret"), TokenResolver::problem(b)));
            break;
        }
        occurrences.append(std::move(o));
        return s;
    }

    void malformed(const TemplatePart& part, const DiagnosticLocation& where, const QString& text)
    {
        staticDiagnostics.append(diagnostic(Diagnostic::Severity::Warning,
                                            where,
                                            text,
                                            part.offset,
                                            part.length,
                                            QStringLiteral("malformed-token"),
                                            part.problem + tr("; it is sent as literal text")));
    }

    // URL and header text: literal characters exactly as written.
    QList<Segment> prepareText(const QString& text, const DiagnosticLocation& where)
    {
        QList<Segment> out;
        for (const TemplatePart& part : TemplateParser::parse(text)) {
            if (part.kind == TemplatePart::Kind::Token) {
                out.append(tokenSegment(part, where, text, false));
                continue;
            }
            if (part.kind == TemplatePart::Kind::Malformed) {
                malformed(part, where, text);
            }
            if (!out.isEmpty() && out.last().binding < 0) {
                out.last().text += part.text;
            } else {
                Segment s;
                s.text = part.text;
                out.append(std::move(s));
            }
        }
        return out;
    }

    void prepareBody(const QString& text)
    {
        const DiagnosticLocation where {DiagnosticLocation::Part::Template};
        const QList<TemplatePart> parts = TemplateParser::parse(text);
        // Literal and malformed parts render alike, so a run of them is escape-processed
        // as one piece: a backslash before a malformed "{{" pairs with its brace.
        int runStart = -1;
        int runEnd = -1;
        auto flush = [&] {
            if (runStart < 0) {
                return;
            }
            QList<TemplateEscapes::Error> errors;
            const QString processed = TemplateEscapes::process(text, runStart, runEnd, &errors);
            for (const auto& e : std::as_const(errors)) {
                staticDiagnostics.append(diagnostic(Diagnostic::Severity::Error,
                                                    where,
                                                    text,
                                                    e.offset,
                                                    e.length,
                                                    QStringLiteral("invalid-escape"),
                                                    e.message));
            }
            Segment s;
            s.bytes = processed.toUtf8();
            bodyLiteralBytes += s.bytes.size();
            body.append(std::move(s));
            runStart = -1;
        };
        for (const TemplatePart& part : parts) {
            if (part.kind == TemplatePart::Kind::Token) {
                flush();
                body.append(tokenSegment(part, where, text, true));
                ++bodyTokens;
                continue;
            }
            if (part.kind == TemplatePart::Kind::Malformed) {
                malformed(part, where, text);
            }
            if (runStart < 0) {
                runStart = part.offset;
            }
            runEnd = part.offset + part.length;
        }
        flush();
    }

    void prepare(const Webhook& webhook)
    {
        method = WebhookEnums::name(webhook.requestType);
        sendsBody = webhook.sendsBody();
        encoding = webhook.requestTokenEncoding;

        url = prepareText(webhook.url, {DiagnosticLocation::Part::Url});
        for (int i = 0; i < webhook.headers.size(); ++i) {
            const Header& h = webhook.headers.at(i);
            const auto nameWhere = DiagnosticLocation::header(i, false);
            const auto valueWhere = DiagnosticLocation::header(i, true);
            PreparedHeader ph;
            ph.secret = h.secret;
            ph.name = prepareText(h.name, nameWhere);
            ph.value = prepareText(h.value, valueWhere);
            for (const Segment& s : std::as_const(ph.value)) {
                if (s.binding >= 0 && bindings.at(s.binding).secret) {
                    ph.secret = true;
                }
            }
            for (const QList<Segment>* segments : {&ph.name, &ph.value}) {
                for (const Segment& s : *segments) {
                    if (s.binding >= 0) {
                        inHeader[s.binding] = true;
                    }
                }
            }
            if (h.secret && h.missing) {
                const QString key = SecretKeys::header(webhook.name, h.name);
                staticDiagnostics.append(
                    Diagnostic::make(Diagnostic::Severity::Error,
                                     valueWhere,
                                     QStringLiteral("missing-secret"),
                                     tr("secret \"%1\" has no value: it is not in the keychain and %2 is not set")
                                         .arg(key, SecretKeys::environmentVariable(key))));
            }
            if (!headerLineBreaks(h.name, nameWhere))
                headerName(h.name, i, nameWhere);
            headerLineBreaks(h.value, valueWhere);
            headers.append(std::move(ph));
        }
        // Marketo does not send the payload with GET, so its text cannot cause anything;
        // the linter says that a payload on GET is ignored.
        if (sendsBody) {
            prepareBody(webhook.payloadTemplate);
        }

        keyHints.reset(new std::atomic<int>[size_t(std::max<qsizetype>(1, bindings.size()))]);
        for (qsizetype i = 0; i < bindings.size(); ++i) {
            keyHints[size_t(i)].store(-1);
        }

        bool systemTime = false;
        for (const auto& b : std::as_const(bindings)) {
            systemTime = systemTime || (b.status == TokenValue::Status::Ok && b.isSystemTime());
        }
        if (systemTime && !resolver.timeZoneValid()) {
            staticDiagnostics.append(Diagnostic::make(
                Diagnostic::Severity::Warning,
                {DiagnosticLocation::Part::TimeZone},
                QStringLiteral("unknown-time-zone"),
                tr("unknown time zone \"%1\": system date and time tokens use UTC").arg(resolver.timeZoneId())));
        }
    }

    // A name HTTP does not allow (empty, a space, a colon, a token...) is refused by every
    // HTTP stack, so the request cannot be sent: an error here, not only in lint, so that
    // render and send agree.
    void headerName(const QString& name, int index, const DiagnosticLocation& where)
    {
        if (name.isEmpty()) {
            // About the whole property: there is no character to point at.
            staticDiagnostics.append(Diagnostic::make(Diagnostic::Severity::Error,
                                                      where,
                                                      QStringLiteral("empty-header-name"),
                                                      tr("Header %1 has no name").arg(index + 1)));
            return;
        }
        for (int k = 0; k < name.size(); ++k) {
            const QChar bad = name.at(k);
            if (isTchar(bad))
                continue;
            const QString shown = bad == QLatin1Char(' ') ? tr("a space") : QStringLiteral("\"%1\"").arg(bad);
            QString message = tr("A header name cannot contain %1: only letters, digits and "
                                 "!#$%&'*+-.^_`|~ are allowed")
                                  .arg(shown);
            if (bad == QLatin1Char('{')) {
                message += tr(" (tokens are allowed in header values, not names)");
            } else if (bad == QLatin1Char(':')) {
                message += tr(" (write the value in the value column)");
            }
            staticDiagnostics.append(diagnostic(
                Diagnostic::Severity::Error, where, name, k, 1, QStringLiteral("invalid-header-name"), message));
            return;
        }
    }

    // A line break written literally into a header is wrong for every lead. True when found.
    bool headerLineBreaks(const QString& text, const DiagnosticLocation& where)
    {
        const QList<TemplatePart> parts = TemplateParser::parse(text);
        for (const TemplatePart& part : parts) {
            if (part.kind == TemplatePart::Kind::Token) {
                continue;
            }
            for (int i = 0; i < part.text.size(); ++i) {
                const QChar c = part.text.at(i);
                if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                    staticDiagnostics.append(diagnostic(Diagnostic::Severity::Error,
                                                        where,
                                                        text,
                                                        part.offset + i,
                                                        1,
                                                        QStringLiteral("header-line-break"),
                                                        tr("a line break in a header is not allowed (it would inject "
                                                           "headers); the request is not sent")));
                    return true;
                }
            }
        }
        return false;
    }

    static qsizetype literalSize(const QList<Segment>& segments)
    {
        qsizetype size = 0;
        for (const Segment& s : segments) {
            size += s.text.size();
        }
        return size;
    }

    QString renderText(const QList<Segment>& segments, const TokenValue* values, bool urlEncode) const
    {
        if (segments.size() == 1 && segments.front().binding < 0) {
            return segments.front().text;
        }
        QString out;
        out.reserve(literalSize(segments) + 16 * segments.size());
        for (const Segment& s : segments) {
            if (s.binding < 0) {
                out += s.text;
            } else if (urlEncode) {
                TokenEncoder::appendUrlComponent(out, values[s.binding].text);
            } else {
                out += values[s.binding].text;
            }
        }
        return out;
    }

    void valueDiagnostics(const QList<Segment>& segments,
                          const TokenValue* values,
                          TokenEncoding bodyEncoding,
                          bool header,
                          QList<Diagnostic>& out) const
    {
        for (const Segment& s : segments) {
            if (s.binding < 0) {
                continue;
            }
            const TokenValue& v = values[s.binding];
            const Occurrence& o = occurrences.at(s.occurrence);
            if (v.status == TokenValue::Status::Empty) {
                const bool json = o.inBody && bodyEncoding == TokenEncoding::Json;
                QString message =
                    v.unsupportedValue
                        ? tr("%1: the lead's value is a list or object, which a token cannot send; ").arg(o.tokenText)
                        : tr("%1: the value is empty or missing and there is no :default=; ").arg(o.tokenText);
                message += json ? tr("it renders as null") : tr("it renders empty");
                out.append(
                    diagnostic(Diagnostic::Severity::Warning,
                               o,
                               v.unsupportedValue ? QStringLiteral("unsupported-value") : QStringLiteral("empty-token"),
                               message));
            }
            if (o.inBody && bodyEncoding == TokenEncoding::Json && v.invalidNumber) {
                out.append(
                    diagnostic(Diagnostic::Severity::Warning,
                               o,
                               QStringLiteral("invalid-number"),
                               tr("%1: \"%2\" is not a valid number, but the field's type is %3; it is sent as a "
                                  "JSON string")
                                   .arg(o.tokenText, v.text, FieldTypes::name(bindings.at(s.binding).field.type))));
            }
            if (o.inBody && bodyEncoding == TokenEncoding::Json && v.invalidBoolean) {
                out.append(diagnostic(
                    Diagnostic::Severity::Warning,
                    o,
                    QStringLiteral("invalid-boolean"),
                    tr("%1: \"%2\" is not a valid boolean; it is sent as a JSON string").arg(o.tokenText, v.text)));
            }
            if (header && hasLineBreak(v.text)) {
                out.append(diagnostic(Diagnostic::Severity::Error,
                                      o,
                                      QStringLiteral("header-line-break"),
                                      tr("%1: the value contains a line break, which is not allowed in "
                                         "a header (it would inject headers); the request is not sent")
                                          .arg(o.tokenText)));
            }
        }
    }
};

Renderer::Renderer(const Workspace& workspace, const Webhook& webhook) : d(new Private(workspace))
{
    d->prepare(webhook);
}

Renderer::~Renderer()
{
    delete d;
}

RenderedRequest
Renderer::render(const QJsonObject& lead, const QDateTime& now, std::optional<TokenEncoding> encoding) const
{
    const TokenEncoding bodyEncoding = encoding.value_or(d->encoding);
    const int n = int(d->bindings.size());
    QVarLengthArray<TokenValue, 32> values(n);
    TokenResolver::LeadLookup lookup(lead);
    bool unusual = false;
    for (int i = 0; i < n; ++i) {
        values[i] = d->resolver.resolve(d->bindings.at(i), lookup, now, &d->keyHints[i]);
        const TokenValue& v = values[i];
        unusual = unusual || v.status == TokenValue::Status::Empty || v.invalidNumber || v.invalidBoolean
                  || (d->inHeader.at(i) && hasLineBreak(v.text));
    }

    RenderedRequest r;
    r.method = d->method;
    r.url = d->renderText(d->url, values.constData(), true);
    r.headers.reserve(d->headers.size());
    for (const PreparedHeader& h : std::as_const(d->headers)) {
        RenderedHeader rh;
        rh.name = d->renderText(h.name, values.constData(), false);
        rh.value = d->renderText(h.value, values.constData(), false);
        rh.secret = h.secret;
        r.headers.append(std::move(rh));
    }

    r.hasBody = d->sendsBody;
    if (d->sendsBody) {
        // One allocation per body, at its exact size: the literal bytes plus each value's
        // encoded size, then written through a raw pointer.
        qsizetype size = d->bodyLiteralBytes;
        for (const Segment& s : std::as_const(d->body)) {
            if (s.binding >= 0) {
                size += TokenEncoder::bodySize(values[s.binding], bodyEncoding);
            }
        }
        r.body = QByteArray(size, Qt::Uninitialized);
        char* p = r.body.data();
        for (const Segment& s : std::as_const(d->body)) {
            if (s.binding < 0) {
                std::memcpy(p, s.bytes.constData(), size_t(s.bytes.size()));
                p += s.bytes.size();
            } else {
                p = TokenEncoder::writeBody(p, values[s.binding], bodyEncoding);
            }
        }
        Q_ASSERT(p == r.body.constData() + size);
    }

    r.diagnostics = d->staticDiagnostics;
    if (unusual) {
        d->valueDiagnostics(d->url, values.constData(), bodyEncoding, false, r.diagnostics);
        for (const PreparedHeader& h : std::as_const(d->headers)) {
            d->valueDiagnostics(h.name, values.constData(), bodyEncoding, true, r.diagnostics);
            d->valueDiagnostics(h.value, values.constData(), bodyEncoding, true, r.diagnostics);
        }
        d->valueDiagnostics(d->body, values.constData(), bodyEncoding, false, r.diagnostics);
    }
    return r;
}
