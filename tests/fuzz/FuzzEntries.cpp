#include "FuzzEntries.h"

#include "format/CsvImporter.h"
#include "format/WorkspaceFile.h"
#include "history/CallHistory.h"
#include "response/JsonPathScanner.h"
#include "response/MappingEvaluator.h"
#include "response/ResponsePath.h"
#include "response/XmlPathScanner.h"
#include "template/Renderer.h"
#include "template/TemplateEscapes.h"
#include "template/TemplateParser.h"
#include "template/TokenEncoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTimeZone>

namespace {
// Nothing a fuzzer feeds is larger than this; a bigger saved input is a mistake.
constexpr qsizetype maxInput = 1 << 20;

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.left(80).toHex(' '));
}

// A small fixed workspace: a custom number field, a lead whose "First Name" is the
// input, context scopes present and absent, and a time zone with daylight saving time so
// system tokens take the interesting path.
Workspace fixedWorkspace(const QString& firstName)
{
    Workspace workspace;
    workspace.timeZone = QStringLiteral("Europe/Berlin");
    Field shoeSize;
    shoeSize.name = QStringLiteral("Shoe Size");
    shoeSize.apiName = QStringLiteral("shoeSize");
    shoeSize.type = FieldType::Float;
    shoeSize.custom = true;
    workspace.fields.append(shoeSize);

    QJsonObject lead;
    lead.insert(QStringLiteral("First Name"), firstName);
    lead.insert(QStringLiteral("Email Address"), QStringLiteral("ada@example.com"));
    lead.insert(QStringLiteral("Company Name"), QStringLiteral("Jack & Jill \"J\" Ltd"));
    lead.insert(QStringLiteral("Lead Score"), 42);
    lead.insert(QStringLiteral("Shoe Size"), QStringLiteral("not a number"));
    lead.insert(QStringLiteral("Unsubscribed"), false);
    lead.insert(QStringLiteral("Website"), QJsonValue::Null);
    lead.insert(QStringLiteral("Address"), QJsonArray {1, 2});
    workspace.leads.append(lead);

    workspace.context.my.present = true;
    workspace.context.my.values.append({QStringLiteral("apiKey"), QStringLiteral("s3cr\"et"), true});
    workspace.context.my.values.append({QStringLiteral("empty"), QString(), false});
    workspace.context.program.present = true;
    workspace.context.program.values.append({QStringLiteral("name"), QStringLiteral("Q4 & more"), false});
    workspace.context.trigger.present = true;
    return workspace;
}

// The parts tile the text exactly, each carrying its own source text.
QString checkParts(const QString& text)
{
    const QList<TemplatePart> parts = TemplateParser::parse(text);
    int at = 0;
    for (const TemplatePart& part : parts) {
        if (part.offset != at || part.length <= 0) {
            return QStringLiteral("template part at %1 (length %2) does not follow the previous one at %3")
                .arg(part.offset)
                .arg(part.length)
                .arg(at);
        }
        if (part.text != text.mid(part.offset, part.length)) {
            return QStringLiteral("template part at %1 does not hold its source text").arg(part.offset);
        }
        if (part.kind == TemplatePart::Kind::Malformed && part.problem.isEmpty()) {
            return QStringLiteral("malformed template part at %1 has no problem text").arg(part.offset);
        }
        at += part.length;
    }
    if (at != text.size()) {
        return QStringLiteral("template parts cover %1 of %2 characters").arg(at).arg(text.size());
    }
    return {};
}

QString checkEscapes(const QString& text)
{
    QList<TemplateEscapes::Error> errors;
    TemplateEscapes::process(text, &errors);
    for (const TemplateEscapes::Error& error : errors) {
        if (error.offset < 0 || error.length < 1 || error.length > 2 || error.offset + error.length > text.size()
            || text.at(error.offset) != QLatin1Char('\\') || error.message.isEmpty()) {
            return QStringLiteral("escape error at %1 (length %2) does not point at a backslash sequence")
                .arg(error.offset)
                .arg(error.length);
        }
    }
    return {};
}

bool isFormUrlByte(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
           || c == '_' || c == '*' || c == '+' || c == '%';
}

bool isUrlComponentChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '.'
           || u == '_' || u == '~' || u == '%';
}

