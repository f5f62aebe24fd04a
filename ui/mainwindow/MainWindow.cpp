#include "MainWindow.h"

#include "appearance/Theme.h"
#include "batch/BatchDialog.h"
#include "dialogs/SettingsDialog.h"
#include "document/MappingModel.h"
#include "document/SetBaselineCommand.h"
#include "document/SetTrustedCertificateCommand.h"
#include "document/WorkspaceDocument.h"
#include "exchange/ExchangeController.h"
#include "history/CallHistory.h"
#include "history/HistoryDialog.h"
#include "history/SecretRedactor.h"
#include "http/HttpClient.h"
#include "mainwindow/AppSettings.h"
#include "mainwindow/MainWindowActions.h"
#include "mainwindow/MarketoController.h"
#include "mainwindow/PreviewController.h"
#include "mainwindow/SampleDataPane.h"
#include "mainwindow/SidePane.h"
#include "mainwindow/WebhookEditor.h"
#include "mainwindow/WebhookListPane.h"
#include "mainwindow/WorkspaceSecrets.h"
#include "preview/PreviewPane.h"
#include "response/MappingResultModel.h"
#include "response/ResponsePane.h"
#include "sandbox/SandboxServer.h"
#include "secrets/MemorySecretStore.h"
#include "template/TokenCatalog.h"
#include "widgets/ElidedLabel.h"
#include "widgets/MessageBar.h"
#include "widgets/Named.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileInfo>
#include <QListView>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

// The resources live in the static wdui library; nothing references them, so the
// linker would drop them unless they are initialised explicitly.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

MainWindow::MainWindow(QWidget* parent) : MainWindow(Options(), parent) { }

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_settings(new AppSettings(this))
    , m_document(new WorkspaceDocument(this))
    , m_network(new QNetworkAccessManager(this))
    , m_http(new HttpClient(m_network, this))
    , m_calls(new CallController(m_http, this))
    , m_actions(new MainWindowActions(this, m_document->undoStack()))
    , m_messageBar(named(new MessageBar(this), "messageBar", tr("Messages")))
    , m_ownStore(options.secretStore ? nullptr : new MemorySecretStore)
    , m_secrets(new WorkspaceSecrets(
          m_document, options.secretStore ? options.secretStore : m_ownStore.get(), m_messageBar, this))
    , m_recovery(new RecoveryManager(m_document, m_secrets, m_messageBar, this))
    , m_files(new WorkspaceFiles(m_document, m_settings, m_recovery, m_secrets, m_messageBar, this))
    , m_marketo(new MarketoController(m_document, m_secrets, m_network, m_messageBar, this))
    , m_exchange(new ExchangeController(m_document, m_messageBar, this))
{
    initResources();
    named(this, "mainWindow", tr("Webhook Designer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/webhook-designer.png")));
    setAcceptDrops(true);
    m_actions->setRecentFiles(m_settings->recentFiles());
    createCentralWidget();
    m_preview = new PreviewController(m_document, m_editor, m_side->previewPane(), m_side->responsePane(), this);
    m_preview->setBusy([this] { return isCallRunning(); });
    connectActions();
    connectParts();
    connectCalls();
    connectDocument();
    applySettings();
    startSandbox();
    m_document->reset(Workspace(), QString());
    updateTitle();
    updateActions();
    // Roomy, but never larger than the screen: at 200% a 2560x1600 screen is 1280x800.
    const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1500, 920);
    resize(QSize(1500, 920).boundedTo(available * 0.95).expandedTo(minimumSizeHint()));
    // Start on the list, not the filter box that comes first in the tab order: a first
    // key press should not silently filter the webhooks away.
    m_list->list()->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    m_http->cancelAll();
    // ~QWidget hides the children, and a focused line edit then emits editingFinished:
    // its handlers must not run on a window that is already half destroyed.
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children) {
        child->disconnect(this);
    }
    // Likewise a table cell editor still open commits on that hide: the edit may reach the
    // document, but no longer this window.
    m_document->disconnect(this);
    m_document->undoStack()->disconnect(this);
}

