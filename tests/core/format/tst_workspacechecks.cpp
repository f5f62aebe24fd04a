#include "format/WorkspaceFile.h"

#include <QFile>
#include <QTest>

// The checks and the shape baseline a webhook carries in the workspace file: read, written
// back byte for byte, and refused with the place and the webhook when malformed.
class tst_WorkspaceChecks : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsByteIdentical();
    void readsEveryKind();
    void keepsUnknownKeys();
    void fileWithoutChecksIsUnchanged();
    void writtenFromTheModel();
    void rejects_data();
    void rejects();
    void rejectsBaseline_data();
    void rejectsBaseline();

private:
    static QByteArray fileWithChecks();
};

// Written as the writer writes it: checks after the response mappings, then the baseline,
// then unknown keys; a check's name first, then its subject and its assertion.
QByteArray tst_WorkspaceChecks::fileWithChecks()
{
    return QByteArrayLiteral(R"({
  "format": "webhook-designer/1",
  "timeZone": "UTC",
  "fields": [],
  "leads": [],
  "context": {},
  "webhooks": [
    {
      "name": "Enrich",
      "description": "",
      "url": "https://example.com/enrich",
      "requestType": "POST",
      "template": "",
      "requestTokenEncoding": "json",
      "responseType": "json",
      "headers": [],
      "responseMappings": [
        {
          "attribute": "data.company",
          "field": "company"
        }
      ],
      "checks": [
        {
          "status": "2xx"
        },
        {
          "name": "Created",
          "status": "201"
        },
        {
          "field": "company",
          "equals": "Acme"
        },
        {
          "field": "company",
          "matches": "^Ac"
        },
        {
          "field": "title",
          "written": false
        },
        {
          "path": "data.id",
          "exists": true
        },
        {
          "path": "data.company",
          "equals": "Acme"
        },
        {
          "path": "data.tags[0]",
          "matches": "vip|new",
          "x-later": 1
        },
        {
          "name": "Fast",
          "latencyBelowMs": 500
        }
      ],
      "baseline": {
        "responseType": "json",
        "paths": {
          "data": "object",
          "data.company": "string",
          "data.id": "number",
          "data.tags": "array",
          "data.tags[0]": "null|string"
        },
        "x-baseline-note": "kept"
      },
      "x-webhook-note": true
    }
  ]
}
)");
}

void tst_WorkspaceChecks::roundTripIsByteIdentical()
{
    Workspace ws;
    QString error;
    QVERIFY2(WorkspaceFile::read(fileWithChecks(), &ws, &error), qPrintable(error));
    QCOMPARE(QString::fromUtf8(WorkspaceFile::write(ws)), QString::fromUtf8(fileWithChecks()));
}

void tst_WorkspaceChecks::readsEveryKind()
{
    Workspace ws;
    QVERIFY(WorkspaceFile::read(fileWithChecks(), &ws));
    const QList<Check>& checks = ws.webhooks[0].checks;
    QCOMPARE(checks.size(), 9);
    using K = Check::Kind;
    const QList<K> kinds {K::Status,
                          K::Status,
                          K::FieldEquals,
                          K::FieldMatches,
                          K::FieldWritten,
                          K::PathExists,
                          K::PathEquals,
                          K::PathMatches,
                          K::LatencyBelow};
    for (int i = 0; i < kinds.size(); ++i) {
        QCOMPARE(checks[i].kind, kinds[i]);
    }
    QCOMPARE(checks[1].name, QStringLiteral("Created"));
    QCOMPARE(checks[1].target, QStringLiteral("201"));
    QCOMPARE(checks[2].target, QStringLiteral("company"));
    QCOMPARE(checks[2].expected, QStringLiteral("Acme"));
    QCOMPARE(checks[4].flag, false);
    QCOMPARE(checks[5].flag, true);
    QCOMPARE(checks[7].expected, QStringLiteral("vip|new"));
    QCOMPARE(checks[8].latencyMs, 500);
    QCOMPARE(ws.webhooks[0].effectiveChecks(), checks);

    QVERIFY(ws.webhooks[0].baseline);
    const ResponseShape& shape = *ws.webhooks[0].baseline;
    QCOMPARE(shape.syntax, ResponseType::Json);
    QCOMPARE(shape.paths.size(), 5);
    QCOMPARE(shape.paths.value(QStringLiteral("data.tags[0]")), QStringLiteral("null|string"));
}

