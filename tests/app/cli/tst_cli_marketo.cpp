#include "CliProcess.h"
#include "format/WorkspaceFile.h"
#include "sandbox/SandboxMarketo.h"
#include "sandbox/SandboxMarketoData.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <memory>
#include <optional>

// `marketo connect|fields|leads|tokens|programs` through the real webhook-designer-cli,
// against the sandbox's Marketo emulation served by this process, and the private
// keyring of with-keyring.sh for the client secret. Every import checks the JSON summary,
// the calls it took and what the saved workspace holds; every failure its exit code, its
// message, and that the workspace file kept its bytes.
class tst_CliMarketo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void connectStoresTheSecretInTheKeychain();
    void connectWithAWrongSecretIsRefused();
    void connectToAClosedPortIsATransportError();
    void usageErrors_data();
    void usageErrors();
    void invalidWorkspaceExitsThree();
    void notConnectedIsAUsageError_data();
    void notConnectedIsAUsageError();
    void fieldsMergeTheInstanceFields();
    void fieldsDryRunLeavesTheFileAlone();
    void leadsFromAListFollowThePages();
    void leadsByEmailFindAPlusAddress();
    void leadsBeforeAFieldImportAskWhichFieldsTheInstanceHas();
    void tokensOfAProgramBecomeMyTokens();
    void programsListsEveryProgram();
    void tokenExpiringMidListIsRenewed();
    void dailyQuotaStops();
    void environmentSecretWorksWithoutKeychain();
    void lintFlagsFieldsOfTheInstance();
    void sandboxHelpNamesTheMarketoEndpoints();

private:
    using Result = CliResult;
    // Variables to set for one run; a null value removes the variable.
    using Environment = CliEnvironment;

    Result cli(const QStringList& arguments, const QByteArray& input = {}, const Environment& environment = {});
    // The test workspace in a folder of its own (see kWorkspace).
    QString newWorkspace(const QString& name, const QByteArray& bytes = QByteArray());
    // A new workspace connected to the sandbox, the secret in the keychain.
    QString connectedWorkspace(const QString& name);
    QStringList connectArguments(const QString& workspace) const;
    QString endpoint() const { return m_server->url().toString() + QStringLiteral("/marketo/rest"); }
    QString identity() const { return m_server->url().toString() + QStringLiteral("/marketo/identity"); }
    static std::optional<QByteArray> lookup(const QString& workspaceId, const QString& key);
    static QByteArray readAll(const QString& path);
    static Workspace readWorkspace(const QString& path);
    static QStringList lines(const QByteArray& text);
    static QStringList strings(const QJsonValue& array);
    // The environment of a machine without any session bus.
    Environment noKeychain() const;

    QTemporaryDir m_dir;
    QTemporaryDir m_emptyRuntime;
    std::unique_ptr<SandboxServer> m_server;
};

namespace {

const QByteArray kSecret = "sandbox-secret";
const QString kClientId = QStringLiteral("sandbox-client");
const QString kSecretKey = QStringLiteral("marketo.client-secret");
const QString kSecretVariable = QStringLiteral("WD_MARKETO_CLIENT_SECRET");

// Three custom fields: one the instance has under another name and type (updated), one it
// has as it is (left alone), one it lacks (absent). A lead not in the instance, two My
// Tokens (one the program has with another value), and a webhook whose URL names a
// standard field the instance lacks and whose mappings write a standard field, two
// read-only ones and the field the instance lacks.
const QByteArray kWorkspace = R"({
  "format": "webhook-designer/1",
  "timeZone": "UTC",
  "fields": [
    {"name": "Urgency Level", "apiName": "urgency", "type": "string"},
    {"name": "Priority", "apiName": "priority", "type": "integer"},
    {"name": "Favorite Color", "apiName": "favoriteColor", "type": "string"}
  ],
  "leads": [{"Email Address": "grace@example.com", "First Name": "Grace"}],
  "context": {"my": {"Seats": "100", "region": "emea"}},
  "webhooks": [
    {
      "name": "Enrich",
      "url": "https://api.example.com/enrich?email={{lead.Email Address}}&m={{lead.Middle Name}}",
      "requestType": "POST",
      "template": "{\"email\": {{lead.Email Address}}}",
      "requestTokenEncoding": "json",
      "responseType": "json",
      "headers": [{"name": "Content-Type", "value": "application/json"}],
      "responseMappings": [
        {"attribute": "data.company", "field": "company"},
        {"attribute": "data.id", "field": "id"},
        {"attribute": "data.created", "field": "createdAt"},
        {"attribute": "data.color", "field": "favoriteColor"}
      ]
    }
  ]
}
)";

const QString kFirstListEmail = QStringLiteral("ada.lovelace@northwind.example");
const QString kPlusEmail = QStringLiteral("zoe.ngo-mueller+vip@fjord-analytics.example");

QString lookupValue(const QList<ContextValue>& values, const QString& name)
{
    for (const ContextValue& value : values) {
        if (value.name == name) {
            return value.value;
        }
    }
    return QStringLiteral("<no %1>").arg(name);
}

QStringList names(const QList<ContextValue>& values)
{
    QStringList out;
    for (const ContextValue& value : values) {
        out << value.name;
    }
    return out;
}

} // namespace

void tst_CliMarketo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_emptyRuntime.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(WD_CLI_PATH)), WD_CLI_PATH);
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through tests/support/with-keyring.sh");
}

void tst_CliMarketo::init()
{
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void tst_CliMarketo::cleanup()
{
    m_server.reset();
}

tst_CliMarketo::Result
tst_CliMarketo::cli(const QStringList& arguments, const QByteArray& input, const Environment& environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(kSecretVariable);
    return runCli(arguments, input, cliEnvironment(environment, env));
}

QString tst_CliMarketo::newWorkspace(const QString& name, const QByteArray& bytes)
{
    QDir(m_dir.path()).mkpath(name);
    const QString path = m_dir.filePath(name + QStringLiteral("/ws.webhooks.json"));
    QFile out(path);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(bytes.isNull() ? kWorkspace : bytes);
    }
    return path;
}

QStringList tst_CliMarketo::connectArguments(const QString& workspace) const
{
    return {QStringLiteral("marketo"),
            QStringLiteral("connect"),
            workspace,
            QStringLiteral("--endpoint"),
            endpoint(),
            QStringLiteral("--identity"),
            identity(),
            QStringLiteral("--client-id"),
            kClientId};
}

