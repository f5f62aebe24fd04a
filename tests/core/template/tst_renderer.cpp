#include "TemplateTestSupport.h"
#include "http/HttpClient.h"
#include "model/Workspace.h"
#include "sandbox/SandboxServer.h"
#include "template/Renderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <thread>
#include <vector>

namespace {

// One lead with a value of every field type, including the awkward ones: quotes and
// ampersands, control characters, non-ASCII, a number stored as text, a number field
// holding text, empty and missing values.
Workspace fixture()
{
    Workspace w = templateTestWorkspace(
        {
            customField("Favorite Color", "favoriteColor", FieldType::String),
            customField("Shoe Size", "shoeSize", FieldType::Float),
            customField("Is VIP", "isVip", FieldType::Boolean),
            customField("Notes", "notes", FieldType::Text),
            customField("Loyalty Score", "loyaltyScore", FieldType::Score),
            customField("Discount", "discount", FieldType::Percent),
            customField("Partner Ref", "partnerRef", FieldType::Reference),
            customField("Points", "points", FieldType::Integer),
            customField("Big Count", "bigCount", FieldType::Integer),
            customField("Opted In", "optedIn", FieldType::Boolean),
            customField("Tags", "tags", FieldType::String),
        },
        {contextValue("apiKey", "abc123", true), contextValue("greeting", "Hi there")},
        {contextValue("name", "Q4 Webinar"), contextValue("id", "1001"), contextValue("description", "")});
    QJsonObject lead;
    lead.insert(QStringLiteral("Id"), 7.0);
    lead.insert(QStringLiteral("First Name"), QStringLiteral("Jack \"J\" & Jill"));
    lead.insert(QStringLiteral("Last Name"), QStringLiteral("Müller 😀"));
    lead.insert(QStringLiteral("Salutation"), QStringLiteral("a\u0001b\bc\fd\re"));
    lead.insert(QStringLiteral("Email Address"), QStringLiteral("ada@example.com"));
    lead.insert(QStringLiteral("Phone Number"), QStringLiteral("+1 555"));
    lead.insert(QStringLiteral("Job Title"), QStringLiteral("C:\\new\\table"));
    lead.insert(QStringLiteral("Company Name"), QStringLiteral("Jack & Jill"));
    lead.insert(QStringLiteral("Industry"), QString());
    lead.insert(QStringLiteral("Annual Revenue"), 1500000.5);
    lead.insert(QStringLiteral("Number of Employees"), QStringLiteral("12x"));
    lead.insert(QStringLiteral("Website"), QStringLiteral("https://a.test/?q=1 2"));
    lead.insert(QStringLiteral("Lead Score"), 42);
    lead.insert(QStringLiteral("Unsubscribed"), false);
    lead.insert(QStringLiteral("Date of Birth"), QStringLiteral("1990-01-02"));
    lead.insert(QStringLiteral("Created At"), QStringLiteral("2024-01-02T03:04:05Z"));
    lead.insert(QStringLiteral("Lead Status"), QJsonValue::Null);
    lead.insert(QStringLiteral("favoriteColor"), QStringLiteral("blue"));
    lead.insert(QStringLiteral("Shoe Size"), 9.5);
    lead.insert(QStringLiteral("IS VIP"), true);
    lead.insert(QStringLiteral("Notes"), QStringLiteral("line1\nline2\ttab"));
    lead.insert(QStringLiteral("Loyalty Score"), QStringLiteral("17"));
    lead.insert(QStringLiteral("Discount"), 0.25);
    lead.insert(QStringLiteral("partnerRef"), QStringLiteral("REF-1"));
    lead.insert(QStringLiteral("Big Count"), QStringLiteral("12345678901234567890"));
    lead.insert(QStringLiteral("Opted In"), QStringLiteral("maybe"));
    lead.insert(QStringLiteral("Tags"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")});
    w.leads.append(lead);

    w.context.trigger.present = true;
    w.context.trigger.values = {contextValue("Name", "Fills Out Form")};
    // campaign and member are not provided by this flow step.
    return w;
}

Webhook post(const QString& payload, TokenEncoding encoding)
{
    Webhook h;
    h.name = QStringLiteral("test");
    h.url = QStringLiteral("https://api.example.com/hook");
    h.requestType = RequestType::Post;
    h.payloadTemplate = payload;
    h.requestTokenEncoding = encoding;
    return h;
}

QStringList codes(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        out << d.code;
    }
    return out;
}

QString dump(const QList<Diagnostic>& diagnostics)
{
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        out << QStringLiteral("%1 %2 %3:%4 [%5] %6")
                   .arg(Diagnostic::severityName(d.severity), d.where.toString())
                   .arg(d.line)
                   .arg(d.column)
                   .arg(d.code, d.message);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

Q_DECLARE_METATYPE(TokenEncoding)

class tst_Renderer : public QObject
{
    Q_OBJECT

private slots:
    void body_data();
    void body();
    void url_data();
    void url();
    void severities_data();
    void severities();
    void headers();
    void headersAreRawInEveryEncoding();
    void headerLineBreaks_data();
    void headerLineBreaks();
    void systemTokens_data();
    void systemTokens();
    void escapes_data();
    void escapes();
    void escapeErrorLocation();
    void tokenLocation();
    void getHasNoBody();
    void encodingOverride();
    void oneRendererManyLeads();
    void toJsonShape();
    void secretHeaders();
    void missingSecretToken();
    void missingSecretHeader();
    void missingSecretIsNotSent();
    void concurrentRenders();
    void largeTemplate();
};

void tst_Renderer::body_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<TokenEncoding>("encoding");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("expectedCodes");

    const auto none = TokenEncoding::None;
    const auto json = TokenEncoding::Json;
    const auto form = TokenEncoding::FormUrl;
    const QStringList clean;

    // Each encoding with each field type.
    struct Row
    {
        const char* type;
        const char* token;
        const char* none;
        const char* json;
        const char* form;
    };
    const Row rows[] = {
        {"string", "{{lead.First Name}}", "Jack \"J\" & Jill", "\"Jack \\\"J\\\" & Jill\"", "Jack+%22J%22+%26+Jill"},
        {"text", "{{lead.Notes}}", "line1\nline2\ttab", "\"line1\\nline2\\ttab\"", "line1%0Aline2%09tab"},
        {"email", "{{lead.Email Address}}", "ada@example.com", "\"ada@example.com\"", "ada%40example.com"},
        {"phone", "{{lead.Phone Number}}", "+1 555", "\"+1 555\"", "%2B1+555"},
        {"url",
         "{{lead.Website}}",
         "https://a.test/?q=1 2",
         "\"https://a.test/?q=1 2\"",
         "https%3A%2F%2Fa.test%2F%3Fq%3D1+2"},
        {"date", "{{lead.Date of Birth}}", "1990-01-02", "\"1990-01-02\"", "1990-01-02"},
        {"datetime",
         "{{lead.Created At}}",
         "2024-01-02T03:04:05Z",
         "\"2024-01-02T03:04:05Z\"",
         "2024-01-02T03%3A04%3A05Z"},
        {"reference", "{{lead.Partner Ref}}", "REF-1", "\"REF-1\"", "REF-1"},
        {"integer", "{{lead.Lead Score}}", "42", "42", "42"},
        {"integer stored as double", "{{lead.Id}}", "7", "7", "7"},
        {"integer beyond 2^53 as text",
         "{{lead.Big Count}}",
         "12345678901234567890",
         "12345678901234567890",
         "12345678901234567890"},
        {"float", "{{lead.Shoe Size}}", "9.5", "9.5", "9.5"},
        {"currency", "{{lead.Annual Revenue}}", "1500000.5", "1500000.5", "1500000.5"},
        {"score stored as text", "{{lead.Loyalty Score}}", "17", "17", "17"},
        {"percent", "{{lead.Discount}}", "0.25", "0.25", "0.25"},
        {"boolean true", "{{lead.Is VIP}}", "true", "true", "true"},
        {"boolean false", "{{lead.Unsubscribed}}", "false", "false", "false"},
        {"non-ascii", "{{lead.Last Name}}", "Müller 😀", "\"Müller 😀\"", "M%C3%BCller+%F0%9F%98%80"},
        {"control characters",
         "{{lead.Salutation}}",
         "a\x01"
         "b\bc\fd\re",
         "\"a\\u0001b\\bc\\fd\\re\"",
         "a%01b%08c%0Cd%0De"},
        {"backslashes in a value are not escape-processed",
         "{{lead.Job Title}}",
         "C:\\new\\table",
         "\"C:\\\\new\\\\table\"",
         "C%3A%5Cnew%5Ctable"},
        {"context value", "{{program.name}}", "Q4 Webinar", "\"Q4 Webinar\"", "Q4+Webinar"},
        {"my token", "{{my.greeting}}", "Hi there", "\"Hi there\"", "Hi+there"},
        {"trigger", "{{trigger.Name}}", "Fills Out Form", "\"Fills Out Form\"", "Fills+Out+Form"},
    };
    for (const Row& r : rows) {
        QTest::addRow("%s/none", r.type) << QString::fromUtf8(r.token) << none << QByteArray(r.none) << clean;
        QTest::addRow("%s/json", r.type) << QString::fromUtf8(r.token) << json << QByteArray(r.json) << clean;
        QTest::addRow("%s/form", r.type) << QString::fromUtf8(r.token) << form << QByteArray(r.form) << clean;
    }

    // Empty and missing values: nothing, or null under JSON, with a warning.
    const QStringList empty {QStringLiteral("empty-token")};
    for (const char* token : {"{{lead.Industry}}", "{{lead.City}}", "{{lead.Lead Status}}", "{{lead.Points}}"}) {
        QTest::addRow("empty %s/none", token) << QString::fromUtf8(token) << none << QByteArray() << empty;
        QTest::addRow("empty %s/json", token) << QString::fromUtf8(token) << json << QByteArray("null") << empty;
        QTest::addRow("empty %s/form", token) << QString::fromUtf8(token) << form << QByteArray() << empty;
    }
    QTest::newRow("empty context value/json") << "{{program.description}}" << json << QByteArray("null") << empty;
    QTest::newRow("empty trigger value/json") << "{{trigger.Subject}}" << json << QByteArray("null") << empty;

    // A number field holding text is sent as a string, with a warning.
    const QStringList invalidNumber {QStringLiteral("invalid-number")};
    QTest::newRow("invalid number/json") << "{{lead.Number of Employees}}" << json << QByteArray("\"12x\"")
                                         << invalidNumber;
    QTest::newRow("invalid number/none") << "{{lead.Number of Employees}}" << none << QByteArray("12x") << clean;
    // Only JSON tells a number from a string, so only JSON warns.
    QTest::newRow("invalid number/form") << "{{lead.Number of Employees}}" << form << QByteArray("12x") << clean;

    // A boolean field holding text is sent as a string, with a warning.
    QTest::newRow("invalid boolean/json")
        << "{{lead.Opted In}}" << json << QByteArray("\"maybe\"") << QStringList {QStringLiteral("invalid-boolean")};
    QTest::newRow("invalid boolean/form") << "{{lead.Opted In}}" << form << QByteArray("maybe") << clean;
    // A list or object cannot be sent by a token.
    QTest::newRow("list value/json") << "{{lead.Tags}}" << json << QByteArray("null")
                                     << QStringList {QStringLiteral("unsupported-value")};
    QTest::newRow("list value with default") << "{{lead.Tags:default=none}}" << none << QByteArray("none") << clean;

    // :default= when empty or missing, typed like the field.
    QTest::newRow("default for empty/json")
        << "{{lead.Industry:default=Unknown}}" << json << QByteArray("\"Unknown\"") << clean;
    QTest::newRow("default for missing/none") << "{{lead.City:default=Paris}}" << none << QByteArray("Paris") << clean;
    QTest::newRow("default for missing/form")
        << "{{lead.City:default=New York}}" << form << QByteArray("New+York") << clean;
    QTest::newRow("default for null/json")
        << "{{lead.Lead Status:default=Open}}" << json << QByteArray("\"Open\"") << clean;
    QTest::newRow("default unused when set") << "{{lead.Lead Score:default=0}}" << json << QByteArray("42") << clean;
    QTest::newRow("number default is bare") << "{{lead.Points:default=5}}" << json << QByteArray("5") << clean;
    QTest::newRow("string default stays string")
        << "{{lead.Postal Code:default=0}}" << json << QByteArray("\"0\"") << clean;
    QTest::newRow("empty default is an empty string")
        << "{{lead.City:default=}}" << json << QByteArray("\"\"") << clean;
    QTest::newRow("default for empty context")
        << "{{program.description:default=none}}" << json << QByteArray("\"none\"") << clean;

    // Names: scope and field case-insensitive, API names accepted, company scope.
    QTest::newRow("scope upper case") << "{{LEAD.First Name}}" << none << QByteArray("Jack \"J\" & Jill") << clean;
    QTest::newRow("field lower case") << "{{lead.first name}}" << none << QByteArray("Jack \"J\" & Jill") << clean;
    QTest::newRow("api name") << "{{lead.firstName}}" << none << QByteArray("Jack \"J\" & Jill") << clean;
    QTest::newRow("api name any case") << "{{lead.FIRSTNAME}}" << none << QByteArray("Jack \"J\" & Jill") << clean;
    QTest::newRow("lead key in other case") << "{{lead.Is VIP}}" << json << QByteArray("true") << clean;
    QTest::newRow("company") << "{{company.Company Name}}" << json << QByteArray("\"Jack & Jill\"") << clean;
    QTest::newRow("company capitalised") << "{{Company.company name}}" << form << QByteArray("Jack+%26+Jill") << clean;
    QTest::newRow("company number") << "{{company.Annual Revenue}}" << json << QByteArray("1500000.5") << clean;
    QTest::newRow("company api name") << "{{company.annualRevenue}}" << json << QByteArray("1500000.5") << clean;
    QTest::newRow("my token any case") << "{{MY.APIKEY}}" << none << QByteArray("abc123") << clean;

    // Unknown scope or field: error, renders as missing.
    QTest::newRow("unknown scope") << "{{foo.bar}}" << json << QByteArray("null")
                                   << QStringList {QStringLiteral("unknown-scope")};
    QTest::newRow("unknown lead field") << "{{lead.Shoe Color}}" << none << QByteArray()
                                        << QStringList {QStringLiteral("unknown-field")};
    QTest::newRow("lead field under company")
        << "{{company.First Name}}" << none << QByteArray() << QStringList {QStringLiteral("unknown-field")};
    QTest::newRow("unknown system token")
        << "{{system.weekday}}" << none << QByteArray() << QStringList {QStringLiteral("unknown-field")};
    QTest::newRow("unknown my token") << "{{my.nope}}" << none << QByteArray()
                                      << QStringList {QStringLiteral("unknown-field")};
    QTest::newRow("unknown program token")
        << "{{program.owner}}" << none << QByteArray() << QStringList {QStringLiteral("unknown-field")};
    QTest::newRow("unknown trigger token")
        << "{{trigger.Color}}" << none << QByteArray() << QStringList {QStringLiteral("unknown-field")};

    // Context scopes the flow step does not provide: warning, renders empty (or default).
    const QStringList notInContext {QStringLiteral("scope-not-in-context")};
    QTest::newRow("campaign not provided") << "{{campaign.name}}" << json << QByteArray("null") << notInContext;
    QTest::newRow("member not provided") << "{{member.webinar url}}" << none << QByteArray() << notInContext;
    QTest::newRow("not provided with default")
        << "{{campaign.name:default=X}}" << none << QByteArray("X") << notInContext;

    // Malformed tokens stay literal text, with a warning.
    const QStringList malformed {QStringLiteral("malformed-token")};
    QTest::newRow("spaces inside braces")
        << "a {{ lead.First Name }} b" << json << QByteArray("a {{ lead.First Name }} b") << malformed;
    QTest::newRow("unclosed") << "x {{lead.First Name" << json << QByteArray("x {{lead.First Name") << malformed;

    // The usual way to write a JSON payload: a bare token, Marketo adds the quotes.
    QTest::newRow("bare token in JSON") << "{\"first_name\": {{lead.First Name}}}" << json
                                        << QByteArray("{\"first_name\": \"Jack \\\"J\\\" & Jill\"}") << clean;
    // A realistic JSON body.
    QTest::newRow("json body") << "{\"name\": {{lead.First Name}}, \"score\": {{lead.Lead Score}}, \"vip\": "
                                  "{{lead.Is VIP}}, \"industry\": {{lead.Industry:default=n/a}}}"
                               << json
                               << QByteArray("{\"name\": \"Jack \\\"J\\\" & Jill\", \"score\": 42, \"vip\": true, "
                                             "\"industry\": \"n/a\"}")
                               << clean;
    QTest::newRow("form body") << "first={{lead.First Name}}&company={{company.Company Name}}" << form
                               << QByteArray("first=Jack+%22J%22+%26+Jill&company=Jack+%26+Jill") << clean;
    QTest::newRow("literal unicode") << "ü {{lead.Favorite Color}}" << none << QByteArray("\xc3\xbc blue") << clean;
}

void tst_Renderer::body()
{
    QFETCH(QString, payload);
    QFETCH(TokenEncoding, encoding);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, expectedCodes);

    const Workspace w = fixture();
    const Renderer renderer(w, post(payload, encoding));
    const RenderedRequest r = renderer.render(w.leads.first(), pinnedNow());
    QCOMPARE(r.body, expected);
    QVERIFY(r.hasBody);
    QVERIFY2(codes(r.diagnostics) == expectedCodes, qPrintable(dump(r.diagnostics)));
}

void tst_Renderer::url_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("expectedCodes");

