#include "TemplateTestSupport.h"
#include "exchange/CurlExport.h"
#include "exchange/ExportRenderer.h"
#include "exchange/HttpFileExport.h"
#include "exchange/PostmanExport.h"
#include "exchange/SetupSheet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

Workspace fixture()
{
    Workspace w = templateTestWorkspace({}, {contextValue("apiKey", "real-key", true)}, {});
    QJsonObject lead;
    lead.insert(QStringLiteral("Email Address"), QStringLiteral("ada@example.com"));
    lead.insert(QStringLiteral("First Name"), QStringLiteral("Ada 'A' $HOME\n"));
    w.leads.append(lead);
    Webhook hook;
    hook.name = QStringLiteral("Enrich");
    hook.description = QStringLiteral("Adds the company");
    hook.url = QStringLiteral("https://api.vendor.test/v1/{{lead.Email Address}}?k={{my.apiKey}}");
    hook.requestType = RequestType::Post;
    hook.payloadTemplate = QStringLiteral("{\"name\": {{lead.First Name}}, \"key\": {{my.apiKey}}}");
    hook.requestTokenEncoding = TokenEncoding::Json;
    hook.responseType = ResponseType::Json;
    hook.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}, false});
    hook.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer real-token"), true, {}, false});
    hook.responseMappings.append({QStringLiteral("company.name"), QStringLiteral("company"), {}});
    w.webhooks.append(hook);
    Webhook get;
    get.name = QStringLiteral("Ping");
    get.url = QStringLiteral("https://api.vendor.test/ping");
    get.requestType = RequestType::Get;
    w.webhooks.append(get);
    return w;
}

} // namespace

class TestExports : public QObject
{
    Q_OBJECT

private slots:
    void curl();
    void curlQuoting_data();
    void curlQuoting();
    void httpFile();
    void postman();
    void setupSheet();
};

void TestExports::curl()
{
    const Workspace workspace = fixture();
    const ExportRenderer renderer(workspace);
    const RenderedRequest request = renderer.render(0, workspace.leads.first(), pinnedNow());
    const QByteArray command = CurlExport::command(request, renderer);
    QCOMPARE(command,
             QByteArray(
                 "# Secrets come from the environment: WD_SECRET_MY_APIKEY, WD_SECRET_HEADER_ENRICH_AUTHORIZATION\n"
                 "curl --globoff --path-as-is --request 'POST' "
                 "'https://api.vendor.test/v1/ada%40example.com?k='\"$WD_SECRET_MY_APIKEY\" \\\n"
                 "  --header 'Content-Type: application/json' \\\n"
                 "  --header 'Authorization: '\"$WD_SECRET_HEADER_ENRICH_AUTHORIZATION\" \\\n"
                 "  --header 'Expect:' \\\n"
                 "  --data-raw '{\"name\": \"Ada '\\''A'\\'' $HOME\\n\", \"key\": \"'\"$WD_SECRET_MY_APIKEY\"'\"}'\n"));
    QVERIFY(!command.contains("real-key"));
    QVERIFY(!command.contains("real-token"));

    const RenderedRequest ping = renderer.render(1, workspace.leads.first(), pinnedNow());
    QCOMPARE(CurlExport::command(ping, renderer),
             QByteArray("curl --globoff --path-as-is --request 'GET' 'https://api.vendor.test/ping'\n"));
}

void TestExports::curlQuoting_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("quoted");
    QTest::newRow("empty") << QByteArray() << QByteArray("''");
    QTest::newRow("plain") << QByteArray("a b") << QByteArray("'a b'");
    QTest::newRow("quote") << QByteArray("it's") << QByteArray("'it'\\''s'");
    QTest::newRow("dollar and backtick") << QByteArray("$x `y` \"z\"") << QByteArray("'$x `y` \"z\"'");
    QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("'a\nb'");
    QTest::newRow("non-ASCII") << QByteArray("M\xc3\xbcller") << QByteArray("'M\xc3\xbcller'");
    QTest::newRow("control") << QByteArray("a\tb\r'\\") << QByteArray("$'a\\x09b\\x0d\\'\\\\'");
}

void TestExports::curlQuoting()
{
    QFETCH(QByteArray, text);
    QTEST(CurlExport::quote(text), "quoted");
}

void TestExports::httpFile()
{
    const Workspace workspace = fixture();
    const ExportRenderer renderer(workspace);
    const QByteArray file = HttpFileExport::file(renderer, {0, 1}, workspace.leads.first(), pinnedNow());
    QCOMPARE(
        file,
        QByteArray("@WD_SECRET_MY_APIKEY = {{$processEnv WD_SECRET_MY_APIKEY}}\n"
                   "@WD_SECRET_HEADER_ENRICH_AUTHORIZATION = {{$processEnv WD_SECRET_HEADER_ENRICH_AUTHORIZATION}}\n\n"
                   "### Enrich\n"
                   "POST https://api.vendor.test/v1/ada%40example.com?k={{WD_SECRET_MY_APIKEY}}\n"
                   "Content-Type: application/json\n"
                   "Authorization: {{WD_SECRET_HEADER_ENRICH_AUTHORIZATION}}\n\n"
                   "{\"name\": \"Ada 'A' $HOME\\n\", \"key\": \"{{WD_SECRET_MY_APIKEY}}\"}\n\n"
                   "### Ping\n"
                   "GET https://api.vendor.test/ping\n\n"));
}