QString tst_CliMarketo::connectedWorkspace(const QString& name)
{
    const QString ws = newWorkspace(name);
    const Result result = cli(connectArguments(ws), kSecret + '\n');
    [&] { QVERIFY2(result.exitCode == 0, result.err.constData()); }();
    return ws;
}

std::optional<QByteArray> tst_CliMarketo::lookup(const QString& workspaceId, const QString& key)
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"),
                  {QStringLiteral("lookup"),
                   QStringLiteral("server"),
                   QStringLiteral("webhook-designer"),
                   QStringLiteral("user"),
                   workspaceId + QLatin1Char('/') + key});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

QByteArray tst_CliMarketo::readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Workspace tst_CliMarketo::readWorkspace(const QString& path)
{
    Workspace ws;
    QString error;
    [&] { QVERIFY2(WorkspaceFile::read(readAll(path), &ws, &error), qPrintable(error)); }();
    return ws;
}

QStringList tst_CliMarketo::lines(const QByteArray& text)
{
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList tst_CliMarketo::strings(const QJsonValue& array)
{
    QStringList out;
    for (const QJsonValue& value : array.toArray()) {
        out << value.toString();
    }
    return out;
}

tst_CliMarketo::Environment tst_CliMarketo::noKeychain() const
{
    return {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString()},
            {QStringLiteral("DISPLAY"), QString()},
            {QStringLiteral("WAYLAND_DISPLAY"), QString()},
            // Nor the bus D-Bus libraries look for in the runtime folder.
            {QStringLiteral("XDG_RUNTIME_DIR"), m_emptyRuntime.path()}};
}

void tst_CliMarketo::connectStoresTheSecretInTheKeychain()
{
    const QString ws = newWorkspace(QStringLiteral("connect"));
    // Trailing slashes go; the secret comes with a line end.
    QStringList arguments = connectArguments(ws);
    arguments[4] += QLatin1Char('/');
    const Result result = cli(arguments, kSecret + '\n');
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    QCOMPARE(result.json(),
             (QJsonObject {{QStringLiteral("connected"), true},
                           {QStringLiteral("endpoint"), endpoint()},
                           {QStringLiteral("warnings"), QJsonArray()},
                           {QStringLiteral("calls"), 1},
                           {QStringLiteral("dryRun"), false}}));
    QVERIFY(!result.out.contains(kSecret));

    // One token request, with the secret in a form body, never in the URL.
    const QList<SandboxMarketo::LoggedRequest> requests = m_server->marketo().requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).method, QStringLiteral("POST"));
    QCOMPARE(requests.at(0).path, QStringLiteral("/identity/oauth/token"));
    QCOMPARE(requests.at(0).query, QString());
    QCOMPARE(requests.at(0).body,
             QByteArray("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret"));

    // The file: an id, and the connection without the secret.
    const QByteArray bytes = readAll(ws);
    QVERIFY2(!bytes.contains(kSecret), bytes.constData());
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    const QString id = root.value(QStringLiteral("id")).toString();
    QVERIFY2(!QUuid::fromString(id).isNull(), bytes.constData());
    QCOMPARE(root.value(QStringLiteral("marketo")).toObject(),
             (QJsonObject {{QStringLiteral("endpoint"), endpoint()},
                           {QStringLiteral("identity"), identity()},
                           {QStringLiteral("clientId"), kClientId}}));
    const Workspace reread = readWorkspace(ws);
    QCOMPARE(reread.marketo.endpoint, endpoint());
    QVERIFY(reread.marketo.instanceFields.isEmpty());
    QVERIFY(!reread.secretsInFile);
    // Nothing else changed: the fields, leads, context and webhooks are as they were.
    Workspace before;
    QVERIFY(WorkspaceFile::read(kWorkspace, &before));
    before.id = id;
    before.marketo = reread.marketo;
    QCOMPARE(WorkspaceFile::write(before), bytes);

    // The secret, as given without its line end, is in the keychain under the new id.
    QCOMPARE(lookup(id, kSecretKey), std::optional<QByteArray>(kSecret));

    // `secret list` names it, found in the keychain.
    const Result list = cli({QStringLiteral("secret"), QStringLiteral("list"), ws});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QJsonObject entry;
    for (const QJsonValue& secret : list.json().value(QStringLiteral("secrets")).toArray()) {
        if (secret.toObject().value(QStringLiteral("key")).toString() == kSecretKey) {
            entry = secret.toObject();
        }
    }
    QCOMPARE(entry.value(QStringLiteral("source")).toString(), QStringLiteral("keychain"));
    QCOMPARE(entry.value(QStringLiteral("variable")).toString(), kSecretVariable);
    QVERIFY(!list.out.contains(kSecret));

    // Connecting again keeps the id, and works with the stored options.
    m_server->marketo().clearRequests();
    const Result again = cli({QStringLiteral("marketo"), QStringLiteral("connect"), ws}, kSecret);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(readAll(ws), bytes);
    QCOMPARE(m_server->marketo().requests().size(), 1);
}

void tst_CliMarketo::connectWithAWrongSecretIsRefused()
{
    const QString ws = newWorkspace(QStringLiteral("wrong-secret"));
    const Result result = cli(connectArguments(ws), "not-the-secret");
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(lines(result.err),
             QStringList {QStringLiteral(
                 "webhook-designer-cli marketo: Marketo error unauthorized: Marketo refused the client ID or secret "
                 "(\"Bad client credentials\"); check them in Admin > LaunchPoint > View Details")});
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(readAll(ws), kWorkspace);
    QVERIFY(!result.err.contains("not-the-secret"));

    // A wrong client ID is refused the same way.
    QStringList arguments = connectArguments(ws);
    arguments.last() = QStringLiteral("someone-else");
    const Result wrongId = cli(arguments, kSecret);
    QCOMPARE(wrongId.exitCode, 1);
    QVERIFY2(wrongId.err.contains("Marketo refused the client ID or secret"), wrongId.err.constData());
    QCOMPARE(readAll(ws), kWorkspace);
}