void MainWindow::createCentralWidget()
{
    m_list = new WebhookListPane(m_document, m_actions, this);
    m_editor = new WebhookEditor(m_document, this);
    m_editor->chainTabOrder(m_list->lastInTabOrder());
    auto* splitter = named(new QSplitter(Qt::Horizontal, this), "mainSplitter", tr("Main areas"));
    splitter->addWidget(m_list);
    splitter->addWidget(m_editor);
    m_side = new SidePane(m_document, splitter);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({220, 660, 720});
    splitter->setChildrenCollapsible(false);

    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_messageBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_statusLabel = named(new ElidedLabel(this), "statusLabel", tr("Status"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_marketo->statusLabel());
}

void MainWindow::startSandbox()
{
    if (!m_options.startSandbox) {
        return;
    }
    m_sandbox = new SandboxServer(this);
    constexpr int kPortTries = 20;
    QString error;
    if (!m_sandbox->listen(quint16(m_settings->values().sandboxPort), kPortTries, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("The sandbox service could not start: %1. The sample webhooks will not "
                                     "get an answer.")
                                      .arg(error));
    }
    m_files->setSandboxUrl(m_sandbox->url().toString());
    m_list->setSandboxUrl(m_sandbox->url().toString());
}

void MainWindow::connectActions()
{
    using A = MainWindowActions;
    const auto on = [this](A::Id id, auto slot) { connect(m_actions->action(id), &QAction::triggered, this, slot); };
    on(A::New, [this] { m_files->newWorkspace(); });
    on(A::Open, [this] { m_files->open(); });
    on(A::Save, [this] { m_files->save(); });
    on(A::SaveAs, [this] { m_files->saveAs(); });
    on(A::ImportCsv, [this] { m_files->importCsvDialog(); });
    on(A::Settings, [this] { showSettings(); });
    on(A::Send, [this] { send(); });
    on(A::Cancel, [this] { cancelCall(); });
    on(A::InsertToken, [this] { insertToken(); });
    on(A::Batch, [this] { openBatch(); });
    on(A::History, [this] { openHistory(); });
    on(A::SaveBaseline, [this] { saveBaseline(); });
    on(A::ClearBaseline, [this] { clearBaseline(); });
    on(A::MarketoConnect, [this] { m_marketo->connectInstance(); });
    on(A::MarketoFields, [this] { m_marketo->import(MarketoImportDialog::Kind::Fields); });
    on(A::MarketoLeads, [this] { m_marketo->import(MarketoImportDialog::Kind::Leads); });
    on(A::MarketoTokens, [this] { m_marketo->import(MarketoImportDialog::Kind::Tokens); });
    on(A::NewFromCurl, [this] { m_exchange->newFromCurl(); });
    on(A::CopyAsCurl, [this] { m_exchange->copyAsCurl(m_currentWebhook); });
    on(A::ExportFile, [this] { m_exchange->exportFile(m_currentWebhook); });
    on(A::ShowSetupSheet, [this] { m_exchange->showSetupSheet(m_currentWebhook); });
    on(A::ImportPostman, [this] { m_exchange->importPostman(); });
    connect(m_actions, &MainWindowActions::recentFileChosen, m_files, &WorkspaceFiles::openRecent);
    connect(m_settings, &AppSettings::recentFilesChanged, this, [this] {
        m_actions->setRecentFiles(m_settings->recentFiles());
    });
    connect(m_settings, &AppSettings::valuesChanged, this, &MainWindow::applySettings);
}

void MainWindow::connectParts()
{
    connect(m_list, &WebhookListPane::webhookChosen, this, &MainWindow::selectWebhook);
    connect(m_list, &WebhookListPane::webhookAdded, m_editor, &WebhookEditor::focusName);
    connect(m_editor, &WebhookEditor::statusText, this, &MainWindow::setStatusText);
    connect(m_editor, &WebhookEditor::sendRequested, this, &MainWindow::send);
    connect(m_editor, &WebhookEditor::curlPasted, m_exchange, [this](const QString& command) {
        m_exchange->newFromCurl(command);
    });
    connect(m_exchange, &ExchangeController::statusText, this, &MainWindow::setStatusText);
    connect(m_preview, &PreviewController::statusText, this, &MainWindow::setStatusText);
    connect(m_preview, &PreviewController::previewUpdated, this, &MainWindow::previewUpdated);
    connect(m_files, &WorkspaceFiles::statusText, this, &MainWindow::setStatusText);
    connect(m_files, &WorkspaceFiles::leadsImported, this, [this] { m_side->showSampleData(); });
    connect(m_side->sampleData(), &SampleDataPane::importCsvRequested, m_files, &WorkspaceFiles::importCsvDialog);
    connect(m_side->sampleData(), &SampleDataPane::problem, this, [this](const QString& text) {
        m_messageBar->showMessage(MessageBar::Kind::Warning, text);
    });
    connect(m_side->responsePane(), &ResponsePane::createMapping, m_editor, &WebhookEditor::addMapping);
    connect(m_side->responsePane(), &ResponsePane::saveBaselineRequested, this, &MainWindow::saveBaseline);
    connect(m_side->responsePane(), &ResponsePane::clearBaselineRequested, this, &MainWindow::clearBaseline);
    connect(m_side->responsePane(), &ResponsePane::pathCopied, this, [this](const QString& path) {
        setStatusText(tr("Copied %1").arg(path));
    });
    // Trusting is an edit of the workspace (saved, undoable); the call is then tried again.
    connect(m_side->responsePane(),
            &ResponsePane::trustCertificateRequested,
            this,
            [this](const QString& host, const QByteArray& sha256) {
                TrustedCertificate certificate;
                certificate.host = host;
                certificate.sha256 = sha256;
                m_document->undoStack()->push(new SetTrustedCertificateCommand(m_document, certificate));
                send();
            });
}

void MainWindow::connectCalls()
{
    connect(m_calls, &CallController::started, this, &MainWindow::callStarted);
    connect(m_calls, &CallController::responseArrived, this, &MainWindow::responseArrived);
    connect(m_calls, &CallController::finished, this, &MainWindow::showCallResult);
    connect(m_calls, &CallController::reevaluated, this, &MainWindow::showReevaluated);
    connect(m_calls, &CallController::historyRecorded, this, [this] {
        if (m_historyDialog) {
            m_historyDialog->setEntries(CallHistory(m_calls->historyBase()).entries());
        }
    });
    connect(m_calls, &CallController::historyFailed, this, [this](const QString& message) {
        m_messageBar->showMessage(MessageBar::Kind::Error, message);
    });
    connect(m_document, &WorkspaceDocument::filePathChanged, m_calls, &CallController::setWorkspaceFile);
    // Every call from the window, and the batch dialog, carries the workspace's trust.
    connect(m_document, &WorkspaceDocument::trustedCertificateChanged, this, &MainWindow::applyHttpOptions);
    connect(m_document, &WorkspaceDocument::workspaceReset, this, &MainWindow::applyHttpOptions);
}

void MainWindow::connectDocument()
{
    using Property = WorkspaceDocument::Property;
    connect(m_document, &WorkspaceDocument::changed, m_preview, &PreviewController::schedule);
    connect(m_document, &WorkspaceDocument::changed, this, &MainWindow::updateActions);
    connect(m_document, &WorkspaceDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkspaceDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkspaceDocument::workspaceReset, this, [this] {
        m_currentWebhook = -1;
        m_reviewWebhook = -1;
        m_editor->mappingModel()->clearOutcome();
        selectWebhook(m_document->workspace().webhooks.isEmpty() ? -1 : 0);
        m_preview->refreshTokens();
    });
    // A new, duplicated or undeleted webhook becomes the one being edited; after a
    // removal the next one does. Either way the indexes shift: the last response may no
    // longer be the current webhook's.
    connect(m_document, &WorkspaceDocument::webhookInserted, this, [this](int index) {
        m_currentWebhook = -1;
        m_reviewWebhook = -1;
        selectWebhook(index);
        m_calls->forgetLastCall();
    });
    connect(m_document, &WorkspaceDocument::webhookRemoved, this, [this](int index) {
        const int count = m_document->workspace().webhooks.size();
        m_currentWebhook = -1;
        m_reviewWebhook = -1;
        selectWebhook(count == 0 ? -1 : qMin(index, count - 1));
        m_calls->forgetLastCall();
    });
    connect(m_document, &WorkspaceDocument::workspaceReset, m_calls, &CallController::forgetLastCall);
    connect(m_document, &WorkspaceDocument::webhookChanged, this, [this](int index, Property property) {
        if (index == m_currentWebhook) {
            m_editor->syncProperty(property);
        }
        if (property == Property::Name) {
            m_preview->refreshTokens();
        }
    });
    // The models drop the results on a structural change (they are matched by position);
    // these run after them and review the last response again: mappings, checks and drift
    // (which paths the mappings read) all depend on the edited rows.
    const auto mappingsEdited = [this](WorkspaceDocument::RowTable table, int webhook) {
        if (table != WorkspaceDocument::RowTable::Headers && webhook == m_currentWebhook) {
            reevaluateMappings();
        }
    };
    connect(m_document, &WorkspaceDocument::rowInserted, this, mappingsEdited);
    connect(m_document, &WorkspaceDocument::rowRemoved, this, mappingsEdited);
    connect(m_document, &WorkspaceDocument::rowMoved, this, mappingsEdited);
    connect(m_document, &WorkspaceDocument::rowChanged, this, mappingsEdited);
    connect(m_document, &WorkspaceDocument::baselineChanged, this, [this](int webhook) {
        if (webhook == m_currentWebhook) {
            reevaluateMappings();
        }
        updateBaselineActions();
    });
    connect(m_document, &WorkspaceDocument::currentLeadChanged, this, [this] {
        m_preview->refreshTokens();
        m_preview->schedule();
    });
    connect(m_document, &WorkspaceDocument::leadsReset, m_preview, &PreviewController::refreshTokens);
    connect(m_document, &WorkspaceDocument::leadChanged, m_preview, &PreviewController::refreshTokens);
    connect(m_document, &WorkspaceDocument::contextChanged, m_preview, &PreviewController::refreshTokens);
}

void MainWindow::applySettings()
{
    applyHttpOptions();
    m_editor->setEditorFontSize(m_settings->values().editorFontSize);
    Theme::apply(m_settings->values().theme);
}

void MainWindow::applyHttpOptions()
{
    HttpClient::Options options = m_http->options();
    options.timeoutMs = m_settings->values().timeoutSeconds * 1000;
    options.followRedirects = m_settings->values().followRedirects;
    options.trust(m_document->workspace().trustedCertificate);
    m_http->setOptions(options);
    m_marketo->setHttpOptions(options);
}

void MainWindow::selectWebhook(int index)
{
    if (index < -1 || index >= m_document->workspace().webhooks.size()) {
        index = -1;
    }
    if (index != m_currentWebhook) {
        m_currentWebhook = index;
        m_editor->setWebhook(index);
    }
    m_list->showWebhook(index);
    updateActions();
    updateBaselineActions();
    m_preview->schedule();
}

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowTitle(tr("%1[*] — Webhook Designer").arg(name));
    setWindowFilePath(path);
    setWindowModified(m_document->isModified());
}