    QTest::newRow("literal untouched") << "https://x.test/a?b=%26&c=a b&d=é"
                                       << "https://x.test/a?b=%26&c=a b&d=é" << QStringList();
    QTest::newRow("email token") << "https://x.test/?email={{lead.Email Address}}"
                                 << "https://x.test/?email=ada%40example.com" << QStringList();
    QTest::newRow("space is %20") << "https://x.test/{{lead.First Name}}"
                                  << "https://x.test/Jack%20%22J%22%20%26%20Jill" << QStringList();
    QTest::newRow("unreserved kept") << "https://x.test/?r={{lead.Partner Ref}}&d={{lead.Discount}}"
                                     << "https://x.test/?r=REF-1&d=0.25" << QStringList();
    QTest::newRow("tilde and utf-8") << "https://x.test/?n={{lead.Last Name}}&t={{lead.City:default=a~b*c}}"
                                     << "https://x.test/?n=M%C3%BCller%20%F0%9F%98%80&t=a~b%2Ac" << QStringList();
    QTest::newRow("url value") << "https://x.test/?next={{lead.Website}}"
                               << "https://x.test/?next=https%3A%2F%2Fa.test%2F%3Fq%3D1%202" << QStringList();
    QTest::newRow("missing") << "https://x.test/?city={{lead.City}}"
                             << "https://x.test/?city=" << QStringList {QStringLiteral("empty-token")};
    QTest::newRow("default") << "https://x.test/?city={{lead.City:default=San José}}"
                             << "https://x.test/?city=San%20Jos%C3%A9" << QStringList();
    QTest::newRow("context") << "https://x.test/{{program.id}}/{{my.apiKey}}"
                             << "https://x.test/1001/abc123" << QStringList();
    // Backslash escapes belong to the payload template: URL text is sent as
    // written, so neither processed nor reported.
    QTest::newRow("backslashes untouched") << "https://x.test/a\\nb\\q?c={{lead.Lead Score}}"
                                           << "https://x.test/a\\nb\\q?c=42" << QStringList();
    QTest::newRow("number and boolean") << "https://x.test/?s={{lead.Lead Score}}&u={{lead.Unsubscribed}}"
                                        << "https://x.test/?s=42&u=false" << QStringList();
    QTest::newRow("malformed stays") << "https://x.test/{{ lead.x }}"
                                     << "https://x.test/{{ lead.x }}"
                                     << QStringList {QStringLiteral("malformed-token")};
}