void tst_CliMarketo::connectToAClosedPortIsATransportError()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const QString base = QStringLiteral("http://127.0.0.1:%1/marketo").arg(port);
    const QString ws = newWorkspace(QStringLiteral("closed"));
    const Result result = cli({QStringLiteral("marketo"),
                               QStringLiteral("connect"),
                               ws,
                               QStringLiteral("--endpoint"),
                               base + QStringLiteral("/rest"),
                               QStringLiteral("--identity"),
                               base + QStringLiteral("/identity"),
                               QStringLiteral("--client-id"),
                               kClientId},
                              kSecret);
    QCOMPARE(result.exitCode, 4);
    const QStringList err = lines(result.err);
    QCOMPARE(err.size(), 1);
    QVERIFY2(err.at(0).startsWith(QStringLiteral("webhook-designer-cli marketo: ")), qPrintable(err.at(0)));
    QVERIFY2(err.at(0).contains(QStringLiteral("refused")), qPrintable(err.at(0)));
    QVERIFY(!result.err.contains(kSecret));
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(readAll(ws), kWorkspace);
}

void tst_CliMarketo::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments"); // WS: the workspace; URL: the sandbox
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    const QStringList connect {QStringLiteral("marketo"), QStringLiteral("connect"), QStringLiteral("WS")};
    const QStringList endpoint {QStringLiteral("--endpoint"), QStringLiteral("URL/marketo/rest")};
    const QStringList identity {QStringLiteral("--identity"), QStringLiteral("URL/marketo/identity")};
    const QStringList clientId {QStringLiteral("--client-id"), kClientId};
    QTest::newRow("no action") << QStringList {QStringLiteral("marketo")} << QByteArray()
                               << "missing ACTION (connect, fields, leads, tokens or programs)";
    QTest::newRow("unknown action") << QStringList {QStringLiteral("marketo"),
                                                    QStringLiteral("sync"),
                                                    QStringLiteral("WS")}
                                    << QByteArray()
                                    << "unknown action \"sync\" (expected connect, fields, leads, tokens or programs)";
    QTest::newRow("no workspace") << QStringList {QStringLiteral("marketo"), QStringLiteral("fields")} << QByteArray()
                                  << "missing WORKSPACE (a .webhooks.json file)";
    QTest::newRow("missing endpoint") << connect + identity + clientId << kSecret << "missing --endpoint";
    QTest::newRow("missing identity") << connect + endpoint + clientId << kSecret << "missing --identity";
    QTest::newRow("missing client id") << connect + endpoint + identity << kSecret << "missing --client-id";
    QTest::newRow("ftp endpoint") << connect
                                         + QStringList {QStringLiteral("--endpoint"),
                                                        QStringLiteral("ftp://example.com/rest")}
                                         + identity + clientId
                                  << kSecret << "\"ftp://example.com/rest\" is not an http:// or https:// address";
    QTest::newRow("no secret") << connect + endpoint + identity + clientId << QByteArray("\n")
                               << "no client secret on standard input or in WD_MARKETO_CLIENT_SECRET";
    QTest::newRow("missing file") << QStringList {QStringLiteral("marketo"),
                                                  QStringLiteral("connect"),
                                                  QStringLiteral("WS.missing")}
                                         + endpoint + identity + clientId
                                  << kSecret << "WS.missing does not exist";
}

void tst_CliMarketo::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const QString ws = newWorkspace(QStringLiteral("usage"));
    const QString url = m_server->url().toString();
    for (QString& argument : arguments) {
        argument.replace(QStringLiteral("WS"), ws);
        argument.replace(QStringLiteral("URL"), url);
    }
    message.replace(QStringLiteral("WS"), ws);
    const Result result = cli(arguments, input);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(lines(result.err).value(0).endsWith(message), result.err.constData());
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(readAll(ws), kWorkspace);
    // Not one call: usage errors are found before anything is sent.
    QCOMPARE(m_server->marketo().requests().size(), 0);
}

void tst_CliMarketo::invalidWorkspaceExitsThree()
{
    const QByteArray broken =
        "{\n  \"format\": \"webhook-designer/1\",\n  \"marketo\": {\"endpoint\": "
        "\"ftp://x.example\", \"identity\": \"https://x.example/identity\", \"clientId\": \"c\"}\n}";
    const QString ws = newWorkspace(QStringLiteral("invalid"), broken);
    for (const QString& action : {QStringLiteral("connect"), QStringLiteral("fields"), QStringLiteral("programs")}) {
        QStringList arguments = connectArguments(ws);
        arguments[1] = action;
        const Result result = cli(arguments, kSecret);
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(lines(result.err),
                 QStringList {QStringLiteral("webhook-designer-cli: %1:3:27: marketo.endpoint: expected an http:// or "
                                             "https:// address, found \"ftp://x.example\"")
                                  .arg(ws)});
        QCOMPARE(readAll(ws), broken);
    }
    QCOMPARE(m_server->marketo().requests().size(), 0);
}

void tst_CliMarketo::notConnectedIsAUsageError_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("fields") << QStringList {QStringLiteral("fields")};
    QTest::newRow("leads") << QStringList {QStringLiteral("leads"), QStringLiteral("--list"), QStringLiteral("1001")};
    QTest::newRow("tokens") << QStringList {
        QStringLiteral("tokens"), QStringLiteral("--program"), QStringLiteral("1001")};
    QTest::newRow("programs") << QStringList {QStringLiteral("programs")};
}

void tst_CliMarketo::notConnectedIsAUsageError()
{
    QFETCH(QStringList, options);
    const QString ws = newWorkspace(QStringLiteral("unconnected"));
    QStringList arguments {QStringLiteral("marketo"), options.takeFirst(), ws};
    const Result result = cli(arguments + options, {}, {{kSecretVariable, QString::fromUtf8(kSecret)}});
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(lines(result.err),
             (QStringList {QStringLiteral("webhook-designer-cli marketo: %1 is not connected to Marketo: run "
                                          "`webhook-designer-cli marketo connect %1 --endpoint URL --identity URL "
                                          "--client-id ID` first")
                               .arg(ws),
                           QStringLiteral("Try 'webhook-designer-cli marketo --help'.")}));
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(readAll(ws), kWorkspace);
    QCOMPARE(m_server->marketo().requests().size(), 0);
}

