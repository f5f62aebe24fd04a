#include "batch/BatchJsonLines.h"
#include "batch/BatchListImportCsv.h"
#include "batch/BatchResults.h"
#include "batch/BatchRunner.h"
#include "format/CsvImporter.h"
#include "history/SecretRedactor.h"
#include "response/MappingEvaluator.h"
#include "sandbox/SandboxEnrichment.h"
#include "sandbox/SandboxServer.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The results of a batch run per lead: what a row holds after a real run against the
// sandbox, the list import CSV read back by the CSV importer, the JSON Lines, which
// results are kept whole, and a column added by data.
class tst_BatchResults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rowsOfARealRun();
    void listImportCsvReadsBack();
    void jsonLinesMatchRunOut();
    void keepsFailedAndRecentResults();
    void keptResultsStayUnderTheByteCap();
    void checkColumnAddedByData();
    void columnsOfTheWebhooksChecksAndBaseline();
    void clearEmptiesTheStore();

private:
    Workspace workspace() const;
    void run(BatchResults* results, const QList<QJsonObject>& leads);
    static BatchLeadResult answered(const Workspace& workspace, int index, int status, const QByteArray& body);
    static int rowOfLead(const BatchResults& results, int lead);

    std::unique_ptr<SandboxServer> m_server;
};

void tst_BatchResults::init()
{
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void tst_BatchResults::cleanup()
{
    m_server.reset();
}

Workspace tst_BatchResults::workspace() const
{
    Workspace ws;
    Webhook webhook;
    webhook.name = QStringLiteral("Enrich");
    webhook.url = m_server->url().toString() + QStringLiteral("/enrich");
    webhook.requestType = RequestType::Post;
    webhook.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}}");
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.responseType = ResponseType::Json;
    webhook.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}},
                       {QStringLiteral("Authorization"), QStringLiteral("Bearer top-secret"), true, {}}};
    webhook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}},
                                {QStringLiteral("data.employees"), QStringLiteral("numberOfEmployees"), {}},
                                {QStringLiteral("data.missing"), QStringLiteral("industry"), {}}};
    ws.webhooks.append(webhook);
    return ws;
}

void tst_BatchResults::run(BatchResults* results, const QList<QJsonObject>& leads)
{
    const Workspace ws = workspace();
    BatchRunner runner(ws, ws.webhooks.first());
    BatchRunner::Options options;
    options.keepResults = false;
    runner.setOptions(options);
    connect(&runner, &BatchRunner::leadFinished, this, [results](const BatchLeadResult& r) { results->add(r); });
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QVERIFY(runner.start(leads));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
}

BatchLeadResult tst_BatchResults::answered(const Workspace& workspace, int index, int status, const QByteArray& body)
{
    BatchLeadResult result;
    result.index = index;
    result.call.method = QStringLiteral("POST");
    result.call.url = QStringLiteral("http://127.0.0.1:9/enrich");
    result.call.status = status;
    result.call.reason = status == 200 ? QStringLiteral("OK") : QStringLiteral("Unprocessable Entity");
    result.call.body = body;
    result.call.bodySize = body.size();
    result.call.totalMs = 12.5;
    const QJsonObject lead {{QStringLiteral("Email Address"), QStringLiteral("lead%1@example.com").arg(index)}};
    result.mapping = MappingEvaluator::evaluate(workspace, workspace.webhooks.first(), lead, status, body);
    return result;
}

int tst_BatchResults::rowOfLead(const BatchResults& results, int lead)
{
    for (int row = 0; row < results.size(); ++row) {
        if (results.leadIndex(row) == lead)
            return row;
    }
    return -1;
}

static QList<QJsonObject> mixedLeads()
{
    return {
        QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("ada@acme.example")}},
        QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("bob@globex.example")}},
        QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("not-an-email")}},
        QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Nomail")}},
    };
}

