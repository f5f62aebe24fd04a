// The batch dialog with its results table over a long run (not a test: it prints what it
// measured). Each run calls the sandbox once per lead (default 100,000) from the real
// BatchDialog, shown, and measures:
//   stall   the longest gap between ticks of a 1 ms UI-thread timer while the run goes
//           on and the table fills;
//   peak    the process's peak resident memory during the run (VmHWM, reset before it);
//   rss     resident memory at the end, with the table filled.
// Prints the figures of every run and the median of RUNS (default 5). The sandbox runs
// in a thread of its own, so that the UI thread does only the window's work.
// Usage: bench_batch_results [leads] [runs]; under Xvfb or QT_QPA_PLATFORM=offscreen.

#include "batch/BatchDialog.h"
#include "batch/BatchResults.h"
#include "sandbox/SandboxServer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

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

// Makes VmHWM start again from the current resident size (Linux 4.0 and later).
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

struct Run
{
    double stallMs = 0;
    double peakMb = 0;
    double rssMb = 0;
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

Run runOnce(const Workspace& workspace)
{
    resetPeak();
    Run run;
    {
        BatchDialog dialog(workspace, 0);
        dialog.resize(1200, 800);
        dialog.show();
        QApplication::processEvents();
        auto* table = dialog.findChild<QTableView*>(QStringLiteral("batchResultsTable"));

        QElapsedTimer clock;
        qint64 lastTick = 0;
        qint64 longest = 0;
        QTimer heartbeat;
        heartbeat.setInterval(1);
        QObject::connect(&heartbeat, &QTimer::timeout, &dialog, [&] {
            const qint64 t = clock.nsecsElapsed();
            longest = std::max(longest, t - lastTick);
            lastTick = t;
        });
        // A user who follows the newest rows keeps the view busy: scroll to the end as
        // the table grows.
        QObject::connect(
            table->model(), &QAbstractItemModel::rowsInserted, table, [table] { table->scrollToBottom(); });

        QEventLoop loop;
        QObject::connect(&dialog, &BatchDialog::runFinished, &loop, &QEventLoop::quit);
        clock.start();
        heartbeat.start();
        dialog.start();
        loop.exec();
        // The last rows and their paint.
        QApplication::processEvents();
        heartbeat.stop();
        run.seconds = clock.nsecsElapsed() / 1e9;
        run.stallMs = longest / 1e6;
        run.rows = table->model()->rowCount();
        run.kept = dialog.results()->keptCount();
        run.rssMb = statusMb("VmRSS:");
        run.peakMb = statusMb("VmHWM:");
    }
    return run;
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

    QList<double> stalls;
    QList<double> peaks;
    QList<double> rss;
    for (int i = 0; i < runs; ++i) {
        const Run run = runOnce(workspace);
        std::printf("run %d: %d rows (%d kept whole) in %.1f s (%.0f calls/s): longest stall %.1f ms, "
                    "peak rss %.1f MB, rss with the table filled %.1f MB\n",
                    i + 1,
                    run.rows,
                    run.kept,
                    run.seconds,
                    run.rows / run.seconds,
                    run.stallMs,
                    run.peakMb,
                    run.rssMb);
        std::fflush(stdout);
        stalls.append(run.stallMs);
        peaks.append(run.peakMb);
        rss.append(run.rssMb);
    }
    std::printf("batch_results_longest_stall_median %.1f ms\n", median(stalls));
    std::printf("batch_results_peak_rss_median %.1f MB\n", median(peaks));
    std::printf("batch_results_filled_rss_median %.1f MB\n", median(rss));

    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
