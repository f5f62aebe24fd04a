#include "call/CallController.h"
#include "history/CallHistory.h"
#include "history/SecretRedactor.h"
#include "http/HttpClient.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

// The designer's calls without a window, against the sandbox on 127.0.0.1 port 0: the
// mappings evaluated from a real response, the history written, cancel, re-send with the
// secrets put back, and a call that fails.
class tst_CallController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sendEvaluatesTheMappingsAndRecordsTheCall();
    void oneCallAtATime();
    void cancelEndsTheCall();
    void aFailedCallSaysWhyAndIsRecorded();
    void editedMappingsAreEvaluatedAgainstTheLastResponse();
    void theReviewJudgesChecksAndDrift();
    void forgottenIndexesEvaluateNothing();
    void resendPutsTheSecretHeaderBack();
    void resendRefusesAMissingSecret();
    void aHistoryThatCannotBeWrittenIsReported();

private:
    Workspace workspace(const QString& path) const;
    QJsonObject lead() const;
    // Waits for finished() and returns its arguments.
    QList<QVariant> waitFinished(QSignalSpy& finished, int count = 1);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<CallController> m_calls;
};

void tst_CallController::init()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen(0) != 0);
    m_manager = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<HttpClient>(m_manager.get());
    m_calls = std::make_unique<CallController>(m_client.get());
    static int count = 0;
    m_calls->setWorkspaceFile(m_dir.filePath(QStringLiteral("w%1.webhooks.json").arg(++count)));
}

void tst_CallController::cleanup()
{
    m_calls.reset();
    m_client.reset();
    m_manager.reset();
    m_server.reset();
}

Workspace tst_CallController::workspace(const QString& path) const
{
    Workspace ws;
    Webhook webhook;
    webhook.name = QStringLiteral("Enrich");
    webhook.url = m_server->url().toString() + path;
    webhook.requestType = RequestType::Post;
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.responseType = ResponseType::Json;
    webhook.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}}");
    webhook.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}},
                       {QStringLiteral("X-Key"), QStringLiteral("key-of-now"), true, {}}};
    webhook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}}};
    ws.webhooks = {webhook};
    ws.leads = {lead()};
    return ws;
}

QJsonObject tst_CallController::lead() const
{
    QJsonObject ada;
    ada.insert(QStringLiteral("Email Address"), QStringLiteral("ada@example.com"));
    return ada;
}

QList<QVariant> tst_CallController::waitFinished(QSignalSpy& finished, int count)
{
    if (!QTest::qWaitFor([&] { return finished.count() >= count; }, 20000))
        return {};
    return finished.at(count - 1);
}

void tst_CallController::sendEvaluatesTheMappingsAndRecordsTheCall()
{
    QSignalSpy started(m_calls.get(), &CallController::started);
    QSignalSpy arrived(m_calls.get(), &CallController::responseArrived);
    QSignalSpy recorded(m_calls.get(), &CallController::historyRecorded);
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QVERIFY(m_calls->send(workspace(QStringLiteral("/enrich")), 0, lead()));
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).value<RenderedRequest>().body, QByteArray("{\"email\": \"ada@example.com\"}"));
    QVERIFY(m_calls->isRunning());

    const QList<QVariant> args = waitFinished(finished);
    QVERIFY(!args.isEmpty());
    QCOMPARE(arrived.count(), 1);
    QCOMPARE(recorded.count(), 1);
    QVERIFY(!m_calls->isRunning());
    const auto result = args.at(0).value<CallResult>();
    const auto outcome = args.at(1).value<CallReview>().outcome;
    QCOMPARE(result.status, 200);
    QCOMPARE(args.at(2).toInt(), 0);
    QCOMPARE(outcome.appliedCount(), 1);
    QCOMPARE(outcome.mappings.at(0).field, QStringLiteral("company"));
    QVERIFY(!outcome.mappings.at(0).value.toString().isEmpty());

    CallHistory history(m_calls->historyBase());
    const QList<CallHistoryEntry> entries = history.entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).webhook, QStringLiteral("Enrich"));
    // The secret header never reaches the file.
    QVERIFY(!QJsonDocument(entries.at(0).request).toJson().contains("key-of-now"));
}

void tst_CallController::oneCallAtATime()
{
    const Workspace ws = workspace(QStringLiteral("/delay/300"));
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QVERIFY(m_calls->send(ws, 0, lead()));
    QVERIFY(!m_calls->send(ws, 0, lead()));
    QCOMPARE(m_calls->resend(RenderedRequest(), ws, 0, lead()), CallController::Resend::Busy);
    QVERIFY(!waitFinished(finished).isEmpty());
    QCOMPARE(m_server->requestCount(), 1);
    // An index the workspace does not have sends nothing.
    QVERIFY(!m_calls->send(ws, 1, lead()));
    QVERIFY(!m_calls->send(ws, -1, lead()));
}

