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
// default), renders every lead with one Renderer and evaluates the response mappings of
// each answer. Qt opens at most 6 connections per host per QNetworkAccessManager, so the
// runner spreads the calls over ceil(concurrency / 6) managers, each behind its own
// HttpClient: that many connections really are open at once. The managers come from a
// factory (tests and the window may hand in their own), else the runner creates them.
//
// Results arrive per lead through leadFinished() in completion order; progress() after
// each; finished() once, with the summary, also after cancel().
class BatchRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int connectionsPerManager = 6; // Qt's per-host limit
    static constexpr int maxConcurrency = 200;

    using ManagerFactory = std::function<QNetworkAccessManager*(QObject* parent)>;

    struct Options
    {
        int concurrency = 20; // 1 to maxConcurrency
        HttpClient::Options http;
        // Keep every lead's result for results(); a long CLI run writes them out instead.
        bool keepResults = true;
        // The clock for system tokens; invalid means the time the run starts.
        QDateTime now;
    };

    BatchRunner(const Workspace& workspace, const Webhook& webhook, QObject* parent = nullptr);
    ~BatchRunner() override;

    void setManagerFactory(ManagerFactory factory);
    void setOptions(const Options& options);
    const Options& options() const;

    // Starts the run; false when one is already running.
    bool start(const QList<QJsonObject>& leads);
    // Stops dispatching and cancels the calls in flight; finished() follows.
    void cancel();
    bool isRunning() const;

    int managerCount() const;
    const QList<BatchLeadResult>& results() const;
    const BatchSummary& summary() const;

signals:
    void leadFinished(const BatchLeadResult& result);
    void progress(int done, int total);
    void finished(const BatchSummary& summary);

private:
    struct Private;

    void pump();
    void onCallFinished(int client, quint64 id, const CallResult& result);
    void finishRun();

    Private* d;
};
