#include "TlsTestServer.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// `send`, `run` and `sandbox` end to end through the real webhook-designer-cli, against a
// sandbox started in this process on port 0. The process runs asynchronously so that
// this event loop keeps serving its requests.
class tst_CliLive : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sendPrintsTheCall();
    void sendNon2xxExitsOne();
    void sendTransportErrorExitsFour();
    void sendUsageAndWorkspaceErrors_data();
    void sendUsageAndWorkspaceErrors();
    void runCallsEveryLead();
    void runUsesTheWorkspaceLeadsWithLimit();
    void runReportsFailures();
    void runStopsWhenOutCannotBeWritten();
    void sendAndRunTrustTheWorkspaceCertificate();
    void sandboxCommandServes();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result cli(const QStringList& arguments);
    QString writeWorkspace(const QString& path, const QString& url);
    static bool addTrust(const QString& workspace, const QString& host, const QString& sha256);

    std::unique_ptr<SandboxServer> m_server;
    QTemporaryDir m_dir;
    QString m_workspace;
};

void tst_CliLive::init()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
    m_workspace = writeWorkspace(QStringLiteral("/enrich"), m_server->url().toString());
}

void tst_CliLive::cleanup()
{
    m_server.reset();
}

QString tst_CliLive::writeWorkspace(const QString& path, const QString& url)
{
    static int counter = 0;
    const QJsonObject webhook {
        {QStringLiteral("name"), QStringLiteral("Enrich")},
        {QStringLiteral("url"), url + path + QStringLiteral("?k={{my.apiKey}}")},
        {QStringLiteral("requestType"), QStringLiteral("POST")},
        {QStringLiteral("template"), QStringLiteral("{\"email\": {{lead.Email Address}}}")},
        {QStringLiteral("requestTokenEncoding"), QStringLiteral("json")},
        {QStringLiteral("responseType"), QStringLiteral("json")},
        {QStringLiteral("headers"),
         QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Content-Type")},
                                  {QStringLiteral("value"), QStringLiteral("application/json")}},
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("Authorization")},
                                  {QStringLiteral("value"), QStringLiteral("Bearer {{my.apiKey}}")},
                                  {QStringLiteral("secret"), true}}}},
        {QStringLiteral("responseMappings"),
         QJsonArray {QJsonObject {{QStringLiteral("attribute"), QStringLiteral("data.company")},
                                  {QStringLiteral("field"), QStringLiteral("company")}}}},
    };
    const QJsonObject workspace {
        {QStringLiteral("format"), QStringLiteral("webhook-designer/1")},
        {QStringLiteral("timeZone"), QStringLiteral("UTC")},
        {QStringLiteral("fields"), QJsonArray {}},
        {QStringLiteral("leads"),
         QJsonArray {QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("ada@acme-robotics.com")}},
                     QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("bob@globex.io")}},
                     QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("cy@initech.net")}}}},
        {QStringLiteral("context"),
         QJsonObject {{QStringLiteral("my"), QJsonObject {{QStringLiteral("apiKey"), QStringLiteral("topsecret-777")}}},
                      {QStringLiteral("secretMyTokens"), QJsonArray {QStringLiteral("apiKey")}}}},
        {QStringLiteral("webhooks"), QJsonArray {webhook}},
    };
    const QString file = m_dir.filePath(QStringLiteral("ws%1.webhooks.json").arg(++counter));
    QFile out(file);
    if (out.open(QIODevice::WriteOnly))
        out.write(QJsonDocument(workspace).toJson());
    return file;
}

bool tst_CliLive::addTrust(const QString& workspace, const QString& host, const QString& sha256)
{
    QFile file(workspace);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    json.insert(QStringLiteral("trustedCertificate"),
                QJsonObject {{QStringLiteral("host"), host}, {QStringLiteral("sha256"), sha256}});
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(json).toJson()) > 0;
}

