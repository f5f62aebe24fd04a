// The batch dialog with its results table over a long run (not a test: it prints what it
// measured). Each run calls the sandbox once per lead (default 100,000) twice: from a
// bare BatchRunner, then from the real BatchDialog, shown, and measures:
//   stall   the longest gap between ticks of a 1 ms UI-thread timer while the run goes
//           on (and the table fills), and its ratio to the runner alone;
//   peak    the process's peak resident memory during the run (VmHWM, reset before it);
//   heap    what the dialog's run still holds on the heap with the table filled.
// First, the results store alone filled with 100,000 answers: its heap per lead.
// Prints the figures of every run and the medians of RUNS (default 5). The sandbox runs
// in a thread of its own, so that the UI thread does only the window's work.
// Usage: bench_batch_results [leads] [runs]; under Xvfb or QT_QPA_PLATFORM=offscreen.

#include "batch/BatchDialog.h"
#include "batch/BatchResults.h"
#include "batch/BatchRunner.h"
#include "response/MappingEvaluator.h"
#include "sandbox/SandboxEnrichment.h"
#include "sandbox/SandboxServer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <malloc.h>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// A field of /proc/self/status in MB, e.g. "VmHWM".
double statusMb(const char* key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key)) + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Bytes malloc has handed out and not taken back, in MB: what the program holds, without
// the pages the allocator keeps for later.
double heapMb()
{
    return double(mallinfo2().uordblks) / (1024.0 * 1024.0);
}

// Makes VmHWM start again from the current resident size (Linux 4.0 and later).
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

struct Run
{
    double stallMs = 0; // the longest gap of the heartbeat
    double peakMb = 0;
    double rssMb = 0;
    double heapMb = 0; // held on the heap with the table filled, over the start of the run
    double seconds = 0;
    int rows = 0;
    int kept = 0;
};

Workspace benchWorkspace(const QString& url, int leads)
{
    Workspace workspace;
    Webhook webhook;
    webhook.name = QStringLiteral("Bench");
    webhook.url = url;
    webhook.requestType = RequestType::Post;
    webhook.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}, \"name\": {{lead.First Name}}}");
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.responseType = ResponseType::Json;
    webhook.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}}};
    webhook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}},
                                {QStringLiteral("data.industry"), QStringLiteral("industry"), {}},
                                {QStringLiteral("data.employees"), QStringLiteral("numberOfEmployees"), {}}};
    workspace.webhooks.append(webhook);
    workspace.leads.reserve(leads);
    for (int i = 0; i < leads; ++i) {
        // Every 50th lead has no domain: the sandbox answers 422, a failed call.
        const QString email =
            i % 50 == 7 ? QStringLiteral("lead%1").arg(i) : QStringLiteral("lead%1@co%2.com").arg(i).arg(i % 997);
        workspace.leads.append(QJsonObject {{QStringLiteral("Email Address"), email},
                                            {QStringLiteral("First Name"), QStringLiteral("Lead %1").arg(i)}});
    }
    return workspace;
}

// Longest gap between ticks of a 1 ms timer on the UI thread, from start() on.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 t = m_clock.nsecsElapsed();
            m_longest = std::max(m_longest, t - m_lastTick);
            m_lastTick = t;
        });
    }
    void start()
    {
        m_clock.start();
        m_timer.start();
    }
    double longestMs() const { return m_longest / 1e6; }
    double seconds() const { return m_clock.nsecsElapsed() / 1e9; }

private:
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_lastTick = 0;
    qint64 m_longest = 0;
};

// The same calls without a window: the runner alone, for the ratio.
Run runnerOnce(const Workspace& workspace)
{
    resetPeak();
    Run run;
    BatchRunner runner(workspace, workspace.webhooks.first());
    BatchRunner::Options options;
    options.keepResults = false;
    runner.setOptions(options);
    Heartbeat heartbeat;
    QEventLoop loop;
    QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
    heartbeat.start();
    runner.start(workspace.leads);
    loop.exec();
    run.seconds = heartbeat.seconds();
    run.stallMs = heartbeat.longestMs();
    run.rows = runner.summary().completed();
    run.peakMb = statusMb("VmHWM:");
    run.rssMb = statusMb("VmRSS:");
    return run;
}

Run dialogOnce(const Workspace& workspace)
{
    resetPeak();
    Run run;
    const double heapBefore = heapMb();
    {
        BatchDialog dialog(workspace, 0);
        dialog.resize(1200, 800);
        dialog.show();
        QApplication::processEvents();
        auto* table = dialog.findChild<QTableView*>(QStringLiteral("batchResultsTable"));
        // A user who follows the newest rows keeps the view busy: scroll to the end as
        // the table grows.
        QObject::connect(
            table->model(), &QAbstractItemModel::rowsInserted, table, [table] { table->scrollToBottom(); });

        Heartbeat heartbeat;
        QEventLoop loop;
        QObject::connect(&dialog, &BatchDialog::runFinished, &loop, &QEventLoop::quit);
        heartbeat.start();
        dialog.start();
        loop.exec();
        // The last rows and their paint.
        QApplication::processEvents();
        run.seconds = heartbeat.seconds();
        run.stallMs = heartbeat.longestMs();
        run.rows = table->model()->rowCount();
        run.kept = dialog.results()->keptCount();
        run.rssMb = statusMb("VmRSS:");
        run.peakMb = statusMb("VmHWM:");
        run.heapMb = heapMb() - heapBefore;
    }
    return run;
}