void tst_BatchResults::rowsOfARealRun()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    QStringList titles;
    for (const BatchColumn& column : results.columns())
        titles << column.title;
    QCOMPARE(titles,
             QStringList({QStringLiteral("Lead"),
                          QStringLiteral("Status"),
                          QStringLiteral("Latency"),
                          QStringLiteral("Error"),
                          QStringLiteral("Company Name"),
                          QStringLiteral("Number of Employees"),
                          QStringLiteral("Industry")}));
    QCOMPARE(results.fieldColumns(), QList<int>({4, 5, 6}));

    run(&results, mixedLeads());
    QCOMPARE(results.size(), 4);

    const int ada = rowOfLead(results, 0);
    const QJsonObject data = SandboxEnrichment::forEmail(QStringLiteral("ada@acme.example"));
    QCOMPARE(results.lead(ada), QStringLiteral("ada@acme.example"));
    QCOMPARE(results.email(ada), QStringLiteral("ada@acme.example"));
    QCOMPARE(results.status(ada), 200);
    QCOMPARE(results.statusText(ada), QStringLiteral("200 OK"));
    QVERIFY(!results.isFailed(ada));
    QVERIFY(results.errorText(ada).isEmpty());
    QCOMPARE(results.writtenCount(ada), 2);
    QCOMPARE(results.cell(ada, 4).text, data.value(QStringLiteral("company")).toString());
    QCOMPARE(results.cell(ada, 4).state, BatchCell::State::Written);
    QCOMPARE(results.cell(ada, 5).text, QString::number(data.value(QStringLiteral("employees")).toInt()));
    QCOMPARE(results.cell(ada, 6).state, BatchCell::State::NotWritten);
    QVERIFY(!results.cell(ada, 6).text.isEmpty());
    QVERIFY(results.cell(ada, 2).text.endsWith(QStringLiteral(" ms")));
    QVERIFY(results.isKept(ada));

    const int invalid = rowOfLead(results, 2);
    QCOMPARE(results.status(invalid), 422);
    QVERIFY(results.isFailed(invalid));
    QCOMPARE(results.writtenCount(invalid), 0);
    QCOMPARE(results.cell(invalid, 3).text, QStringLiteral("status"));
    QVERIFY2(results.errorText(invalid).contains(QStringLiteral("422")), qPrintable(results.errorText(invalid)));
    QCOMPARE(results.cell(invalid, 4).state, BatchCell::State::NotWritten);
    QVERIFY(!results.cell(invalid, 4).text.isEmpty());

    const int nomail = rowOfLead(results, 3);
    QCOMPARE(results.lead(nomail), QStringLiteral("Lead 4"));
    QVERIFY(results.email(nomail).isEmpty());
    QCOMPARE(results.status(nomail), 400);

    // A transport error: nothing listens on the port.
    Workspace refused = ws;
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    refused.webhooks[0].url = QStringLiteral("http://127.0.0.1:%1/enrich").arg(probe.serverPort());
    probe.close();
    BatchResults failed(refused, refused.webhooks.first());
    BatchRunner runner(refused, refused.webhooks.first());
    connect(&runner, &BatchRunner::leadFinished, this, [&failed](const BatchLeadResult& r) { failed.add(r); });
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QVERIFY(runner.start({mixedLeads().first()}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.errorKind(0), CallResult::ErrorKind::ConnectionRefused);
    QCOMPARE(failed.statusText(0), QStringLiteral("connection-refused"));
    QCOMPARE(failed.cell(0, 3).text, QStringLiteral("connection-refused"));
    QVERIFY(failed.isFailed(0));
    QVERIFY(!failed.errorText(0).isEmpty());
    QVERIFY(failed.cell(0, 2).text.isEmpty());
}

