#include "template/Linter.h"

#include <QTest>

#include <functional>

class tst_Linter : public QObject
{
    Q_OBJECT

private slots:
    void cleanWebhookHasNoDiagnostics();
    void rules_data();
    void rules();
    void errorInTokenValuePointsAtToken();
    void quotedTokenMessageShowsWhatIsSent();
    void lintAllNamesWebhooks();
    void usesChosenLead();
    void instanceFieldsUnknownBeforeAFieldImport();
    void mappingToAReadOnlyField();
    void mappingToAFieldTheInstanceLacks();
    void tokenNamingAFieldTheInstanceLacks();
};

namespace {
Workspace baseWorkspace()
{
    Workspace ws;
    ws.leads << QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Ada")},
                             {QStringLiteral("Email Address"), QStringLiteral("ada@example.com")},
                             {QStringLiteral("Company Name"), QStringLiteral("Jack \"J\" & Jill")},
                             {QStringLiteral("Lead Score"), 42}};
    ws.leads << QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Grace")},
                             {QStringLiteral("Email Address"), QStringLiteral("grace@example.com")}};
    return ws;
}

Webhook baseWebhook()
{
    Webhook w;
    w.name = QStringLiteral("Enrich lead");
    w.url = QStringLiteral("https://api.example.com/enrich?email={{lead.Email Address}}");
    w.requestType = RequestType::Post;
    w.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}, \"score\": {{lead.Lead Score}}}");
    w.requestTokenEncoding = TokenEncoding::Json;
    w.responseType = ResponseType::Json;
    w.headers << Header {QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}, false};
    w.responseMappings << ResponseMapping {QStringLiteral("data.company"), QStringLiteral("company"), {}};
    return w;
}

const QDateTime fixedNow = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);

using Edit = std::function<void(Webhook&)>;

Header header(const char* name, const char* value)
{
    return Header {QString::fromUtf8(name), QString::fromUtf8(value), false, {}, false};
}