void MainWindow::setStatusText(const QString& text)
{
    m_statusLabel->setFullText(text);
}

void MainWindow::updateActions()
{
    m_actions->updateEnabled(m_currentWebhook >= 0, isCallRunning());
}

void MainWindow::insertToken()
{
    m_editor->insertToken(
        TokenCatalog(m_document->workspace(), m_document->currentLead(), QDateTime::currentDateTimeUtc()).tokens());
}

void MainWindow::send()
{
    if (m_currentWebhook >= 0) {
        m_calls->send(m_document->workspace(), m_currentWebhook, m_document->currentLeadObject());
    }
}

void MainWindow::cancelCall()
{
    m_calls->cancel();
}

void MainWindow::callStarted(const RenderedRequest& request, int webhook)
{
    const Workspace& workspace = m_document->workspace();
    // The redactor history uses, so the status bar hides exactly what history hides.
    const QString url =
        webhook >= 0 ? SecretRedactor(workspace, workspace.webhooks.at(webhook)).redact(request.url) : request.url;
    m_editor->mappingModel()->clearOutcome();
    setStatusText(tr("Sending %1 %2…").arg(request.method, url));
    m_side->responsePane()->showPending();
    m_side->showResponse();
    updateActions();
}

void MainWindow::responseArrived(const CallResult& result)
{
    updateActions();
    m_side->previewPane()->rememberSentHeaders(result.requestHeaders);
    if (result.error == CallResult::ErrorKind::None) {
        setStatusText(tr("%1 %2 · %3 ms · %4 bytes")
                          .arg(result.status)
                          .arg(result.reason)
                          .arg(qRound(result.totalMs))
                          .arg(result.bodySize));
        return;
    }
    setStatusText(result.errorMessage);
    // The user who cancelled knows; any other failure stays in view until dismissed.
    if (result.error != CallResult::ErrorKind::Cancelled) {
        m_messageBar->showMessage(MessageBar::Kind::Error, result.errorMessage);
    }
}

