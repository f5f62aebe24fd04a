#include "ChildLookup.h"
#include "batch/BatchDialog.h"
#include "batch/LatencyHistogram.h"
#include "sandbox/SandboxServer.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

class tst_BatchDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void runsAndSummarises();
    void cancelStopsTheRun();
    void csvLeadsAndLimit();
    void estimateInWords_data();
    void estimateInWords();
    void histogramBins();

private:
    Workspace workspace(const QString& path, int leads) const;
    SandboxServer* m_server = nullptr;
};

void tst_BatchDialog::initTestCase()
{
    m_server = new SandboxServer(this);
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void tst_BatchDialog::cleanupTestCase()
{
    delete m_server;
}

Workspace tst_BatchDialog::workspace(const QString& path, int leads) const
{
    Workspace ws;
    for (int i = 0; i < leads; ++i)
        ws.leads.append(QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("lead%1@example.com").arg(i)}});
    Webhook hook;
    hook.name = QStringLiteral("Echo");
    hook.url = m_server->url().toString() + path;
    hook.requestType = RequestType::Post;
    hook.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}}");
    hook.requestTokenEncoding = TokenEncoding::Json;
    hook.responseType = ResponseType::Json;
    hook.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}}};
    ws.webhooks.append(hook);
    return ws;
}

void tst_BatchDialog::runsAndSummarises()
{
    BatchDialog dialog(workspace(QStringLiteral("/echo"), 6), 0);
    WD_FIND_CHILD(concurrency, QSpinBox, &dialog, "batchConcurrencySpin");
    WD_FIND_CHILD(start, QPushButton, &dialog, "batchStartButton");
    WD_FIND_CHILD(progress, QProgressBar, &dialog, "batchProgressBar");
    WD_FIND_CHILD(summary, QLabel, &dialog, "batchSummaryLabel");
    WD_FIND_CHILD(estimate, QLabel, &dialog, "batchEstimateLabel");
    WD_FIND_CHILD(histogram, LatencyHistogram, &dialog, "batchHistogramWidget");
    QCOMPARE(concurrency->value(), 20);
    QSignalSpy finished(&dialog, &BatchDialog::runFinished);
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(dialog.summary().completed(), 6);
    QCOMPARE(dialog.summary().ok(), 6);
    QCOMPARE(progress->value(), 6);
    QCOMPARE(progress->maximum(), 6);
    QVERIFY2(summary->text().contains(QStringLiteral("2xx: 6")), qPrintable(summary->text()));
    QVERIFY2(estimate->text().startsWith(QStringLiteral("100,000 leads would take about ")),
             qPrintable(estimate->text()));
    const QList<int> bins = histogram->bins();
    QCOMPARE(std::accumulate(bins.begin(), bins.end(), 0), 6);
    QVERIFY(start->isEnabled());
}

void tst_BatchDialog::cancelStopsTheRun()
{
    BatchDialog dialog(workspace(QStringLiteral("/delay/3000"), 30), 0);
    WD_FIND_CHILD(concurrency, QSpinBox, &dialog, "batchConcurrencySpin");
    WD_FIND_CHILD(cancel, QPushButton, &dialog, "batchCancelButton");
    WD_FIND_CHILD(summary, QLabel, &dialog, "batchSummaryLabel");
    concurrency->setValue(2);
    QSignalSpy finished(&dialog, &BatchDialog::runFinished);
    dialog.start();
    QVERIFY(dialog.isRunning());
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(dialog.summary().cancelled());
    QVERIFY(dialog.summary().completed() < 30);
    const QString text = summary->text();
    QVERIFY(text.contains(QStringLiteral("cancelled")));
    // The two calls stopped in flight were neither answered nor transport errors.
    QVERIFY2(text.contains(QStringLiteral("0 of 30 leads called (cancelled; 2 call(s) stopped in flight)")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("transport errors: 0")), qPrintable(text));
}

void tst_BatchDialog::csvLeadsAndLimit()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("leads.csv"));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Email Address,First Name\na@example.com,Ann\nb@example.com,Bob\nc@example.com,Cy\n");
    csv.close();
    BatchDialog dialog(workspace(QStringLiteral("/echo"), 1), 0);
    WD_FIND_CHILD(limit, QSpinBox, &dialog, "batchLimitSpin");
    QString error;
    QVERIFY2(dialog.setCsvFile(file, &error), qPrintable(error));
    QCOMPARE(dialog.chosenLeads().size(), 3);
    limit->setValue(2);
    const QList<QJsonObject> chosen = dialog.chosenLeads();
    QCOMPARE(chosen.size(), 2);
    QCOMPARE(chosen.at(0).value(QStringLiteral("Email Address")).toString(), QStringLiteral("a@example.com"));
    QCOMPARE(chosen.at(1).value(QStringLiteral("First Name")).toString(), QStringLiteral("Bob"));
    QVERIFY(!dialog.setCsvFile(dir.filePath(QStringLiteral("missing.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void tst_BatchDialog::estimateInWords_data()
{
    QTest::addColumn<QList<double>>("latencies");
    QTest::addColumn<qint64>("leads");
    QTest::addColumn<QString>("text");
    // In waves of 20 at the mean latency, or one call after the other.
    QTest::newRow("1 s, 100,000 leads") << QList<double> {1000} << qint64(100000)
                                        << QStringLiteral("100,000 leads would take about 1 h 23 min in Marketo at "
                                                          "this latency with 20 connections (about 1 d 3 h one at "
                                                          "a time).");
    QTest::newRow("mean of 100 and 140 ms") << QList<double> {100, 140} << qint64(1000)
                                            << QStringLiteral("1,000 leads would take about 6.0 s in Marketo at this "
                                                              "latency with 20 connections (about 2 min 0 s one at a "
                                                              "time).");
    QTest::newRow("one wave") << QList<double> {250} << qint64(20)
                              << QStringLiteral("20 leads would take about 250 ms in Marketo at this latency with 20 "
                                                "connections (about 5.0 s one at a time).");
    QTest::newRow("a partial last wave") << QList<double> {1000} << qint64(21)
                                         << QStringLiteral("21 leads would take about 2.0 s in Marketo at this "
                                                           "latency with 20 connections (about 21.0 s one at a "
                                                           "time).");
}

void tst_BatchDialog::estimateInWords()
{
    QFETCH(QList<double>, latencies);
    QFETCH(qint64, leads);
    QFETCH(QString, text);
    BatchSummary summary;
    summary.begin(int(latencies.size()), 20);
    for (double latency : latencies) {
        CallResult call;
        call.status = 200;
        call.totalMs = latency;
        summary.add(call, MappingOutcome());
    }
    summary.finish(1000, false);
    QCOMPARE(BatchDialog::estimateText(summary, leads), text);
}

void tst_BatchDialog::histogramBins()
{
    LatencyHistogram histogram;
    histogram.setSamples({1, 2, 9, 240}); // bins of 10 ms
    const QList<int> bins = histogram.bins();
    QCOMPARE(bins.size(), LatencyHistogram::binCount());
    QCOMPARE(bins.first(), 3);
    QCOMPARE(bins.last(), 1);
    QCOMPARE(std::accumulate(bins.begin(), bins.end(), 0), 4);
    QVERIFY(!histogram.grab().isNull());
}

QTEST_MAIN(tst_BatchDialog)
#include "tst_batchdialog.moc"