void tst_Renderer::url()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QFETCH(QStringList, expectedCodes);

    const Workspace w = fixture();
    // URL encoding is the same whatever the body encoding is.
    for (TokenEncoding encoding : {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl}) {
        Webhook h = post(QString(), encoding);
        h.url = url;
        const RenderedRequest r = Renderer(w, h).render(w.leads.first(), pinnedNow());
        QCOMPARE(r.url, expected);
        QVERIFY2(codes(r.diagnostics) == expectedCodes, qPrintable(dump(r.diagnostics)));
        for (const Diagnostic& d : r.diagnostics) {
            QCOMPARE(d.where.toString(), QStringLiteral("url"));
        }
    }
}

void tst_Renderer::severities_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("messageContains");

    const int error = int(Diagnostic::Severity::Error);
    const int warning = int(Diagnostic::Severity::Warning);
    QTest::newRow("unknown scope") << "{{foo.bar}}" << error << "unknown scope \"foo\"";
    QTest::newRow("unknown field") << "{{lead.Shoe Color}}" << error << "Shoe Color";
    QTest::newRow("malformed") << "{{ lead.x }}" << warning << "remove the spaces inside the braces";
    QTest::newRow("not in context") << "{{campaign.name}}" << warning << "does not provide campaign tokens";
    QTest::newRow("empty") << "{{lead.City}}" << warning << "renders as null";
    QTest::newRow("invalid number") << "{{lead.Number of Employees}}" << warning
                                    << "\"12x\" is not a valid number, but the field's type is integer";
    QTest::newRow("rejected escape") << "\\q" << error << "only \\b \\t \\n \\f \\r";
}

