#include "CliProcess.h"
#include "checks/ShapeExtractor.h"
#include "sandbox/SandboxEnrichment.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

// A list of ASCII literals: QString has no implicit conversion from them here.
inline QStringList strings(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items) {
        out.append(QString::fromUtf8(item));
    }
    return out;
}

// `test` end to end through the real webhook-designer-cli, against a sandbox started in
// this process on port 0: checks, shape drift, exit codes, the JSON it prints and the
// JUnit XML it writes, read back by junitparser.
class tst_CliTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void everyCheckPasses();
    void failedCheckExitsOne();
    void driftFailsTheCall();
    void everyWebhookByDefault();
    void oneLead_data();
    void oneLead();
    void leadsFromCsv();
    void csvWithoutLeads_data();
    void csvWithoutLeads();
    void failedCallExitsOne();
    void callErrorAfterStatusFails();
    void usageErrors_data();
    void usageErrors();
    void invalidWorkspaceExitsThree_data();
    void invalidWorkspaceExitsThree();
    void secretsNeverAppear();
    void junitReadByJunitParser();
    void junitSurvivesControlCharacters();

private:
    QJsonObject webhook(const QString& name, const QString& path, const QJsonArray& checks) const;
    QString writeWorkspace(const QJsonArray& webhooks, const QJsonArray& leads = {});
    static QJsonArray threeLeads();
    static QJsonObject baseline();
    static QStringList checkMessages(const QJsonObject& lead);

    std::unique_ptr<SandboxServer> m_server;
    QTemporaryDir m_dir;
};

void tst_CliTest::init()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void tst_CliTest::cleanup()
{
    m_server.reset();
}

QJsonArray tst_CliTest::threeLeads()
{
    return {QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("ada@acme-robotics.com")}},
            QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("bob@globex.io")}},
            QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("cy@initech.net")}}};
}

// The shape of the sandbox's enrichment, as "Save as Baseline" would store it.
QJsonObject tst_CliTest::baseline()
{
    const QJsonObject data = SandboxEnrichment::forEmail(QStringLiteral("ada@acme-robotics.com"));
    const std::optional<ResponseShape> shape = ShapeExtractor::extract(
        QJsonDocument(QJsonObject {{QStringLiteral("data"), data}}).toJson(), ResponseType::Json);
    QJsonObject paths;
    for (auto it = shape->paths.constBegin(); it != shape->paths.constEnd(); ++it) {
        paths.insert(it.key(), it.value());
    }
    return {{QStringLiteral("responseType"), QStringLiteral("json")}, {QStringLiteral("paths"), paths}};
}

QJsonObject tst_CliTest::webhook(const QString& name, const QString& path, const QJsonArray& checks) const
{
    QJsonObject hook {
        {QStringLiteral("name"), name},
        {QStringLiteral("url"), m_server->url().toString() + path},
        {QStringLiteral("requestType"), QStringLiteral("POST")},
        {QStringLiteral("template"), QStringLiteral("{\"email\": {{lead.Email Address}}}")},
        {QStringLiteral("requestTokenEncoding"), QStringLiteral("json")},
        {QStringLiteral("responseType"), QStringLiteral("json")},
        {QStringLiteral("headers"),
         QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Content-Type")},
                                  {QStringLiteral("value"), QStringLiteral("application/json")}},
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("X-Api-Key")},
                                  {QStringLiteral("value"), QStringLiteral("hdr-secret-4242")},
                                  {QStringLiteral("secret"), true}}}},
        {QStringLiteral("responseMappings"),
         QJsonArray {QJsonObject {{QStringLiteral("attribute"), QStringLiteral("data.company")},
                                  {QStringLiteral("field"), QStringLiteral("company")}},
                     QJsonObject {{QStringLiteral("attribute"), QStringLiteral("data.industry")},
                                  {QStringLiteral("field"), QStringLiteral("industry")}},
                     QJsonObject {{QStringLiteral("attribute"), QStringLiteral("data.employees")},
                                  {QStringLiteral("field"), QStringLiteral("numberOfEmployees")}}}},
    };
    if (!checks.isEmpty()) {
        hook.insert(QStringLiteral("checks"), checks);
    }
    return hook;
}