// A token value comes out of each encoding so that decoding it gives the value back.
QString checkTokenRoundTrip(const Workspace& workspace, const QString& value, const QDateTime& now)
{
    Webhook webhook;
    webhook.name = QStringLiteral("round trip");
    webhook.requestType = RequestType::Post;
    webhook.url = QStringLiteral("https://example.com/?q={{lead.First Name}}");
    webhook.payloadTemplate = QStringLiteral("{\"a\": {{lead.First Name}}}");
    webhook.headers.append({QStringLiteral("X-Value"), QStringLiteral("{{lead.First Name}}"), false, {}});
    const Renderer renderer(workspace, webhook);
    const QJsonObject& lead = workspace.leads.constFirst();
    const QByteArray utf8 = value.toUtf8();

    const RenderedRequest form = renderer.render(lead, now, TokenEncoding::FormUrl);
    const QString urlPrefix = QStringLiteral("https://example.com/?q=");
    if (!form.url.startsWith(urlPrefix)) {
        return QStringLiteral("rendered URL lost its literal text: %1").arg(form.url.left(80));
    }
    const QString urlValue = form.url.mid(urlPrefix.size());
    for (QChar c : urlValue) {
        if (!isUrlComponentChar(c)) {
            return QStringLiteral("URL token value holds the unencoded character U+%1")
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
        }
    }
    if (QByteArray::fromPercentEncoding(urlValue.toLatin1()) != utf8) {
        return QStringLiteral("URL token value does not decode to the value");
    }
    if (!form.body.startsWith("{\"a\": ") || !form.body.endsWith('}')) {
        return QStringLiteral("form body lost its literal text");
    }
    QByteArray formValue = form.body.mid(6, form.body.size() - 7);
    for (char c : std::as_const(formValue)) {
        if (!isFormUrlByte(c)) {
            return QStringLiteral("Form/Url token value holds the unencoded byte 0x%1")
                .arg(uchar(c), 2, 16, QLatin1Char('0'));
        }
    }
    if (QByteArray::fromPercentEncoding(formValue.replace('+', ' ')) != utf8) {
        return QStringLiteral("Form/Url token value does not decode to the value");
    }
    if (!value.contains(QLatin1Char('\r')) && !value.contains(QLatin1Char('\n'))) {
        if (form.headers.size() != 1 || form.headers.constFirst().value != value) {
            return QStringLiteral("header token value is not inserted raw");
        }
    }

    const RenderedRequest rendered = renderer.render(lead, now, TokenEncoding::Json);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(rendered.body, &error);
    if (error.error != QJsonParseError::NoError) {
        return QStringLiteral("JSON-encoded body does not parse: %1 in %2")
            .arg(error.errorString(), hex(rendered.body));
    }
    const QJsonValue a = document.object().value(QLatin1String("a"));
    if (value.isEmpty() ? !a.isNull() : a.toString() != value) {
        return QStringLiteral("JSON-encoded token value does not decode to the value");
    }
    return {};
}

// The JSON value a path names, found the slow way through a DOM.
QJsonValue domLookup(const QJsonValue& root, const ResponsePath& path)
{
    QJsonValue current = root;
    for (const ResponsePathStep& step : path.steps()) {
        if (!current.isObject()) {
            return QJsonValue(QJsonValue::Undefined);
        }
        current = current.toObject().value(step.key);
        for (int index : step.indexes) {
            if (!current.isArray() || index >= current.toArray().size()) {
                return QJsonValue(QJsonValue::Undefined);
            }
            current = current.toArray().at(index);
        }
    }
    return current;
}

// The scanner decodes an escaped lone surrogate ("\ud800") as U+FFFD, since no lead
// field can hold one; Qt keeps it. Both are valid readings of RFC 8259.
QString withoutLoneSurrogates(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
        } else if (c.isSurrogate()) {
            text[i] = QChar::ReplacementCharacter;
        }
    }
    return text;
}

bool sameValue(const ResponseValue& found, const QJsonValue& expected)
{
    switch (found.kind) {
    case ResponseValue::Kind::Missing:
        return expected.isUndefined();
    case ResponseValue::Kind::String:
        return expected.isString() && withoutLoneSurrogates(expected.toString()) == found.string;
    case ResponseValue::Kind::Number:
        // Qt and the scanner may round a long literal differently in the last bit.
        return expected.isDouble();
    case ResponseValue::Kind::Bool:
        return expected.isBool() && expected.toBool() == found.boolean;
    case ResponseValue::Kind::Null:
        return expected.isNull();
    case ResponseValue::Kind::Object:
        return expected.isObject();
    case ResponseValue::Kind::Array:
        return expected.isArray();
    }
    return false;
}

