// Batch-run throughput against a loopback sandbox. Not a test: it
// prints what it measured. Runs of 10,000 calls with 20 in flight:
//   1. an endpoint that answers at once: calls per second, with the runner's own choice of
//      worker threads and then with 1 to 4, to show which count suits the machine;
//   2. an endpoint that answers after 50 ms: the achieved rate as a ratio of the ideal
//      20 / 50 ms = 400 calls/s (goal >= 0.95).
// The sandbox runs in a thread of its own, so the client's work is what is measured.
// Usage: bench_batch [calls] (default 10000)

#include "batch/BatchRunner.h"
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QThread>

#include <cstdio>

namespace {

struct Run
{
    BatchSummary summary;
    double seconds = 0;
    int threads = 0;
};

Run runBatch(const QString& url, int calls, int concurrency, int threads = 0)
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
                                {QStringLiteral("delayedMs"), QStringLiteral("numberOfEmployees"), {}}};
    QList<QJsonObject> leads;
    leads.reserve(calls);
    for (int i = 0; i < calls; ++i) {
        leads.append(
            QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("lead%1@co%2.com").arg(i).arg(i % 97)},
                         {QStringLiteral("First Name"), QStringLiteral("Lead %1").arg(i)}});
    }
    BatchRunner runner(workspace, webhook);
    BatchRunner::Options options;
    options.concurrency = concurrency;
    options.keepResults = false;
    options.threads = threads;
    runner.setOptions(options);
    QEventLoop loop;
    QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
    runner.start(leads);
    loop.exec();
    Run run;
    run.threads = runner.threadCount();
    run.summary = runner.summary();
    run.seconds = run.summary.durationMs() / 1000.0;
    return run;
}

void report(const char* title, const Run& run)
{
    const BatchSummary& s = run.summary;
    std::printf("%s\n  %d worker thread(s), calls %d, ok %d, non-2xx %d, errors %d, %.2f s, %.0f calls/s\n"
                "  latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f\n",
                title,
                run.threads,
                s.completed(),
                s.ok(),
                s.non2xx(),
                s.errors(),
                run.seconds,
                s.throughputPerSecond(),
                s.latencyPercentile(50),
                s.latencyPercentile(90),
                s.latencyPercentile(99),
                s.latencyMax());
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;

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
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    std::printf("bench_batch: %d calls per run, concurrency 20, sandbox at %s\n", calls, qPrintable(base));

    // A short warm-up, so that the first connections and Qt's header probe are not counted.
    runBatch(base + QStringLiteral("/enrich"), 100, 20);

    const Run instant = runBatch(base + QStringLiteral("/enrich"), calls, 20);
    report("1. answers at once (/enrich)", instant);
    for (int threads = 1; threads <= BatchRunner::maxThreads; ++threads) {
        const QByteArray title = QByteArray("   the same with ") + QByteArray::number(threads) + " thread(s)";
        report(title.constData(), runBatch(base + QStringLiteral("/enrich"), calls, 20, threads));
    }

    int maxConnections = 0;
    QMetaObject::invokeMethod(
        server, [server] { server->resetStatistics(); }, Qt::BlockingQueuedConnection);
    const Run delayed = runBatch(base + QStringLiteral("/delay/50"), calls, 20);
    QMetaObject::invokeMethod(
        server,
        [server, &maxConnections] { maxConnections = server->maxConcurrentConnections(); },
        Qt::BlockingQueuedConnection);
    report("2. answers after 50 ms (/delay/50)", delayed);
    const double ideal = 20 / 0.050;
    const double ratio = delayed.summary.throughputPerSecond() / ideal;
    std::printf("  achieved %.1f of the ideal %.0f calls/s: ratio %.3f (goal >= 0.95: %s); "
                "max concurrent connections seen by the server: %d\n",
                delayed.summary.throughputPerSecond(),
                ideal,
                ratio,
                ratio >= 0.95 ? "met" : "NOT met",
                maxConnections);

    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