QString describe(const QList<Diagnostic>& ds)
{
    QStringList lines;
    for (const Diagnostic& d : ds) {
        lines << QStringLiteral("%1 %2 %3 %4:%5 %6")
                     .arg(d.code, Diagnostic::severityName(d.severity), d.where.toString())
                     .arg(d.line)
                     .arg(d.column)
                     .arg(d.message);
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

Q_DECLARE_METATYPE(Edit)

void tst_Linter::cleanWebhookHasNoDiagnostics()
{
    const Workspace ws = baseWorkspace();
    const QList<Diagnostic> ds = Linter::lint(ws, baseWebhook(), -1, fixedNow);
    QVERIFY2(ds.isEmpty(), qPrintable(describe(ds)));
}

void tst_Linter::rules_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("where");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column"); // -1: not asserted

    const auto row = [](const char* name,
                        Edit edit,
                        const char* code,
                        const char* severity,
                        const QString& where,
                        int line,
                        int column) {
        QTest::newRow(name) << edit << QString::fromLatin1(code) << QString::fromLatin1(severity) << where << line
                            << column;
    };
    const QString tmpl = QStringLiteral("template");

    row(
        "None encoding, JSON body",
        [](Webhook& w) {
            w.requestTokenEncoding = TokenEncoding::None;
            w.payloadTemplate = QStringLiteral("{\"email\": \"{{lead.Email Address}}\"}");
        },
        "none-encoding-json-body",
        "warning",
        tmpl,
        1,
        12);
    row(
        "None encoding, JSON body by shape",
        [](Webhook& w) {
            w.requestTokenEncoding = TokenEncoding::None;
            w.headers.clear();
            w.payloadTemplate = QStringLiteral("\n  [{{lead.Lead Score}}]");
        },
        "none-encoding-json-body",
        "warning",
        tmpl,
        2,
        4);
    row(
        "None encoding, form body",
        [](Webhook& w) {
            w.requestTokenEncoding = TokenEncoding::None;
            w.headers = {header("Content-Type", "application/x-www-form-urlencoded")};
            w.payloadTemplate = QStringLiteral("email={{lead.Email Address}}&company={{lead.Company Name}}");
        },
        "none-encoding-form-body",
        "warning",
        tmpl,
        1,
        7);
    row(
        "None encoding, form body by shape",
        [](Webhook& w) {
            w.requestTokenEncoding = TokenEncoding::None;
            w.headers = {header("Content-Type", "text/plain")};
            w.payloadTemplate = QStringLiteral("a=1&company={{lead.Company Name}}");
        },
        "none-encoding-form-body",
        "warning",
        tmpl,
        1,
        13);
    row(
        "quotes around a token",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\n  \"name\": \"{{lead.First Name}}\"\n}"); },
        "quoted-token-json",
        "error",
        tmpl,
        2,
        11);
    row(
        "token inside a JSON string",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"greeting\": \"Hello {{lead.First Name}}!\"}"); },
        "quoted-token-json",
        "error",
        tmpl,
        1,
        21);
    row(
        "quoted number token is a warning",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"score\": \"{{lead.Lead Score}}\"}"); },
        "quoted-token-json",
        "warning",
        tmpl,
        1,
        11);
    row(
        "rendered body not JSON",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}} \"x\": 1}"); },
        "invalid-json-body",
        "error",
        tmpl,
        1,
        34);
    row(
        "trailing comma on line 3",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\n  \"a\": {{lead.Lead Score}},\n}"); },
        "invalid-json-body",
        "error",
        tmpl,
        3,
        1);
    row(
        "escaped newline counts once",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"a\": \"x\\\\ny\"\n  \"b\": 1}"); },
        "invalid-json-body",
        "error",
        tmpl,
        2,
        3);
    row(
        "unclosed JSON body",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"a\": {{lead.Lead Score}}"); },
        "invalid-json-body",
        "error",
        tmpl,
        1,
        26);
    row(
        "rendered body not XML",
        [](Webhook& w) {
            w.requestTokenEncoding = TokenEncoding::None;
            w.headers = {header("Content-Type", "application/xml")};
            w.payloadTemplate = QStringLiteral("<lead>\n<email>{{lead.Email Address}}</mail>\n</lead>");
        },
        "invalid-xml-body",
        "error",
        tmpl,
        2,
        -1);
    row(
        "payload on GET",
        [](Webhook& w) { w.requestType = RequestType::Get; },
        "payload-on-get",
        "warning",
        QStringLiteral("requestType"),
        0,
        0);
    row(
        "body without Content-Type",
        [](Webhook& w) { w.headers.clear(); },
        "missing-content-type",
        "warning",
        QStringLiteral("headers"),
        0,
        0);
    row(
        "invalid header name",
        [](Webhook& w) { w.headers << header("X Api Key", "abc"); },
        "invalid-header-name",
        "error",
        QStringLiteral("headers[1].name"),
        1,
        2);
    row(
        "header name with colon",
        [](Webhook& w) { w.headers << header("Authorization:", "Bearer x"); },
        "invalid-header-name",
        "error",
        QStringLiteral("headers[1].name"),
        1,
        14);
    row(
        "empty header name",
        [](Webhook& w) { w.headers << header("", "x"); },
        "empty-header-name",
        "error",
        QStringLiteral("headers[1].name"),
        0,
        0);
    row(
        "duplicate header",
        [](Webhook& w) { w.headers << header("content-type", "application/json"); },
        "duplicate-header",
        "warning",
        QStringLiteral("headers[1].name"),
        1,
        1);
    row(
        "string index in path",
        [](Webhook& w) { w.responseMappings[0].attribute = QStringLiteral("data[\"company\"]"); },
        "unaddressable-path",
        "error",
        QStringLiteral("responseMappings[0].attribute"),
        1,
        5);
    row(
        "unaddressable key",
        [](Webhook& w) { w.responseMappings[0].attribute = QStringLiteral("data.company/name"); },
        "unaddressable-path",
        "error",
        QStringLiteral("responseMappings[0].attribute"),
        1,
        13);
    row(
        "unknown mapping field",
        [](Webhook& w) { w.responseMappings[0].field = QStringLiteral("shoeSize"); },
        "unknown-mapping-field",
        "error",
        QStringLiteral("responseMappings[0].field"),
        1,
        1);
    row(
        "display name instead of API name",
        [](Webhook& w) { w.responseMappings[0].field = QStringLiteral("Company Name"); },
        "unknown-mapping-field",
        "error",
        QStringLiteral("responseMappings[0].field"),
        1,
        1);
    row(
        "duplicate mapping field",
        [](Webhook& w) {
            w.responseMappings << ResponseMapping {QStringLiteral("x"), QStringLiteral("company"), {}};
        },
        "duplicate-mapping-field",
        "warning",
        QStringLiteral("responseMappings[1].field"),
        1,
        1);
    row(
        "mappings with Response Type None",
        [](Webhook& w) { w.responseType = ResponseType::None; },
        "mappings-never-apply",
        "warning",
        QStringLiteral("responseType"),
        0,
        0);
    row(
        "XML response, JSON path syntax",
        [](Webhook& w) {
            w.responseType = ResponseType::Xml;
            w.responseMappings[0].attribute = QStringLiteral("response.first name");
        },
        "xml-path-syntax",
        "error",
        QStringLiteral("responseMappings[0].attribute"),
        1,
        15);
    row(
        "XML response, two indexes",
        [](Webhook& w) {
            w.responseType = ResponseType::Xml;
            w.responseMappings[0].attribute = QStringLiteral("r.list[0][1]");
        },
        "xml-path-syntax",
        "error",
        QStringLiteral("responseMappings[0].attribute"),
        1,
        10);
    row(
        "XML response, two roots",
        [](Webhook& w) {
            w.responseType = ResponseType::Xml;
            w.responseMappings[0].attribute = QStringLiteral("response.company");
            w.responseMappings << ResponseMapping {QStringLiteral("result.city"), QStringLiteral("city"), {}};
        },
        "xml-root-mismatch",
        "warning",
        QStringLiteral("responseMappings[1].attribute"),
        1,
        1);
    row(
        "empty URL", [](Webhook& w) { w.url.clear(); }, "empty-url", "error", QStringLiteral("url"), 0, 0);
    row(
        "ftp URL",
        [](Webhook& w) { w.url = QStringLiteral("ftp://files.example.com/x"); },
        "url-scheme",
        "error",
        QStringLiteral("url"),
        1,
        1);
    row(
        "URL without scheme",
        [](Webhook& w) { w.url = QStringLiteral("api.example.com/enrich"); },
        "url-scheme",
        "error",
        QStringLiteral("url"),
        1,
        1);
    row(
        "URL without host",
        [](Webhook& w) { w.url = QStringLiteral("https:///enrich"); },
        "url-no-host",
        "error",
        QStringLiteral("url"),
        1,
        1);
    row(
        "form body with JSON encoding",
        [](Webhook& w) {
            w.headers = {header("Content-Type", "application/x-www-form-urlencoded")};
            w.payloadTemplate = QStringLiteral("email={{lead.Email Address}}");
        },
        "encoding-mismatch",
        "warning",
        QStringLiteral("requestTokenEncoding"),
        0,
        0);
    // From the renderer, carried through.
    row(
        "unknown field token",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"a\": {{lead.Shoe Size}}}"); },
        "unknown-field",
        "error",
        tmpl,
        1,
        7);
    row(
        "rejected backslash escape",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\n\"a\": \"x\\qy\"}"); },
        "invalid-escape",
        "error",
        tmpl,
        2,
        8);
    row(
        "unknown scope",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"a\": {{visitor.name}}}"); },
        "unknown-scope",
        "error",
        tmpl,
        1,
        7);
    row(
        "token outside the flow step's context",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"a\": {{campaign.name}}}"); },
        "scope-not-in-context",
        "warning",
        tmpl,
        1,
        7);
    row(
        "token outside the context in the URL",
        [](Webhook& w) { w.url = QStringLiteral("https://api.example.com/{{trigger.Name}}"); },
        "scope-not-in-context",
        "warning",
        QStringLiteral("url"),
        1,
        25);
    row(
        "spaces inside the braces",
        [](Webhook& w) { w.payloadTemplate = QStringLiteral("{\"a\": {{ lead.First Name }}}"); },
        "malformed-token",
        "warning",
        tmpl,
        1,
        7);
    row(
        "line break in a header value",
        [](Webhook& w) { w.headers << header("X-A", "a\nX-Injected: 1"); },
        "header-line-break",
        "error",
        QStringLiteral("headers[1].value"),
        1,
        2);
    row(
        "token in a header name",
        [](Webhook& w) { w.headers << header("X-{{lead.Id}}", "v"); },
        "invalid-header-name",
        "error",
        QStringLiteral("headers[1].name"),
        1,
        3);
    row(
        "wildcard in path",
        [](Webhook& w) { w.responseMappings[0].attribute = QStringLiteral("data.*"); },
        "unaddressable-path",
        "error",
        QStringLiteral("responseMappings[0].attribute"),
        1,
        6);
    row(
        "filter in path",
        [](Webhook& w) { w.responseMappings[0].attribute = QStringLiteral("data.items[?(@.id)]"); },
        "unaddressable-path",
        "error",
        QStringLiteral("responseMappings[0].attribute"),
        1,
        12);
    row(
        "JSONPath root in path",
        [](Webhook& w) { w.responseMappings[0].attribute = QStringLiteral("$.data.company"); },
        "unaddressable-path",
        "error",
        QStringLiteral("responseMappings[0].attribute"),
        1,
        1);
    row(
        "XML attribute in path",
        [](Webhook& w) {
            w.responseType = ResponseType::Xml;
            w.responseMappings[0].attribute = QStringLiteral("response.@id");
        },
        "unaddressable-path",
        "error",
        QStringLiteral("responseMappings[0].attribute"),
        1,
        10);
}