void tst_Renderer::severities()
{
    QFETCH(QString, payload);
    QFETCH(int, severity);
    QFETCH(QString, messageContains);

    const Workspace w = fixture();
    const RenderedRequest r = Renderer(w, post(payload, TokenEncoding::Json)).render(w.leads.first(), pinnedNow());
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(int(r.diagnostics.first().severity), severity);
    QVERIFY2(r.diagnostics.first().message.contains(messageContains), qPrintable(r.diagnostics.first().message));
    QCOMPARE(r.hasErrors(), severity == int(Diagnostic::Severity::Error));
}

void tst_Renderer::headers()
{
    const Workspace w = fixture();
    Webhook h = post(QStringLiteral("{}"), TokenEncoding::Json);
    h.headers = {
        {QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}},
        {QStringLiteral("X-Name"), QStringLiteral("{{lead.First Name}}"), false, {}},
        {QStringLiteral("X-Program"), QStringLiteral("id {{lead.Lead Score}}"), false, {}},
        {QStringLiteral("X-City"), QStringLiteral("{{lead.City}}"), false, {}},
    };
    const RenderedRequest r = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QCOMPARE(r.headers.size(), 4);
    QCOMPARE(r.headers.at(0).name, QStringLiteral("Content-Type"));
    QCOMPARE(r.headers.at(0).value, QStringLiteral("application/json"));
    // Header values are raw, whatever the body encoding.
    QCOMPARE(r.headers.at(1).value, QStringLiteral("Jack \"J\" & Jill"));
    QCOMPARE(r.headers.at(2).name, QStringLiteral("X-Program"));
    QCOMPARE(r.headers.at(2).value, QStringLiteral("id 42"));
    QCOMPARE(r.headers.at(3).value, QString());
    QCOMPARE(codes(r.diagnostics), QStringList {QStringLiteral("empty-token")});
    QCOMPARE(r.diagnostics.first().where.toString(), QStringLiteral("headers[3].value"));
    QCOMPARE(r.diagnostics.first().message.contains(QStringLiteral("renders empty")), true);

    // Tokens are allowed in header values only, and a name HTTP refuses
    // cannot be sent: errors of the render, so render, lint and send agree.
    h.headers = {{QStringLiteral("X-{{program.id}}"), QStringLiteral("v"), false, {}},
                 {QStringLiteral("Bad Header:"), QStringLiteral("v"), false, {}},
                 {QString(), QStringLiteral("v"), false, {}}};
    const RenderedRequest bad = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QVERIFY(bad.hasErrors());
    QCOMPARE(codes(bad.diagnostics),
             (QStringList {QStringLiteral("invalid-header-name"),
                           QStringLiteral("invalid-header-name"),
                           QStringLiteral("empty-header-name")}));
    QVERIFY(bad.diagnostics.at(0).message.contains(QStringLiteral("not names")));
    QCOMPARE(bad.diagnostics.at(0).column, 3);
    QCOMPARE(bad.diagnostics.at(1).where.toString(), QStringLiteral("headers[1].name"));
    QVERIFY(bad.diagnostics.at(1).message.contains(QStringLiteral("a space")));
}

