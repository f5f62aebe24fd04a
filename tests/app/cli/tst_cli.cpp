#include "CliProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The real webhook-designer-cli binary, end to end: every command, every exit code, the
// help texts and the JSON shapes scripts rely on.
class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void toolHelp_data();
    void toolHelp();
    void noArgumentsIsUsageError();
    void version();
    void unknownCommand();
    void commandHelp_data();
    void commandHelp();
    void renderPrintsTheRequest();
    void renderPicksLeadAndClock();
    void renderMasksSecrets();
    void renderNowInAClockGap();
    void renderWithErrorsExitsOne();
    void lintClean();
    void lintErrorsNameTheirWebhook();
    void mapAppliesMappings();
    void mapNon2xxExitsOne();
    void mapReadsStandardInput();
    void mapUnusable2xxBodyExitsZero_data();
    void mapUnusable2xxBodyExitsZero();
    void usageErrors_data();
    void usageErrors();
    void workspaceErrors_data();
    void workspaceErrors();
    void bundledSampleLintsClean();

private:
    using Result = CliResult;
    // Runs the binary; an argument WS or RESPONSE stands for the test's workspace or
    // response file.
    Result cli(const QStringList& arguments, const QByteArray& input = {}) const;
    // A command line written as one string, split at its spaces (for arguments that hold
    // none).
    static QStringList words(const char* line) { return QString::fromUtf8(line).split(QLatin1Char(' ')); }
    QString writeFile(const QString& name, const QByteArray& bytes) const;

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_response;
};

namespace {
const char workspaceJson[] = R"({
  "format": "webhook-designer/1",
  "timeZone": "UTC",
  "fields": [{"name": "Favorite Color", "apiName": "favoriteColor", "type": "string"}],
  "leads": [
    {"First Name": "Ada", "Email Address": "ada@example.com", "Lead Score": 42},
    {"First Name": "Jack", "Email Address": "jack@example.com", "Company Name": "Jack & Jill \"J&J\" Ltd"}
  ],
  "context": {"my": {"apiKey": "abc123"}, "secretMyTokens": ["apiKey"]},
  "webhooks": [
    {
      "name": "ok",
      "url": "http://127.0.0.1:18787/echo?d={{system.date}}",
      "requestType": "POST",
      "template": "{\"email\": {{lead.Email Address}}, \"company\": {{company.Company Name:default=none}}}",
      "requestTokenEncoding": "json",
      "responseType": "json",
      "headers": [
        {"name": "Content-Type", "value": "application/json"},
        {"name": "Authorization", "value": "Bearer {{my.apiKey}}", "secret": true}
      ],
      "responseMappings": [
        {"attribute": "data.color", "field": "favoriteColor"},
        {"attribute": "data.score", "field": "leadScore"}
      ]
    },
    {
      "name": "broken",
      "url": "http://127.0.0.1:18787/echo",
      "requestType": "POST",
      "template": "{\"note\": \"a\\qb\"}",
      "requestTokenEncoding": "json",
      "headers": [{"name": "Content-Type", "value": "application/json"}]
    }
  ]
})";
} // namespace

void tst_Cli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(WD_CLI_PATH)), WD_CLI_PATH);
    m_workspace = writeFile(QStringLiteral("test.webhooks.json"), workspaceJson);
    m_response = writeFile(QStringLiteral("response.json"), R"({"data": {"color": "teal", "score": 99}})");
}

QString tst_Cli::writeFile(const QString& name, const QByteArray& bytes) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(bytes);
    }
    return path;
}

tst_Cli::Result tst_Cli::cli(const QStringList& arguments, const QByteArray& input) const
{
    // WS and RESPONSE stand for the test's workspace and response files.
    QStringList resolved = arguments;
    for (QString& argument : resolved) {
        if (argument == QLatin1String("WS")) {
            argument = m_workspace;
        } else if (argument == QLatin1String("RESPONSE")) {
            argument = m_response;
        }
    }
    return runCli(resolved, input);
}

void tst_Cli::toolHelp_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--help") << "--help";
    QTest::newRow("-h") << "-h";
    QTest::newRow("help") << "help";
}

