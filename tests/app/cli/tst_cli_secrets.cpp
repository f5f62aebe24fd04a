#include "CliProcess.h"
#include "SecretTool.h"
#include "format/WorkspaceFile.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

// Secrets through the real webhook-designer-cli against a real Secret Service (the
// private gnome-keyring of with-keyring.sh): `secret set|list|delete|migrate`, the
// WD_SECRET_* override, a secret found nowhere, and no keychain at all. secret-tool looks
// into the keyring; a byte search looks into every file the CLI wrote. Calls go to a
// sandbox in this process, so the CLI runs asynchronously while this event loop serves.
class tst_CliSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void setReadsTheValueFromStandardInput();
    void setRefusesAValueInTheArguments();
    void setRefusesUnknownKeysAndEmptyValues();
    void listSaysWhereEachValueComesFrom();
    void deleteRemovesTheEntry();
    void migrateMovesPlainTextValues();
    void plainTextFileIsWarnedAbout();
    void environmentOverridesTheKeychain();
    void missingSecretRendersAnError();
    void missingSecretIsNotSent();
    void missingSecretStopsARunBeforeAnyCall();
    void withoutKeychainEnvironmentVariablesWork();
    void noFileTheCliWroteHoldsASecret();

private:
    using Result = CliResult;
    // Variables to set for one run; a null value removes the variable.
    using Environment = CliEnvironment;

    Result cli(const QStringList& arguments, const QByteArray& input = {}, const Environment& environment = {});
    // A workspace written since the keychain, in a folder of its own: the secret My Tokens
    // apiKey (in the URL and the Authorization header) and spare (used nowhere), and the
    // secret header Authorization, all without values; with `id` when it is not empty.
    QString newWorkspace(const QString& name, const QString& id = QString());
    // `secret set` and the id the workspace has afterwards.
    QString setSecret(const QString& workspace, const QString& key, const QByteArray& value);
    static std::optional<QByteArray> lookup(const QString& workspaceId, const QString& key);
    static QByteArray readAll(const QString& path);
    static QStringList lines(const QByteArray& text);
    // The environment of a machine without any session bus.
    Environment noKeychain() const;

    QTemporaryDir m_dir;
    QTemporaryDir m_emptyRuntime;
    std::unique_ptr<SandboxServer> m_server;
};

namespace {

const QString kWebhook = QStringLiteral("Enrich lead (JSON)");
const QString kApiKey = QStringLiteral("my.apiKey");
const QString kHeader = QStringLiteral("header.Enrich lead (JSON).Authorization");
const QString kApiVariable = QStringLiteral("WD_SECRET_MY_APIKEY");
const QString kHeaderVariable = QStringLiteral("WD_SECRET_HEADER_ENRICH_LEAD__JSON__AUTHORIZATION");
// Keychain values, and the values the environment overrides them with.
const QByteArray kKeychainApiKey = "kc-api-51f0e9";
const QByteArray kKeychainHeader = "Bearer {{my.apiKey}}.hv-3b1d77";
const QByteArray kEnvApiKey = "env-api-88c2d4";
const QByteArray kEnvHeader = "Bearer env-hdr-41aa60";
// The values resources/sample.webhooks.json holds in plain text.
const QByteArray kSampleApiKey = "sk_test_4f9a2c7e1b";
const QByteArray kSampleHeader = "Bearer {{my.apiKey}}";

QJsonObject secretEntry(const QJsonArray& secrets, const QString& key)
{
    for (const QJsonValue& secret : secrets) {
        if (secret.toObject().value(QStringLiteral("key")).toString() == key) {
            return secret.toObject();
        }
    }
    return {};
}

QString headerValue(const QJsonObject& request, const QString& name)
{
    for (const QJsonValue& header : request.value(QStringLiteral("headers")).toArray()) {
        if (header.toObject().value(QStringLiteral("name")).toString() == name) {
            return header.toObject().value(QStringLiteral("value")).toString();
        }
    }
    return QStringLiteral("<no %1 header>").arg(name);
}

QStringList diagnosticCodes(const QJsonObject& request)
{
    QStringList codes;
    for (const QJsonValue& diagnostic : request.value(QStringLiteral("diagnostics")).toArray()) {
        codes << diagnostic.toObject().value(QStringLiteral("code")).toString() + QLatin1Char('@')
                     + diagnostic.toObject().value(QStringLiteral("where")).toString();
    }
    return codes;
}

} // namespace

