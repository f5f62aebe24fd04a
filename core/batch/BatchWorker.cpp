#include "BatchWorker.h"

#include "batch/BatchJob.h"
#include "http/HttpClient.h"
#include "response/MappingEvaluator.h"
#include "template/Renderer.h"

#include <QNetworkAccessManager>

BatchWorker::BatchWorker(std::shared_ptr<BatchJob> job, QList<int> callsPerManager, BatchRunner::ManagerFactory factory)
    : m_job(std::move(job)), m_factory(std::move(factory)), m_callsPerClient(std::move(callsPerManager))
{
}

BatchWorker::~BatchWorker()
{
    // The clients go first: they abort their calls while the managers still exist.
    for (HttpClient* client : qAsConst(m_clients)) {
        client->disconnect(this);
        delete client;
    }
    qDeleteAll(m_managers);
}

void BatchWorker::start()
{
    m_renderer = std::make_unique<Renderer>(m_job->workspace, m_job->webhook);
    m_catalog = m_job->workspace.catalog();
    for (int i = 0; i < m_callsPerClient.size(); ++i) {
        QNetworkAccessManager* manager = m_factory ? m_factory(this) : nullptr;
        if (!manager)
            manager = new QNetworkAccessManager;
        // Owned here whatever the factory chose, so that it dies on this thread.
        manager->setParent(nullptr);
        m_managers.append(manager);
        auto* client = new HttpClient(manager);
        client->setOptions(m_job->http);
        connect(client, &HttpClient::finished, this, [this, i](quint64 id, const CallResult& result) {
            onCallFinished(i, id, result);
        });
        m_clients.append(client);
        m_leadOfCall.append(QHash<quint64, int>());
        m_inFlightPerClient.append(0);
    }
    pump();
}

void BatchWorker::resume()
{
    pump();
}

void BatchWorker::cancel()
{
    for (HttpClient* client : qAsConst(m_clients))
        client->cancelAll();
    finishIfDone();
}

void BatchWorker::pump()
{
    while (!m_done) {
        // The least busy client with a free slot, so that every manager holds its share.
        int client = -1;
        for (int i = 0; i < m_clients.size(); ++i) {
            if (m_inFlightPerClient.at(i) < m_callsPerClient.at(i)
                && (client < 0 || m_inFlightPerClient.at(i) < m_inFlightPerClient.at(client)))
                client = i;
        }
        if (client < 0 || !m_job->results.hasRoom())
            break;
        const int lead = m_job->takeLead();
        if (lead < 0)
            break;
        const RenderedRequest request = m_renderer->render(m_job->leads.at(lead), m_job->now);
        ++m_inFlight;
        ++m_inFlightPerClient[client];
        const quint64 id = m_clients.at(client)->call(request);
        m_leadOfCall[client].insert(id, lead);
    }
    finishIfDone();
}

void BatchWorker::onCallFinished(int client, quint64 id, const CallResult& result)
{
    const auto found = m_leadOfCall[client].find(id);
    if (found == m_leadOfCall[client].end())
        return;
    const int lead = found.value();
    m_leadOfCall[client].erase(found);
    --m_inFlight;
    --m_inFlightPerClient[client];

    BatchLeadResult leadResult;
    leadResult.index = lead;
    leadResult.call = result;
    leadResult.mapping = MappingEvaluator::evaluate(
        m_catalog, m_job->webhook, m_job->leads.at(lead), result.mappingStatus(), result.body);
    if (result.error != CallResult::ErrorKind::None && leadResult.mapping.reason.isEmpty())
        leadResult.mapping.reason = result.errorMessage;
    leadResult.verdict = CallVerdict::judge(m_job->webhook, result, leadResult.mapping);
    leadResult.verdict.shape.reset();
    if (m_job->results.push(std::move(leadResult)))
        emit resultsWaiting();
    pump();
}

void BatchWorker::finishIfDone()
{
    if (m_done || m_inFlight > 0 || !m_job->allTaken())
        return;
    m_done = true;
    if (m_job->results.workerDone())
        emit resultsWaiting();
}