void tst_CallController::cancelEndsTheCall()
{
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QVERIFY(m_calls->send(workspace(QStringLiteral("/delay/20000")), 0, lead()));
    // The request is out and the server holds it.
    QTRY_VERIFY(m_server->totalConnections() >= 1);
    m_calls->cancel();
    const QList<QVariant> args = waitFinished(finished);
    QVERIFY(!args.isEmpty());
    QVERIFY(!m_calls->isRunning());
    QCOMPARE(args.at(0).value<CallResult>().error, CallResult::ErrorKind::Cancelled);
    QCOMPARE(args.at(1).value<CallReview>().outcome.appliedCount(), 0);
}

void tst_CallController::aFailedCallSaysWhyAndIsRecorded()
{
    Workspace ws = workspace(QString());
    ws.webhooks[0].url = QStringLiteral("http://127.0.0.1:1/enrich");
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QSignalSpy recorded(m_calls.get(), &CallController::historyRecorded);
    QVERIFY(m_calls->send(ws, 0, lead()));
    const QList<QVariant> args = waitFinished(finished);
    QVERIFY(!args.isEmpty());
    const auto result = args.at(0).value<CallResult>();
    const auto outcome = args.at(1).value<CallReview>().outcome;
    QCOMPARE(result.error, CallResult::ErrorKind::ConnectionRefused);
    QVERIFY(!result.errorMessage.isEmpty());
    QCOMPARE(outcome.reason, result.errorMessage);
    QCOMPARE(outcome.appliedCount(), 0);
    QCOMPARE(outcome.mappings.size(), 1);
    QCOMPARE(recorded.count(), 1);
    QCOMPARE(CallHistory(m_calls->historyBase()).entries().size(), 1);
}