QString tst_CliTest::writeWorkspace(const QJsonArray& webhooks, const QJsonArray& leads)
{
    static int counter = 0;
    const QJsonObject workspace {
        {QStringLiteral("format"), QStringLiteral("webhook-designer/1")},
        {QStringLiteral("timeZone"), QStringLiteral("UTC")},
        {QStringLiteral("leads"), leads.isEmpty() ? threeLeads() : leads},
        {QStringLiteral("context"),
         QJsonObject {{QStringLiteral("my"), QJsonObject {{QStringLiteral("apiKey"), QStringLiteral("my-secret-999")}}},
                      {QStringLiteral("secretMyTokens"), QJsonArray {QStringLiteral("apiKey")}}}},
        {QStringLiteral("webhooks"), webhooks},
    };
    const QString file = m_dir.filePath(QStringLiteral("ws%1.webhooks.json").arg(++counter));
    QFile out(file);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(QJsonDocument(workspace).toJson());
    }
    return file;
}

QStringList tst_CliTest::checkMessages(const QJsonObject& lead)
{
    QStringList out;
    const QJsonArray checks = lead.value(QStringLiteral("checks")).toArray();
    for (const QJsonValue& check : checks) {
        out.append(check.toObject().value(QStringLiteral("message")).toString());
    }
    return out;
}

namespace {

const QJsonArray passingChecks {
    QJsonObject {{QStringLiteral("status"), QStringLiteral("2xx")}},
    QJsonObject {{QStringLiteral("field"), QStringLiteral("company")}, {QStringLiteral("written"), true}},
    QJsonObject {{QStringLiteral("field"), QStringLiteral("company")},
                 {QStringLiteral("matches"), QStringLiteral("\\S")}},
    QJsonObject {{QStringLiteral("path"), QStringLiteral("data.tags[0]")}, {QStringLiteral("exists"), true}},
    QJsonObject {{QStringLiteral("name"), QStringLiteral("Answers in time")},
                 {QStringLiteral("latencyBelowMs"), 60000}},
};

} // namespace

void tst_CliTest::everyCheckPasses()
{
    const QString ws = writeWorkspace({webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), passingChecks)});
    const CliResult r = runCli({QStringLiteral("test"), ws});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject json = r.json();
    QCOMPARE(json.value(QStringLiteral("passed")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("failed")).toInt(), 0);
    const QJsonArray webhooks = json.value(QStringLiteral("webhooks")).toArray();
    QCOMPARE(webhooks.size(), 1);
    QCOMPARE(webhooks[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Enrich"));
    const QJsonArray leads = webhooks[0].toObject().value(QStringLiteral("leads")).toArray();
    QCOMPARE(leads.size(), 3);
    const QStringList emails = strings({"ada@acme-robotics.com", "bob@globex.io", "cy@initech.net"});
    for (int i = 0; i < leads.size(); ++i) {
        const QJsonObject lead = leads[i].toObject();
        QCOMPARE(lead.value(QStringLiteral("lead")).toString(), emails[i]);
        QCOMPARE(lead.value(QStringLiteral("status")).toInt(), 200);
        const QJsonArray checks = lead.value(QStringLiteral("checks")).toArray();
        QCOMPARE(checks.size(), passingChecks.size());
        for (const QJsonValue& c : checks) {
            const QJsonObject o = c.toObject();
            QCOMPARE(o.keys(),
                     (QStringList {QStringLiteral("actual"),
                                   QStringLiteral("check"),
                                   QStringLiteral("message"),
                                   QStringLiteral("passed")}));
            QVERIFY2(o.value(QStringLiteral("passed")).toBool(),
                     qPrintable(o.value(QStringLiteral("message")).toString()));
        }
        QCOMPARE(checks[0].toObject().value(QStringLiteral("check")).toString(), QStringLiteral("status is 2xx"));
        QCOMPARE(checks[4].toObject().value(QStringLiteral("check")).toString(), QStringLiteral("Answers in time"));
        // The company the sandbox makes of the email's domain.
        const QString company = SandboxEnrichment::forEmail(emails[i]).value(QStringLiteral("company")).toString();
        QCOMPARE(checks[1].toObject().value(QStringLiteral("actual")).toString(), company);
    }
}

void tst_CliTest::failedCheckExitsOne()
{
    const QJsonArray checks {
        QJsonObject {{QStringLiteral("status"), QStringLiteral("201")}},
        QJsonObject {{QStringLiteral("field"), QStringLiteral("company")},
                     {QStringLiteral("equals"), QStringLiteral("Globex LLC")}},
    };
    const QString ws = writeWorkspace({webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), checks)});
    const CliResult r = runCli({QStringLiteral("test"), ws});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(QStringLiteral("passed")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("failed")).toInt(), 3);
    const QJsonObject ada = json.value(QStringLiteral("webhooks"))
                                .toArray()[0]
                                .toObject()
                                .value(QStringLiteral("leads"))
                                .toArray()[0]
                                .toObject();
    QCOMPARE(ada.value(QStringLiteral("passed")).toBool(), false);
    const QString company = SandboxEnrichment::forEmail(QStringLiteral("ada@acme-robotics.com"))
                                .value(QStringLiteral("company"))
                                .toString();
    QCOMPARE(checkMessages(ada),
             (QStringList {QStringLiteral("Expected status is 201, got 200 OK."),
                           QStringLiteral("Expected company is written as “Globex LLC”, got “%1”.").arg(company)}));
}