void tst_Cli::toolHelp()
{
    QFETCH(QString, option);
    const Result r = cli({option});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("Usage: webhook-designer-cli COMMAND"));
    for (const char* command : {"render", "lint", "map"}) {
        QVERIFY2(r.out.contains(QByteArray("\n  ") + command), command);
    }
    QVERIFY(r.out.contains("Exit codes"));
}

void tst_Cli::noArgumentsIsUsageError()
{
    const Result r = cli({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("Usage: webhook-designer-cli COMMAND"));
}

void tst_Cli::version()
{
    const Result r = cli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("webhook-designer-cli " WD_VERSION "\n"));
}

void tst_Cli::unknownCommand()
{
    const Result r = cli(words("fetch WS"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown command \"fetch\""));
    QCOMPARE(cli(words("help fetch")).exitCode, 2);
}

void tst_Cli::commandHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("synopsis");
    QTest::newRow("render --help") << words("render --help")
                                   << "render WORKSPACE --webhook NAME [--lead INDEX|EMAIL] [--now ISO-8601]";
    QTest::newRow("lint -h") << words("lint -h") << "lint WORKSPACE [--webhook NAME]";
    QTest::newRow("map --help") << words("map --help")
                                << "map WORKSPACE --webhook NAME --status CODE --response FILE [--lead INDEX|EMAIL]";
    QTest::newRow("help render") << words("help render") << "render WORKSPACE --webhook NAME";
    QTest::newRow("render --help-all") << words("render --help-all") << "render WORKSPACE --webhook NAME";
    // --help wins over missing required options.
    QTest::newRow("map --help with other options") << words("map WS --help") << "map WORKSPACE";
}

void tst_Cli::commandHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, synopsis);
    const Result r = cli(arguments);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("Usage: webhook-designer-cli " + synopsis.toUtf8()), r.out.constData());
    QVERIFY(r.out.contains("Exit codes"));
    QVERIFY(r.out.contains("--help"));
}