void tst_BatchResults::listImportCsvReadsBack()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    QList<QJsonObject> leads = mixedLeads();
    // A domain whose company name needs quoting is not up to the sandbox; an email with
    // a comma in its quoted local part is, and must survive the round trip.
    leads.append(QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("\"last, first\"@initech.example")}});
    run(&results, leads);
    QCOMPARE(results.size(), 5);

    const QByteArray csv = BatchListImportCsv::toCsv(results);
    QVERIFY(csv.startsWith("Email Address,Company Name,Number of Employees,Industry\r\n"));
    CsvImportResult imported;
    QString error;
    QVERIFY2(CsvImporter::import(csv, ws.catalog(), &imported, &error), qPrintable(error));
    QVERIFY(imported.errors.isEmpty());
    QVERIFY(imported.unknownColumns.isEmpty());
    // The lead without an email address cannot be matched by an import: left out.
    QCOMPARE(imported.leads.size(), 4);
    QHash<QString, QJsonObject> byEmail;
    for (const QJsonObject& lead : imported.leads)
        byEmail.insert(lead.value(QStringLiteral("Email Address")).toString(), lead);
    for (const QString& email : {QStringLiteral("ada@acme.example"),
                                 QStringLiteral("bob@globex.example"),
                                 QStringLiteral("\"last, first\"@initech.example")}) {
        QVERIFY2(byEmail.contains(email), qPrintable(email));
        const QJsonObject data = SandboxEnrichment::forEmail(email);
        const QJsonObject lead = byEmail.value(email);
        QCOMPARE(lead.value(QStringLiteral("Company Name")).toString(),
                 data.value(QStringLiteral("company")).toString());
        QCOMPARE(lead.value(QStringLiteral("Number of Employees")).toString(),
                 QString::number(data.value(QStringLiteral("employees")).toInt()));
        // Not written: an empty cell, which the import leaves out.
        QVERIFY(!lead.contains(QStringLiteral("Industry")));
    }
    // The failed call writes nothing: only its email address.
    const QJsonObject invalid = byEmail.value(QStringLiteral("not-an-email"));
    QCOMPARE(invalid.keys(), QStringList({QStringLiteral("Email Address")}));

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("list.csv"));
    QVERIFY2(BatchListImportCsv::write(results, file, &error), qPrintable(error));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), csv);
    QVERIFY(!BatchListImportCsv::write(results, dir.filePath(QStringLiteral("no/such/dir/list.csv")), &error));
    QVERIFY2(error.contains(QStringLiteral("list.csv")), qPrintable(error));
}

