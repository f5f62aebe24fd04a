#pragma once

#include "call/CallReview.h"
#include "http/CallResult.h"
#include "http/HttpClient.h"
#include "model/Workspace.h"
#include "response/MappingResult.h"
#include "template/RenderedRequest.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class QThreadPool;

// The designer's calls, without a window: renders a webhook and sends it through an
// HttpClient handed in from outside, sends a request from the call history again,
// cancels, reviews each response off the calling thread (the webhook's response mappings
// evaluated, its checks and baseline judged: CallReview), and records every finished call
// in the history kept next to the workspace file.
//
// Contract:
// - One call at a time: send() and resend() refuse while one is running (or when the
//   client is gone).
// - started() is emitted from within send() and resend(); responseArrived() when the
//   response is in (isRunning() is false from then on); finished() once the response is
//   reviewed and the call recorded (historyRecorded() or historyFailed() came first).
// - The outcome of a call that did not complete says why in its reason.
// - The webhook index a signal names is -1 when the outcome belongs to no webhook at
//   that index any more: the indexes shifted (forgetLastCall()), the webhook was unknown,
//   or a later evaluation of the same response replaced it.
// - The last response is kept with its webhook index, so that reevaluate() can review it
//   again after the mappings, checks or baseline were edited, until the next call.
class CallController : public QObject
{
    Q_OBJECT

public:
    enum class Resend { Sent, Busy, SecretsMissing };

    explicit CallController(HttpClient* http, QObject* parent = nullptr);
    ~CallController() override;

    bool isRunning() const { return m_callId != 0; }

    // The workspace file the history goes next to; empty for an untitled workspace,
    // whose history lives in the application's data folder.
    void setWorkspaceFile(const QString& fileName) { m_workspaceFile = fileName; }
    QString historyBase() const;

    // Renders webhook `webhook` of `workspace` for `lead` and sends it.
    bool send(const Workspace& workspace, int webhook, const QJsonObject& lead);
    // Sends a request read from the history again, its secret headers put back from the
    // webhook (SecretRestorer); `webhook` is -1 when the workspace no longer has it. A
    // request that would go out with a placeholder is not sent.
    Resend resend(const RenderedRequest& recorded, const Workspace& workspace, int webhook, const QJsonObject& lead);
    void cancel();

    // Reviews the last response again for `webhook`, after its mappings, checks or
    // baseline were edited. True when the review was emitted before returning (a small
    // body); false when there is none now: either none will come (another webhook's
    // response) or it comes later through reevaluated() (a large body, read off-thread).
    bool reevaluate(const Workspace& workspace, int webhook, const QJsonObject& lead);
    // The webhook indexes shifted: no response belongs to an index any more.
    void forgetLastCall();

signals:
    void started(const RenderedRequest& request, int webhook);
    void responseArrived(const CallResult& result);
    void historyRecorded();
    void historyFailed(const QString& message);
    void finished(const CallResult& result, const CallReview& review, int webhook);
    void reevaluated(const CallReview& review, int webhook);

private:
    struct Sent
    {
        Workspace workspace;
        int index = -1;
        QJsonObject lead;
    };

    void start(const RenderedRequest& request, const Sent& sent);
    void callDone(quint64 id, const CallResult& result);
    void evaluated(const CallResult& result, const Sent& sent, quint64 evaluation, const CallReview& review);
    void record(const Sent& sent, const CallResult& result, const MappingOutcome& outcome);

    // Not owned: the client may go first when both belong to one parent.
    QPointer<HttpClient> m_http;
    // Mappings of a large response take long: not on Qt's global pool, which the window's
    // paint engine waits on.
    QThreadPool* m_pool = nullptr;
    QString m_workspaceFile;
    quint64 m_callId = 0;
    Sent m_sent;
    // The last response and the index of its webhook (-1 when none), kept so that
    // editing the mappings does not lose their results until the next send.
    CallResult m_lastCall;
    Sent m_lastSent;
    quint64 m_evaluation = 0;
};