void tst_CliTest::driftFailsTheCall()
{
    QJsonObject v1 = webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), {});
    v1.insert(QStringLiteral("baseline"), baseline());
    QJsonObject v2 = webhook(QStringLiteral("Enrich v2"), QStringLiteral("/enrich?shape=v2"), {});
    v2.insert(QStringLiteral("baseline"), baseline());
    const QString ws = writeWorkspace({v1, v2});

    const CliResult same = runCli({QStringLiteral("test"), ws, QStringLiteral("--webhook"), QStringLiteral("Enrich")});
    QVERIFY2(same.exitCode == 0, same.out.constData());
    const QJsonObject sameLead = same.json()
                                     .value(QStringLiteral("webhooks"))
                                     .toArray()[0]
                                     .toObject()
                                     .value(QStringLiteral("leads"))
                                     .toArray()[0]
                                     .toObject();
    QCOMPARE(sameLead.value(QStringLiteral("drift")).toArray().size(), 0);

    const CliResult drifted =
        runCli({QStringLiteral("test"), ws, QStringLiteral("--webhook"), QStringLiteral("Enrich v2")});
    QCOMPARE(drifted.exitCode, 1);
    const QJsonObject json = drifted.json();
    QCOMPARE(json.value(QStringLiteral("failed")).toInt(), 3);
    const QJsonObject lead = json.value(QStringLiteral("webhooks"))
                                 .toArray()[0]
                                 .toObject()
                                 .value(QStringLiteral("leads"))
                                 .toArray()[0]
                                 .toObject();
    // The status check passes: the drift alone fails the call.
    QCOMPARE(lead.value(QStringLiteral("checks")).toArray()[0].toObject().value(QStringLiteral("passed")).toBool(),
             true);
    QCOMPARE(lead.value(QStringLiteral("passed")).toBool(), false);
    QStringList drift;
    for (const QJsonValue& d : lead.value(QStringLiteral("drift")).toArray()) {
        const QJsonObject o = d.toObject();
        drift.append(
            o.value(QStringLiteral("path")).toString() + QLatin1Char(' ') + o.value(QStringLiteral("change")).toString()
            + QLatin1Char(' ')
            + (o.value(QStringLiteral("failure")).toBool() ? QStringLiteral("failure") : QStringLiteral("warning")));
    }
    QCOMPARE(
        drift,
        (strings({"data.employees retyped failure", "data.founded added warning", "data.industry removed failure"})));
}

void tst_CliTest::everyWebhookByDefault()
{
    const QString ws = writeWorkspace({webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), passingChecks),
                                       webhook(QStringLiteral("Broken"), QStringLiteral("/status/503"), {})});
    const CliResult r = runCli({QStringLiteral("test"), ws, QStringLiteral("--concurrency"), QStringLiteral("2")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(QStringLiteral("passed")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("failed")).toInt(), 3);
    const QJsonArray webhooks = json.value(QStringLiteral("webhooks")).toArray();
    QCOMPARE(webhooks.size(), 2);
    QCOMPARE(webhooks[1].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Broken"));
    const QJsonObject lead = webhooks[1].toObject().value(QStringLiteral("leads")).toArray()[2].toObject();
    QCOMPARE(lead.value(QStringLiteral("status")).toInt(), 503);
    // Without checks, the one implicit check.
    QCOMPARE(checkMessages(lead), QStringList {QStringLiteral("Expected status is 2xx, got 503 Service Unavailable.")});
}

void tst_CliTest::oneLead_data()
{
    QTest::addColumn<QString>("lead");
    QTest::addColumn<QString>("label");
    QTest::newRow("index") << "1"
                           << "bob@globex.io";
    QTest::newRow("email") << "CY@initech.net"
                           << "cy@initech.net";
}

void tst_CliTest::oneLead()
{
    QFETCH(QString, lead);
    QFETCH(QString, label);
    const QString ws = writeWorkspace({webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), passingChecks)});
    const CliResult r = runCli({QStringLiteral("test"), ws, QStringLiteral("--lead"), lead});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray leads =
        r.json().value(QStringLiteral("webhooks")).toArray()[0].toObject().value(QStringLiteral("leads")).toArray();
    QCOMPARE(leads.size(), 1);
    QCOMPARE(leads[0].toObject().value(QStringLiteral("lead")).toString(), label);
    QCOMPARE(r.json().value(QStringLiteral("passed")).toInt(), 1);
}