void MainWindow::showCallResult(const CallResult& result, const CallReview& review, int webhook)
{
    if (webhook >= 0 && webhook == m_currentWebhook) {
        m_editor->mappingModel()->setOutcome(review.outcome);
    }
    QStringList secretHeaders;
    if (webhook >= 0 && webhook < m_document->workspace().webhooks.size())
        secretHeaders =
            SecretRedactor(m_document->workspace(), m_document->workspace().webhooks.at(webhook)).secretHeaderNames();
    m_side->responsePane()->showResult(result, review.outcome, secretHeaders);
    showVerdict(review, webhook);
    emit mappingsEvaluated(review.outcome);
    announceCallFinished(result);
}

void MainWindow::showVerdict(const CallReview& review, int webhook)
{
    m_review = review;
    m_reviewWebhook = webhook;
    const Webhook* own = webhook >= 0 ? &m_document->workspace().webhooks.at(webhook) : nullptr;
    m_side->responsePane()->showVerdict(review.verdict, own && own->baseline.has_value());
    if (review.verdict.shape) {
        m_editor->setResponsePaths(review.verdict.shape->paths.keys());
    }
    updateBaselineActions();
}

void MainWindow::saveBaseline()
{
    if (m_currentWebhook < 0 || m_reviewWebhook != m_currentWebhook || !m_review.verdict.shape) {
        return;
    }
    m_document->undoStack()->push(new SetBaselineCommand(m_document, m_currentWebhook, m_review.verdict.shape));
}