void tst_Renderer::headersAreRawInEveryEncoding()
{
    // Token values in header values are inserted raw, whatever the body encoding, and
    // backslash escapes are the payload's, so header text is sent as written.
    const Workspace w = fixture();
    for (TokenEncoding encoding : {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl}) {
        Webhook h = post(QStringLiteral("{}"), encoding);
        h.headers = {
            {QStringLiteral("X-Name"), QStringLiteral("{{lead.First Name}}"), false, {}},
            {QStringLiteral("X-Site"), QStringLiteral("{{lead.Website}}"), false, {}},
            {QStringLiteral("X-Count"), QStringLiteral("{{lead.Lead Score}} {{lead.Unsubscribed}}"), false, {}},
            {QStringLiteral("X-Path"), QStringLiteral("C:\\dir\\n {{lead.Job Title}}"), false, {}},
        };
        const RenderedRequest r = Renderer(w, h).render(w.leads.first(), pinnedNow());
        QCOMPARE(r.headers.at(0).value, QStringLiteral("Jack \"J\" & Jill"));
        QCOMPARE(r.headers.at(1).value, QStringLiteral("https://a.test/?q=1 2"));
        QCOMPARE(r.headers.at(2).value, QStringLiteral("42 false"));
        QCOMPARE(r.headers.at(3).value, QStringLiteral("C:\\dir\\n C:\\new\\table"));
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
    }
}

void tst_Renderer::headerLineBreaks_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("where");
    QTest::addColumn<int>("column");

    QTest::newRow("LF from a token value") << "X-Notes"
                                           << "n: {{lead.Notes}}"
                                           << "headers[0].value" << 4;
    QTest::newRow("CR from a token value") << "X-Sal"
                                           << "{{lead.Salutation}}"
                                           << "headers[0].value" << 1;
    QTest::newRow("literal LF") << "X-A"
                                << "a\nInjected: 1"
                                << "headers[0].value" << 2;
    QTest::newRow("literal CR") << "X-A"
                                << "a\rb"
                                << "headers[0].value" << 2;
    QTest::newRow("literal in name") << "X-A\r\nB"
                                     << "v"
                                     << "headers[0].name" << 4;
}

void tst_Renderer::headerLineBreaks()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, where);
    QFETCH(int, column);

    const Workspace w = fixture();
    Webhook h = post(QStringLiteral("{}"), TokenEncoding::Json);
    h.headers = {{name, value, false, {}}};
    const RenderedRequest r = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QVERIFY(r.hasErrors());
    QCOMPARE(codes(r.diagnostics), QStringList {QStringLiteral("header-line-break")});
    QCOMPARE(r.diagnostics.first().where.toString(), where);
    QCOMPARE(r.diagnostics.first().line, 1);
    QCOMPARE(r.diagnostics.first().column, column);
}

void tst_Renderer::systemTokens_data()
{
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("expectedCodes");

    // 2013-08-08 23:34:13 UTC.
    const QString la = QStringLiteral("America/Los_Angeles");
    QTest::newRow("LA date") << la << "{{system.date}}"
                             << "Aug 08, 2013" << QStringList();
    QTest::newRow("LA time") << la << "{{system.time}}"
                             << "04:34 PM (GMT -0700)" << QStringList();
    QTest::newRow("LA dateTime") << la << "{{system.dateTime}}"
                                 << "2013-08-08 16:34:13" << QStringList();
    QTest::newRow("LA case-insensitive") << la << "{{System.DATETIME}}"
                                         << "2013-08-08 16:34:13" << QStringList();
    const QString kolkata = QStringLiteral("Asia/Kolkata");
    QTest::newRow("Kolkata date") << kolkata << "{{system.date}}"
                                  << "Aug 09, 2013" << QStringList();
    QTest::newRow("Kolkata time") << kolkata << "{{system.time}}"
                                  << "05:04 AM (GMT +0530)" << QStringList();
    QTest::newRow("Kolkata dateTime") << kolkata << "{{system.dateTime}}"
                                      << "2013-08-09 05:04:13" << QStringList();
    QTest::newRow("UTC time") << "UTC"
                              << "{{system.time}}"
                              << "11:34 PM (GMT +0000)" << QStringList();
    QTest::newRow("unknown zone is UTC") << "Mars/Olympus"
                                         << "{{system.dateTime}}"
                                         << "2013-08-08 23:34:13" << QStringList {QStringLiteral("unknown-time-zone")};
    QTest::newRow("unknown zone, no time token") << "Mars/Olympus"
                                                 << "{{lead.Lead Score}}"
                                                 << "42" << QStringList();
    QTest::newRow("unsubscribe link") << la << "{{system.unsubscribeLink}}"
                                      << "https://go.example.com/UnsubscribePage.html?mkt_unsubscribe=1&mkt_tok="
                                         "SAMPLE-TOKEN"
                                      << QStringList();
    QTest::newRow("view as webpage link")
        << la << "{{system.viewAsWebpageLink}}"
        << "https://go.example.com/index.php/email/emailWebview?mkt_tok=SAMPLE-TOKEN" << QStringList();
    QTest::newRow("forward to friend link")
        << la << "{{system.forwardToFriendLink}}"
        << "https://go.example.com/index.php/email/forwardToFriend?mkt_tok=SAMPLE-TOKEN" << QStringList();
}

void tst_Renderer::systemTokens()
{
    QFETCH(QString, timeZone);
    QFETCH(QString, token);
    QFETCH(QString, expected);
    QFETCH(QStringList, expectedCodes);

    Workspace w = fixture();
    w.timeZone = timeZone;
    const RenderedRequest r = Renderer(w, post(token, TokenEncoding::None)).render(w.leads.first(), pinnedNow());
    QCOMPARE(QString::fromUtf8(r.body), expected);
    QVERIFY2(codes(r.diagnostics) == expectedCodes, qPrintable(dump(r.diagnostics)));
    // System values are strings under JSON.
    const RenderedRequest j = Renderer(w, post(token, TokenEncoding::Json)).render(w.leads.first(), pinnedNow());
    QCOMPARE(QString::fromUtf8(j.body),
             token.startsWith(QLatin1String("{{lead")) ? expected : QLatin1Char('"') + expected + QLatin1Char('"'));
}