void tst_Linter::rules()
{
    QFETCH(Edit, edit);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(QString, where);
    QFETCH(int, line);
    QFETCH(int, column);

    const Workspace ws = baseWorkspace();
    Webhook w = baseWebhook();
    edit(w);
    const QList<Diagnostic> ds = Linter::lint(ws, w, -1, fixedNow);
    const Diagnostic* found = nullptr;
    for (const Diagnostic& d : ds) {
        if (d.code == code) {
            found = &d;
            break;
        }
    }
    QVERIFY2(found, qPrintable(QStringLiteral("no %1 in:\n%2").arg(code, describe(ds))));
    QCOMPARE(Diagnostic::severityName(found->severity), severity);
    QCOMPARE(found->where.toString(), where);
    QCOMPARE(found->line, line);
    if (column >= 0) {
        QCOMPARE(found->column, column);
    }
    if (line > 0) {
        QVERIFY(found->offset >= 0);
    }
    QCOMPARE(found->webhook, w.name);
    QVERIFY(!found->message.isEmpty());
}

void tst_Linter::errorInTokenValuePointsAtToken()
{
    // None encoding inserts Jack "J" & Jill raw into a JSON string: the body breaks in the
    // token's value, and the error points at the token.
    const Workspace ws = baseWorkspace();
    Webhook w = baseWebhook();
    w.requestTokenEncoding = TokenEncoding::None;
    w.payloadTemplate = QStringLiteral("{\n  \"company\": \"{{lead.Company Name}}\"\n}");
    const QList<Diagnostic> ds = Linter::lint(ws, w, 0, fixedNow);
    const auto it = std::find_if(
        ds.begin(), ds.end(), [](const Diagnostic& d) { return d.code == QLatin1String("invalid-json-body"); });
    QVERIFY2(it != ds.end(), qPrintable(describe(ds)));
    QCOMPARE(it->line, 2);
    QCOMPARE(it->column, 15);
    QCOMPARE(it->length, int(QStringLiteral("{{lead.Company Name}}").size()));
    QVERIFY2(it->message.contains(QStringLiteral("in the value of {{lead.Company Name}}")), qPrintable(it->message));
    // The None-encoding warning names the classic failure.
    QVERIFY(std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) {
        return d.code == QLatin1String("none-encoding-json-body") && d.message.contains(QStringLiteral("Jill"));
    }));
    // Grace's lead has no company: the same template renders valid JSON for her.
    const QList<Diagnostic> grace = Linter::lint(ws, w, 1, fixedNow);
    QVERIFY(std::none_of(
        grace.begin(), grace.end(), [](const Diagnostic& d) { return d.code == QLatin1String("invalid-json-body"); }));
}