void tst_CliSecrets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_emptyRuntime.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(WD_CLI_PATH)), WD_CLI_PATH);
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through tests/support/with-keyring.sh");
}

void tst_CliSecrets::init()
{
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void tst_CliSecrets::cleanup()
{
    m_server.reset();
}

tst_CliSecrets::Result
tst_CliSecrets::cli(const QStringList& arguments, const QByteArray& input, const Environment& environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList names = env.keys();
    for (const QString& name : names) {
        if (name.startsWith(QLatin1String("WD_SECRET_"))) {
            env.remove(name);
        }
    }
    return runCli(arguments, input, cliEnvironment(environment, env));
}

QString tst_CliSecrets::newWorkspace(const QString& name, const QString& id)
{
    const QJsonObject webhook {
        {QStringLiteral("name"), kWebhook},
        {QStringLiteral("url"), m_server->url().toString() + QStringLiteral("/auth?k={{my.apiKey}}")},
        {QStringLiteral("requestType"), QStringLiteral("POST")},
        {QStringLiteral("template"), QStringLiteral("{\"email\": {{lead.Email Address}}}")},
        {QStringLiteral("requestTokenEncoding"), QStringLiteral("json")},
        {QStringLiteral("responseType"), QStringLiteral("json")},
        {QStringLiteral("headers"),
         QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Content-Type")},
                                  {QStringLiteral("value"), QStringLiteral("application/json")}},
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("Authorization")},
                                  {QStringLiteral("secret"), true}}}},
    };
    QJsonObject workspace {
        {QStringLiteral("format"), QStringLiteral("webhook-designer/1")},
        {QStringLiteral("timeZone"), QStringLiteral("UTC")},
        {QStringLiteral("leads"),
         QJsonArray {QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("ada@example.com")}},
                     QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("bob@example.com")}}}},
        {QStringLiteral("context"),
         QJsonObject {
             {QStringLiteral("my"),
              QJsonObject {{QStringLiteral("apiKey"), QString()},
                           {QStringLiteral("spare"), QString()},
                           {QStringLiteral("region"), QStringLiteral("emea")}}},
             {QStringLiteral("secretMyTokens"), QJsonArray {QStringLiteral("apiKey"), QStringLiteral("spare")}}}},
        {QStringLiteral("webhooks"), QJsonArray {webhook}},
    };
    if (!id.isEmpty()) {
        workspace.insert(QStringLiteral("id"), id);
    }
    QDir(m_dir.path()).mkpath(name);
    const QString path = m_dir.filePath(name + QStringLiteral("/ws.webhooks.json"));
    QFile out(path);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(QJsonDocument(workspace).toJson());
    }
    return path;
}

QString tst_CliSecrets::setSecret(const QString& workspace, const QString& key, const QByteArray& value)
{
    const Result result = cli({QStringLiteral("secret"), QStringLiteral("set"), workspace, key}, value);
    [&] { QVERIFY2(result.exitCode == 0, result.err.constData()); }();
    return result.json().value(QStringLiteral("workspace")).toString();
}

std::optional<QByteArray> tst_CliSecrets::lookup(const QString& workspaceId, const QString& key)
{
    return secretToolLookup(workspaceId, key);
}

QByteArray tst_CliSecrets::readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList tst_CliSecrets::lines(const QByteArray& text)
{
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

tst_CliSecrets::Environment tst_CliSecrets::noKeychain() const
{
    return {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString()},
            {QStringLiteral("DISPLAY"), QString()},
            {QStringLiteral("WAYLAND_DISPLAY"), QString()},
            // Nor the bus D-Bus libraries look for in the runtime folder.
            {QStringLiteral("XDG_RUNTIME_DIR"), m_emptyRuntime.path()}};
}

