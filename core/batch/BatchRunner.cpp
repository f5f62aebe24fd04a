#include "BatchRunner.h"

#include "batch/BatchJob.h"
#include "batch/BatchWorker.h"

#include <QElapsedTimer>
#include <QThread>

#include <memory>

namespace {

// The calls each manager carries: the concurrency spread evenly over as few managers as
// Qt's per-host limit allows.
QList<int> callsPerManager(int concurrency)
{
    const int managers = (concurrency + BatchRunner::connectionsPerManager - 1) / BatchRunner::connectionsPerManager;
    QList<int> calls;
    for (int i = 0; i < managers; ++i)
        calls.append(concurrency / managers + (i < concurrency % managers ? 1 : 0));
    return calls;
}

} // namespace

struct BatchRunner::Private
{
    struct Worker
    {
        QThread* thread = nullptr;
        BatchWorker* worker = nullptr; // lives in `thread`, deleted there when it finishes
    };

    Workspace workspace;
    Webhook webhook;
    Options options;
    ManagerFactory factory;

    std::shared_ptr<BatchJob> job;
    QList<Worker> workers;
    int managers = 0;
    int threads = 0;
    int total = 0;
    bool running = false;
    bool cancelled = false;
    bool draining = false;
    QElapsedTimer clock;
    QList<BatchLeadResult> results;
    BatchSummary summary;
};

BatchRunner::BatchRunner(const Workspace& workspace, const Webhook& webhook, QObject* parent)
    : QObject(parent), d(new Private)
{
    d->workspace = workspace;
    d->webhook = webhook;
}

BatchRunner::~BatchRunner()
{
    // The workers abort their calls as they are deleted; nothing is emitted any more.
    if (d->job)
        d->job->cancelled = true;
    stopWorkers();
    delete d;
}

void BatchRunner::setManagerFactory(ManagerFactory factory)
{
    d->factory = std::move(factory);
}

void BatchRunner::setOptions(const Options& options)
{
    d->options = options;
    d->options.concurrency = qBound(1, options.concurrency, maxConcurrency);
    d->options.threads = qMax(0, options.threads);
}

const BatchRunner::Options& BatchRunner::options() const
{
    return d->options;
}

bool BatchRunner::isRunning() const
{
    return d->running;
}

int BatchRunner::managerCount() const
{
    return d->managers;
}

int BatchRunner::threadCount() const
{
    return d->threads;
}

const QList<BatchLeadResult>& BatchRunner::results() const
{
    return d->results;
}

const BatchSummary& BatchRunner::summary() const
{
    return d->summary;
}

bool BatchRunner::start(const QList<QJsonObject>& leads)
{
    if (d->running)
        return false;
    stopWorkers();
    d->running = true;
    d->cancelled = false;
    d->draining = false;
    d->results.clear();
    d->total = int(leads.size());

    auto job = std::make_shared<BatchJob>(queueCapacity);
    job->workspace = d->workspace;
    job->webhook = d->webhook;
    job->leads = leads;
    job->now = d->options.now.isValid() ? d->options.now : QDateTime::currentDateTime();
    job->http = d->options.http;
    d->job = job;

    const QList<int> calls = callsPerManager(d->options.concurrency);
    d->managers = int(calls.size());
    const int threads = d->options.threads > 0 ? d->options.threads : qMin(maxThreads, QThread::idealThreadCount());
    d->threads = qBound(1, threads, d->managers);

    d->summary.begin(d->total, d->options.concurrency);
    d->clock.start();
    if (leads.isEmpty()) {
        finishRun();
        return true;
    }
    for (int t = 0; t < d->threads; ++t) {
        // Managers are dealt out in turn, so that the threads carry loads within one
        // manager's share of each other.
        QList<int> share;
        for (int m = t; m < calls.size(); m += d->threads)
            share.append(calls.at(m));
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("BatchWorker %1").arg(t));
        auto* worker = new BatchWorker(job, share, d->factory);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &BatchWorker::resultsWaiting, this, &BatchRunner::drain, Qt::QueuedConnection);
        thread->start();
        d->workers.append({thread, worker});
    }
    // Waits until every worker has its first calls under way, as one thread did before:
    // a cancel() right after start() then stops calls in flight, not a run that has not
    // begun.
    for (const Private::Worker& worker : qAsConst(d->workers))
        QMetaObject::invokeMethod(worker.worker, &BatchWorker::start, Qt::BlockingQueuedConnection);
    return true;
}

void BatchRunner::drain()
{
    if (!d->running || d->draining)
        return;
    d->draining = true;
    // Again until nothing waits: a slot that runs an event loop of its own makes a drain
    // that starts meanwhile return at once, and what it would have taken is taken here.
    for (;;) {
        const BatchResultQueue::Batch batch = d->job->results.take();
        if (batch.heldBack && !d->cancelled) {
            for (const Private::Worker& worker : qAsConst(d->workers))
                QMetaObject::invokeMethod(worker.worker, &BatchWorker::resume, Qt::QueuedConnection);
        }
        for (const BatchLeadResult& result : batch.results) {
            d->summary.add(result.call, result.mapping);
            if (d->options.keepResults)
                d->results.append(result);
            emit leadFinished(result);
            emit progress(d->summary.completed(), d->total);
        }
        if (!batch.results.isEmpty())
            emit leadsFinished(batch.results);
        // A worker is done once its last result is in the queue: when all are, this batch
        // held the last results.
        if (batch.workersDone == d->workers.size()) {
            d->draining = false;
            finishRun();
            return;
        }
        if (batch.results.isEmpty())
            break;
    }
    d->draining = false;
}

void BatchRunner::cancel()
{
    if (!d->running || d->cancelled)
        return;
    d->cancelled = true;
    d->job->cancelled = true;
    for (const Private::Worker& worker : qAsConst(d->workers))
        QMetaObject::invokeMethod(worker.worker, &BatchWorker::cancel, Qt::QueuedConnection);
}

void BatchRunner::finishRun()
{
    if (!d->running)
        return;
    d->running = false;
    d->summary.finish(d->clock.nsecsElapsed() / 1e6, d->cancelled);
    stopWorkers();
    emit finished(d->summary);
}

void BatchRunner::stopWorkers()
{
    // Each worker is deleted on its thread as the thread finishes, before wait() returns.
    for (const Private::Worker& worker : qAsConst(d->workers))
        worker.thread->quit();
    for (const Private::Worker& worker : qAsConst(d->workers)) {
        worker.thread->wait();
        delete worker.thread;
    }
    d->workers.clear();
}