void tst_Linter::quotedTokenMessageShowsWhatIsSent()
{
    const Workspace ws = baseWorkspace();
    Webhook w = baseWebhook();
    w.payloadTemplate = QStringLiteral("{\"name\": \"{{lead.First Name}}\"}");
    const QList<Diagnostic> ds = Linter::lint(ws, w, 0, fixedNow);
    const auto it = std::find_if(
        ds.begin(), ds.end(), [](const Diagnostic& d) { return d.code == QLatin1String("quoted-token-json"); });
    QVERIFY2(it != ds.end(), qPrintable(describe(ds)));
    QVERIFY2(it->message.contains(QStringLiteral("\"\"Ada\"\"")), qPrintable(it->message));
    QCOMPARE(it->offset, 9);
    QCOMPARE(it->length, int(QStringLiteral("\"{{lead.First Name}}\"").size()));
    // An escaped quote in the template is a quote Marketo sends: the token after it is
    // inside a string too.
    w.payloadTemplate = QStringLiteral("{\"a\": \"b\\\\\\\"{{lead.First Name}}\"}");
    const QList<Diagnostic> escaped = Linter::lint(ws, w, 0, fixedNow);
    QVERIFY2(std::any_of(escaped.begin(),
                         escaped.end(),
                         [](const Diagnostic& d) { return d.code == QLatin1String("quoted-token-json"); }),
             qPrintable(describe(escaped)));
}