// The results store alone, filled with `leads` answers like the sandbox's, without a
// network or a window: the heap it holds.
double storeHeapMb(const Workspace& workspace)
{
    const Webhook& webhook = workspace.webhooks.first();
    const double before = heapMb();
    BatchResults results(workspace, webhook);
    for (int i = 0; i < workspace.leads.size(); ++i) {
        BatchLeadResult result;
        result.index = i;
        const QJsonObject& lead = workspace.leads.at(i);
        const QJsonObject data = SandboxEnrichment::forEmail(lead.value(QStringLiteral("Email Address")).toString());
        result.call.method = QStringLiteral("POST");
        result.call.url = webhook.url;
        result.call.requestHeaders = {{"Content-Type", "application/json"}, {"Content-Length", "60"}};
        result.call.requestBody =
            "{\"email\": \"" + lead.value(QStringLiteral("Email Address")).toString().toUtf8() + "\"}";
        result.call.status = data.isEmpty() ? 422 : 200;
        result.call.reason = QStringLiteral("OK");
        result.call.responseHeaders = {{"Content-Type", "application/json"}, {"Content-Length", "300"}};
        result.call.body = QJsonDocument(QJsonObject {{QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
        result.call.totalMs = 2;
        result.mapping = MappingEvaluator::evaluate(workspace, webhook, lead, result.call.status, result.call.body);
        results.add(result);
    }
    return heapMb() - before;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const int leads = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 5;

    QThread serverThread;
    QObject inServerThread; // a context for calls into that thread
    inServerThread.moveToThread(&serverThread);
    serverThread.start();
    SandboxServer* server = nullptr;
    quint16 port = 0;
    QString error;
    QMetaObject::invokeMethod(
        &inServerThread,
        [&server, &port, &error] {
            server = new SandboxServer;
            if (server->listen(0, 1, &error))
                port = server->port();
        },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        std::fprintf(stderr, "cannot start the sandbox: %s\n", qPrintable(error));
        return 1;
    }
    const Workspace workspace = benchWorkspace(QStringLiteral("http://127.0.0.1:%1/enrich").arg(port), leads);
    std::printf("bench_batch_results: %d leads per run, %d runs, rss before the runs %.1f MB\n",
                leads,
                runs,
                statusMb("VmRSS:"));

    const double store = storeHeapMb(workspace);
    std::printf("batch_results_store_heap %.1f MB (%.0f bytes per lead, kept results included)\n",
                store,
                store * 1024 * 1024 / qMax(1, leads));
    std::fflush(stdout);

    QList<double> stalls;
    QList<double> runnerStalls;
    QList<double> ratios;
    QList<double> peaks;
    QList<double> runnerPeaks;
    QList<double> heaps;
    for (int i = 0; i < runs; ++i) {
        const Run bare = runnerOnce(workspace);
        std::printf(
            "run %d, runner alone: %d calls in %.1f s (%.0f calls/s): longest stall %.1f ms, peak rss %.1f MB\n",
            i + 1,
            bare.rows,
            bare.seconds,
            bare.rows / bare.seconds,
            bare.stallMs,
            bare.peakMb);
        const Run run = dialogOnce(workspace);
        std::printf("run %d, dialog and table: %d rows (%d kept whole) in %.1f s (%.0f calls/s): longest stall "
                    "%.1f ms, peak rss %.1f MB, rss with the table filled %.1f MB, heap held by the run %.1f MB\n",
                    i + 1,
                    run.rows,
                    run.kept,
                    run.seconds,
                    run.rows / run.seconds,
                    run.stallMs,
                    run.peakMb,
                    run.rssMb,
                    run.heapMb);
        std::fflush(stdout);
        stalls.append(run.stallMs);
        runnerStalls.append(bare.stallMs);
        ratios.append(run.stallMs / bare.stallMs);
        peaks.append(run.peakMb);
        runnerPeaks.append(bare.peakMb);
        heaps.append(run.heapMb);
    }
    std::printf("batch_results_longest_stall_median %.1f ms (runner alone %.1f ms; ratio %.2f)\n",
                median(stalls),
                median(runnerStalls),
                median(ratios));
    std::printf("batch_results_peak_rss_median %.1f MB (runner alone %.1f MB)\n", median(peaks), median(runnerPeaks));
    std::printf("batch_results_heap_held_median %.1f MB\n", median(heaps));

    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
