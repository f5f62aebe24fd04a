#pragma once

#include "dialogs/SettingsDialog.h"
#include "http/CallResult.h"
#include "model/Workspace.h"
#include "response/MappingResult.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class ContextModel;
class HeaderModel;
class HistoryDialog;
class HttpClient;
class LeadFieldsModel;
class LeadModel;
class MappingModel;
class MessageBar;
class PreviewPane;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QNetworkAccessManager;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class ResponsePane;
class SandboxServer;
class TemplateEditor;
class TokenEditor;
class TokenDelegate;
class TokenLineEdit;
class WebhookListModel;
class WorkspaceDocument;
struct DiagnosticLocation;

// The designer's main window: the webhook list, the editor of the selected webhook, the
// live preview, the response and the sample data, with the File/Edit/Webhook actions.
//
// Contract: every edit goes through the document's undo stack; the preview re-renders
// on a 30 ms single-shot timer after any change, so typing never waits for it; Send
// renders, calls through HttpClient on the window's own QNetworkAccessManager, shows the
// response and evaluates the mappings off the UI thread. Problems (a malformed file, a
// CSV with bad rows, a failed call) are reported in the non-modal message bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        bool startSandbox = true;
        // Open the last file or the bundled sample, and offer to restore a recovery file.
        bool openStartupWorkspace = true;
    };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    WorkspaceDocument* document() const { return m_document; }
    SandboxServer* sandbox() const { return m_sandbox; }
    MessageBar* messageBar() const { return m_messageBar; }
    int currentWebhook() const { return m_currentWebhook; }
    void selectWebhook(int index);

    // File handling; failures go to the message bar and leave the open workspace as it is.
    bool openFile(const QString& fileName);
    bool saveToFile(const QString& fileName);
    bool importCsv(const QString& fileName);
    void openSample();
    // Where Save As starts: the file itself, or for an untitled workspace the user's
    // Documents folder (home when there is none), never the working directory.
    QString saveAsStartPath() const;

    // The bundled sample with its sandbox URLs pointing at `sandboxUrl`.
    static QByteArray sampleWorkspace(const QString& sandboxUrl);

    // Recovery: where the autosave writes, and writing it now (the timer calls this).
    static QString recoveryFilePath();
    void autosaveNow();
    void setAutosaveInterval(int milliseconds);
    // Offers to restore a recovery file left by a crash; true when one was found.
    bool offerRecovery();

    bool isCallRunning() const { return m_callId != 0; }

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
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    QWidget* createWebhookListPane();
    QWidget* createEditorPane();
    QWidget* createSampleDataPane();
    void connectDocument();
    void applySettings();

    void syncEditor();
    void syncProperty(int property);
    void editProperty(int property, const QVariant& value);
    void schedulePreview();
    void refreshPreview();
    void refreshTokens();
    void updateTitle();
    // The status bar's text, elided to the label's width (in full in its tooltip), so a
    // long URL never widens the window.
    void setStatusText(const QString& text);
    void elideStatusText();
    // The URL as the status bar may show it: secret My Token values masked.
    QString maskedUrl(const Webhook& webhook, const QString& url) const;
    void updateActions();
    void jumpTo(const DiagnosticLocation& where, int line, int column);

    void newWorkspace();
    void open();
    bool save();
    bool saveAs();
    void importCsvDialog();
    bool maybeSave();
    void addRecentFile(const QString& fileName);
    void updateRecentMenu();
    void showSettings();
    void clearRecovery();

    void addWebhook();
    void duplicateWebhook();
    void renameWebhook();
    void deleteWebhook();
    void addHeader();
    void addMapping();
    void removeSelectedRow(QTableView* view, bool headers);
    void moveSelectedRow(QTableView* view, bool headers, int delta);

    void callDone(quint64 id, const CallResult& result);
    void announceCallFinished(const CallResult& result);
    // The current webhook's mappings against its last response, after they were edited.
    void reevaluateMappings();
    void recordHistory(const Webhook& webhook, const CallResult& result, const MappingOutcome& outcome);
    void openBatch();
    void openHistory();
    QString historyBase() const;

    Options m_options;
    WorkspaceDocument* m_document;
    WebhookListModel* m_webhookModel;
    QSortFilterProxyModel* m_webhookProxy;
    HeaderModel* m_headerModel;
    MappingModel* m_mappingModel;
    LeadModel* m_leadModel;
    LeadFieldsModel* m_leadFieldsModel;
    ContextModel* m_contextModel;

    QNetworkAccessManager* m_network;
    HttpClient* m_http;
    SandboxServer* m_sandbox = nullptr;

    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QListView* m_webhookList = nullptr;
    QWidget* m_editorPane = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_descriptionEdit = nullptr;
    TokenLineEdit* m_urlEdit = nullptr;
    QComboBox* m_requestTypeCombo = nullptr;
    QComboBox* m_encodingCombo = nullptr;
    QComboBox* m_responseTypeCombo = nullptr;
    QLabel* m_payloadReasonLabel = nullptr;
    TemplateEditor* m_templateEditor = nullptr;
    QTabWidget* m_editorTabs = nullptr;
    QTableView* m_headersTable = nullptr;
    QTableView* m_mappingsTable = nullptr;
    QTabWidget* m_sideTabs = nullptr;
    PreviewPane* m_previewPane = nullptr;
    ResponsePane* m_responsePane = nullptr;
    QComboBox* m_leadCombo = nullptr;
    QTableView* m_leadFieldsTable = nullptr;
    QTableView* m_contextTable = nullptr;
    QComboBox* m_contextScopeCombo = nullptr;
    QComboBox* m_timeZoneCombo = nullptr;
    QLabel* m_statusLabel = nullptr;
    QString m_statusText;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_importCsvAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_addWebhookAction = nullptr;
    QAction* m_duplicateWebhookAction = nullptr;
    QAction* m_renameWebhookAction = nullptr;
    QAction* m_deleteWebhookAction = nullptr;
    QAction* m_sendAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_insertTokenAction = nullptr;
    QAction* m_batchAction = nullptr;
    QAction* m_historyAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QMenu* m_recentMenu = nullptr;

    QTimer m_previewTimer;
    QTimer m_autosaveTimer;
    SettingsDialog::Values m_settings;
    int m_currentWebhook = -1;
    bool m_syncing = false;
    quint64 m_callId = 0;
    // The last response of the current webhook (m_lastCallWebhook, -1 when none), kept so
    // that editing the mappings does not lose their results until the next send.
    CallResult m_lastCall;
    int m_lastCallWebhook = -1;
    quint64 m_mappingEvaluation = 0;
    quint64 m_autosavedRevision = 0;
    bool m_recoveryPending = false;
    QPointer<QWidget> m_lastTokenField;
    QPointer<HistoryDialog> m_historyDialog;
    TokenDelegate* m_headerValueDelegate = nullptr;
};