void MainWindow::clearBaseline()
{
    if (m_currentWebhook >= 0 && m_document->workspace().webhooks.at(m_currentWebhook).baseline) {
        m_document->undoStack()->push(new SetBaselineCommand(m_document, m_currentWebhook, std::nullopt));
    }
}

void MainWindow::updateBaselineActions()
{
    const Webhook* current = m_currentWebhook >= 0 ? &m_document->workspace().webhooks.at(m_currentWebhook) : nullptr;
    // Saving the shape the baseline already holds would be an edit that changes nothing.
    const bool canSave = current && m_reviewWebhook == m_currentWebhook && m_review.verdict.shape
                         && current->baseline != m_review.verdict.shape;
    const bool canClear = current && current->baseline.has_value();
    m_side->responsePane()->setBaselineActions(canSave, canClear);
    m_actions->updateBaseline(canSave, canClear);
}

void MainWindow::announceCallFinished(const CallResult& result)
{
    // callFinished() promises that the window shows the whole result: status, mapped
    // fields, body, tree and certificate. A large body is still being formatted on a
    // worker thread; the promise waits for it.
    if (!m_side->responsePane()->isBusy()) {
        emit callFinished(result);
        return;
    }
    auto* waiting = new QObject(this);
    connect(m_side->responsePane(), &ResponsePane::busyChanged, waiting, [this, waiting, result](bool busy) {
        if (busy)
            return;
        waiting->deleteLater();
        emit callFinished(result);
    });
}

void MainWindow::reevaluateMappings()
{
    if (!m_calls->reevaluate(m_document->workspace(), m_currentWebhook, m_document->currentLeadObject())) {
        m_editor->mappingModel()->clearOutcome();
    }
}