void tst_Renderer::escapes_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("errors");

    QTest::newRow("\\n") << "a\\nb" << QByteArray("a\nb") << 0;
    QTest::newRow("\\t") << "a\\tb" << QByteArray("a\tb") << 0;
    QTest::newRow("\\r") << "a\\rb" << QByteArray("a\rb") << 0;
    QTest::newRow("\\b") << "a\\bb" << QByteArray("a\bb") << 0;
    QTest::newRow("\\f") << "a\\fb" << QByteArray("a\fb") << 0;
    QTest::newRow("\\\\") << "a\\\\b" << QByteArray("a\\b") << 0;
    QTest::newRow("\\\"") << "\\\"q\\\"" << QByteArray("\"q\"") << 0;
    QTest::newRow("\\'") << "\\'q\\'" << QByteArray("'q'") << 0;
    QTest::newRow("json newline written twice") << "{\"a\": \"x\\\\ny\"}" << QByteArray("{\"a\": \"x\\ny\"}") << 0;
    QTest::newRow("\\q rejected") << "a\\qb" << QByteArray("a\\qb") << 1;
    QTest::newRow("\\u rejected") << "\\u0041" << QByteArray("\\u0041") << 1;
    QTest::newRow("\\/ rejected") << "a\\/b" << QByteArray("a\\/b") << 1;
    QTest::newRow("trailing lone backslash") << "abc\\" << QByteArray("abc\\") << 1;
    QTest::newRow("backslash before a token") << "\\{{lead.Lead Score}}" << QByteArray("\\42") << 1;
    QTest::newRow("two errors") << "\\x and \\y" << QByteArray("\\x and \\y") << 2;
    QTest::newRow("token values untouched") << "{{lead.Job Title}}\\t" << QByteArray("C:\\new\\table\t") << 0;
    // A default is part of the token, so it is a value: not escape-processed, not rejected.
    QTest::newRow("default values untouched") << "{{lead.City:default=C:\\data\\n}}" << QByteArray("C:\\data\\n") << 0;
}

void tst_Renderer::escapes()
{
    QFETCH(QString, payload);
    QFETCH(QByteArray, expected);
    QFETCH(int, errors);

    const Workspace w = fixture();
    const RenderedRequest r = Renderer(w, post(payload, TokenEncoding::None)).render(w.leads.first(), pinnedNow());
    QCOMPARE(r.body, expected);
    QCOMPARE(int(r.diagnostics.size()), errors);
    for (const Diagnostic& d : r.diagnostics) {
        QCOMPARE(d.code, QStringLiteral("invalid-escape"));
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QCOMPARE(d.where.toString(), QStringLiteral("template"));
    }
}

void tst_Renderer::escapeErrorLocation()
{
    const Workspace w = fixture();
    const QString payload = QStringLiteral("{\n  \"a\": 1,\n  \"b\": \"C:\\data\"\n}");
    const RenderedRequest r = Renderer(w, post(payload, TokenEncoding::Json)).render(w.leads.first(), pinnedNow());
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic& d = r.diagnostics.first();
    QCOMPARE(d.line, 3);
    QCOMPARE(d.column, 11);
    QCOMPARE(d.offset, int(payload.indexOf(QLatin1Char('\\'))));
    QCOMPARE(d.length, 2);
    QVERIFY(d.message.contains(QStringLiteral("\"d\"")));
}

void tst_Renderer::tokenLocation()
{
    const Workspace w = fixture();
    const QString payload = QStringLiteral("{\n  \"city\": {{lead.City}},\n  \"x\": {{nope.x}}\n}");
    const RenderedRequest r = Renderer(w, post(payload, TokenEncoding::Json)).render(w.leads.first(), pinnedNow());
    QCOMPARE(r.diagnostics.size(), 2);
    const Diagnostic* empty = nullptr;
    const Diagnostic* unknown = nullptr;
    for (const Diagnostic& d : r.diagnostics) {
        (d.code == QLatin1String("empty-token") ? empty : unknown) = &d;
    }
    QVERIFY(empty && unknown);
    QCOMPARE(empty->line, 2);
    QCOMPARE(empty->column, 11);
    QCOMPARE(empty->offset, int(payload.indexOf(QStringLiteral("{{lead.City}}"))));
    QCOMPARE(empty->length, 13);
    QCOMPARE(unknown->code, QStringLiteral("unknown-scope"));
    QCOMPARE(unknown->line, 3);
    QCOMPARE(unknown->column, 8);
    QCOMPARE(r.body, QByteArray("{\n  \"city\": null,\n  \"x\": null\n}"));
}

void tst_Renderer::getHasNoBody()
{
    const Workspace w = fixture();
    Webhook h = post(QStringLiteral("{\"a\": {{lead.First Name}}, \\q}"), TokenEncoding::Json);
    h.requestType = RequestType::Get;
    h.url = QStringLiteral("https://x.test/?e={{lead.Email Address}}");
    const RenderedRequest r = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QCOMPARE(r.method, QStringLiteral("GET"));
    QVERIFY(!r.hasBody);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(r.url, QStringLiteral("https://x.test/?e=ada%40example.com"));
    // The payload is not sent, so its escapes and tokens are not the request's problem.
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
    QVERIFY(r.toJson().value(QStringLiteral("body")).isNull());

    for (RequestType t : {RequestType::Post, RequestType::Put, RequestType::Patch, RequestType::Delete}) {
        h.requestType = t;
        h.payloadTemplate = QStringLiteral("{{lead.Lead Score}}");
        const RenderedRequest b = Renderer(w, h).render(w.leads.first(), pinnedNow());
        QVERIFY(b.hasBody);
        QCOMPARE(b.body, QByteArray("42"));
        QCOMPARE(b.method, WebhookEnums::name(t));
    }
}

void tst_Renderer::encodingOverride()
{
    const Workspace w = fixture();
    const Renderer renderer(w, post(QStringLiteral("{{lead.Company Name}}"), TokenEncoding::None));
    QCOMPARE(renderer.render(w.leads.first(), pinnedNow()).body, QByteArray("Jack & Jill"));
    QCOMPARE(renderer.render(w.leads.first(), pinnedNow(), TokenEncoding::Json).body, QByteArray("\"Jack & Jill\""));
    QCOMPARE(renderer.render(w.leads.first(), pinnedNow(), TokenEncoding::FormUrl).body, QByteArray("Jack+%26+Jill"));
}