void tst_CliTest::leadsFromCsv()
{
    const QString csv = m_dir.filePath(QStringLiteral("leads.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Email Address,First Name\nann@hooli.com,Ann\nnot-an-email,Bad\n");
    file.close();
    const QString ws = writeWorkspace({webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), passingChecks)});
    const CliResult r = runCli({QStringLiteral("test"), ws, QStringLiteral("--leads"), csv});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray leads =
        r.json().value(QStringLiteral("webhooks")).toArray()[0].toObject().value(QStringLiteral("leads")).toArray();
    QCOMPARE(leads.size(), 2);
    QCOMPARE(leads[0].toObject().value(QStringLiteral("lead")).toString(), QStringLiteral("ann@hooli.com"));
    QCOMPARE(leads[0].toObject().value(QStringLiteral("passed")).toBool(), true);
    QCOMPARE(leads[1].toObject().value(QStringLiteral("lead")).toString(), QStringLiteral("not-an-email"));
    QCOMPARE(leads[1].toObject().value(QStringLiteral("status")).toInt(), 422);
    QCOMPARE(leads[1].toObject().value(QStringLiteral("passed")).toBool(), false);
}

void tst_CliTest::csvWithoutLeads_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("empty") << QByteArray() << QByteArray("the file is empty");
    QTest::newRow("header only") << QByteArray("Email Address,First Name\n")
                                 << QByteArray("none.csv gives no leads to test");
    QTest::newRow("every row rejected") << QByteArray("Email Address,First Name\nnot-an-email,Bad,Extra,More\n")
                                        << QByteArray("none.csv gives no leads to test");
}

