#include "batch/BatchRunner.h"
#include "sandbox/SandboxServer.h"

#include <QMutex>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>

// The batch runner against the sandbox on port 0, and BatchSummary's arithmetic.
class tst_BatchRunner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void defaultsAreMarketos();
    void thousandLeadsEachGetTheirOwnResult();
    void concurrencyIsHonoured_data();
    void concurrencyIsHonoured();
    void managersComeFromTheFactory();
    void errorsAreCountedByKind();
    void cancelStopsTheRun_data();
    void cancelStopsTheRun();
    void emptyRunFinishes();
    void everyLeadOnceAcrossThreads_data();
    void everyLeadOnceAcrossThreads();
    void factoryRunsOnTheWorkerThreads();
    void summaryCountsAcrossThreads();
    void destroyingMidRunAbortsTheCalls();
    void cancelRightAfterStart();
    void runsAgainAfterAFinishedRun();
    void percentiles_data();
    void percentiles();
    void humanDuration_data();
    void humanDuration();
    void estimateAddsUpLikeMarketo();
    void estimateCountsCallsWithoutAnAnswer();

private:
    Webhook enrichWebhook(const QString& url) const;
    static QList<QJsonObject> makeLeads(int count);

    std::unique_ptr<SandboxServer> m_server;
    Workspace m_workspace;
};

void tst_BatchRunner::init()
{
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void tst_BatchRunner::cleanup()
{
    m_server.reset();
}

Webhook tst_BatchRunner::enrichWebhook(const QString& url) const
{
    Webhook webhook;
    webhook.name = QStringLiteral("Enrich");
    webhook.url = url;
    webhook.requestType = RequestType::Post;
    webhook.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}}");
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.responseType = ResponseType::Json;
    webhook.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}}};
    webhook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}},
                                {QStringLiteral("data.employees"), QStringLiteral("numberOfEmployees"), {}},
                                {QStringLiteral("data.missing"), QStringLiteral("industry"), {}}};
    return webhook;
}

QList<QJsonObject> tst_BatchRunner::makeLeads(int count)
{
    QList<QJsonObject> leads;
    for (int i = 0; i < count; ++i) {
        leads.append(QJsonObject {
            {QStringLiteral("Email Address"), QStringLiteral("lead%1@company-%2.com").arg(i).arg(i % 37)}});
    }
    return leads;
}

void tst_BatchRunner::thousandLeadsEachGetTheirOwnResult()
{
    const Webhook webhook = enrichWebhook(m_server->url().toString() + QStringLiteral("/enrich"));
    BatchRunner runner(m_workspace, webhook);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QSignalSpy progress(&runner, &BatchRunner::progress);
    const QList<QJsonObject> leads = makeLeads(1000);
    QVERIFY(runner.start(leads));
    QVERIFY(!runner.start(leads)); // already running
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);

    QCOMPARE(runner.managerCount(), 4); // 20 calls over managers of 6 connections
    const int maxSeen = m_server->maxConcurrentConnections();
    QVERIFY2(maxSeen >= 2 && maxSeen <= 20, qPrintable(QString::number(maxSeen)));
    QCOMPARE(progress.count(), 1000);
    QCOMPARE(progress.last().at(0).toInt(), 1000);

    const QList<BatchLeadResult>& results = runner.results();
    QCOMPARE(results.size(), 1000);
    QSet<int> seen;
    for (const BatchLeadResult& result : results) {
        QVERIFY(!seen.contains(result.index));
        seen.insert(result.index);
        QCOMPARE(result.call.status, 200);
        // Each lead's own answer: the domain the sandbox saw is the lead's.
        const QString domain = QStringLiteral("company-%1.com").arg(result.index % 37);
        QVERIFY2(result.call.body.contains(domain.toUtf8()), result.call.body.constData());
        QVERIFY(result.call.requestBody.contains(QStringLiteral("lead%1@").arg(result.index).toUtf8()));
        QCOMPARE(result.mapping.leadAfter.value(QStringLiteral("Email Address")).toString(),
                 leads.at(result.index).value(QStringLiteral("Email Address")).toString());
        QVERIFY(!result.mapping.leadAfter.value(QStringLiteral("Company Name")).toString().isEmpty());
    }
    QCOMPARE(seen.size(), 1000);

    const BatchSummary summary = runner.summary();
    QCOMPARE(summary.completed(), 1000);
    QCOMPARE(summary.ok(), 1000);
    QCOMPARE(summary.errors(), 0);
    QCOMPARE(summary.statusHistogram().value(200), 1000);
    QCOMPARE(summary.fieldWrites().value(QStringLiteral("company")), 1000);
    QCOMPARE(summary.fieldWrites().value(QStringLiteral("numberOfEmployees")), 1000);
    QVERIFY(!summary.fieldWrites().contains(QStringLiteral("industry")));
    QVERIFY(summary.latencyPercentile(50) <= summary.latencyPercentile(99));
    QVERIFY(summary.latencyPercentile(99) <= summary.latencyMax());
    QVERIFY(summary.throughputPerSecond() > 0);
    const QJsonObject json = summary.toJson();
    QCOMPARE(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("ok")).toInt(), 1000);
    QCOMPARE(json.value(QStringLiteral("estimate"))
                 .toObject()
                 .value(QStringLiteral("leads100000"))
                 .toObject()
                 .value(QStringLiteral("leads"))
                 .toInt(),
             100000);
}