void tst_Cli::renderPrintsTheRequest()
{
    const Result r = cli(words("render WS --webhook ok"));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.keys(),
             (QStringList {QStringLiteral("body"),
                           QStringLiteral("diagnostics"),
                           QStringLiteral("headers"),
                           QStringLiteral("method"),
                           QStringLiteral("url")}));
    QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(o.value(QStringLiteral("body")).toString(),
             QStringLiteral("{\"email\": \"ada@example.com\", \"company\": \"none\"}"));
    const QJsonArray headers = o.value(QStringLiteral("headers")).toArray();
    QCOMPARE(headers.size(), 2);
    QCOMPARE(headers[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Content-Type"));
    QCOMPARE(headers[0].toObject().value(QStringLiteral("value")).toString(), QStringLiteral("application/json"));
    QVERIFY(o.value(QStringLiteral("diagnostics")).isArray());
    // Indented output, stable for diffs.
    QVERIFY(r.out.startsWith("{\n    \""));
}

void tst_Cli::renderPicksLeadAndClock()
{
    const QStringList base = words("render WS --webhook ok");
    Result r = cli(base + words("--lead 1"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("body")).toString(),
             QStringLiteral("{\"email\": \"jack@example.com\", \"company\": \"Jack & Jill \\\"J&J\\\" Ltd\"}"));
    r = cli(base + words("--lead JACK@example.com"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().value(QStringLiteral("body")).toString().contains(QStringLiteral("jack@example.com")));

    r = cli(base + words("--now 2024-03-01T09:30:00Z"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("url")).toString(),
             QStringLiteral("http://127.0.0.1:18787/echo?d=Mar%2001%2C%202024"));
}

void tst_Cli::renderMasksSecrets()
{
    const QStringList base = words("render WS --webhook ok");
    Result r = cli(base);
    QVERIFY(!r.out.contains("abc123"));
    r = cli(base + QStringList {QStringLiteral("--show-secrets")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray headers = r.json().value(QStringLiteral("headers")).toArray();
    QCOMPARE(headers[1].toObject().value(QStringLiteral("value")).toString(), QStringLiteral("Bearer abc123"));

    // A secret My Token is masked wherever the render put it, in each encoding's form.
    QJsonObject workspace = QJsonDocument::fromJson(workspaceJson).object();
    QJsonArray webhooks = workspace.value(QStringLiteral("webhooks")).toArray();
    QJsonObject hook = webhooks.at(0).toObject();
    hook.insert(QStringLiteral("url"), QStringLiteral("http://127.0.0.1:1/x?k={{my.apiKey}}"));
    hook.insert(QStringLiteral("template"), QStringLiteral("{\"key\": {{my.apiKey}}}"));
    hook.insert(QStringLiteral("headers"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("X-Key")},
                                         {QStringLiteral("value"), QStringLiteral("{{my.apiKey}}")}}});
    webhooks.replace(0, hook);
    workspace.insert(QStringLiteral("webhooks"), webhooks);
    const QString path =
        writeFile(QStringLiteral("secret-everywhere.webhooks.json"), QJsonDocument(workspace).toJson());
    const QStringList everywhere {QStringLiteral("render"), path, QStringLiteral("--webhook"), QStringLiteral("ok")};
    r = cli(everywhere);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains("abc123"), r.out.constData());
    QCOMPARE(r.json().value(QStringLiteral("url")).toString(), QStringLiteral("http://127.0.0.1:1/x?k=••••••"));
    QCOMPARE(r.json().value(QStringLiteral("body")).toString(), QStringLiteral("{\"key\": \"••••••\"}"));
    r = cli(everywhere + QStringList {QStringLiteral("--show-secrets")});
    QCOMPARE(r.json().value(QStringLiteral("body")).toString(), QStringLiteral("{\"key\": \"abc123\"}"));
}

void tst_Cli::renderNowInAClockGap()
{
    // 02:30 on 10 March 2024 never happened in Los Angeles: a usage error that says so and
    // suggests the offset, not a render with empty system tokens.
    QByteArray json = workspaceJson;
    json.replace("\"timeZone\": \"UTC\"", "\"timeZone\": \"America/Los_Angeles\"");
    const QString path = writeFile(QStringLiteral("la.webhooks.json"), json);
    const QStringList base {QStringLiteral("render"), path, QStringLiteral("--webhook"), QStringLiteral("ok")};
    Result r = cli(base + words("--now 2024-03-10T02:30:00"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("does not exist in America/Los_Angeles"), r.err.constData());
    QVERIFY2(r.err.contains("2024-03-10T02:30:00-08:00"), r.err.constData());
    r = cli(base + words("--now 2024-03-10T02:30:00-08:00"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("url")).toString(),
             QStringLiteral("http://127.0.0.1:18787/echo?d=Mar%2010%2C%202024"));
    r = cli(base + words("--now 2024-03-10T03:30:00"));
    QCOMPARE(r.exitCode, 0);
}

void tst_Cli::renderWithErrorsExitsOne()
{
    const Result r = cli(words("render WS --webhook broken"));
    QCOMPARE(r.exitCode, 1);
    const QJsonArray diagnostics = r.json().value(QStringLiteral("diagnostics")).toArray();
    QVERIFY(!diagnostics.isEmpty());
    bool error = false;
    for (const QJsonValue& d : diagnostics) {
        const QJsonObject o = d.toObject();
        for (const char* key : {"severity", "where", "line", "column", "message"}) {
            QVERIFY2(o.contains(QLatin1String(key)), key);
        }
        if (o.value(QStringLiteral("severity")).toString() == QLatin1String("error")) {
            error = true;
            QCOMPARE(o.value(QStringLiteral("where")).toString(), QStringLiteral("template"));
            QCOMPARE(o.value(QStringLiteral("line")).toInt(), 1);
            QCOMPARE(o.value(QStringLiteral("column")).toInt(), 12);
        }
    }
    QVERIFY(error);
}

void tst_Cli::lintClean()
{
    const Result r = cli(words("lint WS --webhook ok"));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.keys(), QStringList {QStringLiteral("diagnostics")});
    for (const QJsonValue& d : o.value(QStringLiteral("diagnostics")).toArray()) {
        QVERIFY(d.toObject().value(QStringLiteral("severity")).toString() != QLatin1String("error"));
    }
}

void tst_Cli::lintErrorsNameTheirWebhook()
{
    const Result r = cli(words("lint WS"));
    QCOMPARE(r.exitCode, 1);
    const QJsonArray diagnostics = r.json().value(QStringLiteral("diagnostics")).toArray();
    QVERIFY(!diagnostics.isEmpty());
    bool brokenError = false;
    for (const QJsonValue& d : diagnostics) {
        const QJsonObject o = d.toObject();
        const QString webhook = o.value(QStringLiteral("webhook")).toString();
        QVERIFY(webhook == QLatin1String("ok") || webhook == QLatin1String("broken"));
        brokenError = brokenError
                      || (webhook == QLatin1String("broken")
                          && o.value(QStringLiteral("severity")).toString() == QLatin1String("error"));
    }
    QVERIFY(brokenError);
}

void tst_Cli::mapAppliesMappings()
{
    const Result r = cli(words("map WS --webhook ok --status 200 --response RESPONSE --lead 1"));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.keys(), (QStringList {QStringLiteral("lead"), QStringLiteral("mappings")}));
    const QJsonArray mappings = o.value(QStringLiteral("mappings")).toArray();
    QCOMPARE(mappings.size(), 2);
    const QJsonObject first = mappings[0].toObject();
    QCOMPARE(first.keys(),
             (QStringList {QStringLiteral("applied"),
                           QStringLiteral("attribute"),
                           QStringLiteral("field"),
                           QStringLiteral("reason"),
                           QStringLiteral("value")}));
    QCOMPARE(first.value(QStringLiteral("attribute")).toString(), QStringLiteral("data.color"));
    QCOMPARE(first.value(QStringLiteral("field")).toString(), QStringLiteral("favoriteColor"));
    QCOMPARE(first.value(QStringLiteral("applied")).toBool(), true);
    QCOMPARE(first.value(QStringLiteral("value")).toString(), QStringLiteral("teal"));
    const QJsonObject lead = o.value(QStringLiteral("lead")).toObject();
    QCOMPARE(lead.value(QStringLiteral("First Name")).toString(), QStringLiteral("Jack"));
    QCOMPARE(lead.value(QStringLiteral("Favorite Color")).toString(), QStringLiteral("teal"));
    QCOMPARE(lead.value(QStringLiteral("Lead Score")).toInt(), 99);
}