void tst_Renderer::oneRendererManyLeads()
{
    const Workspace w = fixture();
    const Renderer renderer(
        w, post(QStringLiteral("{\"n\": {{lead.First Name}}, \"s\": {{lead.Lead Score}}}"), TokenEncoding::Json));
    // Leads keyed by display name, API name, or either in another case; then keys shifted
    // by extra keys before them, and the first layout again: the renderer's remembered
    // key positions must never return another field's value.
    const QList<QJsonObject> leads {
        QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Ada")}, {QStringLiteral("Lead Score"), 1}},
        QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Bo")}, {QStringLiteral("leadScore"), 2}},
        QJsonObject {{QStringLiteral("FIRST NAME"), QStringLiteral("Cy")}, {QStringLiteral("LEADSCORE"), 3.5}},
        QJsonObject {},
        QJsonObject {{QStringLiteral("A"), 0},
                     {QStringLiteral("B"), 0},
                     {QStringLiteral("First Name"), QStringLiteral("Dee")},
                     {QStringLiteral("Lead Score"), 4}},
        QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Eve")}, {QStringLiteral("Lead Score"), 5}},
        QJsonObject {{QStringLiteral("Lead Score"), QStringLiteral("First Name")}, {QStringLiteral("Z"), 6}},
    };
    const QList<QByteArray> expected {
        "{\"n\": \"Ada\", \"s\": 1}",
        "{\"n\": \"Bo\", \"s\": 2}",
        "{\"n\": \"Cy\", \"s\": 3.5}",
        "{\"n\": null, \"s\": null}",
        "{\"n\": \"Dee\", \"s\": 4}",
        "{\"n\": \"Eve\", \"s\": 5}",
        "{\"n\": null, \"s\": \"First Name\"}",
    };
    // The last lead's Lead Score holds text: an invalid number, besides the empty name.
    const QList<int> diagnosticCounts {0, 0, 0, 2, 0, 0, 2};
    for (int i = 0; i < leads.size(); ++i) {
        const RenderedRequest r = renderer.render(leads.at(i), pinnedNow());
        QCOMPARE(r.body, expected.at(i));
        QVERIFY2(int(r.diagnostics.size()) == diagnosticCounts.at(i), qPrintable(dump(r.diagnostics)));
    }
}

void tst_Renderer::toJsonShape()
{
    const Workspace w = fixture();
    Webhook h = post(QStringLiteral("{\"n\": {{lead.Last Name}}, \"c\": {{lead.City}}}"), TokenEncoding::Json);
    h.url = QStringLiteral("https://x.test/{{lead.Id}}");
    h.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}}};
    const QJsonObject o = Renderer(w, h).render(w.leads.first(), pinnedNow()).toJson();
    QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(o.value(QStringLiteral("url")).toString(), QStringLiteral("https://x.test/7"));
    const QJsonArray headers = o.value(QStringLiteral("headers")).toArray();
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Content-Type"));
    QCOMPARE(headers.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("application/json"));
    QCOMPARE(o.value(QStringLiteral("body")).toString(), QStringLiteral("{\"n\": \"Müller 😀\", \"c\": null}"));
    const QJsonArray diagnostics = o.value(QStringLiteral("diagnostics")).toArray();
    QCOMPARE(diagnostics.size(), 1);
    const QJsonObject d = diagnostics.at(0).toObject();
    QCOMPARE(d.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
    QCOMPARE(d.value(QStringLiteral("where")).toString(), QStringLiteral("template"));
    QCOMPARE(d.value(QStringLiteral("line")).toInt(), 1);
    QCOMPARE(d.value(QStringLiteral("column")).toInt(), 32);
    QCOMPARE(d.value(QStringLiteral("code")).toString(), QStringLiteral("empty-token"));
    QVERIFY(!d.value(QStringLiteral("message")).toString().isEmpty());
}

void tst_Renderer::secretHeaders()
{
    const Workspace w = fixture();
    Webhook h = post(QString(), TokenEncoding::Json);
    h.headers = {
        {QStringLiteral("Authorization"), QStringLiteral("Bearer {{my.apiKey}}"), false, {}},
        {QStringLiteral("X-Key"), QStringLiteral("literal"), true, {}},
        {QStringLiteral("X-Plain"), QStringLiteral("{{my.greeting}}"), false, {}},
    };
    const RenderedRequest r = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QCOMPARE(r.headers.at(0).value, QStringLiteral("Bearer abc123"));
    QVERIFY(r.headers.at(0).secret);
    QVERIFY(r.headers.at(1).secret);
    QVERIFY(!r.headers.at(2).secret);
    const QJsonArray masked = r.toJson(true).value(QStringLiteral("headers")).toArray();
    QVERIFY(masked.at(0).toObject().value(QStringLiteral("value")).toString() != QStringLiteral("Bearer abc123"));
    QCOMPARE(masked.at(2).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("Hi there"));
    const QJsonArray plain = r.toJson(false).value(QStringLiteral("headers")).toArray();
    QCOMPARE(plain.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("Bearer abc123"));
}

void tst_Renderer::missingSecretToken()
{
    // The secret My Token was found nowhere (SecretResolver marks it missing).
    Workspace w = fixture();
    w.context.my.values[0].value.clear();
    w.context.my.values[0].missing = true;
    Webhook h = post(QStringLiteral("{\"key\": {{my.apiKey}}, \"hi\": {{my.greeting}}}"), TokenEncoding::Json);
    h.url = QStringLiteral("https://api.example.com/hook?k={{my.apiKey}}");
    const RenderedRequest r = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QVERIFY(r.hasErrors());
    QCOMPARE(codes(r.diagnostics), (QStringList {QStringLiteral("missing-secret"), QStringLiteral("missing-secret")}));
    const QString message = QStringLiteral("{{my.apiKey}}: secret \"my.apiKey\" has no value: it is not in the "
                                           "keychain and WD_SECRET_MY_APIKEY is not set");
    QSet<QString> where;
    for (const Diagnostic& d : r.diagnostics) {
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QCOMPARE(d.message, message);
        where.insert(d.where.toString());
    }
    QCOMPARE(where, (QSet<QString> {QStringLiteral("url"), QStringLiteral("template")}));

    // A missing secret nothing uses is no problem; nor is the same token once found.
    const RenderedRequest unused =
        Renderer(w, post(QStringLiteral("{}"), TokenEncoding::Json)).render(w.leads.first(), pinnedNow());
    QVERIFY2(unused.diagnostics.isEmpty(), qPrintable(dump(unused.diagnostics)));
    w.context.my.values[0].value = QStringLiteral("found");
    w.context.my.values[0].missing = false;
    const RenderedRequest found = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QVERIFY2(found.diagnostics.isEmpty(), qPrintable(dump(found.diagnostics)));
    QCOMPARE(found.body, QByteArray("{\"key\": \"found\", \"hi\": \"Hi there\"}"));
}