void tst_BatchRunner::defaultsAreMarketos()
{
    // Marketo waits at most 30 seconds for a response and keeps at most 20
    // webhook connections open at once.
    QCOMPARE(HttpClient::Options().timeoutMs, 30000);
    const BatchRunner::Options options;
    QCOMPARE(options.concurrency, 20);
    QCOMPARE(options.http.timeoutMs, 30000);
    const BatchRunner runner(m_workspace, Webhook());
    QCOMPARE(runner.options().concurrency, 20);
    QCOMPARE(runner.options().http.timeoutMs, 30000);
}

void tst_BatchRunner::concurrencyIsHonoured_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<int>("managers");
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("6") << 6 << 1;
    QTest::newRow("7") << 7 << 2;
    QTest::newRow("20") << 20 << 4;
}

void tst_BatchRunner::concurrencyIsHonoured()
{
    QFETCH(int, concurrency);
    QFETCH(int, managers);
    // Every call waits long enough for the next ones to be dispatched, so the runner
    // fills its slots: the server then sees exactly `concurrency` connections at once.
    Webhook webhook = enrichWebhook(m_server->url().toString() + QStringLiteral("/delay/300"));
    webhook.responseType = ResponseType::None;
    BatchRunner runner(m_workspace, webhook);
    BatchRunner::Options options;
    options.concurrency = concurrency;
    runner.setOptions(options);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start(makeLeads(concurrency * 2));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), concurrency, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(runner.managerCount(), managers);
    QVERIFY(m_server->maxConcurrentConnections() <= concurrency);
    QCOMPARE(runner.summary().ok(), concurrency * 2);
}

void tst_BatchRunner::managersComeFromTheFactory()
{
    const Webhook webhook = enrichWebhook(m_server->url().toString() + QStringLiteral("/enrich"));
    BatchRunner runner(m_workspace, webhook);
    std::atomic<int> made {0};
    runner.setManagerFactory([&made](QObject* parent) {
        ++made;
        return new QNetworkAccessManager(parent);
    });
    BatchRunner::Options options;
    options.concurrency = 13;
    runner.setOptions(options);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start(makeLeads(30));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(made, 3);
    QCOMPARE(runner.summary().ok(), 30);
}