void tst_Cli::mapNon2xxExitsOne()
{
    const Result r = cli(words("map WS --webhook ok --status 404 --response RESPONSE"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("nothing applied"));
    const QJsonObject o = r.json();
    for (const QJsonValue& m : o.value(QStringLiteral("mappings")).toArray()) {
        QCOMPARE(m.toObject().value(QStringLiteral("applied")).toBool(), false);
    }
    QVERIFY(!o.value(QStringLiteral("lead")).toObject().contains(QStringLiteral("Favorite Color")));
}

void tst_Cli::mapReadsStandardInput()
{
    const Result r = cli(words("map WS --webhook ok --status 201 --response -"), R"({"data": {"color": "red"}})");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("lead")).toObject().value(QStringLiteral("Favorite Color")).toString(),
             QStringLiteral("red"));
}

void tst_Cli::mapUnusable2xxBodyExitsZero_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("whitespace body") << QByteArray(" \r\n") << QStringLiteral("empty");
    QTest::newRow("invalid JSON") << QByteArray("{\"data\": ") << QStringLiteral("not valid JSON");
}

// Only a non-2xx status makes `map` exit 1; a 2xx with a body nothing can be read from
// says why in every mapping and on standard error, and exits 0.
void tst_Cli::mapUnusable2xxBodyExitsZero()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    const Result r = cli(words("map WS --webhook ok --status 200 --response -"), body);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains("nothing applied"));
    const QJsonArray mappings = r.json().value(QStringLiteral("mappings")).toArray();
    QVERIFY(!mappings.isEmpty());
    for (const QJsonValue& m : mappings) {
        QCOMPARE(m.toObject().value(QStringLiteral("applied")).toBool(), false);
        QVERIFY2(m.toObject().value(QStringLiteral("reason")).toString().contains(reason),
                 qPrintable(m.toObject().value(QStringLiteral("reason")).toString()));
    }
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("render no workspace") << words("render --webhook ok") << "missing WORKSPACE";
    QTest::newRow("render two workspaces") << words("render WS WS --webhook ok") << "unexpected argument";
    QTest::newRow("render no webhook") << words("render WS") << "missing --webhook";
    QTest::newRow("render webhook without value") << words("render WS --webhook") << "Missing value after '--webhook'";
    QTest::newRow("render unknown webhook")
        << words("render WS --webhook nope") << "no webhook named \"nope\" (the workspace has: \"ok\", \"broken\")";
    QTest::newRow("render unknown option") << words("render WS --webhook ok --bogus") << "Unknown option 'bogus'";
    QTest::newRow("render lead index out of range")
        << words("render WS --webhook ok --lead 2") << "no lead \"2\": give an index from 0 to 1";
    QTest::newRow("render lead email unknown")
        << words("render WS --webhook ok --lead nobody@example.com") << "no lead \"nobody@example.com\"";
    // Given but empty is a wrong value, not the same as not given.
    QTest::newRow("render empty lead") << words("render WS --webhook ok --lead") + QStringList {QString()}
                                       << "no lead \"\"";
    QTest::newRow("render empty now") << words("render WS --webhook ok --now") + QStringList {QString()}
                                      << "invalid --now \"\"";
    QTest::newRow("render invalid now") << words("render WS --webhook ok --now yesterday")
                                        << "invalid --now \"yesterday\"";
    QTest::newRow("lint unknown webhook") << words("lint WS --webhook nope") << "no webhook named \"nope\"";
    QTest::newRow("map no status") << words("map WS --webhook ok --response RESPONSE") << "missing --status";
    QTest::newRow("map bad status") << words("map WS --webhook ok --status ok --response RESPONSE")
                                    << "invalid --status \"ok\"";
    QTest::newRow("map no response") << words("map WS --webhook ok --status 200") << "missing --response";
    QTest::newRow("map unreadable response")
        << words("map WS --webhook ok --status 200 --response /nonexistent/response.json")
        << "cannot read /nonexistent/response.json";
    QTest::newRow("map lead not found") << words("map WS --webhook ok --status 200 --response RESPONSE --lead -1")
                                        << "no lead \"-1\"";
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result r = cli(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(r.err.contains("--help"));
}