void tst_CliMarketo::fieldsMergeTheInstanceFields()
{
    const QString ws = connectedWorkspace(QStringLiteral("fields"));
    m_server->marketo().clearRequests();
    const Result result = cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    const QJsonObject json = result.json();
    QCOMPARE(json.keys(),
             (QStringList {QStringLiteral("absent"),
                           QStringLiteral("added"),
                           QStringLiteral("calls"),
                           QStringLiteral("dryRun"),
                           QStringLiteral("removed"),
                           QStringLiteral("updated"),
                           QStringLiteral("warnings")}));
    // The emulator's custom fields and the standard ones the designer does not know, in
    // the instance's order; not Urgency and Priority, which the workspace has.
    const QStringList added {QStringLiteral("relativeScore"),
                             QStringLiteral("originalSourceType"),
                             QStringLiteral("companySizeBand"),
                             QStringLiteral("codigoDeCampana"),
                             QStringLiteral("kokyakuRank"),
                             QStringLiteral("engagementRate"),
                             QStringLiteral("accountOwnerId"),
                             QStringLiteral("leadFunction"),
                             QStringLiteral("customerHealth"),
                             QStringLiteral("renewalDate"),
                             QStringLiteral("lastWebinarAttendedAt"),
                             QStringLiteral("newsletterOptIn"),
                             QStringLiteral("internalNotes"),
                             QStringLiteral("contractValue"),
                             QStringLiteral("seatsLicensed"),
                             QStringLiteral("lifetimeValue"),
                             QStringLiteral("partnerPortalUrl"),
                             QStringLiteral("secondaryEmail")};
    QCOMPARE(strings(json.value(QStringLiteral("added"))), added);
    QCOMPARE(strings(json.value(QStringLiteral("updated"))), QStringList {QStringLiteral("urgency")});
    QCOMPARE(strings(json.value(QStringLiteral("removed"))), QStringList());
    QCOMPARE(strings(json.value(QStringLiteral("absent"))), QStringList {QStringLiteral("favoriteColor")});
    QCOMPARE(
        strings(json.value(QStringLiteral("warnings"))),
        (QStringList {QStringLiteral("numberOfEmployees: the instance calls the standard field \"Number of "
                                     "Employees\" \"Num Employees\"; tokens here use \"Number of Employees\""),
                      QStringLiteral("rating: the instance calls the standard field \"Rating\" \"Lead Rating\"; "
                                     "tokens here use \"Rating\""),
                      QStringLiteral("Lead Function (leadFunction): Marketo type \"lead_function\" is not one the "
                                     "designer knows; taken as string"),
                      QStringLiteral("favoriteColor: the instance has no such field; it stays in the workspace")}));
    // A token, then Describe Lead.
    QCOMPARE(json.value(QStringLiteral("calls")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("dryRun")), QJsonValue(false));
    const QList<SandboxMarketo::LoggedRequest> requests = m_server->marketo().requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(1).method, QStringLiteral("GET"));
    QCOMPARE(requests.at(1).path, QStringLiteral("/rest/v1/leads/describe.json"));
    QVERIFY(requests.at(1).authorization.startsWith("Bearer "));

    const Workspace saved = readWorkspace(ws);
    QCOMPARE(saved.fields.size(), 3 + added.size());
    QCOMPARE(saved.fields.at(0).name, QStringLiteral("Urgency"));
    QCOMPARE(saved.fields.at(0).type, FieldType::Float);
    QCOMPARE(saved.fields.at(1).name, QStringLiteral("Priority"));
    QCOMPARE(saved.fields.at(1).type, FieldType::Integer);
    QCOMPARE(saved.fields.at(2).apiName, QStringLiteral("favoriteColor"));
    QStringList savedAdded;
    for (int i = 3; i < saved.fields.size(); ++i) {
        savedAdded << saved.fields.at(i).apiName;
    }
    QCOMPARE(savedAdded, added);
    const auto field = [&saved](const QString& apiName) {
        return *std::find_if(
            saved.fields.begin(), saved.fields.end(), [&](const Field& f) { return f.apiName == apiName; });
    };
    QCOMPARE(field(QStringLiteral("companySizeBand")).name, QStringLiteral("Größe des Unternehmens"));
    QCOMPARE(field(QStringLiteral("kokyakuRank")).name, QStringLiteral("顧客ランク"));
    QCOMPARE(field(QStringLiteral("engagementRate")).type, FieldType::Percent);
    QCOMPARE(field(QStringLiteral("accountOwnerId")).type, FieldType::Reference);
    QCOMPARE(field(QStringLiteral("leadFunction")).type, FieldType::String);
    QCOMPARE(field(QStringLiteral("renewalDate")).type, FieldType::Date);
    QCOMPARE(field(QStringLiteral("lastWebinarAttendedAt")).type, FieldType::DateTime);
    QCOMPARE(field(QStringLiteral("newsletterOptIn")).type, FieldType::Boolean);
    QCOMPARE(field(QStringLiteral("internalNotes")).type, FieldType::Text);
    QCOMPARE(field(QStringLiteral("contractValue")).type, FieldType::Currency);
    QCOMPARE(field(QStringLiteral("partnerPortalUrl")).type, FieldType::Url);
    QCOMPARE(field(QStringLiteral("secondaryEmail")).type, FieldType::Email);

    // Every field with a REST name, in the instance's order (Cookies has none); the
    // read-only ones apart.
    QStringList instance;
    QStringList readOnly;
    for (const SandboxMarketoData::Field& f : SandboxMarketoData::fields()) {
        if (!f.restName.isEmpty()) {
            instance << f.restName;
        }
        if (f.readOnly) {
            readOnly << f.restName;
        }
    }
    QCOMPARE(instance.size(), 51);
    QCOMPARE(saved.marketo.instanceFields, instance);
    QCOMPARE(saved.marketo.readOnlyFields,
             (QStringList {QStringLiteral("id"),
                           QStringLiteral("originalSourceType"),
                           QStringLiteral("createdAt"),
                           QStringLiteral("updatedAt"),
                           QStringLiteral("lifetimeValue")}));
    QCOMPARE(saved.marketo.readOnlyFields, readOnly);
    QVERIFY(!readAll(ws).contains(kSecret));

    // Importing again changes nothing: the same bytes, nothing added or updated.
    const QByteArray bytes = readAll(ws);
    const Result again = cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(strings(again.json().value(QStringLiteral("added"))), QStringList());
    QCOMPARE(strings(again.json().value(QStringLiteral("updated"))), QStringList());
    QCOMPARE(strings(again.json().value(QStringLiteral("absent"))), QStringList {QStringLiteral("favoriteColor")});
    QCOMPARE(readAll(ws), bytes);
}