void tst_CliSecrets::setReadsTheValueFromStandardInput()
{
    const QString ws = newWorkspace(QStringLiteral("set"));
    Result result = cli({QStringLiteral("secret"), QStringLiteral("set"), ws, kApiKey}, kKeychainApiKey + '\n');
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QString id = result.json().value(QStringLiteral("workspace")).toString();
    QVERIFY2(!QUuid::fromString(id).isNull(), result.out.constData());
    QCOMPARE(result.json().value(QStringLiteral("key")).toString(), kApiKey);
    QCOMPARE(lines(result.err),
             QStringList {QStringLiteral("webhook-designer-cli secret: gave %1 the id %2").arg(ws, id)});
    QVERIFY(!result.out.contains(kKeychainApiKey));

    // The file gained the id, and nothing else: no value.
    const QByteArray bytes = readAll(ws);
    QVERIFY(bytes.contains("\"id\": \"" + id.toUtf8() + '"'));
    QVERIFY(!bytes.contains(kKeychainApiKey));
    Workspace reread;
    QString error;
    QVERIFY2(WorkspaceFile::read(bytes, &reread, &error), qPrintable(error));
    QCOMPARE(reread.id, id);
    QVERIFY(!reread.secretsInFile);
    // One trailing line end is dropped; the value is in the keyring as given.
    QCOMPARE(lookup(id, kApiKey), std::optional<QByteArray>(kKeychainApiKey));

    // A second set keeps the id and leaves the file as it is; CR LF goes too, inner line
    // ends stay.
    result = cli({QStringLiteral("secret"), QStringLiteral("set"), ws, kHeader}, "line1\nline2\r\n");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().value(QStringLiteral("workspace")).toString(), id);
    QCOMPARE(result.err, QByteArray());
    QCOMPARE(readAll(ws), bytes);
    QCOMPARE(lookup(id, kHeader), std::optional<QByteArray>("line1\nline2"));

    // Setting again replaces the value.
    QCOMPARE(setSecret(ws, kApiKey, "replaced"), id);
    QCOMPARE(lookup(id, kApiKey), std::optional<QByteArray>("replaced"));
}

void tst_CliSecrets::setRefusesAValueInTheArguments()
{
    const QString ws = newWorkspace(QStringLiteral("argv"));
    const QByteArray before = readAll(ws);
    const Result result =
        cli({QStringLiteral("secret"), QStringLiteral("set"), ws, kApiKey, QString::fromUtf8(kKeychainApiKey)},
            kKeychainApiKey);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("unexpected argument \"" + kKeychainApiKey + '"'), result.err.constData());
    QCOMPARE(readAll(ws), before);
}

void tst_CliSecrets::setRefusesUnknownKeysAndEmptyValues()
{
    const QString ws = newWorkspace(QStringLiteral("refuse"));
    const QByteArray before = readAll(ws);
    Result result = cli({QStringLiteral("secret"), QStringLiteral("set"), ws, QStringLiteral("my.region")}, "x");
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("has no secret \"my.region\"; its secrets are: my.apiKey, my.spare, "
                                 "header.Enrich lead (JSON).Authorization"),
             result.err.constData());
    result = cli({QStringLiteral("secret"), QStringLiteral("set"), ws, kApiKey}, "\n");
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("no value for my.apiKey on standard input"), result.err.constData());
    QCOMPARE(readAll(ws), before);
}