void tst_Cli::workspaceErrors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("bytes"); // empty: the file does not exist
    QTest::addColumn<QString>("message");
    QTest::newRow("render missing file") << "render" << QByteArray() << "cannot read";
    QTest::newRow("lint missing file") << "lint" << QByteArray() << "cannot read";
    QTest::newRow("map missing file") << "map" << QByteArray() << "cannot read";
    QTest::newRow("syntax error") << "lint" << QByteArray("{\n  \"format\": \"webhook-designer/1\",\n}")
                                  << "bad.webhooks.json:3:2: object is missing after a comma";
    QTest::newRow("invalid value") << "lint"
                                   << QByteArray(
                                          "{\"format\": \"webhook-designer/1\",\n \"webhooks\": [{\"name\": \"a\", "
                                          "\"requestType\": \"FETCH\"}]}")
                                   << "bad.webhooks.json:2:44: webhooks[0].requestType: unknown request type \"FETCH\"";
    QTest::newRow("not a workspace") << "render" << QByteArray("{\"name\": \"x\"}") << "missing \"format\"";
}

void tst_Cli::workspaceErrors()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = bytes.isEmpty() ? m_dir.filePath(QStringLiteral("missing.webhooks.json"))
                                         : writeFile(QStringLiteral("bad.webhooks.json"), bytes);
    QStringList arguments {command, path, QStringLiteral("--webhook"), QStringLiteral("a")};
    if (command == QLatin1String("map")) {
        arguments << QStringLiteral("--status") << QStringLiteral("200") << QStringLiteral("--response") << m_response;
    }
    const Result r = cli(arguments);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
}

void tst_Cli::bundledSampleLintsClean()
{
    const Result r = cli({QStringLiteral("lint"), QStringLiteral(WD_SOURCE_DIR "/resources/sample.webhooks.json")});
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.json().value(QStringLiteral("diagnostics")).isArray());
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "CliProcess.h"
#include "tst_cli.moc"