void tst_CallController::editedMappingsAreEvaluatedAgainstTheLastResponse()
{
    Workspace ws = workspace(QStringLiteral("/enrich"));
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QVERIFY(m_calls->send(ws, 0, lead()));
    QVERIFY(!waitFinished(finished).isEmpty());

    ws.webhooks[0].responseMappings.append({QStringLiteral("data.industry"), QStringLiteral("industry"), {}});
    QSignalSpy reevaluated(m_calls.get(), &CallController::reevaluated);
    QVERIFY(m_calls->reevaluate(ws, 0, lead()));
    QCOMPARE(reevaluated.count(), 1);
    const auto outcome = reevaluated.at(0).at(0).value<CallReview>().outcome;
    QCOMPARE(reevaluated.at(0).at(1).toInt(), 0);
    QCOMPARE(outcome.mappings.size(), 2);
    QCOMPARE(outcome.appliedCount(), 2);
    // No new call went out for it.
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_CallController::theReviewJudgesChecksAndDrift()
{
    Workspace ws = workspace(QStringLiteral("/enrich"));
    Check written;
    written.kind = Check::Kind::FieldWritten;
    written.target = QStringLiteral("company");
    Check slow;
    slow.kind = Check::Kind::LatencyBelow;
    slow.latencyMs = 600000;
    Check created = Check::status(QStringLiteral("201"));
    ws.webhooks[0].checks = {written, slow, created};
    ws.webhooks[0].responseMappings.append({QStringLiteral("data.employees"), QStringLiteral("numberOfEmployees"), {}});
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QVERIFY(m_calls->send(ws, 0, lead()));
    const QList<QVariant> args = waitFinished(finished);
    QVERIFY(!args.isEmpty());
    const auto review = args.at(1).value<CallReview>();
    QCOMPARE(review.verdict.checks.size(), 3);
    QVERIFY(review.verdict.checks.at(0).passed);
    QVERIFY(review.verdict.checks.at(1).passed);
    QVERIFY(!review.verdict.checks.at(2).passed);
    // No baseline yet: no drift, but the shape to save as the first one.
    QVERIFY(review.verdict.drift.isEmpty());
    QVERIFY(review.verdict.shape);
    QCOMPARE(review.verdict.shape->paths.value(QStringLiteral("data.company")), QStringLiteral("string"));

    // With that shape as the baseline, a response of another shape drifts, and the
    // mapped path that changed is a failure; judged again without a new call.
    ws.webhooks[0].baseline = review.verdict.shape;
    ws.webhooks[0].url = m_server->url().toString() + QStringLiteral("/enrich?shape=v2");
    QVERIFY(m_calls->send(ws, 0, lead()));
    const auto drifted = waitFinished(finished, 2).value(1).value<CallReview>();
    QVERIFY(!drifted.verdict.drift.isEmpty());
    QVERIFY(std::any_of(drifted.verdict.drift.cbegin(), drifted.verdict.drift.cend(), [](const ShapeDifference& d) {
        return d.isFailure() && d.path == QStringLiteral("data.employees");
    }));
    ws.webhooks[0].baseline.reset();
    QSignalSpy reevaluated(m_calls.get(), &CallController::reevaluated);
    QVERIFY(m_calls->reevaluate(ws, 0, lead()));
    QVERIFY(reevaluated.at(0).at(0).value<CallReview>().verdict.drift.isEmpty());
    QCOMPARE(m_server->requestCount(), 2);
}

void tst_CallController::forgottenIndexesEvaluateNothing()
{
    Workspace ws = workspace(QStringLiteral("/enrich"));
    ws.webhooks.append(ws.webhooks.at(0));
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QSignalSpy reevaluated(m_calls.get(), &CallController::reevaluated);
    QVERIFY(m_calls->send(ws, 0, lead()));
    QVERIFY(!waitFinished(finished).isEmpty());
    // Another webhook's mappings are not evaluated against this response.
    QVERIFY(!m_calls->reevaluate(ws, 1, lead()));
    m_calls->forgetLastCall();
    QVERIFY(!m_calls->reevaluate(ws, 0, lead()));
    QCOMPARE(reevaluated.count(), 0);

    // Forgotten while the call runs: the outcome comes, for no index.
    QVERIFY(m_calls->send(ws, 0, lead()));
    m_calls->forgetLastCall();
    const QList<QVariant> args = waitFinished(finished, 2);
    QVERIFY(!args.isEmpty());
    QCOMPARE(args.at(2).toInt(), -1);
}

void tst_CallController::resendPutsTheSecretHeaderBack()
{
    const Workspace ws = workspace(QStringLiteral("/echo"));
    RenderedRequest recorded;
    recorded.method = QStringLiteral("POST");
    recorded.url = m_server->url().toString() + QStringLiteral("/echo");
    recorded.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false},
                        {QStringLiteral("X-Key"), SecretRedactor::placeholder(), false}};
    recorded.body = "{\"email\": \"then@example.com\"}";
    recorded.hasBody = true;
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QCOMPARE(m_calls->resend(recorded, ws, 0, lead()), CallController::Resend::Sent);
    const QList<QVariant> args = waitFinished(finished);
    QVERIFY(!args.isEmpty());
    const auto result = args.at(0).value<CallResult>();
    QCOMPARE(result.status, 200);
    // Sent as recorded, with the secret of now in place of the placeholder.
    QVERIFY2(result.body.contains("key-of-now"), result.body.constData());
    QVERIFY(result.body.contains("then@example.com"));
    QCOMPARE(CallHistory(m_calls->historyBase()).entries().size(), 1);

    // A webhook the workspace no longer has: sent as recorded when nothing is masked,
    // and neither evaluated nor recorded.
    recorded.headers.removeLast();
    QCOMPARE(m_calls->resend(recorded, ws, -1, lead()), CallController::Resend::Sent);
    const QList<QVariant> unknown = waitFinished(finished, 2);
    QVERIFY(!unknown.isEmpty());
    QCOMPARE(unknown.at(2).toInt(), -1);
    QVERIFY(!unknown.at(1).value<CallReview>().outcome.statusApplies);
    QCOMPARE(CallHistory(m_calls->historyBase()).entries().size(), 1);
}

void tst_CallController::resendRefusesAMissingSecret()
{
    const Workspace ws = workspace(QStringLiteral("/echo"));
    RenderedRequest recorded;
    recorded.method = QStringLiteral("GET");
    recorded.url = m_server->url().toString() + QStringLiteral("/echo?key=") + SecretRedactor::placeholder();
    QSignalSpy started(m_calls.get(), &CallController::started);
    QCOMPARE(m_calls->resend(recorded, ws, 0, lead()), CallController::Resend::SecretsMissing);
    QCOMPARE(started.count(), 0);
    QVERIFY(!m_calls->isRunning());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_CallController::aHistoryThatCannotBeWrittenIsReported()
{
    // The workspace "folder" is a file: the history next to it cannot be written.
    QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    m_calls->setWorkspaceFile(blocker.fileName() + QStringLiteral("/w.webhooks.json"));
    QSignalSpy failed(m_calls.get(), &CallController::historyFailed);
    QSignalSpy finished(m_calls.get(), &CallController::finished);
    QVERIFY(m_calls->send(workspace(QStringLiteral("/enrich")), 0, lead()));
    const QList<QVariant> args = waitFinished(finished);
    QVERIFY(!args.isEmpty());
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("history")),
             qPrintable(failed.at(0).at(0).toString()));
    // The call itself is shown all the same.
    QCOMPARE(args.at(1).value<CallReview>().outcome.appliedCount(), 1);
}

QTEST_GUILESS_MAIN(tst_CallController)
#include "tst_callcontroller.moc"