void tst_Linter::lintAllNamesWebhooks()
{
    Workspace ws = baseWorkspace();
    Webhook a = baseWebhook();
    a.name = QStringLiteral("A");
    a.url.clear();
    Webhook b = baseWebhook();
    b.name = QStringLiteral("B");
    b.headers.clear();
    Webhook clean = baseWebhook();
    clean.name = QStringLiteral("Clean");
    ws.webhooks = {a, b, clean};
    const QList<Diagnostic> ds = Linter::lintAll(ws, fixedNow);
    QStringList seen;
    for (const Diagnostic& d : ds) {
        seen << d.webhook + QLatin1Char(':') + d.code;
    }
    QVERIFY2(seen.contains(QStringLiteral("A:empty-url")), qPrintable(seen.join(QLatin1Char(' '))));
    QVERIFY(seen.contains(QStringLiteral("B:missing-content-type")));
    QVERIFY(
        std::none_of(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.webhook == QLatin1String("Clean"); }));
    QVERIFY(Diagnostic::hasErrors(ds));
    QCOMPARE(ds.first().toJson().value(QStringLiteral("webhook")).toString(), QStringLiteral("A"));
}

void tst_Linter::usesChosenLead()
{
    // Lead 1 has no Lead Score: the renderer warns about an empty token only for it.
    const Workspace ws = baseWorkspace();
    const Webhook w = baseWebhook();
    const auto hasEmpty = [](const QList<Diagnostic>& ds) {
        return std::any_of(
            ds.begin(), ds.end(), [](const Diagnostic& d) { return d.code == QLatin1String("empty-token"); });
    };
    QVERIFY(!hasEmpty(Linter::lint(ws, w, 0, fixedNow)));
    QVERIFY(hasEmpty(Linter::lint(ws, w, 1, fixedNow)));
    QVERIFY(!hasEmpty(Linter::lint(ws, w, -1, fixedNow)));
}

