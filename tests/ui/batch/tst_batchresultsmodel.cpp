#include "batch/BatchResults.h"
#include "batch/BatchResultsFilter.h"
#include "batch/BatchResultsModel.h"
#include "batch/BatchRunner.h"
#include "response/MappingEvaluator.h"
#include "sandbox/SandboxServer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// The results table's model and its filter, checked by QAbstractItemModelTester while a
// real run against the sandbox fills the store.
class tst_BatchResultsModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fillsDuringARealRun();
    void insertsInBatches();
    void filter_data();
    void filter();
    void clearResets();

private:
    Workspace workspace() const;
    void addAnswered(BatchResults* results, int index, int status, const QByteArray& body) const;

    std::unique_ptr<SandboxServer> m_server;
};

void tst_BatchResultsModel::init()
{
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void tst_BatchResultsModel::cleanup()
{
    m_server.reset();
}

Workspace tst_BatchResultsModel::workspace() const
{
    Workspace ws;
    Webhook webhook;
    webhook.name = QStringLiteral("Enrich");
    webhook.url = m_server->url().toString() + QStringLiteral("/enrich");
    webhook.requestType = RequestType::Post;
    webhook.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}}");
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.responseType = ResponseType::Json;
    webhook.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}}};
    webhook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}},
                                {QStringLiteral("data.industry"), QStringLiteral("industry"), {}}};
    ws.webhooks.append(webhook);
    return ws;
}

void tst_BatchResultsModel::addAnswered(BatchResults* results, int index, int status, const QByteArray& body) const
{
    const Workspace ws = workspace();
    BatchLeadResult result;
    result.index = index;
    result.call.status = status;
    result.call.body = body;
    result.call.totalMs = 3;
    const QJsonObject lead {{QStringLiteral("Email Address"), QStringLiteral("l%1@example.com").arg(index)}};
    result.mapping = MappingEvaluator::evaluate(ws, ws.webhooks.first(), lead, status, body);
    results->add(result);
}

void tst_BatchResultsModel::fillsDuringARealRun()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    BatchResultsModel model;
    model.setResults(&results);
    BatchResultsFilter failedOnly;
    failedOnly.setSourceModel(&model);
    failedOnly.setShow(BatchResultsFilter::Show::Failed);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&failedOnly, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("Company Name"));
    QCOMPARE(model.headerData(5, Qt::Horizontal).toString(), QStringLiteral("Industry"));

    QList<QJsonObject> leads;
    for (int i = 0; i < 120; ++i) {
        const QString email =
            i % 10 == 3 ? QStringLiteral("broken%1").arg(i) : QStringLiteral("l%1@d%1.example").arg(i);
        leads.append(QJsonObject {{QStringLiteral("Email Address"), email}});
    }
    BatchRunner runner(ws, ws.webhooks.first());
    connect(&runner, &BatchRunner::leadFinished, &model, [&](const BatchLeadResult& r) {
        results.add(r);
        model.resultsAdded();
    });
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QVERIFY(runner.start(leads));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QTRY_COMPARE(model.rowCount(), 120);
    QCOMPARE(failedOnly.rowCount(), 12);

    for (int row = 0; row < model.rowCount(); ++row) {
        const bool failed = model.index(row, 0).data().toString().startsWith(QStringLiteral("broken"));
        QCOMPARE(model.index(row, 1).data().toString(),
                 failed ? QStringLiteral("422 Unprocessable Entity") : QStringLiteral("200 OK"));
        QCOMPARE(model.index(row, 0).data(BatchResultsModel::ResultRowRole).toInt(), row);
        QCOMPARE(bool(model.index(row, 0).data(BatchResultsModel::RowStateRole).toInt() & BatchResultsModel::Failed),
                 failed);
        // A failed call's status, and fields not written, read as errors.
        QCOMPARE(model.index(row, 1).data(Qt::ForegroundRole).isValid(), failed);
        QCOMPARE(model.index(row, 4).data(Qt::ForegroundRole).isValid(), failed);
    }
    const QModelIndex firstFailed = failedOnly.index(0, 3);
    QCOMPARE(firstFailed.data().toString(), QStringLiteral("status"));
    QVERIFY(firstFailed.data(Qt::ToolTipRole).toString().contains(QStringLiteral("422")));
}

void tst_BatchResultsModel::insertsInBatches()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    BatchResultsModel model;
    model.setResults(&results);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 500; ++i) {
        addAnswered(&results, i, 200, R"({"data": {"company": "Acme"}})");
        model.resultsAdded();
    }
    // Nothing yet: the view catches up once per interval, not once per lead.
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(model.rowCount(), 500);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 499);
    addAnswered(&results, 500, 200, R"({"data": {"company": "Acme"}})");
    model.refresh(); // the run ended: at once
    QCOMPARE(model.rowCount(), 501);
    QCOMPARE(inserted.count(), 2);
}

void tst_BatchResultsModel::filter_data()
{
    QTest::addColumn<int>("show");
    QTest::addColumn<QStringList>("leads");
    QTest::newRow("all") << int(BatchResultsFilter::Show::All)
                         << QStringList({QStringLiteral("l0@example.com"),
                                         QStringLiteral("l1@example.com"),
                                         QStringLiteral("l2@example.com"),
                                         QStringLiteral("l3@example.com")});
    QTest::newRow("failed") << int(BatchResultsFilter::Show::Failed)
                            << QStringList({QStringLiteral("l1@example.com"), QStringLiteral("l3@example.com")});
    QTest::newRow("written") << int(BatchResultsFilter::Show::Written)
                             << QStringList({QStringLiteral("l0@example.com")});
    QTest::newRow("not written") << int(BatchResultsFilter::Show::NotWritten)
                                 << QStringList({QStringLiteral("l1@example.com"),
                                                 QStringLiteral("l2@example.com"),
                                                 QStringLiteral("l3@example.com")});
}

void tst_BatchResultsModel::filter()
{
    QFETCH(int, show);
    QFETCH(QStringList, leads);
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    BatchResultsModel model;
    model.setResults(&results);
    BatchResultsFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    addAnswered(&results, 0, 200, R"({"data": {"company": "Acme", "industry": "Retail"}})"); // written
    addAnswered(&results, 1, 422, R"({"error": "no"})");                                     // failed
    addAnswered(&results, 2, 200, R"({"other": true})");                                     // nothing written
    addAnswered(&results, 3, 200, "");                                                       // empty 2xx
    model.refresh();
    filter.setShow(BatchResultsFilter::Show(show));
    QStringList shown;
    for (int row = 0; row < filter.rowCount(); ++row)
        shown << filter.index(row, 0).data().toString();
    QCOMPARE(shown, leads);
}

void tst_BatchResultsModel::clearResets()
{
    const Workspace ws = workspace();
    BatchResults results(ws, ws.webhooks.first());
    BatchResultsModel model;
    model.setResults(&results);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    addAnswered(&results, 0, 200, R"({"data": {"company": "Acme"}})");
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    results.clear();
    model.resultsCleared();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(tst_BatchResultsModel)
#include "tst_batchresultsmodel.moc"
