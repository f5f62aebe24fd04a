#pragma once

#include "batch/BatchLeadResult.h"

#include <QList>
#include <QMutex>

// Hands lead results from the runner's worker threads to the thread that owns the runner,
// in batches, so that the owner wakes once per batch rather than once per call.
//
// Bounded, so that memory stays flat when the owner is slower than the network: a worker
// asks hasRoom() before it starts a call and holds back while `capacity` results wait.
// The calls already in flight still land, so at most capacity plus the run's concurrency
// results wait at once. take() says when a worker held back, so that the owner wakes it.
//
// Every member may be called from any thread.
class BatchResultQueue
{
public:
    explicit BatchResultQueue(int capacity);

    int capacity() const { return m_capacity; }

    // Adds a result; true when the owner must be woken (nobody has yet since its last
    // take()).
    bool push(BatchLeadResult&& result);
    // A worker has finished its share of the run; true when the owner must be woken.
    bool workerDone();
    // False, and remembered for take(), when `capacity` results wait.
    bool hasRoom();

    struct Batch
    {
        QList<BatchLeadResult> results; // in the order they were pushed
        int workersDone = 0;            // so far, over the whole run
        bool heldBack = false;          // a worker found no room since the last take()
    };
    // Takes every result that waits.
    Batch take();

private:
    bool wakeOwner();

    const int m_capacity;
    QMutex m_mutex;
    QList<BatchLeadResult> m_results;
    int m_workersDone = 0;
    bool m_heldBack = false;
    bool m_ownerWoken = false;
};
