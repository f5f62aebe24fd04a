#pragma once

#include "call/CallController.h"
#include "mainwindow/RecoveryManager.h"
#include "mainwindow/WorkspaceFiles.h"
#include "response/MappingResult.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class AppSettings;
class ElidedLabel;
class ExchangeController;
class HistoryDialog;
class HttpClient;
class MainWindowActions;
class MarketoController;
class MessageBar;
class PreviewController;
class QNetworkAccessManager;
class SandboxServer;
class SecretStore;
class SidePane;
class WebhookEditor;
class WebhookListPane;
class WorkspaceDocument;
class WorkspaceSecrets;

// The designer's main window. It composes the parts and decides which webhook is
// edited: the webhook list (WebhookListPane), its editor (WebhookEditor), the preview
// (PreviewController), the response, the sample data (SampleDataPane), the calls
// (CallController), the files (WorkspaceFiles), secrets (WorkspaceSecrets), crash recovery
// (RecoveryManager), Marketo (MarketoController), imports and exports
// (ExchangeController), the settings (AppSettings) and the
// actions (MainWindowActions).
//
// Contract: every edit goes through the document's undo stack. A new window holds an
// empty workspace; what opens at start, and whether recovery is offered, is decided by
// the program (openFile(), openSample(), offerRecovery()). Failures (a malformed file, a
// CSV with bad rows, a failed call, save, autosave or history write) stay in the
// non-modal message bar until dismissed.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        // The built-in sandbox service, on the port the settings prefer.
        bool startSandbox = true;
        // Where secret values are kept; the program passes the keychain. Without one the
        // window keeps them in memory for the session, as tests want.
        SecretStore* secretStore = nullptr;
    };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    WorkspaceDocument* document() const { return m_document; }
    AppSettings* settings() const { return m_settings; }
    WorkspaceSecrets* secrets() const { return m_secrets; }
    MarketoController* marketo() const { return m_marketo; }
    ExchangeController* exchange() const { return m_exchange; }
    SandboxServer* sandbox() const { return m_sandbox; }
    MessageBar* messageBar() const { return m_messageBar; }
    int currentWebhook() const { return m_currentWebhook; }
    void selectWebhook(int index);

    // Files (see WorkspaceFiles); failures go to the message bar.
    bool openFile(const QString& fileName) { return m_files->openFile(fileName); }
    bool saveToFile(const QString& fileName) { return m_files->saveToFile(fileName); }
    bool importCsv(const QString& fileName) { return m_files->importCsv(fileName); }
    void openSample() { m_files->openSample(); }
    QString saveAsStartPath() const { return m_files->saveAsStartPath(); }

    // Recovery (see RecoveryManager).
    static QString recoveryFilePath() { return RecoveryManager::recoveryFilePath(); }
    void autosaveNow() { m_recovery->autosaveNow(); }
    bool offerRecovery() { return m_recovery->offer(); }

    bool isCallRunning() const { return m_calls->isRunning(); }

public slots:
    void send();
    void cancelCall();
    void insertToken();

signals:
    void previewUpdated();
    // A call ended and the window shows all of it: status, mapped fields, body, tree and,
    // after a TLS error, the certificate. mappingsEvaluated() has been emitted before.
    void callFinished(const CallResult& result);
    // After a call, and again when the mappings are edited while its response is shown.
    void mappingsEvaluated(const MappingOutcome& outcome);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createCentralWidget();
    void startSandbox();
    void connectActions();
    void connectParts();
    void connectCalls();
    void connectDocument();
    void applySettings();
    void applyHttpOptions();

    void updateTitle();
    void updateActions();
    void setStatusText(const QString& text);

    void callStarted(const RenderedRequest& request, int webhook);
    void responseArrived(const CallResult& result);
    void showCallResult(const CallResult& result, const CallReview& review, int webhook);
    void announceCallFinished(const CallResult& result);
    void showReevaluated(const CallReview& review, int webhook);
    void showVerdict(const CallReview& review, int webhook);
    void reevaluateMappings();
    void saveBaseline();
    void clearBaseline();
    void updateBaselineActions();
    void resend(const RenderedRequest& request, const QString& webhookName);
    void openHistory();
    void openBatch();
    // A batch lead's call, kept by the batch dialog, shown as if just sent; and a batch
    // lead sent again through the one-call path (current workspace, history recorded).
    void showBatchLead(const CallResult& result,
                       const MappingOutcome& outcome,
                       const QString& lead,
                       const CallVerdict& verdict);
    void resendBatchLead(const QString& webhookName, const QJsonObject& lead);
    void showSettings();

    Options m_options;
    AppSettings* m_settings;
    WorkspaceDocument* m_document;
    QNetworkAccessManager* m_network;
    HttpClient* m_http;
    CallController* m_calls;
    SandboxServer* m_sandbox = nullptr;
    MainWindowActions* m_actions;
    MessageBar* m_messageBar;
    std::unique_ptr<SecretStore> m_ownStore;
    WorkspaceSecrets* m_secrets;
    RecoveryManager* m_recovery;
    WorkspaceFiles* m_files;
    MarketoController* m_marketo;
    ExchangeController* m_exchange;

    // Made in createCentralWidget(), before anything else uses them.
    WebhookListPane* m_list;
    WebhookEditor* m_editor;
    SidePane* m_side;
    ElidedLabel* m_statusLabel;
    PreviewController* m_preview;
    QPointer<HistoryDialog> m_historyDialog;

    int m_currentWebhook = -1;
    // The review of the response shown and its webhook's index (-1: none, or the indexes
    // shifted since): Save as Baseline keeps its shape.
    CallReview m_review;
    int m_reviewWebhook = -1;
};
