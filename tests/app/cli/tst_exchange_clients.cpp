#include "RecordingServer.h"
#include "exchange/CurlExport.h"
#include "exchange/CurlImport.h"
#include "exchange/ExportRenderer.h"
#include "exchange/HttpFileExport.h"
#include "exchange/PostmanExport.h"
#include "http/HttpClient.h"
#include "model/SecretKeys.h"
#include "template/Renderer.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Real clients against a recording server on 127.0.0.1: what curl, newman and httpyac
// send from the exports, and what curl sends for imported commands, must equal what the
// designer's own client sends for the same lead.
namespace {

const QDateTime now(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);

Workspace exportWorkspace(const QByteArray& base)
{
    Workspace w;
    w.context.my.present = true;
    w.context.my.values.append({QStringLiteral("apiKey"), QStringLiteral("k$1 'q' d"), true, false});
    QJsonObject lead;
    lead.insert(QStringLiteral("Email Address"), QStringLiteral("ada+test@example.com"));
    lead.insert(QStringLiteral("First Name"), QStringLiteral("Ada 'A' \"L\" $HOME `x` \\ &"));
    lead.insert(QStringLiteral("Last Name"), QStringLiteral("Müller 😀\nline"));
    lead.insert(QStringLiteral("Lead Score"), 42);
    w.leads.append(lead);

    Webhook json;
    json.name = QStringLiteral("Json");
    json.url = QString::fromUtf8(base) + QStringLiteral("/v1/{{lead.Email Address}}?name={{lead.First Name}}&x=%26");
    json.payloadTemplate = QStringLiteral("{\"first\": {{lead.First Name}}, \"last\": {{lead.Last Name}}, \"score\": "
                                          "{{lead.Lead Score}}, \"key\": {{my.apiKey}}}");
    json.requestTokenEncoding = TokenEncoding::Json;
    json.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}, false});
    json.headers.append({QStringLiteral("X-Api-Key"), QStringLiteral("h$ 'k'"), true, {}, false});
    json.headers.append({QStringLiteral("X-Lead"), QStringLiteral("{{lead.Email Address}}"), false, {}, false});
    w.webhooks.append(json);

    Webhook get;
    get.name = QStringLiteral("Get");
    get.requestType = RequestType::Get;
    get.url = QString::fromUtf8(base) + QStringLiteral("/find?email={{lead.Email Address}}&last={{lead.Last Name}}");
    get.headers.append({QStringLiteral("Accept"), QStringLiteral("application/json"), false, {}, false});
    w.webhooks.append(get);

    Webhook form;
    form.name = QStringLiteral("Form");
    form.requestType = RequestType::Put;
    form.url = QString::fromUtf8(base) + QStringLiteral("/form");
    form.payloadTemplate = QStringLiteral("first={{lead.First Name}}&last={{lead.Last Name}}");
    form.requestTokenEncoding = TokenEncoding::FormUrl;
    form.headers.append(
        {QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded"), false, {}, false});
    w.webhooks.append(form);
    return w;
}

QString nodeBin(const char* name)
{
    return QStringLiteral(WD_SOURCE_DIR "/tests/node_modules/.bin/") + QLatin1String(name);
}

} // namespace

class TestExchangeClients : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void curlExport();
    void newmanExport();
    void httpyacExport();
    void curlImport_data();
    void curlImport();

private:
    // Runs a program to its end, serving the recording server meanwhile.
    bool run(const QString& program, const QStringList& arguments, const QProcessEnvironment& env, QByteArray* output);
    RecordingServer::Request sendWithClient(const RenderedRequest& request);
    QProcessEnvironment secretEnvironment() const;
    void compare(const RecordingServer::Request& actual,
                 const RecordingServer::Request& expected,
                 const QList<RenderedHeader>& custom);

    RecordingServer m_server;
    QNetworkAccessManager m_manager;
    QTemporaryDir m_dir;
    Workspace m_workspace;
};

void TestExchangeClients::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY(m_dir.isValid());
    m_workspace = exportWorkspace(m_server.base());
}

void TestExchangeClients::init()
{
    m_server.requests.clear();
}

bool TestExchangeClients::run(const QString& program,
                              const QStringList& arguments,
                              const QProcessEnvironment& env,
                              QByteArray* output)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        qWarning() << program << "did not start:" << process.errorString();
        return false;
    }
    QSignalSpy finished(&process, &QProcess::finished);
    // The clients talk to the server in this thread, so wait in the event loop.
    if (!finished.wait(300000)) {
        process.kill();
        return false;
    }
    *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