namespace {

// A workspace connected to an instance whose field import found these fields; one custom
// field (Favorite Color) the instance lacks.
Workspace connectedWorkspace(const QStringList& instanceFields, const QStringList& readOnlyFields)
{
    Workspace ws = baseWorkspace();
    Field color;
    color.name = QStringLiteral("Favorite Color");
    color.apiName = QStringLiteral("favoriteColor");
    color.custom = true;
    ws.fields << color;
    ws.marketo.endpoint = QStringLiteral("https://123-ABC-456.mktorest.com/rest");
    ws.marketo.identity = QStringLiteral("https://123-ABC-456.mktorest.com/identity");
    ws.marketo.clientId = QStringLiteral("client");
    ws.marketo.instanceFields = instanceFields;
    ws.marketo.readOnlyFields = readOnlyFields;
    return ws;
}

// What the instance has: not Middle Name nor Favorite Color; Id and Created At read-only.
// Names in other cases than the catalogue's, as an instance may spell them.
Workspace importedWorkspace()
{
    return connectedWorkspace({QStringLiteral("id"),
                               QStringLiteral("Email"),
                               QStringLiteral("firstName"),
                               QStringLiteral("company"),
                               QStringLiteral("leadScore"),
                               QStringLiteral("createdAt")},
                              {QStringLiteral("ID"), QStringLiteral("createdAt")});
}

// The instance diagnostics only, described as describe() does.
QStringList instanceDiagnostics(const QList<Diagnostic>& ds)
{
    QList<Diagnostic> found;
    for (const Diagnostic& d : ds) {
        if (d.code == QLatin1String("instance-missing-field") || d.code == QLatin1String("read-only-field")) {
            found << d;
        }
    }
    const QString text = describe(found);
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

const Diagnostic* findCode(const QList<Diagnostic>& ds, const char* code)
{
    for (const Diagnostic& d : ds) {
        if (d.code == QLatin1String(code)) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace

void tst_Linter::instanceFieldsUnknownBeforeAFieldImport()
{
    // Connected, but no field import yet: nothing is known about the instance, so nothing
    // is reported, whatever the webhook names.
    const Workspace ws = connectedWorkspace({}, {});
    QVERIFY(ws.marketo.isSet());
    Webhook w = baseWebhook();
    w.url = QStringLiteral("https://api.example.com/enrich?m={{lead.Middle Name}}&c={{lead.Favorite Color}}");
    w.responseMappings << ResponseMapping {QStringLiteral("data.id"), QStringLiteral("id"), {}}
                       << ResponseMapping {QStringLiteral("data.m"), QStringLiteral("middleName"), {}}
                       << ResponseMapping {QStringLiteral("data.c"), QStringLiteral("favoriteColor"), {}};
    const QList<Diagnostic> ds = Linter::lint(ws, w, -1, fixedNow);
    QCOMPARE(instanceDiagnostics(ds), QStringList());
    // Nor without any connection.
    QCOMPARE(instanceDiagnostics(Linter::lint(baseWorkspace(), w, -1, fixedNow)), QStringList());
    // And the clean webhook stays clean once the instance is known.
    const QList<Diagnostic> clean = Linter::lint(importedWorkspace(), baseWebhook(), -1, fixedNow);
    QVERIFY2(clean.isEmpty(), qPrintable(describe(clean)));
}

void tst_Linter::mappingToAReadOnlyField()
{
    Webhook w = baseWebhook();
    w.responseMappings << ResponseMapping {QStringLiteral("data.id"), QStringLiteral("id"), {}}
                       << ResponseMapping {QStringLiteral("data.created"), QStringLiteral("createdAt"), {}};
    const QList<Diagnostic> ds = Linter::lint(importedWorkspace(), w, -1, fixedNow);
    QCOMPARE(instanceDiagnostics(ds),
             (QStringList {QStringLiteral("read-only-field error responseMappings[1].field 1:1 \"id\" is read-only in "
                                          "the connected Marketo instance: a response mapping cannot write it"),
                           QStringLiteral("read-only-field error responseMappings[2].field 1:1 \"createdAt\" is "
                                          "read-only in the connected Marketo instance: a response mapping cannot "
                                          "write it")}));
    const Diagnostic* d = findCode(ds, "read-only-field");
    QCOMPARE(d->offset, 0);
    QCOMPARE(d->length, 2);
    QCOMPARE(d->webhook, w.name);
    QVERIFY(Diagnostic::hasErrors(ds));
}

void tst_Linter::mappingToAFieldTheInstanceLacks()
{
    Webhook w = baseWebhook();
    w.responseMappings << ResponseMapping {QStringLiteral("data.m"), QStringLiteral("middleName"), {}}
                       << ResponseMapping {QStringLiteral("data.c"), QStringLiteral("favoriteColor"), {}}
                       // The instance's own spelling of a field it has: fine.
                       << ResponseMapping {QStringLiteral("data.e"), QStringLiteral("email"), {}};
    const QList<Diagnostic> ds = Linter::lint(importedWorkspace(), w, -1, fixedNow);
    QCOMPARE(instanceDiagnostics(ds),
             (QStringList {QStringLiteral("instance-missing-field error responseMappings[1].field 1:1 The connected "
                                          "Marketo instance has no field \"middleName\": this mapping writes nothing "
                                          "there"),
                           QStringLiteral("instance-missing-field error responseMappings[2].field 1:1 The connected "
                                          "Marketo instance has no field \"favoriteColor\": this mapping writes "
                                          "nothing there")}));
    const Diagnostic* d = findCode(ds, "instance-missing-field");
    QCOMPARE(d->offset, 0);
    QCOMPARE(d->length, int(QStringLiteral("middleName").size()));
}

void tst_Linter::tokenNamingAFieldTheInstanceLacks()
{
    Webhook w = baseWebhook();
    w.url = QStringLiteral("https://api.example.com/enrich?email={{lead.Email Address}}&m={{lead.Middle Name}}");
    w.headers << header("X-Color", "{{lead.Favorite Color}}");
    w.payloadTemplate = QStringLiteral("{\n  \"email\": {{lead.Email Address}},\n  \"color\": {{lead.favorite "
                                       "color:default=none}}\n}");
    const QList<Diagnostic> ds = Linter::lint(importedWorkspace(), w, -1, fixedNow);
    const int urlColumn = int(w.url.indexOf(QStringLiteral("{{lead.Middle Name}}"))) + 1;
    QCOMPARE(urlColumn, 63);
    QCOMPARE(instanceDiagnostics(ds),
             (QStringList {QStringLiteral("instance-missing-field warning url 1:63 {{lead.Middle Name}}: the connected "
                                          "Marketo instance has no field \"middleName\", so Marketo sends it empty"),
                           QStringLiteral("instance-missing-field warning headers[1].value 1:1 {{lead.Favorite "
                                          "Color}}: the connected Marketo instance has no field \"favoriteColor\", so "
                                          "Marketo sends it empty"),
                           QStringLiteral("instance-missing-field warning template 3:12 {{lead.favorite "
                                          "color:default=none}}: the connected Marketo instance has no field "
                                          "\"favoriteColor\", so Marketo sends it empty")}));
    const Diagnostic* d = findCode(ds, "instance-missing-field");
    QCOMPARE(d->offset, urlColumn - 1);
    QCOMPARE(d->length, int(QStringLiteral("{{lead.Middle Name}}").size()));
    // Warnings only: the webhook still works, the field is just empty.
    QVERIFY2(!Diagnostic::hasErrors(ds), qPrintable(describe(ds)));

    // With GET the payload is not sent: its tokens do not matter.
    w.requestType = RequestType::Get;
    const QStringList get = instanceDiagnostics(Linter::lint(importedWorkspace(), w, -1, fixedNow));
    QCOMPARE(get.size(), 2);
    QVERIFY(std::none_of(
        get.begin(), get.end(), [](const QString& line) { return line.contains(QStringLiteral(" template ")); }));
}

QTEST_GUILESS_MAIN(tst_Linter)
#include "tst_linter.moc"