void tst_CliSecrets::listSaysWhereEachValueComesFrom()
{
    const QString ws = newWorkspace(QStringLiteral("list"));
    const QString id = setSecret(ws, kApiKey, kKeychainApiKey);
    setSecret(ws, kHeader, kKeychainHeader);

    // apiKey: keychain; the header: keychain, overridden by the environment; spare: nowhere.
    Result result = cli(
        {QStringLiteral("secret"), QStringLiteral("list"), ws}, {}, {{kHeaderVariable, QString::fromUtf8(kEnvHeader)}});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    const QJsonObject json = result.json();
    QCOMPARE(json.value(QStringLiteral("workspace")).toObject(),
             (QJsonObject {{QStringLiteral("file"), ws}, {QStringLiteral("id"), id}}));
    const QJsonObject keychain = json.value(QStringLiteral("keychain")).toObject();
    QCOMPARE(keychain.value(QStringLiteral("reachable")), QJsonValue(true));
    QCOMPARE(keychain.value(QStringLiteral("problem")), QJsonValue(QJsonValue::Null));
    QVERIFY(keychain.value(QStringLiteral("backend")).toString().startsWith(QStringLiteral("Secret Service")));
    const QJsonArray expected {
        QJsonObject {{QStringLiteral("key"), kApiKey},
                     {QStringLiteral("source"), QStringLiteral("keychain")},
                     {QStringLiteral("variable"), kApiVariable},
                     {QStringLiteral("inFile"), false}},
        QJsonObject {{QStringLiteral("key"), QStringLiteral("my.spare")},
                     {QStringLiteral("source"), QStringLiteral("missing")},
                     {QStringLiteral("variable"), QStringLiteral("WD_SECRET_MY_SPARE")},
                     {QStringLiteral("inFile"), false}},
        QJsonObject {{QStringLiteral("key"), kHeader},
                     {QStringLiteral("source"), QStringLiteral("environment")},
                     {QStringLiteral("variable"), kHeaderVariable},
                     {QStringLiteral("inFile"), false}},
    };
    QCOMPARE(json.value(QStringLiteral("secrets")).toArray(), expected);
    // Never a value, from wherever it came.
    QVERIFY(!result.out.contains(kKeychainApiKey));
    QVERIFY(!result.out.contains("hv-3b1d77"));
    QVERIFY(!result.out.contains("env-hdr-41aa60"));

    // A file written before the keychain: its values are the file's.
    const QString sample = m_dir.filePath(QStringLiteral("list-sample.webhooks.json"));
    QVERIFY(QFile::copy(QStringLiteral(WD_SOURCE_DIR "/resources/sample.webhooks.json"), sample));
    result = cli({QStringLiteral("secret"), QStringLiteral("list"), sample});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonArray secrets = result.json().value(QStringLiteral("secrets")).toArray();
    // The sample is connected to the sandbox's Marketo: its client secret is listed too,
    // with its own variable, and is nowhere (the sample has no id yet).
    QCOMPARE(secrets.size(), 3);
    const QJsonObject marketo = secretEntry(secrets, QStringLiteral("marketo.client-secret"));
    QCOMPARE(marketo.value(QStringLiteral("source")).toString(), QStringLiteral("missing"));
    QCOMPARE(marketo.value(QStringLiteral("variable")).toString(), QStringLiteral("WD_MARKETO_CLIENT_SECRET"));
    QCOMPARE(secretEntry(secrets, kApiKey).value(QStringLiteral("source")).toString(), QStringLiteral("file"));
    QCOMPARE(secretEntry(secrets, kApiKey).value(QStringLiteral("inFile")), QJsonValue(true));
    QCOMPARE(secretEntry(secrets, kHeader).value(QStringLiteral("source")).toString(), QStringLiteral("file"));
    QCOMPARE(result.json().value(QStringLiteral("workspace")).toObject().value(QStringLiteral("id")),
             QJsonValue(QJsonValue::Null));
    QVERIFY(!result.out.contains(kSampleApiKey));
    QVERIFY(!result.out.contains(kSampleHeader));
}