QString checkPath(const ResponsePath& path)
{
    if (!path.isValid()) {
        if (path.errorOffset() < 0 || path.errorOffset() > path.text().size() || path.errorLength() < 0
            || path.errorOffset() + path.errorLength() > path.text().size() + 1) {
            return QStringLiteral("path error at %1 (length %2) is outside the path of %3 characters")
                .arg(path.errorOffset())
                .arg(path.errorLength())
                .arg(path.text().size());
        }
        return {};
    }
    if (path.steps().isEmpty()) {
        return QStringLiteral("a valid path has no steps");
    }
    for (const ResponsePathStep& step : path.steps()) {
        if (step.offset < 0 || step.offset + step.length > path.text().size()) {
            return QStringLiteral("path step at %1 is outside the path").arg(step.offset);
        }
        for (int index : step.indexes) {
            if (index < 0) {
                return QStringLiteral("path step has a negative index");
            }
        }
    }
    return {};
}

QString checkAllMissing(const QList<ResponseValue>& values, const char* what)
{
    for (const ResponseValue& value : values) {
        if (value.found()) {
            return QStringLiteral("%1 scan failed but still found a value").arg(QLatin1String(what));
        }
    }
    return {};
}

QString checkOutcome(const MappingOutcome& outcome, int mappings)
{
    if (outcome.mappings.size() != mappings) {
        return QStringLiteral("%1 mapping results for %2 mappings").arg(outcome.mappings.size()).arg(mappings);
    }
    for (const MappingResult& result : outcome.mappings) {
        if (result.applied == !result.reason.isEmpty()) {
            return QStringLiteral("mapping %1 is applied=%2 with reason \"%3\"")
                .arg(result.attribute)
                .arg(result.applied)
                .arg(result.reason);
        }
        if (result.applied && !outcome.statusApplies) {
            return QStringLiteral("mapping %1 applied although the response applies nothing").arg(result.attribute);
        }
    }
    return {};
}
} // namespace

QStringList FuzzEntries::targets()
{
    return {QStringLiteral("template"),
            QStringLiteral("responsepath"),
            QStringLiteral("workspace"),
            QStringLiteral("csv"),
            QStringLiteral("history")};
}

QString FuzzEntries::run(const QString& target, const QByteArray& input)
{
    if (input.size() > maxInput) {
        return QStringLiteral("input of %1 bytes is larger than any fuzzer feeds").arg(input.size());
    }
    if (target == QLatin1String("template")) {
        return templateInput(input);
    }
    if (target == QLatin1String("responsepath")) {
        return responsePathInput(input);
    }
    if (target == QLatin1String("workspace")) {
        return workspaceInput(input);
    }
    if (target == QLatin1String("csv")) {
        return csvInput(input);
    }
    if (target == QLatin1String("history")) {
        return historyInput(input);
    }
    return QStringLiteral("unknown fuzz target \"%1\"").arg(target);
}

QString FuzzEntries::templateInput(const QByteArray& input)
{
    const QString text = QString::fromUtf8(input);
    QString problem = checkParts(text);
    if (problem.isEmpty()) {
        problem = checkEscapes(text);
    }
    if (!problem.isEmpty()) {
        return problem;
    }

    const Workspace workspace = fixedWorkspace(text);
    const QDateTime now(QDate(2026, 3, 29), QTime(1, 30), QTimeZone::utc());
    Webhook webhook;
    webhook.name = QStringLiteral("fuzz");
    webhook.requestType = RequestType::Post;
    webhook.url = text;
    webhook.payloadTemplate = text;
    webhook.headers.append({QStringLiteral("X-Fuzz"), text, false, {}});
    webhook.headers.append({text, QStringLiteral("{{my.apiKey}}"), true, {}});
    const Renderer renderer(workspace, webhook);
    for (TokenEncoding encoding : {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl}) {
        const RenderedRequest request = renderer.render(workspace.leads.constFirst(), now, encoding);
        if (!request.hasBody || request.headers.size() != 2) {
            return QStringLiteral("a POST rendered without its body or headers");
        }
        for (const Diagnostic& diagnostic : request.diagnostics) {
            if (diagnostic.message.isEmpty()) {
                return QStringLiteral("a diagnostic without a message");
            }
        }
        request.toJson(true);
    }
    return checkTokenRoundTrip(workspace, text, now);
}