void tst_BatchRunner::errorsAreCountedByKind()
{
    quint16 closedPort = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        closedPort = closed.serverPort();
    }
    // Three kinds of outcome: the flaky endpoint answers 503 and 200 in turn, and a
    // refused port gives transport errors.
    BatchRunner flaky(m_workspace, enrichWebhook(m_server->url().toString() + QStringLiteral("/flaky")));
    BatchRunner::Options options;
    options.concurrency = 1;
    flaky.setOptions(options);
    QSignalSpy flakyFinished(&flaky, &BatchRunner::finished);
    flaky.start(makeLeads(10));
    QTRY_COMPARE_WITH_TIMEOUT(flakyFinished.count(), 1, 30000);
    QCOMPARE(flaky.summary().ok(), 5);
    QCOMPARE(flaky.summary().non2xx(), 5);
    QCOMPARE(flaky.summary().statusHistogram().value(503), 5);
    // No mapping is applied to a 503.
    QCOMPARE(flaky.summary().fieldWrites().value(QStringLiteral("company")), 0);

    BatchRunner refused(m_workspace, enrichWebhook(QStringLiteral("http://127.0.0.1:%1/enrich").arg(closedPort)));
    QSignalSpy refusedFinished(&refused, &BatchRunner::finished);
    refused.start(makeLeads(5));
    QTRY_COMPARE_WITH_TIMEOUT(refusedFinished.count(), 1, 30000);
    QCOMPARE(refused.summary().errors(), 5);
    QCOMPARE(refused.summary().errorsByKind().value(QStringLiteral("connection-refused")), 5);
    QCOMPARE(refused.summary().ok(), 0);
    for (const BatchLeadResult& result : refused.results())
        QVERIFY(result.toJson().value(QStringLiteral("response")).isNull());
}

void tst_BatchRunner::cancelStopsTheRun_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("one thread") << 1;
    QTest::newRow("as many as the machine suits") << 0;
    QTest::newRow("four threads") << 4;
}

void tst_BatchRunner::cancelStopsTheRun()
{
    QFETCH(int, threads);
    BatchRunner runner(m_workspace, enrichWebhook(m_server->url().toString() + QStringLiteral("/delay/20000")));
    BatchRunner::Options options;
    options.threads = threads;
    runner.setOptions(options);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QSignalSpy leadFinished(&runner, &BatchRunner::leadFinished);
    runner.start(makeLeads(100));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 20, 20000);
    runner.cancel();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!runner.isRunning());
    const BatchSummary summary = runner.summary();
    QVERIFY(summary.cancelled());
    QCOMPARE(summary.completed(), 20);
    QCOMPARE(summary.errorsByKind().value(QStringLiteral("cancelled")), 20);
    QCOMPARE(summary.leads(), 100);
    // The 20 calls in flight, each reported once, and none of the 80 never sent.
    QCOMPARE(leadFinished.count(), 20);
    QSet<int> indexes;
    for (const BatchLeadResult& result : runner.results()) {
        QCOMPARE(result.call.error, CallResult::ErrorKind::Cancelled);
        indexes.insert(result.index);
    }
    QCOMPARE(indexes.size(), 20);
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void tst_BatchRunner::emptyRunFinishes()
{
    BatchRunner runner(m_workspace, enrichWebhook(m_server->url().toString() + QStringLiteral("/enrich")));
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QVERIFY(runner.start({}));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(runner.summary().completed(), 0);
}

void tst_BatchRunner::everyLeadOnceAcrossThreads_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<int>("expectedThreads");
    QTest::newRow("2 threads, 20 calls") << 2 << 20 << 2;
    QTest::newRow("4 threads, 20 calls") << 4 << 20 << 4;
    QTest::newRow("more threads than managers") << 8 << 7 << 2;
    QTest::newRow("3 threads, 200 calls") << 3 << 200 << 3;
}