void tst_CliMarketo::fieldsDryRunLeavesTheFileAlone()
{
    const QString ws = connectedWorkspace(QStringLiteral("dry-run"));
    const QByteArray before = readAll(ws);
    const Result result = cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws, QStringLiteral("--dry-run")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().value(QStringLiteral("dryRun")), QJsonValue(true));
    QCOMPARE(result.json().value(QStringLiteral("added")).toArray().size(), 18);
    QCOMPARE(result.json().value(QStringLiteral("calls")).toInt(), 2);
    QCOMPARE(readAll(ws), before);
    // No temporary file left behind either.
    QCOMPARE(QDir(QFileInfo(ws).path()).entryList(QDir::Files | QDir::Hidden),
             QStringList {QStringLiteral("ws.webhooks.json")});
}

void tst_CliMarketo::leadsFromAListFollowThePages()
{
    const QString ws = connectedWorkspace(QStringLiteral("list"));
    QCOMPARE(cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws}).exitCode, 0);
    m_server->marketo().clearRequests();
    const Result result = cli({QStringLiteral("marketo"),
                               QStringLiteral("leads"),
                               ws,
                               QStringLiteral("--list"),
                               QString::number(SandboxMarketoData::webinarListId),
                               QStringLiteral("--limit"),
                               QStringLiteral("320")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    // Not a terminal: no progress line.
    QCOMPARE(result.err, QByteArray());
    const QJsonObject json = result.json();
    const QStringList added = strings(json.value(QStringLiteral("added")));
    QCOMPARE(added.size(), 320);
    QCOMPARE(added.first(), kFirstListEmail);
    QCOMPARE(added.at(319), SandboxMarketoData::leads().at(319).value(QStringLiteral("email")).toString());
    QCOMPARE(strings(json.value(QStringLiteral("updated"))), QStringList());
    QCOMPARE(strings(json.value(QStringLiteral("warnings"))),
             QStringList {QStringLiteral("the workspace now holds 320 lead(s) from Marketo: personal data; keep it "
                                         "out of shared repositories")});
    // A token, a page of 300, a page of the 20 still wanted.
    QCOMPARE(json.value(QStringLiteral("calls")).toInt(), 3);
    const QList<SandboxMarketo::LoggedRequest> requests = m_server->marketo().requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(1).path, QStringLiteral("/rest/v1/lists/1001/leads.json"));
    QVERIFY2(requests.at(1).query.contains(QStringLiteral("batchSize=300")), qPrintable(requests.at(1).query));
    QVERIFY(!requests.at(1).query.contains(QStringLiteral("nextPageToken")));
    QVERIFY2(requests.at(2).query.contains(QStringLiteral("batchSize=20")), qPrintable(requests.at(2).query));
    QVERIFY(requests.at(2).query.contains(QStringLiteral("nextPageToken=")));
    // Only fields the instance has are asked for: not the one it lacks.
    QVERIFY(requests.at(1).query.contains(QStringLiteral("fields=")));
    QVERIFY(!requests.at(1).query.contains(QStringLiteral("favoriteColor")));
    QVERIFY(!requests.at(1).query.contains(QStringLiteral("middleName")));
    for (const SandboxMarketo::LoggedRequest& request : requests) {
        QVERIFY(!request.query.contains(QStringLiteral("access_token")));
    }

    const Workspace saved = readWorkspace(ws);
    QCOMPARE(saved.leads.size(), 1 + 320);
    QCOMPARE(saved.leads.at(0).value(QStringLiteral("Email Address")).toString(), QStringLiteral("grace@example.com"));
    const QJsonObject first = saved.leads.at(1);
    const QJsonObject source = SandboxMarketoData::leads().at(0);
    QCOMPARE(first.value(QStringLiteral("Email Address")).toString(), kFirstListEmail);
    QCOMPARE(first.value(QStringLiteral("Id")).toInt(), 10001);
    QCOMPARE(first.value(QStringLiteral("First Name")).toString(), QStringLiteral("Ada"));
    QCOMPARE(first.value(QStringLiteral("Last Name")).toString(), QStringLiteral("Lovelace"));
    QCOMPARE(first.value(QStringLiteral("Job Title")), source.value(QStringLiteral("title")));
    QCOMPARE(first.value(QStringLiteral("Company Name")), source.value(QStringLiteral("company")));
    QCOMPARE(saved.leads.last().value(QStringLiteral("Id")).toInt(), 10320);
    // Keyed by display names, never by API names.
    for (const QJsonObject& lead : saved.leads) {
        QVERIFY(!lead.contains(QStringLiteral("email")));
        QVERIFY(!lead.contains(QStringLiteral("firstName")));
    }
}

void tst_CliMarketo::leadsByEmailFindAPlusAddress()
{
    const QString ws = connectedWorkspace(QStringLiteral("email"));
    QCOMPARE(cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws}).exitCode, 0);
    // Ada first, so the second import updates her.
    Result result =
        cli({QStringLiteral("marketo"), QStringLiteral("leads"), ws, QStringLiteral("--email"), kFirstListEmail});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(strings(result.json().value(QStringLiteral("added"))), QStringList {kFirstListEmail});

    m_server->marketo().clearRequests();
    result = cli({QStringLiteral("marketo"),
                  QStringLiteral("leads"),
                  ws,
                  QStringLiteral("--email"),
                  kPlusEmail,
                  QStringLiteral("--email"),
                  kFirstListEmail.toUpper(),
                  QStringLiteral("--email"),
                  QStringLiteral("nobody@example.com")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = result.json();
    QCOMPARE(strings(json.value(QStringLiteral("added"))), QStringList {kPlusEmail});
    QCOMPARE(strings(json.value(QStringLiteral("updated"))), QStringList {kFirstListEmail});
    QCOMPARE(strings(json.value(QStringLiteral("warnings"))),
             QStringList {QStringLiteral("the workspace now holds 2 lead(s) from Marketo: personal data; keep it "
                                         "out of shared repositories")});
    QCOMPARE(json.value(QStringLiteral("calls")).toInt(), 2);
    // The '+' travels as %2B: a servlet reads a bare '+' as a space.
    const QList<SandboxMarketo::LoggedRequest> requests = m_server->marketo().requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(1).path, QStringLiteral("/rest/v1/leads.json"));
    QVERIFY2(requests.at(1).query.contains(QStringLiteral("filterType=email")), qPrintable(requests.at(1).query));
    QVERIFY2(requests.at(1).query.contains(QStringLiteral("zoe.ngo-mueller%2Bvip%40fjord-analytics.example")),
             qPrintable(requests.at(1).query));

    const Workspace saved = readWorkspace(ws);
    QCOMPARE(saved.leads.size(), 3);
    const QJsonObject zoe = saved.leads.at(2);
    QCOMPARE(zoe.value(QStringLiteral("Email Address")).toString(), kPlusEmail);
    QCOMPARE(zoe.value(QStringLiteral("First Name")).toString(), QStringLiteral("Zoë"));
    QCOMPARE(zoe.value(QStringLiteral("Last Name")).toString(), QStringLiteral("Ngô-Müller"));
    QCOMPARE(zoe.value(QStringLiteral("City")).toString(), QStringLiteral("Tromsø"));
    QCOMPARE(zoe.value(QStringLiteral("Annual Revenue")).toDouble(), 12500000.5);
    QCOMPARE(zoe.value(QStringLiteral("Urgency")).toDouble(), 9.75);
    QCOMPARE(zoe.value(QStringLiteral("Unsubscribed")), QJsonValue(false));
    QCOMPARE(saved.leads.at(1).value(QStringLiteral("Email Address")).toString(), kFirstListEmail);
}

