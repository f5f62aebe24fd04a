#include "CallController.h"

#include "format/WorkspaceFile.h"
#include "history/CallHistory.h"
#include "history/SecretRestorer.h"
#include "http/HttpClient.h"
#include "template/Renderer.h"

#include <QDateTime>
#include <QDir>
#include <QFutureWatcher>
#include <QPromise>
#include <QStandardPaths>
#include <QThreadPool>

#include <memory>

namespace {
// Reviews on `pool`, the controller's own: a long review on Qt's global pool would make
// painting wait. Core links no Qt Concurrent.
QFuture<CallReview> reviewInPool(QThreadPool* pool,
                                 const Workspace& workspace,
                                 const Webhook& webhook,
                                 const QJsonObject& lead,
                                 const CallResult& result)
{
    auto promise = std::make_shared<QPromise<CallReview>>();
    QFuture<CallReview> future = promise->future();
    promise->start();
    pool->start([promise, workspace, webhook, lead, result] {
        promise->addResult(CallReview::review(workspace, webhook, lead, result));
        promise->finish();
    });
    return future;
}

// Runs `done` with the review on `context`'s thread once it is made; nothing runs when
// `context` is destroyed first.
template <typename Done>
void whenReviewed(QObject* context, const QFuture<CallReview>& future, Done done)
{
    auto* watcher = new QFutureWatcher<CallReview>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(future);
}
} // namespace

CallController::CallController(HttpClient* http, QObject* parent)
    : QObject(parent), m_http(http), m_pool(new QThreadPool(this))
{
    connect(m_http, &HttpClient::finished, this, &CallController::callDone);
}

CallController::~CallController()
{
    // The client reports the cancelled call at once: not to a controller half destroyed.
    if (m_http) {
        m_http->disconnect(this);
        if (isRunning())
            m_http->cancel(m_callId);
    }
}

QString CallController::historyBase() const
{
    if (!m_workspaceFile.isEmpty())
        return m_workspaceFile;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/untitled") + WorkspaceFile::fileSuffix();
}

bool CallController::send(const Workspace& workspace, int webhook, const QJsonObject& lead)
{
    if (isRunning() || !m_http || webhook < 0 || webhook >= workspace.webhooks.size())
        return false;
    const RenderedRequest request =
        Renderer(workspace, workspace.webhooks.at(webhook)).render(lead, QDateTime::currentDateTimeUtc());
    start(request, Sent {workspace, webhook, lead});
    return true;
}

CallController::Resend CallController::resend(const RenderedRequest& recorded,
                                              const Workspace& workspace,
                                              int webhook,
                                              const QJsonObject& lead)
{
    if (isRunning() || !m_http)
        return Resend::Busy;
    const bool known = webhook >= 0 && webhook < workspace.webhooks.size();
    RenderedRequest request = recorded;
    if (known) {
        const Webhook& own = workspace.webhooks.at(webhook);
        const RenderedRequest current = Renderer(workspace, own).render(lead, QDateTime::currentDateTimeUtc());
        request = SecretRestorer(workspace, own, current).restore(recorded);
    }
    if (SecretRestorer::holdsPlaceholder(request))
        return Resend::SecretsMissing;
    start(request, Sent {workspace, known ? webhook : -1, lead});
    return Resend::Sent;
}

void CallController::cancel()
{
    if (isRunning() && m_http)
        m_http->cancel(m_callId);
}

void CallController::start(const RenderedRequest& request, const Sent& sent)
{
    m_sent = sent;
    m_lastSent.index = -1;
    ++m_evaluation;
    m_callId = m_http->call(request);
    emit started(request, sent.index);
}

void CallController::forgetLastCall()
{
    m_sent.index = -1;
    m_lastSent.index = -1;
}

void CallController::callDone(quint64 id, const CallResult& result)
{
    if (id != m_callId)
        return;
    m_callId = 0;
    emit responseArrived(result);
    const Sent sent = m_sent;
    if (sent.index < 0) {
        emit finished(result, CallReview::incomplete(result), -1);
        return;
    }
    // The review reads the whole body: on a large response that is work the calling
    // thread must not wait for.
    m_lastCall = result;
    m_lastSent = sent;
    const quint64 evaluation = ++m_evaluation;
    whenReviewed(
        this,
        reviewInPool(m_pool, sent.workspace, sent.workspace.webhooks.at(sent.index), sent.lead, result),
        [this, result, sent, evaluation](const CallReview& review) { evaluated(result, sent, evaluation, review); });
}

void CallController::evaluated(const CallResult& result, const Sent& sent, quint64 evaluation, const CallReview& review)
{
    record(sent, result, review.outcome);
    // A mapping, check or baseline edited meanwhile was reviewed since, against the same
    // response.
    const bool latest = evaluation == m_evaluation && m_lastSent.index == sent.index;
    emit finished(result, review, latest ? sent.index : -1);
}

void CallController::record(const Sent& sent, const CallResult& result, const MappingOutcome& outcome)
{
    CallHistory history(historyBase());
    QString error;
    if (!history.record(sent.workspace,
                        sent.workspace.webhooks.at(sent.index),
                        result,
                        outcome,
                        QStringLiteral("designer"),
                        sent.lead,
                        &error)) {
        emit historyFailed(tr("The call was not added to the history: %1").arg(error));
        return;
    }
    emit historyRecorded();
}

bool CallController::reevaluate(const Workspace& workspace, int webhook, const QJsonObject& lead)
{
    if (webhook < 0 || webhook >= workspace.webhooks.size() || m_lastSent.index != webhook)
        return false;
    const quint64 evaluation = ++m_evaluation;
    const Webhook& own = workspace.webhooks.at(webhook);
    // A small body is evaluated at once, so a new row never shows an empty result; a
    // large one is read off the calling thread, as after a call.
    constexpr qsizetype kInlineEvaluationBytes = 256 * 1024;
    if (m_lastCall.body.size() <= kInlineEvaluationBytes) {
        emit reevaluated(CallReview::review(workspace, own, lead, m_lastCall), webhook);
        return true;
    }
    whenReviewed(this,
                 reviewInPool(m_pool, workspace, own, lead, m_lastCall),
                 [this, evaluation, webhook](const CallReview& review) {
                     // Another edit, call or webhook came since: that one's review counts.
                     if (evaluation != m_evaluation || m_lastSent.index != webhook)
                         return;
                     emit reevaluated(review, webhook);
                 });
    return false;
}