void tst_WorkspaceChecks::keepsUnknownKeys()
{
    Workspace ws;
    QVERIFY(WorkspaceFile::read(fileWithChecks(), &ws));
    QCOMPARE(ws.webhooks[0].checks[7].extra.value(QStringLiteral("x-later")), QJsonValue(1));
    QCOMPARE(ws.webhooks[0].baseline->extra.value(QStringLiteral("x-baseline-note")),
             QJsonValue(QStringLiteral("kept")));
    // Neither lands in the webhook's own unknown keys.
    QCOMPARE(ws.webhooks[0].extra.keys(), QStringList {QStringLiteral("x-webhook-note")});
}

void tst_WorkspaceChecks::fileWithoutChecksIsUnchanged()
{
    QFile file(QStringLiteral(WD_TEST_DATA "/workspace/canonical.webhooks.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("\"checks\"") && !bytes.contains("\"baseline\""));
    Workspace ws;
    QVERIFY(WorkspaceFile::read(bytes, &ws));
    for (const Webhook& webhook : std::as_const(ws.webhooks)) {
        QVERIFY(webhook.checks.isEmpty());
        QVERIFY(!webhook.baseline);
        QCOMPARE(webhook.effectiveChecks(), QList<Check> {Check::status(QStringLiteral("2xx"))});
    }
    QCOMPARE(WorkspaceFile::write(ws), bytes);

    // An empty list is no checks: written as before, not as "checks": [].
    ws.webhooks[0].checks.clear();
    QCOMPARE(WorkspaceFile::write(ws), bytes);
}

void tst_WorkspaceChecks::writtenFromTheModel()
{
    Workspace ws;
    QVERIFY(WorkspaceFile::read(fileWithChecks(), &ws));
    Webhook& webhook = ws.webhooks[0];
    webhook.checks.clear();
    webhook.baseline.reset();
    const QByteArray without = WorkspaceFile::write(ws);
    QVERIFY(!without.contains("\"checks\"") && !without.contains("\"baseline\""));

    Check check;
    check.kind = Check::Kind::PathExists;
    check.target = QStringLiteral("data.gone");
    check.flag = false;
    webhook.checks.append(check);
    ResponseShape shape;
    shape.syntax = ResponseType::Xml;
    shape.paths.insert(QStringLiteral("lead@id"), QStringLiteral("attribute"));
    shape.paths.insert(QStringLiteral("lead"), QStringLiteral("element"));
    webhook.baseline = shape;
    const QByteArray with = WorkspaceFile::write(ws);
    QVERIFY2(
        with.contains("\"checks\": [\n        {\n          \"path\": \"data.gone\",\n          \"exists\": false\n"),
        with.constData());
    // Sorted paths, whatever order they were added in.
    QVERIFY2(with.contains("\"paths\": {\n          \"lead\": \"element\",\n          \"lead@id\": \"attribute\"\n"),
             with.constData());
    QVERIFY(with.indexOf("\"responseMappings\"") < with.indexOf("\"checks\""));
    QVERIFY(with.indexOf("\"checks\"") < with.indexOf("\"baseline\""));
    QVERIFY(with.indexOf("\"baseline\"") < with.indexOf("\"x-webhook-note\""));

    Workspace again;
    QVERIFY(WorkspaceFile::read(with, &again));
    QCOMPARE(again.webhooks[0].checks, webhook.checks);
    QCOMPARE(*again.webhooks[0].baseline, shape);
    QCOMPARE(WorkspaceFile::write(again), with);
}