void tst_CliMarketo::leadsBeforeAFieldImportAskWhichFieldsTheInstanceHas()
{
    // The workspace knows fields this instance lacks (Middle Name, Favorite Color): asking
    // for them would fail the whole request, so without a field import the command first
    // reads which fields the instance has, and asks for those the workspace knows.
    const QString ws = connectedWorkspace(QStringLiteral("before-fields"));
    m_server->marketo().clearRequests();
    const Result result =
        cli({QStringLiteral("marketo"), QStringLiteral("leads"), ws, QStringLiteral("--email"), kPlusEmail});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = result.json();
    QCOMPARE(strings(json.value(QStringLiteral("added"))), QStringList {kPlusEmail});
    QCOMPARE(strings(json.value(QStringLiteral("warnings"))),
             QStringList {QStringLiteral("the workspace now holds 1 lead(s) from Marketo: personal data; keep it out "
                                         "of shared repositories")});
    QCOMPARE(json.value(QStringLiteral("calls")).toInt(), 3);
    const QList<SandboxMarketo::LoggedRequest> requests = m_server->marketo().requests();
    QCOMPARE(requests.size(), 3);
    QVERIFY(requests.at(1).path.endsWith(QStringLiteral("/leads/describe.json")));
    const QStringList asked = QUrlQuery(requests.at(2).query)
                                  .queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded)
                                  .split(QLatin1Char(','));
    QVERIFY2(asked.contains(QStringLiteral("email")) && asked.contains(QStringLiteral("firstName")),
             qPrintable(asked.join(QLatin1Char(','))));
    QVERIFY2(!asked.contains(QStringLiteral("middleName")) && !asked.contains(QStringLiteral("favoriteColor")),
             qPrintable(asked.join(QLatin1Char(','))));
    // The workspace itself is not changed by that read: no field import happened.
    QVERIFY(readWorkspace(ws).marketo.instanceFields.isEmpty());

    const QJsonObject zoe = readWorkspace(ws).leads.last();
    QCOMPARE(zoe.value(QStringLiteral("Email Address")).toString(), kPlusEmail);
    QCOMPARE(zoe.value(QStringLiteral("First Name")).toString(), QStringLiteral("Zoë"));
    QCOMPARE(zoe.value(QStringLiteral("Last Name")).toString(), QStringLiteral("Ngô-Müller"));
    QCOMPARE(zoe.value(QStringLiteral("Created At")).toString(), QStringLiteral("2021-12-31T23:59:59Z"));
    QCOMPARE(zoe.value(QStringLiteral("Id")).toInt(), 10751);
}

