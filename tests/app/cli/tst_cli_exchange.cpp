#include "CliProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The import and export commands, run as the real executable.
class tst_CliExchange : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importCreatesTheWorkspace();
    void importTokenizes();
    void importRefusedExitsOne();
    void importPostman();
    void usageErrors_data();
    void usageErrors();
    void invalidWorkspaceExitsThree();
    void exportFormats();
    void exportWithErrorsExitsOne();

private:
    using Result = CliResult;
    Result cli(const QStringList& arguments, const QByteArray& input = {}) const;
    QString path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)); }

    QTemporaryDir m_dir;
};

void tst_CliExchange::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

tst_CliExchange::Result tst_CliExchange::cli(const QStringList& arguments, const QByteArray& input) const
{
    return runCli(arguments, input);
}

void tst_CliExchange::importCreatesTheWorkspace()
{
    const QString ws = path("new.webhooks.json");
    const QByteArray command = "curl -s https://api.vendor.test/v1/contacts -H 'X-Key: k1' --json '{\"a\": 1}'";
    Result r = cli({QStringLiteral("import"), ws, QStringLiteral("--from"), QStringLiteral("curl")}, command);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("webhooks")).toArray(),
             QJsonArray {QStringLiteral("api.vendor.test/v1/contacts")});
    QCOMPARE(r.json().value(QStringLiteral("notes")).toArray().size(), 1);
    QCOMPARE(r.json().value(QStringLiteral("suggestions")).toArray(), QJsonArray());
    QVERIFY(QFile::exists(ws));
    // A second import of the same command gets a name of its own.
    r = cli({QStringLiteral("import"),
             ws,
             QStringLiteral("--from"),
             QStringLiteral("curl"),
             QStringLiteral("--name"),
             QStringLiteral("api.vendor.test/v1/contacts")},
            command);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("webhooks")).toArray(),
             QJsonArray {QStringLiteral("api.vendor.test/v1/contacts (2)")});
    r = cli(
        {QStringLiteral("render"), ws, QStringLiteral("--webhook"), QStringLiteral("api.vendor.test/v1/contacts (2)")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("body")).toString(), QStringLiteral("{\"a\": 1}"));
    QCOMPARE(r.json().value(QStringLiteral("headers")).toArray().size(), 3);
}

void tst_CliExchange::importTokenizes()
{
    const QString ws = path("leads.webhooks.json");
    QFile file(ws);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "webhook-designer/1", "leads": [{"Email Address": "ada@example.com"}], "webhooks": []})");
    file.close();
    QFile command(path("command.sh"));
    QVERIFY(command.open(QIODevice::WriteOnly));
    command.write(
        "curl https://a.test/x --data-raw '{\"email\": \"ada@example.com\"}' -H 'Content-Type: application/json'");
    command.close();
    const Result r = cli({QStringLiteral("import"),
                          ws,
                          QStringLiteral("--from"),
                          QStringLiteral("curl"),
                          QStringLiteral("--file"),
                          command.fileName(),
                          QStringLiteral("--name"),
                          QStringLiteral("Hook"),
                          QStringLiteral("--tokenize")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray suggestions = r.json().value(QStringLiteral("suggestions")).toArray();
    QCOMPARE(suggestions.size(), 1);
    QCOMPARE(suggestions.at(0).toObject(),
             (QJsonObject {{QStringLiteral("webhook"), QStringLiteral("Hook")},
                           {QStringLiteral("where"), QStringLiteral("template")},
                           {QStringLiteral("value"), QStringLiteral("ada@example.com")},
                           {QStringLiteral("token"), QStringLiteral("{{lead.Email Address}}")}}));
    const Result sheet = cli({QStringLiteral("export"),
                              ws,
                              QStringLiteral("--format"),
                              QStringLiteral("sheet"),
                              QStringLiteral("--webhook"),
                              QStringLiteral("Hook")});
    QCOMPARE(sheet.exitCode, 0);
    QVERIFY(sheet.out.contains("```text\n{\"email\": {{lead.Email Address}}}\n```"));
    QVERIFY(sheet.out.contains("**Request Token Encoding**\n\n```text\nJSON\n```"));
}

void tst_CliExchange::importRefusedExitsOne()
{
    const QString ws = path("refused.webhooks.json");
    const Result r = cli({QStringLiteral("import"), ws, QStringLiteral("--from"), QStringLiteral("curl")},
                         "curl -F file=@x.png https://a.test");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err,
             QByteArray("webhook-designer-cli import: -F sends a multipart form (file uploads), which a Marketo "
                        "webhook cannot send: Marketo sends one text body\n"));
    QVERIFY(!QFile::exists(ws));
}

void tst_CliExchange::importPostman()
{
    const QString ws = path("postman.webhooks.json");
    const QByteArray collection =
        R"({"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "variable": [{"key": "base", "value": "https://api.vendor.test"}],
      "item": [{"name": "One", "request": {"method": "POST", "url": {"raw": "{{base}}/one"}}},
               {"name": "Two", "request": {"method": "GET", "url": "{{base}}/two"}}]})";
    const Result r =
        cli({QStringLiteral("import"), ws, QStringLiteral("--from"), QStringLiteral("postman")}, collection);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("webhooks")).toArray(),
             (QJsonArray {QStringLiteral("One"), QStringLiteral("Two")}));
    const Result render = cli({QStringLiteral("render"), ws, QStringLiteral("--webhook"), QStringLiteral("Two")});
    QCOMPARE(render.json().value(QStringLiteral("url")).toString(), QStringLiteral("https://api.vendor.test/two"));
}

