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

class TestBatchDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void runsAndSummarises();
    void cancelStopsTheRun();
    void csvLeadsAndLimit();
    void estimateInWords();
    void histogramBins();

private:
    Workspace workspace(const QString& path, int leads) const;
    SandboxServer* m_server = nullptr;
};

void TestBatchDialog::initTestCase()
{
    m_server = new SandboxServer(this);
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void TestBatchDialog::cleanupTestCase()
{
    delete m_server;
}

Workspace TestBatchDialog::workspace(const QString& path, int leads) const
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

void TestBatchDialog::runsAndSummarises()
{
    BatchDialog dialog(workspace(QStringLiteral("/echo"), 6), 0);
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("batchConcurrencySpin"))->value(), 20);
    QSignalSpy finished(&dialog, &BatchDialog::runFinished);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("batchStartButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(dialog.summary().completed(), 6);
    QCOMPARE(dialog.summary().ok(), 6);
    auto* progress = dialog.findChild<QProgressBar*>(QStringLiteral("batchProgressBar"));
    QCOMPARE(progress->value(), 6);
    QCOMPARE(progress->maximum(), 6);
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("batchSummaryLabel"))->text().contains(QStringLiteral("2xx: 6")));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("batchEstimateLabel"))
                ->text()
                .startsWith(QStringLiteral("100,000 leads would take about ")));
    const QList<int> bins = dialog.findChild<LatencyHistogram*>(QStringLiteral("batchHistogramWidget"))->bins();
    QCOMPARE(std::accumulate(bins.begin(), bins.end(), 0), 6);
    QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("batchStartButton"))->isEnabled());
}

void TestBatchDialog::cancelStopsTheRun()
{
    BatchDialog dialog(workspace(QStringLiteral("/delay/3000"), 30), 0);
    dialog.setConcurrency(2);
    QSignalSpy finished(&dialog, &BatchDialog::runFinished);
    dialog.start();
    QVERIFY(dialog.isRunning());
    auto* cancel = dialog.findChild<QPushButton*>(QStringLiteral("batchCancelButton"));
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(dialog.summary().cancelled());
    QVERIFY(dialog.summary().completed() < 30);
    const QString text = dialog.findChild<QLabel*>(QStringLiteral("batchSummaryLabel"))->text();
    QVERIFY(text.contains(QStringLiteral("cancelled")));
    // The two calls stopped in flight were neither answered nor transport errors.
    QVERIFY2(text.contains(QStringLiteral("0 of 30 leads called (cancelled; 2 call(s) stopped in flight)")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("transport errors: 0")), qPrintable(text));
}

void TestBatchDialog::csvLeadsAndLimit()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("leads.csv"));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Email Address,First Name\na@example.com,Ann\nb@example.com,Bob\nc@example.com,Cy\n");
    csv.close();
    BatchDialog dialog(workspace(QStringLiteral("/echo"), 1), 0);
    QString error;
    QVERIFY2(dialog.setCsvFile(file, &error), qPrintable(error));
    QCOMPARE(dialog.chosenLeads().size(), 3);
    dialog.setLimit(2);
    QCOMPARE(dialog.chosenLeads().size(), 2);
    QVERIFY(!dialog.setCsvFile(dir.filePath(QStringLiteral("missing.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void TestBatchDialog::estimateInWords()
{
    BatchSummary summary;
    summary.begin(1, 20);
    CallResult call;
    call.status = 200;
    call.totalMs = 1000;
    summary.add(call, MappingOutcome());
    summary.finish(1000, false);
    // 100,000 calls of 1 s over 20 connections: 5,000 s.
    QCOMPARE(BatchDialog::estimateText(summary, 100000),
             QStringLiteral("100,000 leads would take about %1 in Marketo at this latency with 20 connections "
                            "(about %2 one at a time).")
                 .arg(BatchSummary::humanDuration(summary.estimate(100000).parallelMs),
                      BatchSummary::humanDuration(summary.estimate(100000).serialMs)));
}

void TestBatchDialog::histogramBins()
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

QTEST_MAIN(TestBatchDialog)
#include "tst_batchdialog.moc"