void tst_CliSecrets::deleteRemovesTheEntry()
{
    const QString ws = newWorkspace(QStringLiteral("delete"));
    const QString id = setSecret(ws, kApiKey, kKeychainApiKey);
    setSecret(ws, kHeader, kKeychainHeader);
    const QByteArray before = readAll(ws);

    Result result = cli({QStringLiteral("secret"), QStringLiteral("delete"), ws, kApiKey});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json(), (QJsonObject {{QStringLiteral("key"), kApiKey}, {QStringLiteral("workspace"), id}}));
    QCOMPARE(lookup(id, kApiKey), std::nullopt);
    QCOMPARE(lookup(id, kHeader), std::optional<QByteArray>(kKeychainHeader));
    QCOMPARE(readAll(ws), before);

    result = cli({QStringLiteral("secret"), QStringLiteral("list"), ws});
    QCOMPARE(secretEntry(result.json().value(QStringLiteral("secrets")).toArray(), kApiKey)
                 .value(QStringLiteral("source"))
                 .toString(),
             QStringLiteral("missing"));

    // Gone already, or never there: still done.
    result = cli({QStringLiteral("secret"), QStringLiteral("delete"), ws, kApiKey});
    QCOMPARE(result.exitCode, 0);
    result = cli({QStringLiteral("secret"), QStringLiteral("delete"), ws, QStringLiteral("header.Old name.X")});
    QCOMPARE(result.exitCode, 0);
}

void tst_CliSecrets::migrateMovesPlainTextValues()
{
    const QString sample = m_dir.filePath(QStringLiteral("migrate.webhooks.json"));
    QVERIFY(QFile::copy(QStringLiteral(WD_SOURCE_DIR "/resources/sample.webhooks.json"), sample));
    QFile::setPermissions(sample, QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(readAll(sample).contains(kSampleApiKey));

    Result result = cli({QStringLiteral("secret"), QStringLiteral("migrate"), sample});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().value(QStringLiteral("migrated")).toArray(), (QJsonArray {kApiKey, kHeader}));
    const QString id = result.json().value(QStringLiteral("workspace")).toString();
    QVERIFY2(!QUuid::fromString(id).isNull(), result.out.constData());

    const QByteArray bytes = readAll(sample);
    QVERIFY2(!bytes.contains(kSampleApiKey), bytes.constData());
    QVERIFY2(!bytes.contains(kSampleHeader), bytes.constData());
    QVERIFY(bytes.contains("\"id\": \"" + id.toUtf8() + '"'));
    QCOMPARE(lookup(id, kApiKey), std::optional<QByteArray>(kSampleApiKey));
    QCOMPARE(lookup(id, kHeader), std::optional<QByteArray>(kSampleHeader));

    // The values come back from the keychain, and the file no longer warns.
    result = cli(
        {QStringLiteral("render"), sample, QStringLiteral("--webhook"), kWebhook, QStringLiteral("--show-secrets")});
    QVERIFY2(result.exitCode == 0, result.err.constData() + result.out);
    QCOMPARE(result.err, QByteArray());
    QCOMPARE(headerValue(result.json(), QStringLiteral("Authorization")),
             QStringLiteral("Bearer ") + QString::fromUtf8(kSampleApiKey));

    // Nothing left to move.
    result = cli({QStringLiteral("secret"), QStringLiteral("migrate"), sample});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().value(QStringLiteral("migrated")).toArray(), QJsonArray());
    QCOMPARE(result.json().value(QStringLiteral("workspace")).toString(), id);
    QCOMPARE(readAll(sample), bytes);
}

void tst_CliSecrets::plainTextFileIsWarnedAbout()
{
    const QString sample = m_dir.filePath(QStringLiteral("warn.webhooks.json"));
    QVERIFY(QFile::copy(QStringLiteral(WD_SOURCE_DIR "/resources/sample.webhooks.json"), sample));
    const Result result = cli({QStringLiteral("render"), sample, QStringLiteral("--webhook"), kWebhook});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(lines(result.err),
             QStringList {QStringLiteral("webhook-designer-cli: warning: %1 holds secret values in plain text "
                                         "(my.apiKey, header.Enrich lead (JSON).Authorization); "
                                         "`webhook-designer-cli secret migrate %1` moves them into the keychain")
                              .arg(sample)});
    // Still masked in the output.
    QVERIFY(!result.out.contains(kSampleApiKey));
}