void tst_CliExchange::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const QString ws = QStringLiteral(WD_TEST_DATA "/sample.webhooks.json");
    const auto l = [](std::initializer_list<const char*> items) {
        QStringList list;
        for (const char* item : items) {
            list.append(QString::fromUtf8(item));
        }
        return list;
    };
    QTest::newRow("import without --from")
        << l({"import", "x.webhooks.json"}) << QByteArray("missing --from curl|postman");
    QTest::newRow("import --from har") << l({"import", "x.webhooks.json", "--from", "har"})
                                       << QByteArray("--from must be curl or postman, not \"har\"");
    QTest::newRow("import unreadable file")
        << l({"import", "x.webhooks.json", "--from", "curl", "--file", "/nonexistent/c"})
        << QByteArray("cannot read /nonexistent/c");
    QTest::newRow("export without --format")
        << l({"export", "x.webhooks.json"}) << QByteArray("missing --format curl|http|postman|sheet");
    QTest::newRow("export curl without --webhook")
        << l({"export", "x.webhooks.json", "--format", "curl"}) << QByteArray("--format curl needs --webhook NAME");
    QTest::newRow("export --format har") << l({"export", "x.webhooks.json", "--format", "har"})
                                         << QByteArray("--format must be curl, http, postman or sheet, not \"har\"");
}

void tst_CliExchange::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Result r = cli(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
}

void tst_CliExchange::invalidWorkspaceExitsThree()
{
    QFile file(path("bad.webhooks.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{");
    file.close();
    QCOMPARE(cli({QStringLiteral("import"), file.fileName(), QStringLiteral("--from"), QStringLiteral("curl")},
                 "curl https://a.test")
                 .exitCode,
             3);
    QCOMPARE(
        cli({QStringLiteral("export"), file.fileName(), QStringLiteral("--format"), QStringLiteral("http")}).exitCode,
        3);
}

void tst_CliExchange::exportFormats()
{
    const QString ws = path("export.webhooks.json");
    QFile file(ws);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "webhook-designer/1",
      "leads": [{"Email Address": "ada@example.com"}, {"Email Address": "bob@example.com"}],
      "webhooks": [{"name": "A", "url": "https://a.test/{{lead.Email Address}}", "requestType": "GET",
                    "headers": [{"name": "X-Secret", "secret": true}]},
                   {"name": "B", "url": "https://b.test/", "requestType": "POST", "template": "x"}]})");
    file.close();
    Result r = cli({QStringLiteral("export"),
                    ws,
                    QStringLiteral("--format"),
                    QStringLiteral("curl"),
                    QStringLiteral("--webhook"),
                    QStringLiteral("A"),
                    QStringLiteral("--lead"),
                    QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
             QByteArray("# Secrets come from the environment: WD_SECRET_HEADER_A_X_SECRET\n"
                        "curl --globoff --path-as-is --request 'GET' 'https://a.test/bob%40example.com' \\\n"
                        "  --header 'X-Secret: '\"$WD_SECRET_HEADER_A_X_SECRET\"\n"));
    const QString out = path("out.json");
    r = cli({QStringLiteral("export"),
             ws,
             QStringLiteral("--format"),
             QStringLiteral("postman"),
             QStringLiteral("--out"),
             out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QJsonObject collection = QJsonDocument::fromJson(written.readAll()).object();
    QCOMPARE(collection.value(QStringLiteral("item")).toArray().size(), 2);
    r = cli({QStringLiteral("export"),
             ws,
             QStringLiteral("--format"),
             QStringLiteral("http"),
             QStringLiteral("--webhook"),
             QStringLiteral("B")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("### B\nPOST https://b.test/\n\nx\n\n"));
    r = cli({QStringLiteral("export"),
             ws,
             QStringLiteral("--format"),
             QStringLiteral("sheet"),
             QStringLiteral("--webhook"),
             QStringLiteral("Nope")});
    QCOMPARE(r.exitCode, 2);
}

void tst_CliExchange::exportWithErrorsExitsOne()
{
    const QString ws = path("errors.webhooks.json");
    QFile file(ws);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "webhook-designer/1", "webhooks": [{"name": "E", "url": "https://a.test/{{foo.bar}}"}]})");
    file.close();
    const QString out = path("never.sh");
    const Result r = cli({QStringLiteral("export"),
                          ws,
                          QStringLiteral("--format"),
                          QStringLiteral("curl"),
                          QStringLiteral("--webhook"),
                          QStringLiteral("E"),
                          QStringLiteral("--out"),
                          out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.startsWith("webhook-designer-cli export: E: url: "));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(tst_CliExchange)
#include "CliProcess.h"
#include "tst_cli_exchange.moc"