RecordingServer::Request TestExchangeClients::sendWithClient(const RenderedRequest& request)
{
    HttpClient client(&m_manager);
    const qsizetype before = m_server.requests.size();
    client.callAndWait(request);
    if (m_server.requests.size() != before + 1) {
        qWarning() << "the designer's request did not arrive";
        return {};
    }
    return m_server.requests.takeLast();
}

QProcessEnvironment TestExchangeClients::secretEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& [key, value] : SecretKeys::values(m_workspace)) {
        env.insert(SecretKeys::environmentVariable(key), value);
    }
    return env;
}

void TestExchangeClients::compare(const RecordingServer::Request& actual,
                                  const RecordingServer::Request& expected,
                                  const QList<RenderedHeader>& custom)
{
    QCOMPARE(actual.method, expected.method);
    QCOMPARE(actual.target, expected.target);
    QCOMPARE(actual.body, expected.body);
    for (const RenderedHeader& header : custom) {
        const QByteArray name = header.name.toUtf8();
        QVERIFY2(actual.has(name), name.constData());
        QCOMPARE(actual.header(name), expected.header(name));
    }
}

void TestExchangeClients::curlExport()
{
    const ExportRenderer renderer(m_workspace);
    for (int i = 0; i < m_workspace.webhooks.size(); ++i) {
        const RenderedRequest request =
            Renderer(m_workspace, m_workspace.webhooks.at(i)).render(m_workspace.leads.first(), now);
        QVERIFY(!request.hasErrors());
        const RecordingServer::Request sent = sendWithClient(request);
        const QByteArray command = CurlExport::command(renderer.render(i, m_workspace.leads.first(), now), renderer);
        QByteArray output;
        QVERIFY2(run(QStringLiteral("bash"),
                     {QStringLiteral("-c"), QString::fromUtf8(command.trimmed()) + QStringLiteral(" -sS -o /dev/null")},
                     secretEnvironment(),
                     &output),
                 output.constData());
        QCOMPARE(m_server.requests.size(), 1);
        compare(m_server.requests.takeFirst(), sent, request.headers);
    }
}