void tst_CliSecrets::environmentOverridesTheKeychain()
{
    const QString ws = newWorkspace(QStringLiteral("env"));
    setSecret(ws, kApiKey, kKeychainApiKey);
    setSecret(ws, kHeader, kKeychainHeader);
    const QStringList render {
        QStringLiteral("render"), ws, QStringLiteral("--webhook"), kWebhook, QStringLiteral("--show-secrets")};

    Result result = cli(render);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(headerValue(result.json(), QStringLiteral("Authorization")),
             QStringLiteral("Bearer kc-api-51f0e9.hv-3b1d77"));
    QVERIFY(result.json().value(QStringLiteral("url")).toString().endsWith(QStringLiteral("?k=kc-api-51f0e9")));

    result = cli(render, {}, {{kApiVariable, QString::fromUtf8(kEnvApiKey)}});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(headerValue(result.json(), QStringLiteral("Authorization")),
             QStringLiteral("Bearer env-api-88c2d4.hv-3b1d77"));
    QVERIFY(result.json().value(QStringLiteral("url")).toString().endsWith(QStringLiteral("?k=env-api-88c2d4")));

    result = cli(
        render, {}, {{kApiVariable, QString::fromUtf8(kEnvApiKey)}, {kHeaderVariable, QString::fromUtf8(kEnvHeader)}});
    QCOMPARE(headerValue(result.json(), QStringLiteral("Authorization")), QString::fromUtf8(kEnvHeader));

    // An empty variable, as CI sets an undefined secret, is no override.
    result = cli(render, {}, {{kApiVariable, QStringLiteral("")}});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(headerValue(result.json(), QStringLiteral("Authorization")),
             QStringLiteral("Bearer kc-api-51f0e9.hv-3b1d77"));

    // And on the wire.
    m_server->setExpectedAuthorization("Bearer env-api-88c2d4.hv-3b1d77");
    QSignalSpy served(m_server.get(), &SandboxServer::requestServed);
    result = cli({QStringLiteral("send"), ws, QStringLiteral("--webhook"), kWebhook, QStringLiteral("--no-history")},
                 {},
                 {{kApiVariable, QString::fromUtf8(kEnvApiKey)}});
    QVERIFY2(result.exitCode == 0, result.err.constData() + result.out);
    QCOMPARE(served.count(), 1);
    QCOMPARE(served.at(0).at(2).toInt(), 200);
}

void tst_CliSecrets::missingSecretRendersAnError()
{
    const QString ws = newWorkspace(QStringLiteral("missing-render"));
    const Result result = cli({QStringLiteral("render"), ws, QStringLiteral("--webhook"), kWebhook});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject json = result.json();
    QCOMPARE(diagnosticCodes(json),
             (QStringList {QStringLiteral("missing-secret@url"), QStringLiteral("missing-secret@headers[1].value")}));
    const QJsonArray diagnostics = json.value(QStringLiteral("diagnostics")).toArray();
    QCOMPARE(diagnostics.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(diagnostics.at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("{{my.apiKey}}: secret \"my.apiKey\" has no value: it is not in the keychain and "
                            "WD_SECRET_MY_APIKEY is not set"));
    QCOMPARE(diagnostics.at(1).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("secret \"header.Enrich lead (JSON).Authorization\" has no value: it is not in the "
                            "keychain and WD_SECRET_HEADER_ENRICH_LEAD__JSON__AUTHORIZATION is not set"));
}

void tst_CliSecrets::missingSecretIsNotSent()
{
    const QString ws = newWorkspace(QStringLiteral("missing-send"));
    // The token is found, the header is not.
    setSecret(ws, kApiKey, kKeychainApiKey);
    QSignalSpy served(m_server.get(), &SandboxServer::requestServed);
    const Result result = cli({QStringLiteral("send"), ws, QStringLiteral("--webhook"), kWebhook});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(lines(result.err),
             QStringList {QStringLiteral("webhook-designer-cli send: headers[1].value: secret \"header.Enrich lead "
                                         "(JSON).Authorization\" has no value: it is not in the keychain and "
                                         "WD_SECRET_HEADER_ENRICH_LEAD__JSON__AUTHORIZATION is not set")});
    const QJsonObject error = result.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("invalid-request"));
    QVERIFY(result.json().value(QStringLiteral("response")).isNull());
    QCOMPARE(served.count(), 0);
    QCOMPARE(m_server->maxConcurrentConnections(), 0);
    QVERIFY(!result.out.contains(kKeychainApiKey));
    const QByteArray history = readAll(ws + QStringLiteral(".history.jsonl"));
    QVERIFY(!history.contains(kKeychainApiKey));
}

