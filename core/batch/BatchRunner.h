#pragma once

#include "batch/BatchLeadResult.h"
#include "batch/BatchSummary.h"
#include "http/HttpClient.h"
#include "model/Workspace.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

// Calls one webhook once per lead, at most `concurrency` calls in flight (Marketo's 20 by
// default), and evaluates the response mappings of each answer. Qt opens at most 6
// connections per host per QNetworkAccessManager, so the runner spreads the calls over
// ceil(concurrency / 6) managers, each behind its own HttpClient: that many connections
// really are open at once.
//
// The managers are spread over a few worker threads (threadCount(): one per manager, at
// most one per core and at most maxThreads, unless Options::threads says otherwise). Each
// thread is a BatchWorker with its own Renderer, managers and clients, which renders,
// sends and evaluates there; the results come back to the thread that owns the runner
// through a bounded BatchResultQueue, in batches, so memory stays flat however many leads
// a run has. The managers come from a factory when one is set (tests hand in their own),
// else the workers create them. The factory is called on a worker thread, once per
// manager, maybe from several threads at once, while start() waits: it must create the
// manager there (with the parent it is given, or none), touch nothing shared without a
// lock, and never wait for the owning thread.
//
// Everything the runner emits, it emits on the thread that owns it. Results arrive per
// lead through leadFinished() in completion order (and per batch through leadsFinished());
// progress() after each; finished() once, with the summary, also after cancel(). Deleting
// the runner mid-run aborts the calls in flight, stops the threads and emits nothing.
class BatchRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int connectionsPerManager = 6; // Qt's per-host limit
    static constexpr int maxConcurrency = 200;
    static constexpr int maxThreads = 4;
    // Results that may wait for the owning thread before the workers hold back.
    static constexpr int queueCapacity = 512;

    using ManagerFactory = std::function<QNetworkAccessManager*(QObject* parent)>;

    struct Options
    {
        int concurrency = 20; // 1 to maxConcurrency
        HttpClient::Options http;
        // Keep every lead's result for results(); a long CLI run writes them out instead.
        bool keepResults = true;
        // The clock for system tokens; invalid means the time the run starts.
        QDateTime now;
        // Worker threads; 0 chooses one per manager, at most one per core and maxThreads.
        // Never more than the managers.
        int threads = 0;
    };

    BatchRunner(const Workspace& workspace, const Webhook& webhook, QObject* parent = nullptr);
    ~BatchRunner() override;

    void setManagerFactory(ManagerFactory factory);
    void setOptions(const Options& options);
    const Options& options() const;

    // Starts the run, and returns once every worker has its first calls under way; false
    // when one is already running.
    bool start(const QList<QJsonObject>& leads);
    // Stops dispatching and cancels the calls in flight; finished() follows.
    void cancel();
    bool isRunning() const;

    int managerCount() const;
    // The worker threads of the current or last run (0 before the first).
    int threadCount() const;
    const QList<BatchLeadResult>& results() const;
    const BatchSummary& summary() const;

signals:
    void leadFinished(const BatchLeadResult& result);
    // The same results as the leadFinished() just emitted, together: for a consumer that
    // prefers to take them in one go.
    void leadsFinished(const QList<BatchLeadResult>& results);
    void progress(int done, int total);
    void finished(const BatchSummary& summary);

private:
    struct Private;

    void drain();
    void finishRun();
    void stopWorkers();

    Private* d;
};