void tst_CliTest::csvWithoutLeads()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, error);
    const QString csv = m_dir.filePath(QStringLiteral("none.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    const QString ws = writeWorkspace({webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), passingChecks)});
    const CliResult r = runCli({QStringLiteral("test"), ws, QStringLiteral("--leads"), csv});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(error), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_CliTest::failedCallExitsOne()
{
    // A port nothing listens on: bound, then freed.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QJsonObject hook = webhook(QStringLiteral("Down"), QStringLiteral("/enrich"), passingChecks);
    hook.insert(QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/enrich").arg(port));
    const QString ws = writeWorkspace({hook});
    const CliResult r = runCli({QStringLiteral("test"), ws, QStringLiteral("--lead"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject lead = r.json()
                                 .value(QStringLiteral("webhooks"))
                                 .toArray()[0]
                                 .toObject()
                                 .value(QStringLiteral("leads"))
                                 .toArray()[0]
                                 .toObject();
    QCOMPARE(lead.value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(lead.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("connection-refused"));
    for (const QJsonValue& c : lead.value(QStringLiteral("checks")).toArray()) {
        QCOMPARE(c.toObject().value(QStringLiteral("passed")).toBool(), false);
        QVERIFY(
            c.toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("but the call failed")));
    }
}

void tst_CliTest::callErrorAfterStatusFails()
{
    // /close sends a 200 and part of the body, then hangs up: a check that only looks at
    // the time passes, yet the call failed.
    const QJsonArray checks {QJsonObject {{QStringLiteral("latencyBelowMs"), 60000}}};
    const QString ws = writeWorkspace({webhook(QStringLiteral("Close"), QStringLiteral("/close"), checks)});
    const QString junit = m_dir.filePath(QStringLiteral("closed.xml"));
    const CliResult r = runCli(
        {QStringLiteral("test"), ws, QStringLiteral("--lead"), QStringLiteral("0"), QStringLiteral("--junit"), junit});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(QStringLiteral("failed")).toInt(), 1);
    const QJsonObject lead = json.value(QStringLiteral("webhooks"))
                                 .toArray()[0]
                                 .toObject()
                                 .value(QStringLiteral("leads"))
                                 .toArray()[0]
                                 .toObject();
    QCOMPARE(lead.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(lead.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(lead.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("closed-early"));
    QCOMPARE(lead.value(QStringLiteral("checks")).toArray()[0].toObject().value(QStringLiteral("passed")).toBool(),
             true);

    QFile file(junit);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList failures;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("failure")) {
            failures.append(xml.attributes().value(QStringLiteral("type")).toString());
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(failures, QStringList {QStringLiteral("call")});
}

void tst_CliTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("no workspace") << QStringList {} << "missing WORKSPACE";
    QTest::newRow("unknown webhook") << strings({"--webhook", "Nope"}) << "Nope";
    QTest::newRow("unknown lead") << strings({"--lead", "7"}) << "no lead \"7\"";
    QTest::newRow("lead and leads") << strings({"--lead", "0", "--leads", "x.csv"}) << "give --lead or --leads";
    QTest::newRow("unreadable csv") << strings({"--leads", "/nonexistent/x.csv"}) << "cannot import";
    QTest::newRow("concurrency") << strings({"--concurrency", "0"}) << "invalid --concurrency";
    QTest::newRow("timeout") << strings({"--timeout-ms", "5"}) << "timeout";
    QTest::newRow("junit empty") << strings({"--junit", ""}) << "--junit needs a file name";
    QTest::newRow("unknown option") << strings({"--bogus"}) << "bogus";
}

void tst_CliTest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const QString ws = writeWorkspace({webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), {})});
    QStringList args {QStringLiteral("test")};
    if (!arguments.isEmpty()) {
        args.append(ws);
    }
    const CliResult r = runCli(args + arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(error), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_CliTest::invalidWorkspaceExitsThree_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{") << "";
    QTest::newRow("malformed check")
        << QByteArray("{\"format\": \"webhook-designer/1\", \"webhooks\": [{\"name\": \"Enrich\",\n"
                      "  \"checks\": [{\"status\": \"2xx\"}, {\"latencyBelowMs\": -5}]}]}")
        << ":2:52: webhooks[0].checks[1].latencyBelowMs: check 2 of webhook \"Enrich\": \"latencyBelowMs\" must be";
}

void tst_CliTest::invalidWorkspaceExitsThree()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const QString ws = m_dir.filePath(QStringLiteral("invalid.webhooks.json"));
    QFile file(ws);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    const CliResult r = runCli({QStringLiteral("test"), ws});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(QString::fromUtf8(r.err).contains(error), r.err.constData());
}

void tst_CliTest::secretsNeverAppear()
{
    // /echo sends the request back, secret header and secret My Token included; checks
    // that read them would print them.
    QJsonArray checks {QJsonObject {{QStringLiteral("path"), QStringLiteral("args.k")},
                                    {QStringLiteral("equals"), QStringLiteral("nothing")}}};
    for (int i = 0; i < 6; ++i) {
        checks.append(QJsonObject {{QStringLiteral("path"), QStringLiteral("headers[%1].value").arg(i)},
                                   {QStringLiteral("matches"), QStringLiteral("^nothing$")}});
    }
    const QJsonObject echo = webhook(QStringLiteral("Echo"), QStringLiteral("/echo?k={{my.apiKey}}"), checks);
    const QString ws = writeWorkspace({echo});
    const QString junit = m_dir.filePath(QStringLiteral("secrets.xml"));
    const CliResult r = runCli(
        {QStringLiteral("test"), ws, QStringLiteral("--lead"), QStringLiteral("0"), QStringLiteral("--junit"), junit});
    QCOMPARE(r.exitCode, 1);
    QFile file(junit);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray xml = file.readAll();
    for (const QByteArray& text : {r.out, r.err, xml}) {
        QVERIFY2(!text.contains("my-secret-999"), text.constData());
        QVERIFY2(!text.contains("hdr-secret-4242"), text.constData());
    }
    // The checks did read them: what they saw is masked, not missing.
    QVERIFY2(r.out.contains("••••••"), r.out.constData());
}

void tst_CliTest::junitReadByJunitParser()
{
    QJsonObject v2 = webhook(QStringLiteral("Enrich v2"), QStringLiteral("/enrich?shape=v2"), {});
    v2.insert(QStringLiteral("baseline"), baseline());
    const QJsonArray failing {
        QJsonObject {{QStringLiteral("status"), QStringLiteral("2xx")}},
        QJsonObject {{QStringLiteral("field"), QStringLiteral("title")}, {QStringLiteral("written"), true}}};
    const QString ws =
        writeWorkspace({webhook(QStringLiteral("Enrich"), QStringLiteral("/enrich"), passingChecks),
                        webhook(QStringLiteral("Enrich <title> & co"), QStringLiteral("/enrich"), failing),
                        v2});
    const QString junit = m_dir.filePath(QStringLiteral("report.xml"));
    const CliResult r = runCli({QStringLiteral("test"), ws, QStringLiteral("--junit"), junit});
    QCOMPARE(r.exitCode, 1);

    // Debian's python3-junitparser, as CI dashboards read such files.
    const QString script = QStringLiteral(R"(
import json, sys
from junitparser import JUnitXml, Failure
out = []
for suite in JUnitXml.fromfile(sys.argv[1]):
    cases = []
    for case in suite:
        cases.append({"name": case.name, "classname": case.classname,
                      "failures": [r.message for r in case.result if isinstance(r, Failure)]})
    out.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures, "cases": cases})
print(json.dumps(out))
)");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, junit});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonArray suites = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    QCOMPARE(suites.size(), 3);

    const QStringList names = strings({"Enrich", "Enrich <title> & co", "Enrich v2"});
    const QStringList emails = strings({"ada@acme-robotics.com", "bob@globex.io", "cy@initech.net"});
    const QList<int> failures {0, 3, 3};
    for (int s = 0; s < suites.size(); ++s) {
        const QJsonObject suite = suites[s].toObject();
        QCOMPARE(suite.value(QStringLiteral("name")).toString(), names[s]);
        QCOMPARE(suite.value(QStringLiteral("tests")).toInt(), 3);
        QCOMPARE(suite.value(QStringLiteral("failures")).toInt(), failures[s]);
        const QJsonArray cases = suite.value(QStringLiteral("cases")).toArray();
        QCOMPARE(cases.size(), 3);
        for (int c = 0; c < cases.size(); ++c) {
            const QJsonObject testcase = cases[c].toObject();
            QCOMPARE(testcase.value(QStringLiteral("name")).toString(), emails[c]);
            QCOMPARE(testcase.value(QStringLiteral("classname")).toString(), names[s]);
            const QJsonArray messages = testcase.value(QStringLiteral("failures")).toArray();
            if (s == 0) {
                QCOMPARE(messages.size(), 0);
            } else if (s == 1) {
                // One failure per failed check, saying expected versus actual.
                QCOMPARE(messages.size(), 1);
                QVERIFY2(
                    messages[0].toString().startsWith(QStringLiteral("Expected title is written, got not written")),
                    qPrintable(messages[0].toString()));
            } else {
                // The drift that breaks mappings: industry removed, employees retyped.
                QCOMPARE(messages.size(), 2);
                QVERIFY(messages[0].toString().startsWith(QStringLiteral("data.employees is now string")));
                QVERIFY(messages[1].toString().startsWith(QStringLiteral("data.industry is gone")));
            }
        }
    }
}

void tst_CliTest::junitSurvivesControlCharacters()
{
    // /echo sends the lead's email back; a path check shows it, control character and all.
    const QJsonArray checks {QJsonObject {{QStringLiteral("path"), QStringLiteral("json.email")},
                                          {QStringLiteral("equals"), QStringLiteral("nothing")}}};
    const QString ws =
        writeWorkspace({webhook(QStringLiteral("Echo"), QStringLiteral("/echo"), checks)},
                       {QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("a\u0001b\uFFFF@x.io")}}});
    const QString junit = m_dir.filePath(QStringLiteral("control.xml"));
    const CliResult r = runCli({QStringLiteral("test"), ws, QStringLiteral("--junit"), junit});
    QVERIFY2(r.exitCode == 1, r.err.constData());
    const QString script = QStringLiteral(R"(
import sys
from junitparser import JUnitXml, Failure
for suite in JUnitXml.fromfile(sys.argv[1]):
    for case in suite:
        for r in case.result:
            if isinstance(r, Failure):
                print(r.message)
)");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, junit});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QString message = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
    QVERIFY2(message.contains(QStringLiteral("a\uFFFDb\uFFFD@x.io")), qPrintable(message));
}

QTEST_GUILESS_MAIN(tst_CliTest)
#include "tst_cli_test.moc"