tst_CliLive::Result tst_CliLive::cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(WD_CLI_PATH), arguments);
    Result result;
    [&] {
        QVERIFY(process.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 60000);
    }();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void tst_CliLive::sendPrintsTheCall()
{
    const Result result = cli({QStringLiteral("send"),
                               m_workspace,
                               QStringLiteral("--webhook"),
                               QStringLiteral("Enrich"),
                               QStringLiteral("--lead"),
                               QStringLiteral("1")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    const QJsonObject request = json.value(QStringLiteral("request")).toObject();
    QCOMPARE(request.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QVERIFY(request.value(QStringLiteral("url"))
                .toString()
                .startsWith(m_server->url().toString() + QStringLiteral("/enrich")));
    QCOMPARE(request.value(QStringLiteral("body")).toString(), QStringLiteral("{\"email\": \"bob@globex.io\"}"));
    bool hasUserAgent = false;
    for (const QJsonValue& header : request.value(QStringLiteral("headers")).toArray()) {
        const QJsonObject h = header.toObject();
        if (h.value(QStringLiteral("name")).toString() == QLatin1String("User-Agent"))
            hasUserAgent = true;
        if (h.value(QStringLiteral("name")).toString() == QLatin1String("Authorization"))
            QVERIFY(!h.value(QStringLiteral("value")).toString().contains(QLatin1String("topsecret")));
    }
    QVERIFY(hasUserAgent);
    // The secret My Token in the URL is masked too: this output goes to CI logs.
    QVERIFY2(!result.out.contains("topsecret-777"), result.out.constData());
    QVERIFY(request.value(QStringLiteral("url")).toString().endsWith(QStringLiteral("?k=••••••")));
    const QJsonObject response = json.value(QStringLiteral("response")).toObject();
    QCOMPARE(response.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(response.value(QStringLiteral("reason")).toString(), QStringLiteral("OK"));
    QVERIFY(response.value(QStringLiteral("headers")).isArray());
    QVERIFY(response.value(QStringLiteral("body")).toString().contains(QLatin1String("globex.io")));
    QCOMPARE(response.value(QStringLiteral("bodyTruncated")).toBool(true), false);
    QVERIFY(response.value(QStringLiteral("timings")).toObject().value(QStringLiteral("totalMs")).toDouble() > 0);
    const QJsonArray mappings = json.value(QStringLiteral("mappings")).toArray();
    QCOMPARE(mappings.size(), 1);
    QVERIFY(mappings.at(0).toObject().value(QStringLiteral("applied")).toBool());
    QVERIFY(json.value(QStringLiteral("lead"))
                .toObject()
                .value(QStringLiteral("Company Name"))
                .toString()
                .startsWith(QLatin1String("Globex")));
    QVERIFY(json.value(QStringLiteral("error")).isNull());

    // The call is in the history, without the secret.
    QFile history(m_workspace + QStringLiteral(".history.jsonl"));
    QVERIFY(history.open(QIODevice::ReadOnly));
    const QByteArray lines = history.readAll();
    QCOMPARE(lines.count('\n'), 1);
    QVERIFY(!lines.contains("topsecret-777"));
    QVERIFY(lines.contains("globex.io"));
}

void tst_CliLive::sendNon2xxExitsOne()
{
    const QString workspace = writeWorkspace(QStringLiteral("/status/503"), m_server->url().toString());
    const Result result =
        cli({QStringLiteral("send"), workspace, QStringLiteral("--webhook"), QStringLiteral("Enrich")});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 503);
    QVERIFY(json.value(QStringLiteral("error")).isNull());
    QVERIFY(
        !json.value(QStringLiteral("mappings")).toArray().at(0).toObject().value(QStringLiteral("applied")).toBool());
}

void tst_CliLive::sendTransportErrorExitsFour()
{
    quint16 port = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        port = closed.serverPort();
    }
    const QString refused = writeWorkspace(QStringLiteral("/enrich"), QStringLiteral("http://127.0.0.1:%1").arg(port));
    Result result = cli({QStringLiteral("send"), refused, QStringLiteral("--webhook"), QStringLiteral("Enrich")});
    QCOMPARE(result.exitCode, 4);
    QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QVERIFY(json.value(QStringLiteral("response")).isNull());
    QCOMPARE(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("connection-refused"));
    QVERIFY(!json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());

    const QString slow = writeWorkspace(QStringLiteral("/delay/20000"), m_server->url().toString());
    result = cli({QStringLiteral("send"),
                  slow,
                  QStringLiteral("--webhook"),
                  QStringLiteral("Enrich"),
                  QStringLiteral("--timeout-ms"),
                  QStringLiteral("1000")});
    QCOMPARE(result.exitCode, 4);
    json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("timeout"));
}

void tst_CliLive::sendUsageAndWorkspaceErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no webhook") << QStringList {QStringLiteral("send"), QStringLiteral("WS")} << 2;
    QTest::newRow("unknown webhook") << QStringList {QStringLiteral("send"),
                                                     QStringLiteral("WS"),
                                                     QStringLiteral("--webhook"),
                                                     QStringLiteral("Nope")}
                                     << 2;
    QTest::newRow("bad timeout") << QStringList {QStringLiteral("send"),
                                                 QStringLiteral("WS"),
                                                 QStringLiteral("--webhook"),
                                                 QStringLiteral("Enrich"),
                                                 QStringLiteral("--timeout-ms"),
                                                 QStringLiteral("abc")}
                                 << 2;
    QTest::newRow("unknown lead") << QStringList {QStringLiteral("send"),
                                                  QStringLiteral("WS"),
                                                  QStringLiteral("--webhook"),
                                                  QStringLiteral("Enrich"),
                                                  QStringLiteral("--lead"),
                                                  QStringLiteral("nobody@nowhere.com")}
                                  << 2;
    QTest::newRow("missing workspace") << QStringList {QStringLiteral("send"),
                                                       QStringLiteral("/nonexistent/x.webhooks.json"),
                                                       QStringLiteral("--webhook"),
                                                       QStringLiteral("Enrich")}
                                       << 3;
    QTest::newRow("run bad concurrency") << QStringList {QStringLiteral("run"),
                                                         QStringLiteral("WS"),
                                                         QStringLiteral("--webhook"),
                                                         QStringLiteral("Enrich"),
                                                         QStringLiteral("--concurrency"),
                                                         QStringLiteral("0")}
                                         << 2;
    QTest::newRow("run missing csv") << QStringList {QStringLiteral("run"),
                                                     QStringLiteral("WS"),
                                                     QStringLiteral("--webhook"),
                                                     QStringLiteral("Enrich"),
                                                     QStringLiteral("--leads"),
                                                     QStringLiteral("/nonexistent/leads.csv")}
                                     << 2;
    QTest::newRow("run empty out") << QStringList {QStringLiteral("run"),
                                                   QStringLiteral("WS"),
                                                   QStringLiteral("--webhook"),
                                                   QStringLiteral("Enrich"),
                                                   QStringLiteral("--out"),
                                                   QString()}
                                   << 2;
    // Standard output carries the summary.
    QTest::newRow("run out to stdout") << QStringList {QStringLiteral("run"),
                                                       QStringLiteral("WS"),
                                                       QStringLiteral("--webhook"),
                                                       QStringLiteral("Enrich"),
                                                       QStringLiteral("--out"),
                                                       QStringLiteral("-")}
                                       << 2;
    QTest::newRow("sandbox bad port") << QStringList {QStringLiteral("sandbox"),
                                                      QStringLiteral("--port"),
                                                      QStringLiteral("70000")}
                                      << 2;
}