void tst_CliSecrets::missingSecretStopsARunBeforeAnyCall()
{
    const QString ws = newWorkspace(QStringLiteral("missing-run"));
    setSecret(ws, kHeader, kKeychainHeader);
    const QString out = m_dir.filePath(QStringLiteral("missing-run/out.jsonl"));
    QSignalSpy served(m_server.get(), &SandboxServer::requestServed);
    const Result result =
        cli({QStringLiteral("run"), ws, QStringLiteral("--webhook"), kWebhook, QStringLiteral("--out"), out});
    QCOMPARE(result.exitCode, 1);
    const QStringList err = lines(result.err);
    QCOMPARE(err.size(), 2);
    const QString message = QStringLiteral("{{my.apiKey}}: secret \"my.apiKey\" has no value: it is not in the "
                                           "keychain and WD_SECRET_MY_APIKEY is not set");
    QCOMPARE(err.at(0), QStringLiteral("webhook-designer-cli run: url: ") + message);
    QCOMPARE(err.at(1), QStringLiteral("webhook-designer-cli run: headers[1].value: ") + message);
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(served.count(), 0);
    QCOMPARE(m_server->maxConcurrentConnections(), 0);
    QVERIFY(!QFile::exists(out));
}

void tst_CliSecrets::withoutKeychainEnvironmentVariablesWork()
{
    // A workspace set up elsewhere: it has an id, its secrets are in no keychain here.
    const QString ws = newWorkspace(QStringLiteral("nokeychain"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QByteArray before = readAll(ws);
    Environment env = noKeychain();
    env.append({kApiVariable, QString::fromUtf8(kEnvApiKey)});
    env.append({kHeaderVariable, QString::fromUtf8(kEnvHeader)});

    // my.spare is in no variable, so the keychain is asked, and found out of reach: said
    // once, on one line.
    Result result =
        cli({QStringLiteral("render"), ws, QStringLiteral("--webhook"), kWebhook, QStringLiteral("--show-secrets")},
            {},
            env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QStringList err = lines(result.err);
    QCOMPARE(err.size(), 1);
    QVERIFY2(err.at(0).startsWith(QStringLiteral("webhook-designer-cli: ")), qPrintable(err.at(0)));
    QVERIFY2(err.at(0).contains(QStringLiteral("keychain")), qPrintable(err.at(0)));
    QVERIFY2(err.at(0).endsWith(QStringLiteral("; secrets come from WD_SECRET_* environment variables only")),
             qPrintable(err.at(0)));
    QCOMPARE(headerValue(result.json(), QStringLiteral("Authorization")), QString::fromUtf8(kEnvHeader));

    // A run over every lead says it once too, and calls with the variables' values.
    m_server->setExpectedAuthorization(kEnvHeader);
    QSignalSpy served(m_server.get(), &SandboxServer::requestServed);
    const QString out = m_dir.filePath(QStringLiteral("nokeychain/out.jsonl"));
    result =
        cli({QStringLiteral("run"), ws, QStringLiteral("--webhook"), kWebhook, QStringLiteral("--out"), out}, {}, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err.count("environment variables only"), 1);
    QCOMPARE(served.count(), 2);
    QCOMPARE(served.at(0).at(2).toInt(), 200);
    QCOMPARE(served.at(1).at(2).toInt(), 200);
    result = cli({QStringLiteral("send"), ws, QStringLiteral("--webhook"), kWebhook}, {}, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err.count("environment variables only"), 1);
    QCOMPARE(served.count(), 3);

    // list says where things stand; set fails, and leaves the file as it was.
    result = cli({QStringLiteral("secret"), QStringLiteral("list"), ws}, {}, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject keychain = result.json().value(QStringLiteral("keychain")).toObject();
    QCOMPARE(keychain.value(QStringLiteral("reachable")), QJsonValue(false));
    QVERIFY(!keychain.value(QStringLiteral("problem")).toString().isEmpty());
    const QJsonArray secrets = result.json().value(QStringLiteral("secrets")).toArray();
    QCOMPARE(secretEntry(secrets, kApiKey).value(QStringLiteral("source")).toString(), QStringLiteral("environment"));
    QCOMPARE(secretEntry(secrets, QStringLiteral("my.spare")).value(QStringLiteral("source")).toString(),
             QStringLiteral("missing"));
    result = cli({QStringLiteral("secret"), QStringLiteral("set"), ws, QStringLiteral("my.spare")}, "value", env);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.startsWith("webhook-designer-cli secret: "), result.err.constData());
    QCOMPARE(readAll(ws), before);
    // Also a file without an id: it gets none, as the value went nowhere.
    const QString withoutId = newWorkspace(QStringLiteral("nokeychain-set"));
    const QByteArray withoutIdBefore = readAll(withoutId);
    result =
        cli({QStringLiteral("secret"), QStringLiteral("set"), withoutId, QStringLiteral("my.spare")}, "value", env);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(lines(result.err).size(), 1);
    QVERIFY2(result.err.startsWith("webhook-designer-cli secret: "), result.err.constData());
    QCOMPARE(readAll(withoutId), withoutIdBefore);

    // The variables' values are in no file this wrote.
    for (const QString& file : {ws, ws + QStringLiteral(".history.jsonl"), out}) {
        const QByteArray bytes = readAll(file);
        QVERIFY2(!bytes.isEmpty(), qPrintable(file));
        QVERIFY2(!bytes.contains(kEnvApiKey), qPrintable(file));
        QVERIFY2(!bytes.contains("env-hdr-41aa60"), qPrintable(file));
    }
}

void tst_CliSecrets::noFileTheCliWroteHoldsASecret()
{
    const QString ws = newWorkspace(QStringLiteral("files"));
    setSecret(ws, kApiKey, kKeychainApiKey);
    setSecret(ws, kHeader, kKeychainHeader);
    m_server->setExpectedAuthorization("Bearer kc-api-51f0e9.hv-3b1d77");
    QSignalSpy served(m_server.get(), &SandboxServer::requestServed);

    const QString out = m_dir.filePath(QStringLiteral("files/run.jsonl"));
    Result result = cli({QStringLiteral("send"), ws, QStringLiteral("--webhook"), kWebhook});
    QVERIFY2(result.exitCode == 0, result.err.constData() + result.out);
    result = cli({QStringLiteral("run"), ws, QStringLiteral("--webhook"), kWebhook, QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, result.err.constData() + result.out);
    QCOMPARE(served.count(), 3);
    for (const QList<QVariant>& call : served) {
        QCOMPARE(call.at(2).toInt(), 200);
    }
    // Nor in what it printed.
    QVERIFY(!result.out.contains(kKeychainApiKey));

    QStringList files;
    QDirIterator it(m_dir.filePath(QStringLiteral("files")), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        files << QFileInfo(file).fileName();
        const QByteArray bytes = readAll(file);
        QVERIFY2(!bytes.isEmpty(), qPrintable(file));
        QVERIFY2(!bytes.contains(kKeychainApiKey), qPrintable(file));
        QVERIFY2(!bytes.contains("hv-3b1d77"), qPrintable(file));
    }
    files.sort();
    QCOMPARE(files,
             (QStringList {QStringLiteral("run.jsonl"),
                           QStringLiteral("ws.webhooks.json"),
                           QStringLiteral("ws.webhooks.json.history.jsonl")}));
    QCOMPARE(lines(readAll(out)).size(), 2);
    QCOMPARE(lines(readAll(ws + QStringLiteral(".history.jsonl"))).size(), 1);
}

QTEST_GUILESS_MAIN(tst_CliSecrets)
#include "tst_cli_secrets.moc"