void tst_BatchRunner::everyLeadOnceAcrossThreads()
{
    QFETCH(int, threads);
    QFETCH(int, concurrency);
    QFETCH(int, expectedThreads);
    const Webhook webhook = enrichWebhook(m_server->url().toString() + QStringLiteral("/enrich"));
    BatchRunner runner(m_workspace, webhook);
    BatchRunner::Options options;
    options.threads = threads;
    options.concurrency = concurrency;
    runner.setOptions(options);

    // What the owner sees, in the order it sees it, and on which thread.
    QList<int> perLead;
    QList<int> perBatch;
    QList<int> done;
    bool offThread = false;
    connect(&runner, &BatchRunner::leadFinished, this, [&](const BatchLeadResult& result) {
        offThread = offThread || QThread::currentThread() != thread();
        perLead.append(result.index);
    });
    connect(&runner, &BatchRunner::leadsFinished, this, [&](const QList<BatchLeadResult>& results) {
        offThread = offThread || QThread::currentThread() != thread();
        for (const BatchLeadResult& result : results)
            perBatch.append(result.index);
    });
    connect(&runner, &BatchRunner::progress, this, [&](int completed, int total) {
        QCOMPARE(total, 1500);
        done.append(completed);
    });
    QSignalSpy finished(&runner, &BatchRunner::finished);
    const QList<QJsonObject> leads = makeLeads(1500);
    QVERIFY(runner.start(leads));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY(!runner.isRunning());
    QCOMPARE(runner.threadCount(), expectedThreads);
    QVERIFY(!offThread);

    // Every lead exactly once; the per-lead and per-batch signals and results() agree on
    // the order, and progress counts up by one.
    QCOMPARE(perLead.size(), 1500);
    QCOMPARE(perBatch, perLead);
    QCOMPARE(QSet<int>(perLead.begin(), perLead.end()).size(), 1500);
    QCOMPARE(*std::min_element(perLead.begin(), perLead.end()), 0);
    QCOMPARE(*std::max_element(perLead.begin(), perLead.end()), 1499);
    QCOMPARE(done.size(), 1500);
    for (int i = 0; i < done.size(); ++i)
        QCOMPARE(done.at(i), i + 1);
    QCOMPARE(runner.results().size(), 1500);
    for (int i = 0; i < runner.results().size(); ++i) {
        const BatchLeadResult& result = runner.results().at(i);
        QCOMPARE(result.index, perLead.at(i));
        // Rendered and mapped for its own lead, whichever thread did it.
        QVERIFY(result.call.requestBody.contains(QStringLiteral("\"lead%1@").arg(result.index).toUtf8()));
        QVERIFY(result.call.body.contains(QStringLiteral("company-%1.com").arg(result.index % 37).toUtf8()));
        QCOMPARE(result.mapping.leadAfter.value(QStringLiteral("Email Address")),
                 leads.at(result.index).value(QStringLiteral("Email Address")));
    }
    QCOMPARE(runner.summary().ok(), 1500);
    QCOMPARE(m_server->requestCount(), 1500);
    QVERIFY(m_server->maxConcurrentConnections() <= concurrency);
}

void tst_BatchRunner::factoryRunsOnTheWorkerThreads()
{
    const Webhook webhook = enrichWebhook(m_server->url().toString() + QStringLiteral("/enrich"));
    BatchRunner runner(m_workspace, webhook);
    QMutex mutex;
    QList<QThread*> threads;
    QList<bool> parentsOnTheirThread;
    runner.setManagerFactory([&](QObject* parent) {
        const QMutexLocker lock(&mutex);
        threads.append(QThread::currentThread());
        parentsOnTheirThread.append(parent && parent->thread() == QThread::currentThread());
        return new QNetworkAccessManager(parent);
    });
    BatchRunner::Options options;
    options.concurrency = 20; // 4 managers
    options.threads = 2;
    runner.setOptions(options);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start(makeLeads(200));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(runner.summary().ok(), 200);
    QCOMPARE(runner.managerCount(), 4);
    QCOMPARE(threads.size(), 4);
    QCOMPARE(parentsOnTheirThread, QList<bool>(4, true));
    const QSet<QThread*> distinct(threads.begin(), threads.end());
    QCOMPARE(distinct.size(), 2);
    QVERIFY(!distinct.contains(thread()));
    // Two managers per thread.
    for (QThread* worker : distinct)
        QCOMPARE(threads.count(worker), 2);
}