void tst_BatchResults::jsonLinesMatchRunOut()
{
    const Workspace ws = workspace();
    const Webhook& webhook = ws.webhooks.first();
    BatchResults results(ws, webhook);
    const SecretRedactor redactor(ws, webhook);
    QList<QByteArray> runOut; // what `run --out` writes, by lead
    BatchRunner runner(ws, webhook);
    connect(&runner, &BatchRunner::leadFinished, this, [&](const BatchLeadResult& r) {
        results.add(r);
        BatchLeadResult safe = r;
        safe.call = redactor.redact(r.call);
        runOut.append(QJsonDocument(safe.toJson(redactor.secretHeaderNames())).toJson(QJsonDocument::Compact));
    });
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QVERIFY(runner.start(mixedLeads()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(BatchJsonLines::write(results, &buffer, &error), qPrintable(error));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), results.size() + 1);
    QVERIFY(lines.last().isEmpty());
    for (int row = 0; row < results.size(); ++row) {
        QJsonParseError parseError;
        QJsonObject line = QJsonDocument::fromJson(lines.at(row), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(line.value(QStringLiteral("leadLabel")).toString(), results.lead(row));
        QCOMPARE(line.value(QStringLiteral("bodyKept")).toBool(), true);
        line.remove(QStringLiteral("leadLabel"));
        line.remove(QStringLiteral("bodyKept"));
        // Everything else is exactly the `run --out` line, secrets masked.
        QCOMPARE(line, QJsonDocument::fromJson(runOut.at(row)).object());
        QVERIFY(!lines.at(row).contains("top-secret"));
    }
}

void tst_BatchResults::keepsFailedAndRecentResults()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    const QByteArray ok = R"({"data": {"company": "Acme", "employees": 12}})";
    const QByteArray refused = R"({"error": "no"})";
    const int leads = BatchResults::recentKept + 300;
    for (int i = 0; i < leads; ++i) {
        const bool failed = i % 100 == 7;
        results.add(answered(ws, i, failed ? 422 : 200, failed ? refused : ok));
    }
    QCOMPARE(results.size(), leads);
    int keptOk = 0;
    int keptFailed = 0;
    for (int row = 0; row < results.size(); ++row) {
        if (!results.isKept(row)) {
            QVERIFY(!results.isFailed(row));
            QVERIFY(results.kept(row) == nullptr);
            QVERIFY2(results.notKeptReason(row).contains(QStringLiteral("1,000")),
                     qPrintable(results.notKeptReason(row)));
            continue;
        }
        QVERIFY(results.notKeptReason(row).isEmpty());
        QCOMPARE(results.kept(row)->index, results.leadIndex(row));
        ++(results.isFailed(row) ? keptFailed : keptOk);
    }
    QCOMPARE(keptOk, BatchResults::recentKept);
    QCOMPARE(keptFailed, leads / 100);
    // The most recent successful ones are those kept.
    QVERIFY(results.isKept(leads - 1));
    QVERIFY(!results.isKept(0));
    QCOMPARE(results.keptCount(), keptOk + keptFailed);
    // The cells stay for every row, kept or not.
    QCOMPARE(results.cell(0, 4).text, QStringLiteral("Acme"));
    QCOMPARE(results.cell(0, 5).text, QStringLiteral("12"));

    // A row not kept still exports what the store holds, under the same keys.
    const QJsonObject line = BatchJsonLines::line(results, 0);
    QCOMPARE(line.value(QStringLiteral("index")).toInt(), 0);
    QVERIFY(line.value(QStringLiteral("request")).isNull());
    QVERIFY(line.value(QStringLiteral("lead")).isNull());
    QVERIFY(line.value(QStringLiteral("error")).isNull());
    QCOMPARE(line.value(QStringLiteral("bodyKept")).toBool(), false);
    QCOMPARE(line.value(QStringLiteral("leadLabel")).toString(), QStringLiteral("lead0@example.com"));
    const QJsonObject response = line.value(QStringLiteral("response")).toObject();
    QCOMPARE(response.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(response.value(QStringLiteral("reason")).toString(), QStringLiteral("OK"));
    QCOMPARE(response.value(QStringLiteral("timings"))[QStringLiteral("totalMs")].toDouble(), 12.5);
    const QJsonArray mappings = line.value(QStringLiteral("mappings")).toArray();
    QCOMPARE(mappings.size(), 3);
    QCOMPARE(mappings.at(0)[QStringLiteral("field")].toString(), QStringLiteral("company"));
    QCOMPARE(mappings.at(0)[QStringLiteral("applied")].toBool(), true);
    QCOMPARE(mappings.at(0)[QStringLiteral("value")].toString(), QStringLiteral("Acme"));
    QCOMPARE(mappings.at(2)[QStringLiteral("applied")].toBool(), false);
    QVERIFY(!mappings.at(2)[QStringLiteral("reason")].toString().isEmpty());
}

void tst_BatchResults::keptResultsStayUnderTheByteCap()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    const qint64 cap = 64 * 1024;
    results.setKeptByteCap(cap);
    const QByteArray body = R"({"data": {"company": ")" + QByteArray(8000, 'x') + R"("}})";
    for (int i = 0; i < 40; ++i)
        results.add(answered(ws, i, i % 2 ? 422 : 200, body));
    QVERIFY2(results.keptBytes() <= cap, qPrintable(QString::number(results.keptBytes())));
    QVERIFY(results.keptCount() > 0);
    QVERIFY(results.keptCount() < 40);
    QVERIFY(results.isKept(39));
    QVERIFY(!results.isKept(0));
    QVERIFY2(results.notKeptReason(0).contains(QStringLiteral("memory limit")), qPrintable(results.notKeptReason(0)));

    // One result bigger than the cap is still kept while it is the newest.
    results.setKeptByteCap(1024);
    results.add(answered(ws, 40, 200, body));
    QCOMPARE(results.keptCount(), 1);
    QVERIFY(results.isKept(40));
}

void tst_BatchResults::checkColumnAddedByData()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    const int before = int(results.columns().size());
    QVERIFY(results.addColumn(BatchColumn::check(QStringLiteral("Company known"), [](const BatchLeadResult& r) {
        for (const MappingResult& m : r.mapping.mappings) {
            if (m.field == QLatin1String("company") && m.applied)
                return BatchCell {QStringLiteral("passed"), BatchCell::State::Passed};
        }
        return BatchCell {QStringLiteral("no company written"), BatchCell::State::Failed};
    })));
    QCOMPARE(results.columns().size(), before + 1);
    QCOMPARE(results.columns().last().kind, BatchColumn::Kind::Check);
    run(&results, mixedLeads());
    const int ada = rowOfLead(results, 0);
    const int invalid = rowOfLead(results, 2);
    QCOMPARE(results.cell(ada, before).state, BatchCell::State::Passed);
    QCOMPARE(results.cell(invalid, before).state, BatchCell::State::Failed);
    QCOMPARE(results.cell(invalid, before).text, QStringLiteral("no company written"));
    // Checks are not mapped fields: the list import does not get them.
    QVERIFY(!BatchListImportCsv::toCsv(results).contains("Company known"));
    const QJsonArray checks = BatchJsonLines::line(results, invalid).value(QStringLiteral("checks")).toArray();
    QCOMPARE(checks.size(), 1);
    QCOMPARE(checks.first()[QStringLiteral("check")].toString(), QStringLiteral("Company known"));
    QCOMPARE(checks.first()[QStringLiteral("passed")].toBool(), false);
    // Columns are fixed once rows exist.
    QVERIFY(!results.addColumn(BatchColumn::check(QStringLiteral("Late"), {})));
}

