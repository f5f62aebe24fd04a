#pragma once

#include "batch/BatchResultQueue.h"
#include "http/HttpClient.h"
#include "model/Workspace.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <atomic>

// What the workers of one batch run share. The inputs are set before the workers start
// and only read after; the workers take leads by counting `next` up, so each lead is
// called exactly once whatever thread is fastest; `cancelled` stops them taking more.
struct BatchJob
{
    explicit BatchJob(int queueCapacity) : results(queueCapacity) { }

    Workspace workspace;
    Webhook webhook;
    QList<QJsonObject> leads;
    QDateTime now;
    HttpClient::Options http;

    std::atomic<int> next {0};
    std::atomic<bool> cancelled {false};
    BatchResultQueue results;

    // The index of the next lead to call, or -1 when every lead has been taken or the run
    // is cancelled.
    int takeLead()
    {
        if (cancelled.load(std::memory_order_relaxed) || next.load(std::memory_order_relaxed) >= leads.size())
            return -1;
        const int lead = next.fetch_add(1, std::memory_order_relaxed);
        return lead < leads.size() ? lead : -1;
    }
    bool allTaken() const
    {
        return cancelled.load(std::memory_order_relaxed) || next.load(std::memory_order_relaxed) >= leads.size();
    }
};