void tst_BatchRunner::summaryCountsAcrossThreads()
{
    // The flaky endpoint answers 503 and 200 in turn, whatever thread asks: half and half,
    // each answer numbered by the server.
    Webhook webhook = enrichWebhook(m_server->url().toString() + QStringLiteral("/flaky"));
    webhook.responseMappings = {{QStringLiteral("call"), QStringLiteral("numberOfEmployees"), {}},
                                {QStringLiteral("missing"), QStringLiteral("industry"), {}}};
    BatchRunner runner(m_workspace, webhook);
    BatchRunner::Options options;
    options.concurrency = 12;
    options.threads = 2;
    runner.setOptions(options);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start(makeLeads(300));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const BatchSummary& summary = runner.summary();
    QCOMPARE(summary.leads(), 300);
    QCOMPARE(summary.completed(), 300);
    QCOMPARE(summary.ok(), 150);
    QCOMPARE(summary.non2xx(), 150);
    QCOMPARE(summary.errors(), 0);
    QCOMPARE(summary.statusHistogram().value(200), 150);
    QCOMPARE(summary.statusHistogram().value(503), 150);
    QCOMPARE(summary.fieldWrites().value(QStringLiteral("numberOfEmployees")), 150);
    QVERIFY(!summary.fieldWrites().contains(QStringLiteral("industry")));
    QVERIFY(!summary.cancelled());
    QVERIFY(summary.durationMs() > 0);
    QVERIFY(summary.latencyPercentile(50) <= summary.latencyMax());
    // Every even call number the server gave out was written to exactly one lead.
    QSet<int> written;
    for (const BatchLeadResult& result : runner.results()) {
        for (const MappingResult& mapping : result.mapping.mappings) {
            if (mapping.applied)
                written.insert(mapping.value.toInt());
        }
    }
    QCOMPARE(written.size(), 150);
    for (int call = 2; call <= 300; call += 2)
        QVERIFY2(written.contains(call), qPrintable(QString::number(call)));
}

void tst_BatchRunner::destroyingMidRunAbortsTheCalls()
{
    auto runner = std::make_unique<BatchRunner>(
        m_workspace, enrichWebhook(m_server->url().toString() + QStringLiteral("/delay/20000")));
    BatchRunner::Options options;
    options.threads = 2;
    runner->setOptions(options);
    int signalsAfter = 0;
    bool destroyed = false;
    QObject context;
    connect(runner.get(), &BatchRunner::leadFinished, &context, [&] { signalsAfter += destroyed ? 1 : 0; });
    connect(runner.get(), &BatchRunner::finished, &context, [&] { signalsAfter += destroyed ? 1 : 0; });
    runner->start(makeLeads(100));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 20, 20000);
    runner.reset();
    destroyed = true;
    // The server sees every connection close, and nothing reaches the owner any more.
    QTRY_COMPARE(m_server->openConnections(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(signalsAfter, 0);
}

void tst_BatchRunner::cancelRightAfterStart()
{
    BatchRunner runner(m_workspace, enrichWebhook(m_server->url().toString() + QStringLiteral("/enrich")));
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start(makeLeads(50));
    // start() returned with the first 20 calls under way, and the sandbox, on this
    // thread, has not answered any: those 20 are reported, the other 30 never sent.
    runner.cancel();
    QTRY_COMPARE(finished.count(), 1);
    const BatchSummary& summary = runner.summary();
    QVERIFY(summary.cancelled());
    QCOMPARE(summary.leads(), 50);
    QCOMPARE(summary.completed(), 20);
    QCOMPARE(runner.results().size(), 20);
    // Whatever got under way before the cancel is reported, answered or cancelled.
    QCOMPARE(summary.completed(), summary.ok() + summary.errorsByKind().value(QStringLiteral("cancelled")));
    QVERIFY(!runner.isRunning());
}

void tst_BatchRunner::runsAgainAfterAFinishedRun()
{
    BatchRunner runner(m_workspace, enrichWebhook(m_server->url().toString() + QStringLiteral("/enrich")));
    QSignalSpy finished(&runner, &BatchRunner::finished);
    for (int run = 1; run <= 3; ++run) {
        QVERIFY(runner.start(makeLeads(40)));
        QTRY_COMPARE(finished.count(), run);
        QCOMPARE(runner.summary().ok(), 40);
        QCOMPARE(runner.results().size(), 40);
    }
    QCOMPARE(m_server->requestCount(), 120);
}

void tst_BatchRunner::percentiles_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("percent");
    QTest::addColumn<double>("expected");
    QList<double> hundred;
    for (int i = 1; i <= 100; ++i)
        hundred.append(i);
    QTest::newRow("p50 of 1..100") << hundred << 50.0 << 50.0;
    QTest::newRow("p90 of 1..100") << hundred << 90.0 << 90.0;
    QTest::newRow("p99 of 1..100") << hundred << 99.0 << 99.0;
    QTest::newRow("p100 of 1..100") << hundred << 100.0 << 100.0;
    QTest::newRow("single") << QList<double> {7} << 99.0 << 7.0;
    QTest::newRow("empty") << QList<double> {} << 50.0 << 0.0;
    QTest::newRow("p50 of 4") << QList<double> {1, 2, 3, 4} << 50.0 << 2.0;
}