void tst_WorkspaceChecks::rejects_data()
{
    QTest::addColumn<QByteArray>("checks");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    // Each row is the value after `"checks": ` on line 4 (column 14); the message names the
    // webhook "Enrich" and the check's number.
    const auto first = [](const char* rest) {
        return QStringLiteral("check 1 of webhook \"Enrich\"") + QString::fromUtf8(rest);
    };
    const auto second = [](const char* rest) {
        return QStringLiteral("check 2 of webhook \"Enrich\"") + QString::fromUtf8(rest);
    };
    QTest::newRow("not an array") << QByteArray("{}") << "webhooks[0].checks" << 15
                                  << "the checks of webhook \"Enrich\" must be an array, found an object";
    QTest::newRow("not an object") << QByteArray("[{\"status\": \"2xx\"}, 5]") << "webhooks[0].checks[1]" << 35
                                   << second(": expected an object, found a number");
    QTest::newRow("no known key") << QByteArray("[{\"expect\": 200}]") << "webhooks[0].checks[0]" << 16
                                  << first(" is not a check the designer knows");
    QTest::newRow("two subjects") << QByteArray("[{\"status\": \"2xx\", \"latencyBelowMs\": 5}]")
                                  << "webhooks[0].checks[0]" << 16 << first(" is not a check the designer knows");
    QTest::newRow("field without assertion") << QByteArray("[{\"field\": \"company\"}]") << "webhooks[0].checks[0]"
                                             << 16 << first(" is not a check the designer knows");
    QTest::newRow("field exists") << QByteArray("[{\"field\": \"company\", \"exists\": true}]")
                                  << "webhooks[0].checks[0]" << 16 << first(" is not a check the designer knows");
    QTest::newRow("path written") << QByteArray("[{\"path\": \"a\", \"written\": true}]") << "webhooks[0].checks[0]"
                                  << 16 << first(" is not a check the designer knows");
    QTest::newRow("two assertions") << QByteArray("[{\"path\": \"a\", \"equals\": \"x\", \"matches\": \"y\"}]")
                                    << "webhooks[0].checks[0]" << 16 << first(" is not a check the designer knows");
    QTest::newRow("status with assertion")
        << QByteArray("[{\"status\": \"2xx\", \"equals\": \"x\"}]") << "webhooks[0].checks[0]" << 16
        << first(" is not a check the designer knows");
    QTest::newRow("status number") << QByteArray("[{\"status\": 200}]") << "webhooks[0].checks[0].status" << 27
                                   << first(": \"status\" must be a string, found a number");
    QTest::newRow("status invalid") << QByteArray("[{\"status\": \"2XX0\"}]") << "webhooks[0].checks[0].status" << 27
                                    << first(": The status must be a class such as 2xx or a code such as 201");
    QTest::newRow("status 6xx") << QByteArray("[{\"status\": \"2xx\"}, {\"status\": \"600\"}]")
                                << "webhooks[0].checks[1].status" << 46 << second(": The status must be a class");
    QTest::newRow("name number") << QByteArray("[{\"name\": 1, \"status\": \"2xx\"}]") << "webhooks[0].checks[0].name"
                                 << 25 << first(": \"name\" must be a string, found a number");
    QTest::newRow("field number") << QByteArray("[{\"field\": 1, \"equals\": \"x\"}]") << "webhooks[0].checks[0].field"
                                  << 26 << first(": \"field\" must be a string, found a number");
    QTest::newRow("field empty") << QByteArray("[{\"field\": \" \", \"equals\": \"x\"}]")
                                 << "webhooks[0].checks[0].field" << 26 << first(": The check names no field.");
    QTest::newRow("equals number") << QByteArray("[{\"field\": \"company\", \"equals\": 3}]")
                                   << "webhooks[0].checks[0].equals" << 47
                                   << first(": \"equals\" must be a string, found a number");
    QTest::newRow("written string") << QByteArray("[{\"field\": \"company\", \"written\": \"yes\"}]")
                                    << "webhooks[0].checks[0].written" << 48
                                    << first(": \"written\" must be true or false, found a string");
    QTest::newRow("exists null") << QByteArray("[{\"path\": \"a\", \"exists\": null}]")
                                 << "webhooks[0].checks[0].exists" << 40
                                 << first(": \"exists\" must be true or false, found null");
    QTest::newRow("path empty") << QByteArray("[{\"path\": \"\", \"exists\": true}]") << "webhooks[0].checks[0].path"
                                << 25 << first(": The check names no response attribute.");
    QTest::newRow("invalid regex") << QByteArray("[{\"path\": \"a\", \"matches\": \"(open\"}]")
                                   << "webhooks[0].checks[0].matches" << 41
                                   << first(": The pattern “(open” is not a valid regular expression");
    QTest::newRow("field invalid regex") << QByteArray("[{\"field\": \"company\", \"matches\": \"[a-\"}]")
                                         << "webhooks[0].checks[0].matches" << 48
                                         << first(": The pattern “[a-” is not a valid regular expression");
    QTest::newRow("latency zero") << QByteArray("[{\"latencyBelowMs\": 0}]") << "webhooks[0].checks[0].latencyBelowMs"
                                  << 35 << first(": \"latencyBelowMs\" must be a whole number of milliseconds above 0");
    QTest::newRow("latency fraction") << QByteArray("[{\"latencyBelowMs\": 2.5}]")
                                      << "webhooks[0].checks[0].latencyBelowMs" << 35 << "found 2.5";
    QTest::newRow("latency string") << QByteArray("[{\"latencyBelowMs\": \"500\"}]")
                                    << "webhooks[0].checks[0].latencyBelowMs" << 35 << "found a string";
    QTest::newRow("latency huge") << QByteArray("[{\"latencyBelowMs\": 1e12}]")
                                  << "webhooks[0].checks[0].latencyBelowMs" << 35 << "at most a day";
}

