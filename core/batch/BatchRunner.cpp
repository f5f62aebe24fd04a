#include "BatchRunner.h"

#include "response/MappingEvaluator.h"
#include "template/Renderer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>

#include <memory>

struct BatchRunner::Private
{
    Workspace workspace;
    Webhook webhook;
    Options options;
    ManagerFactory factory;

    std::unique_ptr<Renderer> renderer;
    QDateTime now;
    QList<QJsonObject> leads;
    QList<HttpClient*> clients;
    // Call ids are per client: per client, call id -> lead index.
    QList<QHash<quint64, int>> leadOfCall;
    QList<int> inFlightPerClient;
    int next = 0;
    int inFlight = 0;
    bool running = false;
    bool cancelled = false;
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
    // The clients go first: they abort their calls while the managers still exist.
    for (HttpClient* client : qAsConst(d->clients)) {
        client->disconnect(this);
        delete client;
    }
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
    return d->clients.size();
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
    d->running = true;
    d->cancelled = false;
    d->leads = leads;
    d->next = 0;
    d->inFlight = 0;
    d->results.clear();
    d->now = d->options.now.isValid() ? d->options.now : QDateTime::currentDateTime();
    if (!d->renderer)
        d->renderer = std::make_unique<Renderer>(d->workspace, d->webhook);

    const int managers = (d->options.concurrency + connectionsPerManager - 1) / connectionsPerManager;
    while (d->clients.size() < managers) {
        QNetworkAccessManager* manager = d->factory ? d->factory(this) : new QNetworkAccessManager(this);
        auto* client = new HttpClient(manager, this);
        const int index = d->clients.size();
        connect(client, &HttpClient::finished, this, [this, index](quint64 id, const CallResult& result) {
            onCallFinished(index, id, result);
        });
        d->clients.append(client);
        d->leadOfCall.append(QHash<quint64, int>());
        d->inFlightPerClient.append(0);
    }
    for (HttpClient* client : qAsConst(d->clients))
        client->setOptions(d->options.http);

    d->summary.begin(leads.size(), d->options.concurrency);
    d->clock.start();
    if (leads.isEmpty()) {
        finishRun();
        return true;
    }
    pump();
    return true;
}

void BatchRunner::pump()
{
    while (!d->cancelled && d->inFlight < d->options.concurrency && d->next < d->leads.size()) {
        // The least busy client, so that every manager holds its share of connections.
        int client = 0;
        for (int i = 1; i < d->clients.size(); ++i) {
            if (d->inFlightPerClient.at(i) < d->inFlightPerClient.at(client))
                client = i;
        }
        const int lead = d->next++;
        const RenderedRequest request = d->renderer->render(d->leads.at(lead), d->now);
        ++d->inFlight;
        ++d->inFlightPerClient[client];
        const quint64 id = d->clients.at(client)->call(request);
        d->leadOfCall[client].insert(id, lead);
    }
}

void BatchRunner::onCallFinished(int client, quint64 id, const CallResult& result)
{
    const auto found = d->leadOfCall[client].find(id);
    if (found == d->leadOfCall[client].end())
        return;
    const int lead = found.value();
    d->leadOfCall[client].erase(found);
    --d->inFlight;
    --d->inFlightPerClient[client];

    BatchLeadResult leadResult;
    leadResult.index = lead;
    leadResult.call = result;
    leadResult.mapping =
        MappingEvaluator::evaluate(d->workspace, d->webhook, d->leads.at(lead), result.mappingStatus(), result.body);
    if (result.error != CallResult::ErrorKind::None && leadResult.mapping.reason.isEmpty())
        leadResult.mapping.reason = result.errorMessage;
    d->summary.add(result, leadResult.mapping);
    if (d->options.keepResults)
        d->results.append(leadResult);
    emit leadFinished(leadResult);
    emit progress(d->summary.completed(), d->leads.size());

    pump();
    if (d->inFlight == 0 && (d->cancelled || d->next >= d->leads.size()))
        finishRun();
}

void BatchRunner::cancel()
{
    if (!d->running || d->cancelled)
        return;
    d->cancelled = true;
    for (HttpClient* client : qAsConst(d->clients))
        client->cancelAll();
    if (d->running && d->inFlight == 0)
        finishRun();
}

void BatchRunner::finishRun()
{
    if (!d->running)
        return;
    d->running = false;
    d->summary.finish(d->clock.nsecsElapsed() / 1e6, d->cancelled);
    emit finished(d->summary);
}