void tst_CliMarketo::tokensOfAProgramBecomeMyTokens()
{
    const QString ws = connectedWorkspace(QStringLiteral("tokens"));
    m_server->marketo().clearRequests();
    const Result result = cli({QStringLiteral("marketo"),
                               QStringLiteral("tokens"),
                               ws,
                               QStringLiteral("--program"),
                               QString::number(SandboxMarketoData::webinarProgramId)});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    const QJsonObject json = result.json();
    QCOMPARE(strings(json.value(QStringLiteral("added"))),
             (QStringList {QStringLiteral("Webinar Title"),
                           QStringLiteral("Event Date"),
                           QStringLiteral("Webinar Fee"),
                           QStringLiteral("Attendance Score"),
                           QStringLiteral("Registration Block"),
                           QStringLiteral("SFDC Campaign"),
                           QStringLiteral("Begrüßung"),
                           QStringLiteral("Disclaimer")}));
    QCOMPARE(strings(json.value(QStringLiteral("updated"))), QStringList {QStringLiteral("Seats")});
    QCOMPARE(strings(json.value(QStringLiteral("absent"))), QStringList {QStringLiteral("region")});
    QCOMPARE(strings(json.value(QStringLiteral("warnings"))), QStringList());
    // A token, the programs (one page), the program's tokens.
    QCOMPARE(json.value(QStringLiteral("calls")).toInt(), 3);
    const QList<SandboxMarketo::LoggedRequest> requests = m_server->marketo().requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(2).path, QStringLiteral("/rest/asset/v1/folder/1001/tokens.json"));
    QCOMPARE(requests.at(2).query, QStringLiteral("folderType=Program"));

    const Workspace saved = readWorkspace(ws);
    const QList<ContextValue>& my = saved.context.my.values;
    // The file keeps My Tokens as an object: they come back in name order.
    QStringList expected {QStringLiteral("Seats"),
                          QStringLiteral("region"),
                          QStringLiteral("Webinar Title"),
                          QStringLiteral("Event Date"),
                          QStringLiteral("Webinar Fee"),
                          QStringLiteral("Attendance Score"),
                          QStringLiteral("Registration Block"),
                          QStringLiteral("SFDC Campaign"),
                          QStringLiteral("Begrüßung"),
                          QStringLiteral("Disclaimer")};
    expected.sort();
    QCOMPARE(names(my), expected);
    QCOMPARE(lookupValue(my, QStringLiteral("Seats")), QStringLiteral("250"));
    QCOMPARE(lookupValue(my, QStringLiteral("region")), QStringLiteral("emea"));
    QCOMPARE(lookupValue(my, QStringLiteral("Webinar Title")), QStringLiteral("Q4 Product Webinar: What's new"));
    QCOMPARE(lookupValue(my, QStringLiteral("Event Date")), QStringLiteral("2024-11-14"));
    QCOMPARE(lookupValue(my, QStringLiteral("Attendance Score")), QStringLiteral("+15"));
    QCOMPARE(lookupValue(my, QStringLiteral("Begrüßung")), QStringLiteral("Guten Tag und herzlich willkommen"));
    // Rich text stays HTML; quotes and backslashes arrive as they are.
    QCOMPARE(lookupValue(my, QStringLiteral("Registration Block")),
             QStringLiteral("<p>Join us on <strong>14 November</strong> &ndash; <a "
                            "href=\"https://events.example.com/q4?utm_source=marketo&amp;utm_medium=email\">register "
                            "here</a>.</p>"));
    QCOMPARE(lookupValue(my, QStringLiteral("Disclaimer")),
             QStringLiteral("Prices in \"EUR\" \\ excl. VAT; see {{my.Webinar Title}}"));
    QVERIFY(saved.context.program.present);
    QCOMPARE(names(saved.context.program.values), (QStringList {QStringLiteral("name"), QStringLiteral("id")}));
    QCOMPARE(lookupValue(saved.context.program.values, QStringLiteral("name")), QStringLiteral("Q4 Webinar"));
    QCOMPARE(lookupValue(saved.context.program.values, QStringLiteral("id")), QStringLiteral("1001"));
    // The unicode name is written as UTF-8.
    QVERIFY(readAll(ws).contains(QStringLiteral("\"Begrüßung\"").toUtf8()));

    // A program with a Japanese token name, into the same workspace: the program context
    // follows the new program.
    const Result other = cli(
        {QStringLiteral("marketo"), QStringLiteral("tokens"), ws, QStringLiteral("--program"), QStringLiteral("1006")});
    QVERIFY2(other.exitCode == 0, other.err.constData());
    QVERIFY2(strings(other.json().value(QStringLiteral("added"))).contains(QStringLiteral("挨拶")),
             other.out.constData());
    const Workspace again = readWorkspace(ws);
    QCOMPARE(lookupValue(again.context.my.values, QStringLiteral("挨拶")),
             QStringLiteral("ご参加ありがとうございます"));
    QCOMPARE(lookupValue(again.context.program.values, QStringLiteral("id")), QStringLiteral("1006"));
    QCOMPARE(lookupValue(again.context.program.values, QStringLiteral("name")),
             SandboxMarketoData::program(1006).value(QStringLiteral("name")).toString());

    // An unknown program: Marketo's 1013, exit 1, the file as it was.
    const QByteArray bytes = readAll(ws);
    const Result unknown = cli(
        {QStringLiteral("marketo"), QStringLiteral("tokens"), ws, QStringLiteral("--program"), QStringLiteral("4242")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("Marketo error 1013: program 4242 does not exist in this instance"),
             unknown.err.constData());
    QCOMPARE(readAll(ws), bytes);
}

void tst_CliMarketo::programsListsEveryProgram()
{
    const QString ws = connectedWorkspace(QStringLiteral("programs"));
    const QByteArray bytes = readAll(ws);
    const Result result = cli({QStringLiteral("marketo"), QStringLiteral("programs"), ws});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    const QJsonObject json = result.json();
    QCOMPARE(json.keys(), (QStringList {QStringLiteral("calls"), QStringLiteral("programs")}));
    QCOMPARE(json.value(QStringLiteral("calls")).toInt(), 2);
    const QJsonArray programs = json.value(QStringLiteral("programs")).toArray();
    QCOMPARE(programs.size(), SandboxMarketoData::programCount);
    QCOMPARE(programs.size(), 35);
    for (int i = 0; i < programs.size(); ++i) {
        const QJsonObject expected = SandboxMarketoData::programs().at(i);
        QCOMPARE(programs.at(i).toObject(),
                 (QJsonObject {{QStringLiteral("id"), 1001 + i},
                               {QStringLiteral("name"), expected.value(QStringLiteral("name"))},
                               {QStringLiteral("type"), expected.value(QStringLiteral("type"))}}));
    }
    QCOMPARE(programs.first().toObject(),
             (QJsonObject {{QStringLiteral("id"), 1001},
                           {QStringLiteral("name"), QStringLiteral("Q4 Webinar")},
                           {QStringLiteral("type"), QStringLiteral("Event with Webinar")}}));
    QCOMPARE(programs.last().toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Archived – 2022 Roadshow"));
    // Listing changes nothing.
    QCOMPARE(readAll(ws), bytes);
}

void tst_CliMarketo::tokenExpiringMidListIsRenewed()
{
    const QString ws = connectedWorkspace(QStringLiteral("expiring"));
    QCOMPARE(cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws}).exitCode, 0);
    // Every token lasts one call: each page after the first meets 602 and a new token.
    m_server->marketo().setTokenCallLimit(1);
    const int issuedBefore = m_server->marketo().tokensIssued();
    m_server->marketo().clearRequests();
    const Result result = cli({QStringLiteral("marketo"),
                               QStringLiteral("leads"),
                               ws,
                               QStringLiteral("--list"),
                               QString::number(SandboxMarketoData::webinarListId)});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = result.json();
    QCOMPARE(json.value(QStringLiteral("added")).toArray().size(), SandboxMarketoData::webinarListSize);
    // token, page 1; page 2 (602), token, page 2; page 3 (602), token, page 3.
    QCOMPARE(json.value(QStringLiteral("calls")).toInt(), 8);
    QCOMPARE(m_server->marketo().tokensIssued() - issuedBefore, 3);
    QStringList answered;
    for (const SandboxMarketo::LoggedRequest& request : m_server->marketo().requests()) {
        answered << request.path;
    }
    const QString token = QStringLiteral("/identity/oauth/token");
    const QString page = QStringLiteral("/rest/v1/lists/1001/leads.json");
    QCOMPARE(answered, (QStringList {token, page, page, token, page, page, token, page}));
    QCOMPARE(readWorkspace(ws).leads.size(), 1 + SandboxMarketoData::webinarListSize);
}

