#pragma once

#include "batch/BatchRunner.h"
#include "model/FieldCatalog.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

class HttpClient;
class QNetworkAccessManager;
class Renderer;
struct BatchJob;

// One thread's share of a batch run. Lives in a thread of its own and does everything a
// call needs there: renders the lead with its own Renderer, sends on its own
// QNetworkAccessManagers (each behind an HttpClient, at most callsPerManager[i] calls on
// manager i, since Qt opens at most 6 connections per host per manager), evaluates the
// response mappings, and pushes the result into the job's queue. It takes the next lead
// from the job whenever a call ends, so the fastest thread does the most.
//
// start(), resume() and cancel() run on the worker's thread (queued from the runner). The
// managers are made there too, by the factory when there is one, with the worker as
// their parent. The worker is deleted on its thread, when that thread finishes; the
// clients go first, aborting what is in flight, then the managers.
class BatchWorker : public QObject
{
    Q_OBJECT

public:
    BatchWorker(std::shared_ptr<BatchJob> job, QList<int> callsPerManager, BatchRunner::ManagerFactory factory);
    ~BatchWorker() override;

    void start();
    // The queue has room again after the owner emptied it.
    void resume();
    // Aborts the calls in flight; their results still arrive, as cancelled.
    void cancel();

signals:
    // Results (or this worker's end) wait in the job's queue for the owner.
    void resultsWaiting();

private:
    void pump();
    void onCallFinished(int client, quint64 id, const CallResult& result);
    void finishIfDone();

    std::shared_ptr<BatchJob> m_job;
    BatchRunner::ManagerFactory m_factory;
    QList<int> m_callsPerClient;
    QList<int> m_inFlightPerClient;
    QList<QNetworkAccessManager*> m_managers;
    QList<HttpClient*> m_clients;
    // Call ids are per client: per client, call id -> lead index.
    QList<QHash<quint64, int>> m_leadOfCall;
    std::unique_ptr<Renderer> m_renderer;
    FieldCatalog m_catalog;
    int m_inFlight = 0;
    bool m_done = false;
};