void TestExports::postman()
{
    const Workspace workspace = fixture();
    const ExportRenderer renderer(workspace);
    const QByteArray bytes =
        PostmanExport::collection(renderer, QStringLiteral("Vendor"), {0, 1}, workspace.leads.first(), pinnedNow());
    QVERIFY(!bytes.contains("real-key"));
    QVERIFY(!bytes.contains("real-token"));
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QStringLiteral("info")).toObject().value(QStringLiteral("schema")).toString(),
             QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json"));
    const QJsonArray variables = root.value(QStringLiteral("variable")).toArray();
    QCOMPARE(variables.size(), 2);
    QCOMPARE(variables.at(0).toObject().value(QStringLiteral("key")).toString(),
             QStringLiteral("WD_SECRET_HEADER_ENRICH_AUTHORIZATION"));
    QCOMPARE(variables.at(1).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("WD_SECRET_MY_APIKEY"));
    QCOMPARE(variables.at(0).toObject().value(QStringLiteral("value")).toString(), QString());
    const QJsonArray items = root.value(QStringLiteral("item")).toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject request = items.at(0).toObject().value(QStringLiteral("request")).toObject();
    QCOMPARE(request.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(request.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://api.vendor.test/v1/ada%40example.com?k={{WD_SECRET_MY_APIKEY}}"));
    QCOMPARE(
        request.value(QStringLiteral("header")).toArray().at(1).toObject().value(QStringLiteral("value")).toString(),
        QStringLiteral("{{WD_SECRET_HEADER_ENRICH_AUTHORIZATION}}"));
    QCOMPARE(request.value(QStringLiteral("body")).toObject().value(QStringLiteral("raw")).toString(),
             QStringLiteral("{\"name\": \"Ada 'A' $HOME\\n\", \"key\": \"{{WD_SECRET_MY_APIKEY}}\"}"));
    QVERIFY(!items.at(1).toObject().value(QStringLiteral("request")).toObject().contains(QStringLiteral("body")));
    // The same workspace exports the same bytes.
    QCOMPARE(PostmanExport::collection(
                 ExportRenderer(workspace), QStringLiteral("Vendor"), {0, 1}, workspace.leads.first(), pinnedNow()),
             bytes);
}

void TestExports::setupSheet()
{
    const Workspace workspace = fixture();
    const SetupSheet sheet(workspace, 0, pinnedNow());
    QStringList labels;
    for (const SetupSheet::Entry& entry : sheet.entries()) {
        labels.append(entry.section + QStringLiteral(" / ") + entry.label);
    }
    QCOMPARE(labels.mid(0, 13),
             (QStringList {QStringLiteral("New Webhook / Webhook Name"),
                           QStringLiteral("New Webhook / Description"),
                           QStringLiteral("New Webhook / URL"),
                           QStringLiteral("New Webhook / Request Type"),
                           QStringLiteral("New Webhook / Template"),
                           QStringLiteral("New Webhook / Request Token Encoding"),
                           QStringLiteral("New Webhook / Response Type"),
                           QStringLiteral("Set Custom Header / Header"),
                           QStringLiteral("Set Custom Header / Value"),
                           QStringLiteral("Set Custom Header / Header"),
                           QStringLiteral("Set Custom Header / Value"),
                           QStringLiteral("Edit Response Mappings / Response Attribute"),
                           QStringLiteral("Edit Response Mappings / Marketo Field")}));
    QCOMPARE(sheet.entries().at(4).value, workspace.webhooks.at(0).payloadTemplate);
    QCOMPARE(sheet.entries().at(5).value, QStringLiteral("JSON"));
    QCOMPARE(sheet.entries().at(12).value, QStringLiteral("Company Name"));
    const QString markdown = sheet.markdown();
    QVERIFY(!markdown.contains(QStringLiteral("real-token")));
    QVERIFY(!markdown.contains(QStringLiteral("real-key")));
    QVERIFY(markdown.startsWith(QStringLiteral("# Marketo setup sheet: Enrich\n\n## New Webhook\n\n**Webhook Name**\n\n"
                                               "```text\nEnrich\n```\n")));
    QVERIFY(markdown.contains(QStringLiteral("**Template**\n\n```text\n{\"name\": {{lead.First Name}}, \"key\": "
                                             "{{my.apiKey}}}\n```\n")));
    QVERIFY(markdown.contains(QStringLiteral("**Value**: (secret: paste it from the keychain entry "
                                             "header.Enrich.Authorization or from "
                                             "WD_SECRET_HEADER_ENRICH_AUTHORIZATION)\n")));
    QVERIFY(markdown.contains(QStringLiteral("\n## Open findings\n")));
    QVERIFY(markdown.indexOf(QStringLiteral("## New Webhook"))
            < markdown.indexOf(QStringLiteral("## Set Custom Header")));
    QVERIFY(markdown.indexOf(QStringLiteral("## Set Custom Header"))
            < markdown.indexOf(QStringLiteral("## Edit Response Mappings")));
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