void tst_CliLive::sendUsageAndWorkspaceErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    arguments.replaceInStrings(QStringLiteral("WS"), m_workspace);
    const Result result = cli(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(!result.err.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_CliLive::runCallsEveryLead()
{
    QFile csv(m_dir.filePath(QStringLiteral("leads.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Email Address,First Name\n");
    for (int i = 0; i < 60; ++i)
        csv.write(QStringLiteral("lead%1@company-%2.com,N%1\n").arg(i).arg(i % 7).toUtf8());
    csv.close();
    const QString out = m_dir.filePath(QStringLiteral("out.jsonl"));
    const Result result = cli({QStringLiteral("run"),
                               m_workspace,
                               QStringLiteral("--webhook"),
                               QStringLiteral("Enrich"),
                               QStringLiteral("--leads"),
                               csv.fileName(),
                               QStringLiteral("--concurrency"),
                               QStringLiteral("8"),
                               QStringLiteral("--out"),
                               out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.err.contains("60/60"));
    const QJsonObject summary = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(summary.value(QStringLiteral("leads")).toInt(), 60);
    QCOMPARE(summary.value(QStringLiteral("concurrency")).toInt(), 8);
    QCOMPARE(summary.value(QStringLiteral("counts")).toObject().value(QStringLiteral("ok")).toInt(), 60);
    QCOMPARE(summary.value(QStringLiteral("statusHistogram")).toObject().value(QStringLiteral("200")).toInt(), 60);
    QCOMPARE(summary.value(QStringLiteral("fieldWrites")).toObject().value(QStringLiteral("company")).toInt(), 60);
    const QJsonObject latency = summary.value(QStringLiteral("latencyMs")).toObject();
    QVERIFY(latency.value(QStringLiteral("p50")).toDouble() <= latency.value(QStringLiteral("max")).toDouble());
    const QJsonObject estimate = summary.value(QStringLiteral("estimate")).toObject();
    QVERIFY(estimate.value(QStringLiteral("leads100000")).toObject().value(QStringLiteral("serialMs")).toDouble()
            > estimate.value(QStringLiteral("leads100000")).toObject().value(QStringLiteral("parallelMs")).toDouble());
    QVERIFY(m_server->maxConcurrentConnections() <= 8);

    QFile lines(out);
    QVERIFY(lines.open(QIODevice::ReadOnly));
    QSet<int> indexes;
    while (!lines.atEnd()) {
        const QByteArray line = lines.readLine();
        QVERIFY(!line.contains("topsecret-777"));
        const QJsonObject json = QJsonDocument::fromJson(line).object();
        const int index = json.value(QStringLiteral("index")).toInt(-1);
        QVERIFY(!indexes.contains(index));
        indexes.insert(index);
        QCOMPARE(json.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(json.value(QStringLiteral("request"))
                    .toObject()
                    .value(QStringLiteral("body"))
                    .toString()
                    .contains(QStringLiteral("lead%1@").arg(index)));
    }
    QCOMPARE(indexes.size(), 60);
}

void tst_CliLive::runUsesTheWorkspaceLeadsWithLimit()
{
    const Result result = cli({QStringLiteral("run"),
                               m_workspace,
                               QStringLiteral("--webhook"),
                               QStringLiteral("Enrich"),
                               QStringLiteral("--limit"),
                               QStringLiteral("2")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(summary.value(QStringLiteral("completed")).toInt(), 2);
    QCOMPARE(m_server->requestCount(), 2);
}

void tst_CliLive::runReportsFailures()
{
    const QString workspace = writeWorkspace(QStringLiteral("/flaky"), m_server->url().toString());
    const Result result = cli({QStringLiteral("run"),
                               workspace,
                               QStringLiteral("--webhook"),
                               QStringLiteral("Enrich"),
                               QStringLiteral("--concurrency"),
                               QStringLiteral("1")});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject counts = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("ok")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("non2xx")).toInt(), 2);
}

void tst_CliLive::runStopsWhenOutCannotBeWritten()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("No /dev/full to stand for a full disk");
    const Result result = cli({QStringLiteral("run"),
                               m_workspace,
                               QStringLiteral("--webhook"),
                               QStringLiteral("Enrich"),
                               QStringLiteral("--out"),
                               QStringLiteral("/dev/full")});
    // Not a silent exit 0 with the lines lost: the message, and the summary of what ran.
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("cannot write /dev/full"), result.err.constData());
    QVERIFY(QJsonDocument::fromJson(result.out).isObject());
}

void tst_CliLive::sendAndRunTrustTheWorkspaceCertificate()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend");
    TlsTestServer server(QByteArrayLiteral("{\"data\": {\"company\": \"TLS Co\"}}"));
    QVERIFY(!server.certificate.isNull());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString workspace =
        writeWorkspace(QStringLiteral("/enrich"), QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()));
    const QStringList send {QStringLiteral("send"),
                            workspace,
                            QStringLiteral("--webhook"),
                            QStringLiteral("Enrich"),
                            QStringLiteral("--no-history")};

    // Without the key: refused, with what the user needs to trust it.
    Result result = cli(send);
    QVERIFY2(result.exitCode == 4,
             (QByteArray::number(result.exitCode) + " " + result.err + result.out.left(600)).constData());
    QJsonObject json = QJsonDocument::fromJson(result.out).object();
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("tls"));
    const QJsonObject certificate = error.value(QStringLiteral("certificate")).toObject();
    const QString sha256 = certificate.value(QStringLiteral("sha256")).toString();
    QCOMPARE(sha256, QString::fromLatin1(server.certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
    QCOMPARE(certificate.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(certificate.value(QStringLiteral("subject")).toString(),
             QStringLiteral("CN=localhost, O=Webhook Designer Tests"));
    QCOMPARE(certificate.value(QStringLiteral("issuer")).toString(),
             QStringLiteral("CN=localhost, O=Webhook Designer Tests"));
    QCOMPARE(certificate.value(QStringLiteral("notBefore")).toString(), QStringLiteral("2020-01-01T00:00:00Z"));
    QCOMPARE(certificate.value(QStringLiteral("notAfter")).toString(), QStringLiteral("2120-01-01T00:00:00Z"));
    QVERIFY(certificate.value(QStringLiteral("trustable")).toBool());
    QVERIFY2(result.err.contains(sha256.toLatin1()), result.err.constData());
    QVERIFY2(result.err.contains("by adding"), result.err.constData());
    QCOMPARE(server.answered, 0);

    // Trusted for another host (the certificate names both): still refused.
    QVERIFY(addTrust(workspace, QStringLiteral("localhost"), sha256));
    result = cli(send);
    QCOMPARE(result.exitCode, 4);
    QCOMPARE(QJsonDocument::fromJson(result.out)
                 .object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("kind"))
                 .toString(),
             QStringLiteral("tls"));
    // The workspace already trusts one: the user is told to replace it, and which it is.
    QVERIFY2(result.err.contains("trusts a different certificate (localhost, "), result.err.constData());
    QVERIFY2(result.err.contains("by replacing"), result.err.constData());

    // With the fingerprint copied from the output, in lower case without colons.
    QVERIFY(addTrust(workspace, QStringLiteral("127.0.0.1"), sha256.toLower().remove(QLatin1Char(':'))));
    result = cli(send);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    json = QJsonDocument::fromJson(result.out).object();
    QVERIFY(json.value(QStringLiteral("error")).isNull());
    QCOMPARE(json.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(json.value(QStringLiteral("lead")).toObject().value(QStringLiteral("Company Name")).toString(),
             QStringLiteral("TLS Co"));
    QCOMPARE(server.answered, 1);

    // `run` applies the same trust to every call.
    result = cli({QStringLiteral("run"), workspace, QStringLiteral("--webhook"), QStringLiteral("Enrich")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject counts = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("ok")).toInt(), 3);
    QCOMPARE(server.answered, 4);
}

void tst_CliLive::sandboxCommandServes()
{
    QProcess process;
    process.start(QStringLiteral(WD_CLI_PATH),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
    const QUrl url(QString::fromUtf8(process.readLine().trimmed()));
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);
    QNetworkAccessManager manager;
    QNetworkReply* reply = manager.get(QNetworkRequest(QUrl(url.toString() + QStringLiteral("/status/418"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 418);
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += process.readAllStandardError()).contains("/status/418 418"), 10000);
    process.kill();
    QVERIFY(process.waitForFinished(10000));
    delete reply;
}

QTEST_GUILESS_MAIN(tst_CliLive)
#include "tst_cli_live.moc"