void tst_BatchResults::columnsOfTheWebhooksChecksAndBaseline()
{
    Workspace ws = workspace();
    Webhook& webhook = ws.webhooks.first();
    Check written;
    written.kind = Check::Kind::FieldWritten;
    written.target = QStringLiteral("company");
    Check exists;
    exists.kind = Check::Kind::PathExists;
    exists.target = QStringLiteral("data.missing");
    exists.name = QStringLiteral("Has the missing path");
    webhook.checks = {Check::status(QStringLiteral("2xx")), written, exists};
    // A baseline that had the path a mapping reads and this response lacks.
    ResponseShape baseline;
    baseline.syntax = ResponseType::Json;
    baseline.paths = {{QStringLiteral("data"), QStringLiteral("object")},
                      {QStringLiteral("data.company"), QStringLiteral("string")},
                      {QStringLiteral("data.missing"), QStringLiteral("string")}};
    webhook.baseline = baseline;

    BatchResults results(ws, webhook);
    const int first = int(results.columns().size()) - 4;
    QStringList titles;
    for (int column = first; column < results.columns().size(); ++column) {
        QCOMPARE(results.columns().at(column).kind, BatchColumn::Kind::Check);
        titles << results.columns().at(column).title;
    }
    QCOMPARE(titles,
             QStringList({webhook.checks.at(0).title(),
                          webhook.checks.at(1).title(),
                          QStringLiteral("Has the missing path"),
                          QStringLiteral("Shape")}));

    // The run's own webhook, so the workers judge by these checks.
    const QList<QJsonObject> leads = mixedLeads();
    BatchRunner runner(ws, webhook);
    BatchRunner::Options options;
    options.keepResults = false;
    runner.setOptions(options);
    connect(&runner, &BatchRunner::leadFinished, this, [&results](const BatchLeadResult& r) { results.add(r); });
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QVERIFY(runner.start(leads));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);

    const int ada = rowOfLead(results, 0);
    QVERIFY(ada >= 0);
    QCOMPARE(results.cell(ada, first).state, BatchCell::State::Passed);
    QCOMPARE(results.cell(ada, first + 1).state, BatchCell::State::Passed);
    QCOMPARE(results.cell(ada, first + 2).state, BatchCell::State::Failed);
    QVERIFY(!results.cell(ada, first + 2).text.isEmpty());
    QCOMPARE(results.cell(ada, first + 3).state, BatchCell::State::Failed);
    QVERIFY2(results.cell(ada, first + 3).text.contains(QLatin1String("mapped paths changed")),
             qPrintable(results.cell(ada, first + 3).text));

    // A lead the vendor refuses fails the status check, and its shape is not compared.
    const int invalid = rowOfLead(results, 2);
    QVERIFY(invalid >= 0);
    QVERIFY(results.isFailed(invalid));
    QCOMPARE(results.cell(invalid, first).state, BatchCell::State::Failed);
    QCOMPARE(results.cell(invalid, first + 3).state, BatchCell::State::Plain);

    const QJsonArray checks = BatchJsonLines::line(results, ada).value(QStringLiteral("checks")).toArray();
    QCOMPARE(checks.size(), 4);
    QCOMPARE(checks.at(2)[QStringLiteral("check")].toString(), QStringLiteral("Has the missing path"));
    QCOMPARE(checks.at(2)[QStringLiteral("passed")].toBool(), false);
}

void tst_BatchResults::clearEmptiesTheStore()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    results.add(answered(ws, 0, 200, R"({"data": {"company": "Acme"}})"));
    QCOMPARE(results.size(), 1);
    results.clear();
    QCOMPARE(results.size(), 0);
    QCOMPARE(results.keptCount(), 0);
    QCOMPARE(results.keptBytes(), qint64(0));
    QCOMPARE(BatchListImportCsv::toCsv(results),
             QByteArray("Email Address,Company Name,Number of Employees,Industry\r\n"));
}

QTEST_GUILESS_MAIN(tst_BatchResults)
#include "tst_batchresults.moc"