QString FuzzEntries::responsePathInput(const QByteArray& input)
{
    const qsizetype newline = input.indexOf('\n');
    const QByteArray pathLine = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);

    QList<ResponsePath> jsonPaths;
    QList<ResponsePath> xmlPaths;
    Webhook webhook;
    webhook.name = QStringLiteral("fuzz");
    // Fields of each kind a mapping can target: string, integer, float, boolean, date.
    static const QStringList fields {QStringLiteral("firstName"),
                                     QStringLiteral("leadScore"),
                                     QStringLiteral("annualRevenue"),
                                     QStringLiteral("unsubscribed"),
                                     QStringLiteral("dateOfBirth")};
    const QList<QByteArray> texts = pathLine.split('|');
    for (const QByteArray& pathText : texts) {
        const QString text = QString::fromUtf8(pathText);
        jsonPaths.append(ResponsePath::parse(text, ResponsePath::Syntax::Json));
        xmlPaths.append(ResponsePath::parse(text, ResponsePath::Syntax::Xml));
        QString problem = checkPath(jsonPaths.constLast());
        if (problem.isEmpty()) {
            problem = checkPath(xmlPaths.constLast());
        }
        if (!problem.isEmpty()) {
            return problem;
        }
        webhook.responseMappings.append({text, fields.at(webhook.responseMappings.size() % fields.size()), {}});
    }

    JsonPathScanner json(jsonPaths);
    const bool jsonOk = json.scan(body);
    if (json.values().size() != jsonPaths.size()) {
        return QStringLiteral("JSON scan gave %1 values for %2 paths").arg(json.values().size()).arg(jsonPaths.size());
    }
    if (!jsonOk) {
        if (json.errorString().isEmpty() || json.errorOffset() < 0 || json.errorOffset() > body.size()) {
            return QStringLiteral("JSON scan failed with error offset %1 in %2 bytes: \"%3\"")
                .arg(json.errorOffset())
                .arg(body.size())
                .arg(json.errorString());
        }
        const QString problem = checkAllMissing(json.values(), "JSON");
        if (!problem.isEmpty()) {
            return problem;
        }
    }
    // Differential check against Qt's DOM parser where both accept the document.
    QJsonParseError domError;
    const QJsonDocument dom = QJsonDocument::fromJson(body, &domError);
    if (jsonOk && domError.error == QJsonParseError::NoError && (dom.isObject() || dom.isArray())) {
        const QJsonValue root = dom.isObject() ? QJsonValue(dom.object()) : QJsonValue(dom.array());
        for (int i = 0; i < jsonPaths.size(); ++i) {
            if (jsonPaths.at(i).isValid() && !sameValue(json.values().at(i), domLookup(root, jsonPaths.at(i)))) {
                return QStringLiteral("JSON path %1 found a %2 where the DOM has something else")
                    .arg(jsonPaths.at(i).text(), ResponseValue::kindName(json.values().at(i).kind));
            }
        }
    }

    XmlPathScanner xml(xmlPaths);
    const bool xmlOk = xml.scan(body);
    if (xml.values().size() != xmlPaths.size()) {
        return QStringLiteral("XML scan gave %1 values for %2 paths").arg(xml.values().size()).arg(xmlPaths.size());
    }
    if (!xmlOk) {
        if (xml.errorString().isEmpty()) {
            return QStringLiteral("XML scan failed without an error message");
        }
        const QString problem = checkAllMissing(xml.values(), "XML");
        if (!problem.isEmpty()) {
            return problem;
        }
    }

    const Workspace workspace = fixedWorkspace(QStringLiteral("Ada"));
    for (ResponseType type : {ResponseType::Json, ResponseType::Xml}) {
        webhook.responseType = type;
        for (int status : {200, 404}) {
            const MappingOutcome outcome =
                MappingEvaluator::evaluate(workspace, webhook, workspace.leads.constFirst(), status, body);
            const QString problem = checkOutcome(outcome, int(webhook.responseMappings.size()));
            if (!problem.isEmpty()) {
                return problem;
            }
            if (status == 404 && outcome.appliedCount() != 0) {
                return QStringLiteral("a 404 response applied a mapping");
            }
        }
    }
    return {};
}

