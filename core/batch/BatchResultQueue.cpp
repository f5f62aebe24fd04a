#include "BatchResultQueue.h"

#include <QMutexLocker>

BatchResultQueue::BatchResultQueue(int capacity) : m_capacity(qMax(1, capacity)) { }

bool BatchResultQueue::wakeOwner()
{
    const bool wake = !m_ownerWoken;
    m_ownerWoken = true;
    return wake;
}

bool BatchResultQueue::push(BatchLeadResult&& result)
{
    const QMutexLocker lock(&m_mutex);
    m_results.append(std::move(result));
    return wakeOwner();
}

bool BatchResultQueue::workerDone()
{
    const QMutexLocker lock(&m_mutex);
    ++m_workersDone;
    return wakeOwner();
}

bool BatchResultQueue::hasRoom()
{
    const QMutexLocker lock(&m_mutex);
    if (m_results.size() < m_capacity)
        return true;
    m_heldBack = true;
    return false;
}

BatchResultQueue::Batch BatchResultQueue::take()
{
    Batch batch;
    const QMutexLocker lock(&m_mutex);
    batch.results.swap(m_results);
    batch.workersDone = m_workersDone;
    batch.heldBack = m_heldBack;
    m_heldBack = false;
    m_ownerWoken = false;
    return batch;
}