void tst_WorkspaceChecks::rejects()
{
    QFETCH(QByteArray, checks);
    QFETCH(QString, path);
    QFETCH(int, column);
    QFETCH(QString, message);

    const QByteArray bytes = "{\n  \"format\": \"webhook-designer/1\",\n  \"webhooks\": [{\"name\": \"Enrich\",\n"
                             "    \"checks\": "
                             + checks + "}]\n}";
    Workspace ws;
    QString error;
    WorkspaceFileProblem problem;
    QVERIFY(!WorkspaceFile::read(bytes, &ws, &error, &problem));
    QCOMPARE(problem.path, path);
    QCOMPARE(problem.line, 4);
    QCOMPARE(problem.column, column);
    QVERIFY2(problem.message.contains(message), qPrintable(problem.message));
    QCOMPARE(error, problem.toString());
}

void tst_WorkspaceChecks::rejectsBaseline_data()
{
    QTest::addColumn<QByteArray>("baseline");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::newRow("not an object") << QByteArray("5") << "webhooks[0].baseline"
                                   << "expected an object, found a number";
    QTest::newRow("no response type") << QByteArray("{\"paths\": {}}") << "webhooks[0].baseline.responseType"
                                      << "missing \"responseType\"";
    QTest::newRow("response type none") << QByteArray("{\"responseType\": \"none\", \"paths\": {}}")
                                        << "webhooks[0].baseline.responseType"
                                        << "unknown baseline response type \"none\" (expected json or xml)";
    QTest::newRow("response type number")
        << QByteArray("{\"responseType\": 1, \"paths\": {}}") << "webhooks[0].baseline.responseType"
        << "expected a string, found a number";
    QTest::newRow("no paths") << QByteArray("{\"responseType\": \"json\"}") << "webhooks[0].baseline.paths"
                              << "missing \"paths\"";
    QTest::newRow("paths array") << QByteArray("{\"responseType\": \"json\", \"paths\": []}")
                                 << "webhooks[0].baseline.paths"
                                 << "expected an object of paths and their types, found an array";
    QTest::newRow("type number") << QByteArray(
        "{\"responseType\": \"xml\", \"paths\": {\"a\": \"element\", \"a.b\": 3}}")
                                 << "webhooks[0].baseline.paths[\"a.b\"]"
                                 << "expected a type such as \"string\", found a number";
    QTest::newRow("type empty") << QByteArray("{\"responseType\": \"json\", \"paths\": {\"a\": \"\"}}")
                                << "webhooks[0].baseline.paths.a"
                                << "expected a type such as \"string\", found a string";
}

void tst_WorkspaceChecks::rejectsBaseline()
{
    QFETCH(QByteArray, baseline);
    QFETCH(QString, path);
    QFETCH(QString, message);

    const QByteArray bytes = "{\"format\": \"webhook-designer/1\", \"webhooks\": [{\"name\": \"Enrich\",\n"
                             "    \"baseline\": "
                             + baseline + "}]}";
    Workspace ws;
    WorkspaceFileProblem problem;
    QVERIFY(!WorkspaceFile::read(bytes, &ws, nullptr, &problem));
    QCOMPARE(problem.path, path);
    QCOMPARE(problem.line, 2);
    QVERIFY2(problem.message.contains(message), qPrintable(problem.message));
}

QTEST_GUILESS_MAIN(tst_WorkspaceChecks)
#include "tst_workspacechecks.moc"