QString FuzzEntries::workspaceInput(const QByteArray& input)
{
    Workspace workspace;
    QString error;
    WorkspaceFileProblem problem;
    if (!WorkspaceFile::read(input, &workspace, &error, &problem)) {
        if (error.isEmpty() || problem.line < 0 || problem.column < 0) {
            return QStringLiteral("a rejected workspace without a message or with a negative position");
        }
        return {};
    }
    const QByteArray written = WorkspaceFile::write(workspace);
    Workspace reread;
    QString rereadError;
    if (!WorkspaceFile::read(written, &reread, &rereadError)) {
        return QStringLiteral("a saved workspace does not load again: %1").arg(rereadError);
    }
    const QByteArray rewritten = WorkspaceFile::write(reread);
    if (rewritten != written) {
        qsizetype at = 0;
        while (at < written.size() && at < rewritten.size() && written.at(at) == rewritten.at(at)) {
            ++at;
        }
        return QStringLiteral("saving a reloaded workspace gives different bytes from byte %1: %2 / %3")
            .arg(at)
            .arg(QString::fromUtf8(written.mid(at, 60)), QString::fromUtf8(rewritten.mid(at, 60)));
    }
    return {};
}

QString FuzzEntries::csvInput(const QByteArray& input)
{
    static const FieldCatalog catalog;
    CsvImportResult result;
    QString fatal;
    if (!CsvImporter::import(input, catalog, &result, &fatal) && (fatal.isEmpty() || !result.leads.isEmpty())) {
        return QStringLiteral("a fatal import still produced %1 leads").arg(result.leads.size());
    }
    for (const CsvRowError& error : result.errors) {
        if (error.row < 2 || error.line < 1 || error.message.isEmpty()) {
            return QStringLiteral("row error \"%1\" at row %2, line %3")
                .arg(error.message)
                .arg(error.row)
                .arg(error.line);
        }
    }
    for (const QJsonObject& lead : result.leads) {
        for (auto it = lead.begin(); it != lead.end(); ++it) {
            if (it.key().isEmpty() || !it.value().isString() || it.value().toString().isEmpty()) {
                return QStringLiteral("an imported lead holds key \"%1\" with a value that is not a non-empty string")
                    .arg(it.key());
            }
        }
    }
    return {};
}

QString FuzzEntries::historyInput(const QByteArray& input)
{
    // The history reader works on a file next to the workspace; one directory serves every
    // input and is emptied after each.
    static QTemporaryDir directory;
    if (!directory.isValid()) {
        return QStringLiteral("no temporary directory: %1").arg(directory.errorString());
    }
    const QString workspaceFile = directory.filePath(QStringLiteral("fuzz.webhooks.json"));
    const auto cleanUp = qScopeGuard([] {
        const QStringList names = QDir(directory.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString& name : names) {
            QFile::remove(directory.filePath(name));
        }
    });
    {
        QFile file(CallHistory::fileNameFor(workspaceFile));
        if (!file.open(QIODevice::WriteOnly) || file.write(input) != input.size()) {
            return QStringLiteral("cannot write the history file: %1").arg(file.errorString());
        }
    }

    CallHistory history(workspaceFile);
    const QList<CallHistoryEntry> entries = history.entries();
    for (const CallHistoryEntry& entry : entries) {
        CallHistoryEntry again;
        if (!CallHistoryEntry::fromJson(entry.toJson(), &again) || again.toJson() != entry.toJson()) {
            return QStringLiteral("a history entry does not survive toJson and fromJson");
        }
    }
    // A damaged file was set aside and rewritten with the readable entries: reading again
    // gives the same entries and nothing to report.
    CallHistory reread(workspaceFile);
    const QList<CallHistoryEntry> again = reread.entries();
    if (again.size() != entries.size()) {
        return QStringLiteral("the history read %1 entries, then %2").arg(entries.size()).arg(again.size());
    }
    if (!history.warnings().isEmpty() && !reread.warnings().isEmpty()) {
        return QStringLiteral("a rewritten history is still damaged: %1").arg(reread.warnings().join(u' '));
    }
    return {};
}