void TestExchangeClients::newmanExport()
{
    const QString newman = nodeBin("newman");
    QVERIFY2(QFile::exists(newman), "newman is missing: run scripts/setup (npm ci --prefix tests)");
    const ExportRenderer renderer(m_workspace);
    QFile file(m_dir.filePath(QStringLiteral("collection.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(PostmanExport::collection(renderer, QStringLiteral("Test"), {0, 1, 2}, m_workspace.leads.first(), now));
    file.close();
    QStringList arguments {QStringLiteral("run"), file.fileName(), QStringLiteral("--disable-unicode")};
    for (const auto& [key, value] : SecretKeys::values(m_workspace)) {
        arguments << QStringLiteral("--env-var") << SecretKeys::environmentVariable(key) + QLatin1Char('=') + value;
    }
    QByteArray output;
    QVERIFY2(run(newman, arguments, QProcessEnvironment::systemEnvironment(), &output), output.constData());
    QCOMPARE(m_server.requests.size(), 3);
    const QList<RecordingServer::Request> received = m_server.requests;
    m_server.requests.clear();
    for (int i = 0; i < 3; ++i) {
        const RenderedRequest request =
            Renderer(m_workspace, m_workspace.webhooks.at(i)).render(m_workspace.leads.first(), now);
        compare(received.at(i), sendWithClient(request), request.headers);
    }
}

void TestExchangeClients::httpyacExport()
{
    const QString httpyac = nodeBin("httpyac");
    QVERIFY2(QFile::exists(httpyac), "httpyac is missing: run scripts/setup (npm ci --prefix tests)");
    const ExportRenderer renderer(m_workspace);
    QFile file(m_dir.filePath(QStringLiteral("requests.http")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(HttpFileExport::file(renderer, {0, 1, 2}, m_workspace.leads.first(), now));
    file.close();
    const QStringList arguments {QStringLiteral("send"), file.fileName(), QStringLiteral("--all")};
    QByteArray output;
    QVERIFY2(run(httpyac, arguments, secretEnvironment(), &output), output.constData());
    QCOMPARE(m_server.requests.size(), 3);
    const QList<RecordingServer::Request> received = m_server.requests;
    m_server.requests.clear();
    for (int i = 0; i < 3; ++i) {
        const RenderedRequest request =
            Renderer(m_workspace, m_workspace.webhooks.at(i)).render(m_workspace.leads.first(), now);
        compare(received.at(i), sendWithClient(request), request.headers);
    }
}

void TestExchangeClients::curlImport_data()
{
    QTest::addColumn<QString>("command"); // BASE stands for the server's address
    const auto s = [](const char* text) { return QString::fromUtf8(text); };
    QTest::newRow("-X -H --url") << s("curl -X PUT --url 'BASE/a/b?c=1' -H 'X-One: 1' --header \"X-Two: it's\"");
    QTest::newRow("-d joined, form type") << s("curl BASE/d -d a=1 --data 'b=2 3' --data-ascii c=4");
    QTest::newRow("--data-raw and --data-binary") << s("curl BASE/r --data-raw '@x' --data-binary $'l1\\nl2'");
    QTest::newRow("--data-urlencode") << s("curl BASE/u --data-urlencode 'name=Ada Lovelace & co' --data-urlencode "
                                           "'=é ü' --data-urlencode 'plain*'");
    QTest::newRow("--json") << s("curl BASE/j --json '{\"a\": 1}'");
    QTest::newRow("-G") << s("curl -G BASE/g?q=1 -d a=1 --data-urlencode 'b=x y'");
    QTest::newRow("-u -A -e -b") << s("curl -u 'ada:pw:x' -A 'Vendor/1' -e BASE/ref -b 'a=1' BASE/h");
    QTest::newRow("accepted flags") << s("curl -sSL -k --compressed -m 20 --connect-timeout 5 -X PATCH BASE/f -d x=1");
    QTest::newRow("double quotes") << s("curl \"BASE/q\" -H \"X-Q: \\\"quoted\\\" \\$HOME\" -d \"v=\\\\n\"");
    QTest::newRow("ANSI-C") << s("curl BASE/ansi -H $'X-A: tab\\there' --data-raw $'{\"a\":\"it\\'s \\u00e9\"}'");
    QTest::newRow("continuations") << s("curl \\\n  -X DELETE \\\n  BASE/del \\\n  -d id=7");
    QTest::newRow("browser copy") << s("curl 'BASE/api/contacts?src=web' \\\n"
                                       "  -H 'accept: application/json, text/plain, */*' \\\n"
                                       "  -H 'accept-language: en-GB,en;q=0.9' \\\n"
                                       "  -H 'content-type: application/json' \\\n"
                                       "  -b 'session=abc; theme=dark' \\\n"
                                       "  -H 'origin: https://app.vendor.test' \\\n"
                                       "  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\\n"
                                       "  --data-raw $'{\"email\":\"ada@example.com\",\"note\":\"it\\'s\"}' \\\n"
                                       "  --compressed");
}

void TestExchangeClients::curlImport()
{
    QFETCH(QString, command);
    command.replace(QStringLiteral("BASE"), QString::fromUtf8(m_server.base()));
    QByteArray output;
    QVERIFY2(run(QStringLiteral("bash"),
                 {QStringLiteral("-c"), command + QStringLiteral(" -sS -o /dev/null")},
                 QProcessEnvironment::systemEnvironment(),
                 &output),
             output.constData());
    QCOMPARE(m_server.requests.size(), 1);
    const RecordingServer::Request byCurl = m_server.requests.takeFirst();

    CurlImport import;
    QString error;
    QVERIFY2(import.parse(command, &error), qPrintable(error));
    Workspace workspace;
    workspace.webhooks.append(import.webhook());
    const RenderedRequest request = Renderer(workspace, workspace.webhooks.first()).render(QJsonObject(), now);
    QVERIFY(!request.hasErrors());
    const RecordingServer::Request bySend = sendWithClient(request);

    QCOMPARE(bySend.method, byCurl.method);
    QCOMPARE(bySend.target, byCurl.target);
    QCOMPARE(bySend.body, byCurl.body);
    // Every header curl sent, but those it adds to every request and the transport's own.
    for (const auto& [name, value] : byCurl.headers) {
        const QByteArray lower = name.toLower();
        if (lower == "host" || lower == "content-length" || lower == "accept-encoding"
            || (lower == "user-agent" && value.startsWith("curl/")) || (lower == "accept" && value == "*/*")) {
            continue;
        }
        QVERIFY2(bySend.has(name), name.constData());
        QCOMPARE(bySend.header(name), value);
    }
}

QTEST_GUILESS_MAIN(TestExchangeClients)
#include "tst_exchange_clients.moc"