void tst_Renderer::missingSecretHeader()
{
    const Workspace w = fixture();
    Webhook h = post(QStringLiteral("{}"), TokenEncoding::Json);
    h.name = QStringLiteral("Enrich lead (JSON)");
    Header missing {QStringLiteral("X-Api-Key"), QString(), true, {}};
    missing.missing = true;
    h.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}}, missing};
    const RenderedRequest r = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QCOMPARE(codes(r.diagnostics), QStringList {QStringLiteral("missing-secret")});
    const Diagnostic& d = r.diagnostics.first();
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.where.toString(), QStringLiteral("headers[1].value"));
    QCOMPARE(d.message,
             QStringLiteral("secret \"header.Enrich lead (JSON).X-Api-Key\" has no value: it is not in the keychain "
                            "and WD_SECRET_HEADER_ENRICH_LEAD__JSON__X_API_KEY is not set"));

    // A secret header with a value, or a plain header left empty, is not missing.
    h.headers[1].value = QStringLiteral("k");
    h.headers[1].missing = false;
    h.headers.append({QStringLiteral("X-Empty"), QString(), false, {}});
    const RenderedRequest fine = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QVERIFY2(!codes(fine.diagnostics).contains(QStringLiteral("missing-secret")), qPrintable(dump(fine.diagnostics)));
}

void tst_Renderer::missingSecretIsNotSent()
{
    SandboxServer server;
    QString error;
    QVERIFY2(server.listen(0, 1, &error), qPrintable(error));
    QSignalSpy served(&server, &SandboxServer::requestServed);
    Workspace w = fixture();
    w.context.my.values[0].value.clear();
    w.context.my.values[0].missing = true;
    Webhook h = post(QStringLiteral("{}"), TokenEncoding::Json);
    h.url = server.url().toString() + QStringLiteral("/echo");
    h.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {{my.apiKey}}"), true, {}}};
    const RenderedRequest request = Renderer(w, h).render(w.leads.first(), pinnedNow());
    QCOMPARE(codes(request.diagnostics), QStringList {QStringLiteral("missing-secret")});

    const QString reason = HttpClient::validate(request);
    QVERIFY2(reason.contains(QStringLiteral("was not sent")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("WD_SECRET_MY_APIKEY")), qPrintable(reason));
    QNetworkAccessManager manager;
    HttpClient client(&manager);
    const CallResult call = client.callAndWait(request);
    QCOMPARE(call.error, CallResult::ErrorKind::InvalidRequest);
    QCOMPARE(call.errorMessage, reason);
    QCOMPARE(call.status, 0);
    QCOMPARE(served.count(), 0);
    QCOMPARE(server.maxConcurrentConnections(), 0);
}

void tst_Renderer::concurrentRenders()
{
    // One Renderer shared by worker threads, as the batch runner may use it: every
    // result must equal the one rendered alone.
    const Workspace w = fixture();
    const Webhook h = post(QStringLiteral("{\"n\": {{lead.First Name}}, \"s\": {{lead.Lead Score}}, \"t\": "
                                          "{{system.dateTime}}}"),
                           TokenEncoding::Json);
    const Renderer renderer(w, h);
    QList<QJsonObject> leads;
    for (int i = 0; i < 400; ++i) {
        QJsonObject lead {{QStringLiteral("Lead Score"), i}};
        lead.insert(i % 2 ? QStringLiteral("firstName") : QStringLiteral("First Name"), QString::number(i));
        if (i % 3) {
            lead.insert(QStringLiteral("AAA"), i);
        }
        leads.append(lead);
    }
    const QDateTime base = pinnedNow();
    // Plain threads: core and its tests do not link Qt Concurrent.
    std::vector<QByteArray> bodies(size_t(leads.size()));
    std::vector<std::thread> workers;
    const int threads = 4;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = t; i < leads.size(); i += threads) {
                bodies[size_t(i)] = renderer.render(leads.at(i), base.addSecs(i % 5)).body;
            }
        });
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
    const Renderer alone(w, h);
    for (int i = 0; i < leads.size(); ++i) {
        QCOMPARE(bodies.at(size_t(i)), alone.render(leads.at(i), base.addSecs(i % 5)).body);
    }
    QCOMPARE(bodies.at(7), QByteArray("{\"n\": \"7\", \"s\": 7, \"t\": \"2013-08-08 16:34:15\"}"));
}

void tst_Renderer::largeTemplate()
{
    // 50,000 lines with a token each: preparing must not scan the text per token (no
    // timing threshold; a quadratic renderer simply does not finish in CI's time).
    const Workspace w = fixture();
    QString payload;
    const int lines = 50000;
    for (int i = 0; i < lines; ++i) {
        payload += QStringLiteral("\"k\": {{lead.City}}, \"s\": {{lead.Lead Score}},\n");
    }
    const RenderedRequest r = Renderer(w, post(payload, TokenEncoding::Json)).render(w.leads.first(), pinnedNow());
    QCOMPARE(int(r.diagnostics.size()), lines);
    QCOMPARE(r.diagnostics.last().line, lines);
    QCOMPARE(r.diagnostics.last().column, 6);
    QVERIFY(r.body.startsWith("\"k\": null, \"s\": 42,\n\"k\": null"));
    QCOMPARE(r.body.count('\n'), lines);
}

QTEST_GUILESS_MAIN(tst_Renderer)
#include "tst_renderer.moc"