void tst_CliMarketo::dailyQuotaStops()
{
    const QString ws = connectedWorkspace(QStringLiteral("quota"));
    const QByteArray bytes = readAll(ws);
    m_server->marketo().failNext(607);
    m_server->marketo().clearRequests();
    Result result = cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws});
    QCOMPARE(result.exitCode, 1);
    const QStringList err = lines(result.err);
    QCOMPARE(err.size(), 1);
    QVERIFY2(
        err.at(0).startsWith(QStringLiteral("webhook-designer-cli marketo: Marketo error 607: the instance's daily "
                                            "API quota is used up")),
        qPrintable(err.at(0)));
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(readAll(ws), bytes);
    // Stopped: not retried.
    QCOMPARE(m_server->marketo().requests().size(), 2);

    // The quota flag does the same to every call, with no retry either.
    m_server->marketo().setDailyQuotaExceeded(true);
    m_server->marketo().clearRequests();
    result = cli({QStringLiteral("marketo"), QStringLiteral("programs"), ws});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("607"), result.err.constData());
    QCOMPARE(m_server->marketo().requests().size(), 2);
    QCOMPARE(readAll(ws), bytes);
}

void tst_CliMarketo::environmentSecretWorksWithoutKeychain()
{
    Environment env = noKeychain();
    // Connecting from the variable needs no keychain, and stores nothing.
    const QString ws = newWorkspace(QStringLiteral("environment"));
    Environment withSecret = env;
    withSecret.append({kSecretVariable, QString::fromUtf8(kSecret)});
    Result result = cli(connectArguments(ws), {}, withSecret);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().value(QStringLiteral("warnings")).toArray(), QJsonArray());
    const QString id = readWorkspace(ws).id;
    QVERIFY(!id.isEmpty());
    QCOMPARE(lookup(id, kSecretKey), std::nullopt);
    QVERIFY(!readAll(ws).contains(kSecret));

    // Without the variable, and no keychain to ask: a usage error that says what to do.
    const QByteArray bytes = readAll(ws);
    result = cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws}, {}, env);
    QCOMPARE(result.exitCode, 2);
    const QStringList err = lines(result.err);
    QCOMPARE(err.size(), 1);
    QVERIFY2(err.at(0).startsWith(QStringLiteral("webhook-designer-cli marketo: no client secret: set "
                                                 "WD_MARKETO_CLIENT_SECRET or run `marketo connect` again")),
             qPrintable(err.at(0)));
    QCOMPARE(readAll(ws), bytes);

    // With it, the import works.
    result = cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws}, {}, withSecret);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().value(QStringLiteral("added")).toArray().size(), 18);
    QVERIFY(!readAll(ws).contains(kSecret));

    // The variable wins over the keychain: the instance's secret changed since connect.
    const QString stored = connectedWorkspace(QStringLiteral("environment-wins"));
    m_server->marketo().setCredentials(kClientId, QStringLiteral("rotated-secret"));
    result = cli({QStringLiteral("marketo"), QStringLiteral("programs"), stored});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("Marketo refused the client ID or secret"), result.err.constData());
    result = cli({QStringLiteral("marketo"), QStringLiteral("programs"), stored},
                 {},
                 {{kSecretVariable, QStringLiteral("rotated-secret")}});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().value(QStringLiteral("programs")).toArray().size(), SandboxMarketoData::programCount);
}

void tst_CliMarketo::lintFlagsFieldsOfTheInstance()
{
    const QString ws = connectedWorkspace(QStringLiteral("lint"));
    const auto instanceCodes = [this, &ws] {
        const Result result = cli({QStringLiteral("lint"), ws});
        QStringList found;
        for (const QJsonValue& value : result.json().value(QStringLiteral("diagnostics")).toArray()) {
            const QJsonObject d = value.toObject();
            const QString code = d.value(QStringLiteral("code")).toString();
            if (code == QLatin1String("instance-missing-field") || code == QLatin1String("read-only-field")) {
                found << QStringLiteral("%1 %2 %3@%4:%5 %6")
                             .arg(code,
                                  d.value(QStringLiteral("severity")).toString(),
                                  d.value(QStringLiteral("where")).toString())
                             .arg(d.value(QStringLiteral("line")).toInt())
                             .arg(d.value(QStringLiteral("column")).toInt())
                             .arg(d.value(QStringLiteral("message")).toString());
            }
        }
        return found;
    };
    // Connected, but no field import yet: nothing is known, nothing reported.
    QCOMPARE(instanceCodes(), QStringList());

    QCOMPARE(cli({QStringLiteral("marketo"), QStringLiteral("fields"), ws}).exitCode, 0);
    const QString url = readWorkspace(ws).webhooks.at(0).url;
    const int column = int(url.indexOf(QStringLiteral("{{lead.Middle Name}}"))) + 1;
    QCOMPARE(instanceCodes(),
             (QStringList {
                 QStringLiteral("read-only-field error responseMappings[1].field@1:1 \"id\" is read-only in the "
                                "connected Marketo instance: a response mapping cannot write it"),
                 QStringLiteral("read-only-field error responseMappings[2].field@1:1 \"createdAt\" is read-only in "
                                "the connected Marketo instance: a response mapping cannot write it"),
                 QStringLiteral("instance-missing-field error responseMappings[3].field@1:1 The connected Marketo "
                                "instance has no field \"favoriteColor\": this mapping writes nothing there"),
                 QStringLiteral("instance-missing-field warning url@1:%1 {{lead.Middle Name}}: the connected Marketo "
                                "instance has no field \"middleName\", so Marketo sends it empty")
                     .arg(column)}));
    const Result lint = cli({QStringLiteral("lint"), ws});
    QCOMPARE(lint.exitCode, 1);
}

void tst_CliMarketo::sandboxHelpNamesTheMarketoEndpoints()
{
    const Result result = cli({QStringLiteral("sandbox"), QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(lines(result.out)
                 .contains(QStringLiteral("/marketo/... emulates Marketo: /marketo/identity and /marketo/rest.")),
             result.out.constData());
}

QTEST_GUILESS_MAIN(tst_CliMarketo)
#include "tst_cli_marketo.moc"