void MainWindow::showReevaluated(const CallReview& review, int webhook)
{
    if (webhook != m_currentWebhook) {
        return;
    }
    m_editor->mappingModel()->setOutcome(review.outcome);
    m_side->responsePane()->mappingModel()->setOutcome(review.outcome, m_document->workspace().catalog());
    showVerdict(review, webhook);
    emit mappingsEvaluated(review.outcome);
}

void MainWindow::openHistory()
{
    if (m_historyDialog) {
        m_historyDialog->raise();
        m_historyDialog->activateWindow();
        return;
    }
    CallHistory history(m_calls->historyBase());
    auto* dialog = new HistoryDialog(this);
    dialog->setObjectName(QStringLiteral("historyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEntries(history.entries());
    m_historyDialog = dialog;
    if (!history.warnings().isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Warning, history.warnings().join(QLatin1Char(' ')));
    }
    connect(dialog, &HistoryDialog::resendRequested, this, &MainWindow::resend);
    dialog->show();
}

void MainWindow::resend(const RenderedRequest& request, const QString& webhookName)
{
    const int index = m_document->workspace().webhookIndex(webhookName);
    const auto sent = m_calls->resend(request, m_document->workspace(), index, m_document->currentLeadObject());
    if (sent == CallController::Resend::SecretsMissing) {
        const QString why = tr("Not sent: this call held secret values, which the history does not keep. "
                               "Send (Ctrl+Enter) sends the webhook again with the current values.");
        setStatusText(why);
        if (m_historyDialog) {
            m_historyDialog->showNotice(why);
        }
    } else if (sent == CallController::Resend::Sent && index >= 0) {
        selectWebhook(index);
    }
}

void MainWindow::openBatch()
{
    if (m_currentWebhook < 0) {
        return;
    }
    // Non-modal: the user may keep editing while a long batch runs; the dialog works on
    // a snapshot of the workspace.
    auto* dialog = new BatchDialog(m_document->workspace(), m_currentWebhook, this);
    dialog->setObjectName(QStringLiteral("batchDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHttpOptions(m_http->options());
    connect(dialog, &BatchDialog::openLeadRequested, this, &MainWindow::showBatchLead);
    connect(dialog, &BatchDialog::resendLeadRequested, this, &MainWindow::resendBatchLead);
    dialog->show();
}

void MainWindow::showBatchLead(const CallResult& result,
                               const MappingOutcome& outcome,
                               const QString& lead,
                               const CallVerdict& verdict)
{
    m_side->responsePane()->showResult(result, outcome);
    // A run keeps no response shape, so the pane holds nothing to save as a baseline: the
    // last Send's review no longer stands for what is shown.
    m_review = CallReview();
    m_reviewWebhook = -1;
    const Webhook* current = m_currentWebhook >= 0 ? &m_document->workspace().webhooks.at(m_currentWebhook) : nullptr;
    m_side->responsePane()->showVerdict(verdict, current && current->baseline.has_value());
    updateBaselineActions();
    m_side->showResponse();
    setStatusText(tr("Batch run, %1: %2 %3").arg(lead, result.method, result.url));
}

void MainWindow::resendBatchLead(const QString& webhookName, const QJsonObject& lead)
{
    const int index = m_document->workspace().webhookIndex(webhookName);
    if (index < 0) {
        setStatusText(tr("Not sent: the workspace has no webhook named %1 any more.").arg(webhookName));
        return;
    }
    if (m_calls->isRunning()) {
        setStatusText(tr("Not sent: a call is still running. Cancel it or wait, then re-send."));
        return;
    }
    selectWebhook(index);
    m_calls->send(m_document->workspace(), index, lead);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    dialog.setValues(m_settings->values());
    dialog.setKeychain(m_secrets->backendName(), m_secrets->problem());
    if (dialog.exec() == QDialog::Accepted) {
        m_settings->setValues(dialog.values());
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_http->cancelAll();
    if (!m_recovery->isPending()) {
        m_recovery->clear();
    }
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (WorkspaceFiles::accepts(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    m_files->drop(event->mimeData());
    event->acceptProposedAction();
}