void tst_BatchRunner::percentiles()
{
    QFETCH(QList<double>, values);
    QFETCH(double, percent);
    QFETCH(double, expected);
    QCOMPARE(BatchSummary::percentile(values, percent), expected);
}

void tst_BatchRunner::humanDuration_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("ms") << 450.0 << QStringLiteral("450 ms");
    QTest::newRow("s") << 12500.0 << QStringLiteral("12.5 s");
    QTest::newRow("min") << 200000.0 << QStringLiteral("3 min 20 s");
    QTest::newRow("h") << 5000000.0 << QStringLiteral("1 h 23 min");
    QTest::newRow("d") << 187200000.0 << QStringLiteral("2 d 4 h");
}

void tst_BatchRunner::humanDuration()
{
    QFETCH(double, ms);
    QFETCH(QString, text);
    QCOMPARE(BatchSummary::humanDuration(ms), text);
}

void tst_BatchRunner::estimateAddsUpLikeMarketo()
{
    BatchSummary summary;
    summary.begin(3, 20);
    CallResult call;
    call.status = 200;
    for (double ms : {40.0, 50.0, 60.0}) {
        call.totalMs = ms;
        summary.add(call, {});
    }
    summary.finish(1000, false);
    // 50 ms each: 100,000 leads take 5,000 s one by one, 250 s with 20 connections.
    const BatchSummary::Estimate e = summary.estimate(100000);
    QCOMPARE(e.serialMs, 5000000.0);
    QCOMPARE(e.parallelMs, 250000.0);
    QCOMPARE(summary.estimate(21).parallelMs, 100.0);
    const QJsonObject json = summary.toJson().value(QStringLiteral("estimate")).toObject();
    QCOMPARE(json.value(QStringLiteral("leads100000")).toObject().value(QStringLiteral("serial")).toString(),
             QStringLiteral("1 h 23 min"));
}

void tst_BatchRunner::estimateCountsCallsWithoutAnAnswer()
{
    // Marketo waits out a timeout as well: calls that timed out count at what they took,
    // so a run of timeouts does not promise "0 ms". A request never sent, or one the user
    // cancelled, says nothing about the server and does not count.
    BatchSummary summary;
    summary.begin(4, 20);
    CallResult timedOut;
    timedOut.error = CallResult::ErrorKind::Timeout;
    timedOut.totalMs = 30000;
    summary.add(timedOut, {});
    summary.add(timedOut, {});
    CallResult refused;
    refused.error = CallResult::ErrorKind::InvalidRequest;
    summary.add(refused, {});
    CallResult cancelled;
    cancelled.error = CallResult::ErrorKind::Cancelled;
    cancelled.totalMs = 5;
    summary.add(cancelled, {});
    summary.finish(60000, false);
    QCOMPARE(summary.latencyMax(), 30000.0);
    QCOMPARE(summary.latencyPercentile(50), 30000.0);
    QCOMPARE(summary.estimate(100000).serialMs, 100000 * 30000.0);
    QCOMPARE(summary.estimate(20).parallelMs, 30000.0);
}

QTEST_GUILESS_MAIN(tst_BatchRunner)
#include "tst_batchrunner.moc"
