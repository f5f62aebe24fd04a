#include "MainWindow.h"

#include "batch/BatchDialog.h"
#include "dialogs/TokenPickerDialog.h"
#include "document/AddWebhookCommand.h"
#include "document/ContextModel.h"
#include "document/EditContextCommand.h"
#include "document/HeaderModel.h"
#include "document/ImportLeadsCommand.h"
#include "document/InsertRowCommand.h"
#include "document/LeadFieldsModel.h"
#include "document/LeadModel.h"
#include "document/MappingModel.h"
#include "document/MoveRowCommand.h"
#include "document/RemoveRowCommand.h"
#include "document/RemoveWebhookCommand.h"
#include "document/SetTrustedCertificateCommand.h"
#include "document/SetWebhookPropertyCommand.h"
#include "document/WebhookListModel.h"
#include "document/WorkspaceDocument.h"
#include "editors/FieldDelegate.h"
#include "editors/TemplateEditor.h"
#include "editors/TokenDelegate.h"
#include "editors/TokenLineEdit.h"
#include "format/CsvImporter.h"
#include "format/WorkspaceFile.h"
#include "history/CallHistory.h"
#include "history/HistoryDialog.h"
#include "history/SecretRedactor.h"
#include "http/HttpClient.h"
#include "preview/PreviewPane.h"
#include "response/MappingEvaluator.h"
#include "response/MappingResultModel.h"
#include "response/ResponsePane.h"
#include "sandbox/SandboxServer.h"
#include "template/Linter.h"
#include "template/Renderer.h"
#include "template/TokenCatalog.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

// The resources live in the static wdui library; nothing references them, so the
// linker would drop them unless they are initialised explicitly.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {
constexpr int kPreviewDelayMs = 30;
constexpr int kAutosaveIntervalMs = 5000;
constexpr int kMaxRecentFiles = 8;
const QString kSampleSandboxUrl = QStringLiteral("http://127.0.0.1:18787");

using Property = WorkspaceDocument::Property;

QString recoveryInfoPath()
{
    return MainWindow::recoveryFilePath() + QStringLiteral(".info");
}

// A widget's objectName and accessible name in one place: tests find widgets by the
// first, screen readers read the second.
template <typename W>
W* named(W* widget, const char* objectName, const QString& accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

QToolButton* toolButton(QAction* action, QWidget* parent, const char* objectName)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setObjectName(QLatin1String(objectName));
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    button->setAutoRaise(true);
    return button;
}

QTableView* tableView(QWidget* parent, const char* objectName, const QString& accessibleName)
{
    auto* view = named(new QTableView(parent), objectName, accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setTabKeyNavigation(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

QString headerValue(const Webhook& webhook, const QString& name)
{
    for (const Header& header : webhook.headers) {
        if (header.name.compare(name, Qt::CaseInsensitive) == 0) {
            return header.value;
        }
    }
    return {};
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(Options(), parent) { }

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_document(new WorkspaceDocument(this))
    , m_webhookModel(new WebhookListModel(m_document, this))
    , m_webhookProxy(new QSortFilterProxyModel(this))
    , m_headerModel(new HeaderModel(m_document, this))
    , m_mappingModel(new MappingModel(m_document, this))
    , m_leadModel(new LeadModel(m_document, this))
    , m_leadFieldsModel(new LeadFieldsModel(m_document, this))
    , m_contextModel(new ContextModel(m_document, this))
    , m_network(new QNetworkAccessManager(this))
    , m_http(new HttpClient(m_network, this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Webhook Designer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/webhook-designer.png")));
    setAcceptDrops(true);
    m_settings = SettingsDialog::load();

    m_webhookProxy->setSourceModel(m_webhookModel);
    m_webhookProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    createActions();
    createMenus();
    createToolBar();

    m_messageBar = named(new MessageBar(this), "messageBar", tr("Messages"));
    auto* splitter = named(new QSplitter(Qt::Horizontal, this), "mainSplitter", tr("Main areas"));
    splitter->addWidget(createWebhookListPane());
    splitter->addWidget(createEditorPane());
    // The sample lead applies to the preview, the response's mapped fields and the sample
    // data alike, so its chooser sits above all three tabs rather than inside one.
    auto* side = new QWidget(splitter);
    side->setObjectName(QStringLiteral("sidePane"));
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto* leadRow = new QHBoxLayout;
    m_leadCombo = named(new QComboBox(side), "leadCombo", tr("Sample lead"));
    m_leadCombo->setModel(m_leadModel);
    m_leadCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* leadLabel = new QLabel(tr("Sample &lead:"), side);
    leadLabel->setBuddy(m_leadCombo);
    leadRow->addWidget(leadLabel);
    leadRow->addWidget(m_leadCombo, 1);
    sideLayout->addLayout(leadRow);
    connect(m_leadCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_syncing) {
            m_document->setCurrentLead(index);
        }
    });
    m_sideTabs = named(new QTabWidget(side), "sideTabs", tr("Preview, response and sample data"));
    sideLayout->addWidget(m_sideTabs, 1);
    m_previewPane = named(new PreviewPane(m_sideTabs), "previewPane", tr("Preview"));
    m_sideTabs->addTab(m_previewPane, tr("Pre&view"));
    m_responsePane = named(new ResponsePane(m_sideTabs), "responsePane", tr("Response"));
    m_sideTabs->addTab(m_responsePane, tr("Resp&onse"));
    m_sideTabs->addTab(createSampleDataPane(), tr("&Sample Data"));
    splitter->addWidget(side);
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

    m_statusLabel = named(new QLabel(this), "statusLabel", tr("Status"));
    // Ignored, not Preferred: the label's text (a URL) must not set the window's minimum width.
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->installEventFilter(this);
    statusBar()->addWidget(m_statusLabel, 1);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &MainWindow::refreshPreview);
    m_autosaveTimer.setInterval(kAutosaveIntervalMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_autosaveTimer.start();

    connect(m_http, &HttpClient::finished, this, &MainWindow::callDone);
    connect(m_previewPane, &PreviewPane::jumpTo, this, &MainWindow::jumpTo);
    connect(m_previewPane, &PreviewPane::encodingsTabShown, this, &MainWindow::refreshPreview);
    connect(m_responsePane, &ResponsePane::createMapping, this, [this](const QString& path, const QString& field) {
        if (m_currentWebhook < 0) {
            return;
        }
        const int row = m_document->workspace().webhooks.at(m_currentWebhook).responseMappings.size();
        m_document->undoStack()->push(
            new InsertRowCommand(m_document, m_currentWebhook, row, ResponseMapping {path, field, {}}));
        m_editorTabs->setCurrentIndex(1);
        m_mappingsTable->setCurrentIndex(m_mappingModel->index(row, MappingModel::FieldColumn));
    });
    connect(m_responsePane, &ResponsePane::pathCopied, this, [this](const QString& path) {
        setStatusText(tr("Copied %1").arg(path));
    });
    // Trusting is an edit of the workspace (saved, undoable); the call is then tried again.
    connect(m_responsePane,
            &ResponsePane::trustCertificateRequested,
            this,
            [this](const QString& host, const QByteArray& sha256) {
                TrustedCertificate certificate;
                certificate.host = host;
                certificate.sha256 = sha256;
                m_document->undoStack()->push(new SetTrustedCertificateCommand(m_document, certificate));
                send();
            });
    // Every call from the window, and the batch dialog, carries the workspace's trust.
    const auto applyTrust = [this] {
        HttpClient::Options httpOptions = m_http->options();
        httpOptions.trust(m_document->workspace().trustedCertificate);
        m_http->setOptions(httpOptions);
    };
    connect(m_document, &WorkspaceDocument::trustedCertificateChanged, this, applyTrust);
    connect(m_document, &WorkspaceDocument::workspaceReset, this, applyTrust);
    connectDocument();
    applySettings();

    if (m_options.startSandbox) {
        m_sandbox = new SandboxServer(this);
        constexpr int kPortTries = 20;
        QString error;
        if (!m_sandbox->listen(quint16(m_settings.sandboxPort), kPortTries, &error)) {
            m_messageBar->showMessage(MessageBar::Kind::Warning,
                                      tr("The sandbox service could not start: %1. The sample webhooks will not "
                                         "get an answer.")
                                          .arg(error));
        }
    }
    if (m_options.openStartupWorkspace) {
        const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
        if (!recent.isEmpty() && QFileInfo::exists(recent.first())) {
            if (!openFile(recent.first())) {
                openSample();
            }
        } else {
            openSample();
        }
        offerRecovery();
    } else {
        m_document->reset(Workspace(), QString());
    }
    updateTitle();
    updateActions();
    resize(1500, 920);
    // Start on the list, not the filter box that comes first in the tab order: a first
    // key press should not silently filter the webhooks away.
    m_webhookList->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    m_http->cancelAll();
    // ~QWidget hides the children, and a focused line edit then emits editingFinished:
    // its handlers must not run on a window that is already half destroyed.
    const QList<QWidget*> children = findChildren<QWidget*>();
    for (QWidget* child : children) {
        child->disconnect(this);
    }
    // Likewise a table cell editor still open commits on that hide: the edit may reach the
    // document, but no longer this window.
    m_document->disconnect(this);
    m_document->undoStack()->disconnect(this);
}

void MainWindow::createActions()
{
    auto action = [this](const QString& text, const char* name, const QString& icon, const QKeySequence& key) {
        auto* a = new QAction(QIcon(icon), text, this);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty()) {
            a->setShortcut(key);
        }
        return a;
    };
    // Only GNOME and KDE define Save As and Preferences; elsewhere the standard key is
    // empty and the action would have no shortcut at all.
    auto standardOr = [](QKeySequence::StandardKey standard, const QKeySequence& fallback) {
        const QKeySequence key(standard);
        return key.isEmpty() ? fallback : key;
    };
    m_newAction = action(tr("&New"), "newAction", QStringLiteral(":/icons/new.png"), QKeySequence::New);
    m_openAction = action(tr("&Open…"), "openAction", QStringLiteral(":/icons/open.png"), QKeySequence::Open);
    m_saveAction = action(tr("&Save"), "saveAction", QStringLiteral(":/icons/save.png"), QKeySequence::Save);
    m_saveAsAction = action(tr("Save &As…"),
                            "saveAsAction",
                            QString(),
                            standardOr(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    m_importCsvAction = action(tr("&Import Leads from CSV…"),
                               "importCsvAction",
                               QStringLiteral(":/icons/import.png"),
                               QKeySequence(Qt::CTRL | Qt::Key_I));
    m_settingsAction = action(tr("Se&ttings…"),
                              "settingsAction",
                              QString(),
                              standardOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    m_quitAction = action(tr("&Quit"), "quitAction", QString(), QKeySequence::Quit);
    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(QIcon(QStringLiteral(":/icons/undo.png")));
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_redoAction->setIcon(QIcon(QStringLiteral(":/icons/redo.png")));
    // The menu and the tooltip name the edit ("Undo Rename Webhook"); the toolbar button
    // keeps one short label so the buttons after it do not move with every edit.
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction->setIconText(tr("Redo"));
    m_addWebhookAction = action(tr("&Add Webhook"),
                                "addWebhookAction",
                                QStringLiteral(":/icons/add.png"),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_duplicateWebhookAction = action(tr("D&uplicate Webhook"),
                                      "duplicateWebhookAction",
                                      QStringLiteral(":/icons/duplicate.png"),
                                      QKeySequence(Qt::CTRL | Qt::Key_D));
    m_renameWebhookAction =
        action(tr("Re&name Webhook"), "renameWebhookAction", QStringLiteral(":/icons/rename.png"), Qt::Key_F2);
    m_deleteWebhookAction = action(tr("&Delete Webhook"),
                                   "deleteWebhookAction",
                                   QStringLiteral(":/icons/delete.png"),
                                   QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_sendAction =
        action(tr("&Send"), "sendAction", QStringLiteral(":/icons/send.png"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setToolTip(tr("Send the request for the sample lead (Ctrl+Enter)"));
    m_cancelAction =
        action(tr("&Cancel Call"), "cancelAction", QStringLiteral(":/icons/cancel.png"), QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WindowShortcut);
    m_insertTokenAction = action(tr("Insert &Token…"),
                                 "insertTokenAction",
                                 QStringLiteral(":/icons/token.png"),
                                 QKeySequence(Qt::CTRL | Qt::Key_T));
    m_batchAction = action(
        tr("&Batch Run…"), "batchAction", QStringLiteral(":/icons/batch.png"), QKeySequence(Qt::CTRL | Qt::Key_B));
    m_historyAction = action(
        tr("&History…"), "historyAction", QStringLiteral(":/icons/history.png"), QKeySequence(Qt::CTRL | Qt::Key_H));
    m_aboutAction = action(tr("&About Webhook Designer"), "aboutAction", QString(), QKeySequence());

    connect(m_newAction, &QAction::triggered, this, &MainWindow::newWorkspace);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_importCsvAction, &QAction::triggered, this, &MainWindow::importCsvDialog);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_addWebhookAction, &QAction::triggered, this, &MainWindow::addWebhook);
    connect(m_duplicateWebhookAction, &QAction::triggered, this, &MainWindow::duplicateWebhook);
    connect(m_renameWebhookAction, &QAction::triggered, this, &MainWindow::renameWebhook);
    connect(m_deleteWebhookAction, &QAction::triggered, this, &MainWindow::deleteWebhook);
    connect(m_sendAction, &QAction::triggered, this, &MainWindow::send);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelCall);
    connect(m_insertTokenAction, &QAction::triggered, this, &MainWindow::insertToken);
    connect(m_batchAction, &QAction::triggered, this, &MainWindow::openBatch);
    connect(m_historyAction, &QAction::triggered, this, &MainWindow::openHistory);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this,
                           tr("About Webhook Designer"),
                           tr("<h3>Webhook Designer %1</h3><p>Design, preview and test Marketo webhooks.</p>"
                              "<p>Licensed under the GNU GPL version 3.</p>")
                               .arg(QStringLiteral(WD_VERSION)));
    });
}

void MainWindow::createMenus()
{
    // Alt+F, E, W and H open these menus, so no label, tab or button of the window uses
    // those letters; the other mnemonics are unique among the widgets shown together.
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_importCsvAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    updateRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_insertTokenAction);

    QMenu* webhook = menuBar()->addMenu(tr("&Webhook"));
    webhook->setObjectName(QStringLiteral("webhookMenu"));
    webhook->addAction(m_addWebhookAction);
    webhook->addAction(m_duplicateWebhookAction);
    webhook->addAction(m_renameWebhookAction);
    webhook->addAction(m_deleteWebhookAction);
    webhook->addSeparator();
    webhook->addAction(m_sendAction);
    webhook->addAction(m_cancelAction);
    webhook->addAction(m_batchAction);
    webhook->addAction(m_historyAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_newAction);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_sendAction);
    bar->addAction(m_cancelAction);
    bar->addSeparator();
    bar->addAction(m_insertTokenAction);
    bar->addAction(m_batchAction);
    bar->addAction(m_historyAction);
    const QList<QPair<QAction*, const char*>> buttons = {
        {m_newAction, "newButton"},
        {m_openAction, "openButton"},
        {m_saveAction, "saveButton"},
        {m_undoAction, "undoButton"},
        {m_redoAction, "redoButton"},
        {m_sendAction, "sendButton"},
        {m_cancelAction, "cancelButton"},
        {m_insertTokenAction, "insertTokenButton"},
        {m_batchAction, "batchButton"},
        {m_historyAction, "historyButton"},
    };
    for (const auto& [action, name] : buttons) {
        if (QWidget* w = bar->widgetForAction(action)) {
            w->setObjectName(QLatin1String(name));
            w->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        }
    }
}

QWidget* MainWindow::createWebhookListPane()
{
    auto* pane = named(new QWidget(this), "webhookListPane", tr("Webhooks"));
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = named(new QLabel(tr("Webhoo&ks"), pane), "webhooksLabel", tr("Webhooks"));
    m_filterEdit = named(new QLineEdit(pane), "filterEdit", tr("Filter webhooks by name"));
    m_filterEdit->setPlaceholderText(tr("Filter by name"));
    m_filterEdit->setClearButtonEnabled(true);
    m_webhookList = named(new QListView(pane), "webhookList", tr("Webhook list"));
    m_webhookList->setModel(m_webhookProxy);
    m_webhookList->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_webhookList->setSelectionMode(QAbstractItemView::SingleSelection);
    title->setBuddy(m_webhookList);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(toolButton(m_addWebhookAction, pane, "addWebhookButton"));
    buttons->addWidget(toolButton(m_duplicateWebhookAction, pane, "duplicateWebhookButton"));
    buttons->addWidget(toolButton(m_renameWebhookAction, pane, "renameWebhookButton"));
    buttons->addWidget(toolButton(m_deleteWebhookAction, pane, "deleteWebhookButton"));
    buttons->addStretch();
    layout->addWidget(title);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_webhookList, 1);
    layout->addLayout(buttons);

    connect(m_filterEdit, &QLineEdit::textChanged, m_webhookProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_webhookList->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex& current) {
                const int row = m_webhookProxy->mapToSource(current).row();
                if (row != m_currentWebhook && current.isValid()) {
                    selectWebhook(row);
                }
            });
    return pane;
}

QWidget* MainWindow::createEditorPane()
{
    m_editorPane = named(new QWidget(this), "editorPane", tr("Webhook editor"));
    auto* layout = new QVBoxLayout(m_editorPane);
    layout->setContentsMargins(0, 0, 0, 0);

    m_nameEdit = named(new QLineEdit(m_editorPane), "nameEdit", tr("Name"));
    m_descriptionEdit = named(new QLineEdit(m_editorPane), "descriptionEdit", tr("Description"));
    m_urlEdit = named(new TokenLineEdit(m_editorPane), "urlEdit", tr("URL"));
    m_urlEdit->setToolTip(tr("Type {{ for tokens. Literal characters are sent exactly as written."));
    m_requestTypeCombo = named(new QComboBox(m_editorPane), "requestTypeCombo", tr("Request Type"));
    for (const QString& name : WebhookEnums::requestTypeNames()) {
        m_requestTypeCombo->addItem(name, int(*WebhookEnums::requestTypeFromName(name)));
    }
    m_encodingCombo = named(new QComboBox(m_editorPane), "encodingCombo", tr("Request Token Encoding"));
    for (TokenEncoding e : {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl}) {
        m_encodingCombo->addItem(WebhookEnums::label(e), int(e));
    }
    m_encodingCombo->setToolTip(tr("How token values are encoded inside the payload template"));
    m_responseTypeCombo = named(new QComboBox(m_editorPane), "responseTypeCombo", tr("Response Type"));
    for (ResponseType t : {ResponseType::None, ResponseType::Json, ResponseType::Xml}) {
        m_responseTypeCombo->addItem(WebhookEnums::label(t), int(t));
    }

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Description:"), m_descriptionEdit);
    form->addRow(tr("&URL:"), m_urlEdit);
    auto* types = new QHBoxLayout;
    types->addWidget(m_requestTypeCombo);
    auto* encodingLabel = new QLabel(tr("Request Token Encodin&g:"), m_editorPane);
    encodingLabel->setBuddy(m_encodingCombo);
    types->addSpacing(12);
    types->addWidget(encodingLabel);
    types->addWidget(m_encodingCombo);
    auto* responseLabel = new QLabel(tr("Response T&ype:"), m_editorPane);
    responseLabel->setBuddy(m_responseTypeCombo);
    types->addSpacing(12);
    types->addWidget(responseLabel);
    types->addWidget(m_responseTypeCombo);
    types->addStretch();
    auto* requestLabel = new QLabel(tr("Re&quest Type:"), m_editorPane);
    requestLabel->setBuddy(m_requestTypeCombo);
    form->addRow(requestLabel, types);
    layout->addLayout(form);

    m_templateEditor = named(new TemplateEditor(m_editorPane), "templateEditor", tr("Payload Template"));
    m_payloadReasonLabel = named(new QLabel(m_editorPane), "payloadReasonLabel", tr("Why the payload is not sent"));
    m_payloadReasonLabel->setWordWrap(true);
    m_payloadReasonLabel->hide();
    auto* templateBox = new QWidget(m_editorPane);
    auto* templateLayout = new QVBoxLayout(templateBox);
    templateLayout->setContentsMargins(0, 0, 0, 0);
    auto* templateLabel = new QLabel(tr("Payload &Template:"), templateBox);
    templateLabel->setBuddy(m_templateEditor);
    templateLayout->addWidget(templateLabel);
    templateLayout->addWidget(m_payloadReasonLabel);
    templateLayout->addWidget(m_templateEditor, 1);

    m_editorTabs = named(new QTabWidget(m_editorPane), "editorTabs", tr("Headers and response mappings"));
    // Custom headers.
    auto* headersPage = new QWidget(m_editorTabs);
    auto* headersLayout = new QVBoxLayout(headersPage);
    m_headersTable = tableView(headersPage, "headersTable", tr("Custom Headers"));
    m_headersTable->setModel(m_headerModel);
    m_headerValueDelegate = new TokenDelegate(tr("Header value"), this);
    m_headersTable->setItemDelegateForColumn(HeaderModel::ValueColumn, m_headerValueDelegate);
    connect(m_headerValueDelegate, &TokenDelegate::editorFocused, this, [this](TokenEditor* editor) {
        m_lastTokenField = editor;
    });
    m_headersTable->horizontalHeader()->setSectionResizeMode(HeaderModel::NameColumn, QHeaderView::Interactive);
    m_headersTable->setColumnWidth(HeaderModel::NameColumn, 180);
    m_headersTable->horizontalHeader()->setSectionResizeMode(HeaderModel::ValueColumn, QHeaderView::Stretch);
    m_headersTable->horizontalHeader()->setSectionResizeMode(HeaderModel::SecretColumn, QHeaderView::ResizeToContents);
    m_headersTable->horizontalHeader()->setStretchLastSection(false);
    auto* headerButtons = new QHBoxLayout;
    auto addButton = [](QBoxLayout* box, QWidget* parent, const QString& text, const char* name, const QString& icon) {
        auto* b = named(new QPushButton(QIcon(icon), text, parent), name, QString(text).remove(QLatin1Char('&')));
        box->addWidget(b);
        return b;
    };
    auto* addHeader =
        addButton(headerButtons, headersPage, tr("&Add Header"), "addHeaderButton", QStringLiteral(":/icons/add.png"));
    auto* removeHeader =
        addButton(headerButtons, headersPage, tr("Remove"), "removeHeaderButton", QStringLiteral(":/icons/delete.png"));
    auto* upHeader =
        addButton(headerButtons, headersPage, tr("Move Up"), "moveHeaderUpButton", QStringLiteral(":/icons/up.png"));
    auto* downHeader = addButton(
        headerButtons, headersPage, tr("Move Down"), "moveHeaderDownButton", QStringLiteral(":/icons/down.png"));
    headerButtons->addStretch();
    headersLayout->addWidget(m_headersTable, 1);
    headersLayout->addLayout(headerButtons);
    m_editorTabs->addTab(headersPage, tr("&Custom Headers"));
    connect(addHeader, &QPushButton::clicked, this, &MainWindow::addHeader);
    connect(removeHeader, &QPushButton::clicked, this, [this] { removeSelectedRow(m_headersTable, true); });
    connect(upHeader, &QPushButton::clicked, this, [this] { moveSelectedRow(m_headersTable, true, -1); });
    connect(downHeader, &QPushButton::clicked, this, [this] { moveSelectedRow(m_headersTable, true, 1); });

    // Response mappings.
    auto* mappingsPage = new QWidget(m_editorTabs);
    auto* mappingsLayout = new QVBoxLayout(mappingsPage);
    m_mappingsTable = tableView(mappingsPage, "mappingsTable", tr("Response Mappings"));
    m_mappingsTable->setModel(m_mappingModel);
    m_mappingsTable->setItemDelegateForColumn(MappingModel::FieldColumn, new FieldDelegate(m_document, this));
    m_mappingsTable->setColumnWidth(MappingModel::AttributeColumn, 200);
    m_mappingsTable->setColumnWidth(MappingModel::FieldColumn, 200);
    auto* mappingButtons = new QHBoxLayout;
    auto* addMapping = addButton(
        mappingButtons, mappingsPage, tr("&Add Mapping"), "addMappingButton", QStringLiteral(":/icons/add.png"));
    auto* removeMapping = addButton(
        mappingButtons, mappingsPage, tr("Remove"), "removeMappingButton", QStringLiteral(":/icons/delete.png"));
    auto* upMapping =
        addButton(mappingButtons, mappingsPage, tr("Move Up"), "moveMappingUpButton", QStringLiteral(":/icons/up.png"));
    auto* downMapping = addButton(
        mappingButtons, mappingsPage, tr("Move Down"), "moveMappingDownButton", QStringLiteral(":/icons/down.png"));
    mappingButtons->addStretch();
    mappingsLayout->addWidget(m_mappingsTable, 1);
    mappingsLayout->addLayout(mappingButtons);
    m_editorTabs->addTab(mappingsPage, tr("Response &Mappings"));
    connect(addMapping, &QPushButton::clicked, this, &MainWindow::addMapping);
    connect(removeMapping, &QPushButton::clicked, this, [this] { removeSelectedRow(m_mappingsTable, false); });
    connect(upMapping, &QPushButton::clicked, this, [this] { moveSelectedRow(m_mappingsTable, false, -1); });
    connect(downMapping, &QPushButton::clicked, this, [this] { moveSelectedRow(m_mappingsTable, false, 1); });
    // The row buttons of both tables read alike ("Remove"): a screen reader hears which
    // table they act on, and a keyboard user reaches them from the table with keys.
    auto rowKeys = [](QTableView* view, QPushButton* remove, QPushButton* up, QPushButton* down, const QString& noun) {
        const std::pair<QPushButton*, QKeySequence> keys[] = {
            {remove, QKeySequence(Qt::Key_Delete)},
            {up, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up)},
            {down, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down)},
        };
        remove->setAccessibleName(tr("Remove the selected %1").arg(noun));
        up->setAccessibleName(tr("Move the selected %1 up").arg(noun));
        down->setAccessibleName(tr("Move the selected %1 down").arg(noun));
        for (const auto& [button, key] : keys) {
            auto* shortcut = new QShortcut(key, view);
            shortcut->setObjectName(button->objectName() + QStringLiteral("Shortcut"));
            shortcut->setContext(Qt::WidgetShortcut);
            QObject::connect(shortcut, &QShortcut::activated, button, &QPushButton::click);
            button->setToolTip(
                QStringLiteral("%1 (%2)").arg(button->accessibleName(), key.toString(QKeySequence::NativeText)));
        }
    };
    rowKeys(m_headersTable, removeHeader, upHeader, downHeader, tr("header"));
    rowKeys(m_mappingsTable, removeMapping, upMapping, downMapping, tr("mapping"));
    // F2 must edit the current cell here, not rename the webhook (see eventFilter).
    m_headersTable->installEventFilter(this);
    m_mappingsTable->installEventFilter(this);

    auto* split = named(new QSplitter(Qt::Vertical, m_editorPane), "editorSplitter", tr("Template and tables"));
    split->addWidget(templateBox);
    split->addWidget(m_editorTabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    // Edits from the widgets become undo commands; m_syncing marks updates that come
    // from the document (undo, another webhook chosen) and must not be pushed back.
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this](const QString& text) {
        const QString name = text.trimmed();
        const int existing = m_document->workspace().webhookIndex(name);
        if (name.isEmpty() || (existing >= 0 && existing != m_currentWebhook)) {
            m_nameEdit->setToolTip(name.isEmpty() ? tr("A webhook needs a name.")
                                                  : tr("Another webhook is called \"%1\".").arg(name));
            setStatusText(m_nameEdit->toolTip());
            return;
        }
        m_nameEdit->setToolTip(QString());
        editProperty(int(Property::Name), name);
    });
    connect(m_nameEdit, &QLineEdit::editingFinished, this, [this] { syncProperty(int(Property::Name)); });
    connect(m_descriptionEdit, &QLineEdit::textEdited, this, [this](const QString& text) {
        editProperty(int(Property::Description), text);
    });
    connect(
        m_urlEdit, &QsciScintilla::textChanged, this, [this] { editProperty(int(Property::Url), m_urlEdit->text()); });
    connect(m_urlEdit, &TokenLineEdit::returnPressed, this, &MainWindow::send);
    connect(m_templateEditor, &QsciScintilla::textChanged, this, [this] {
        editProperty(int(Property::PayloadTemplate), m_templateEditor->text());
    });
    connect(m_requestTypeCombo, &QComboBox::activated, this, [this] {
        editProperty(int(Property::RequestType), m_requestTypeCombo->currentData());
    });
    connect(m_encodingCombo, &QComboBox::activated, this, [this] {
        editProperty(int(Property::Encoding), m_encodingCombo->currentData());
    });
    connect(m_responseTypeCombo, &QComboBox::activated, this, [this] {
        editProperty(int(Property::ResponseType), m_responseTypeCombo->currentData());
    });
    for (TokenEditor* editor : {static_cast<TokenEditor*>(m_urlEdit), static_cast<TokenEditor*>(m_templateEditor)}) {
        connect(editor, &TokenEditor::focusReceived, this, [this, editor] { m_lastTokenField = editor; });
    }
    // Ctrl+Z in a line edit is the window's undo, not the line edit's own.
    m_nameEdit->installEventFilter(this);
    m_descriptionEdit->installEventFilter(this);

    setTabOrder(m_filterEdit, m_webhookList);
    // The list's own buttons come right after it, not after the whole editor.
    QWidget* previous = m_webhookList;
    for (const char* name :
         {"addWebhookButton", "duplicateWebhookButton", "renameWebhookButton", "deleteWebhookButton"}) {
        if (auto* button = m_webhookList->parentWidget()->findChild<QToolButton*>(QLatin1String(name))) {
            setTabOrder(previous, button);
            previous = button;
        }
    }
    setTabOrder(previous, m_nameEdit);
    setTabOrder(m_nameEdit, m_descriptionEdit);
    setTabOrder(m_descriptionEdit, m_urlEdit);
    setTabOrder(m_urlEdit, m_requestTypeCombo);
    setTabOrder(m_requestTypeCombo, m_encodingCombo);
    setTabOrder(m_encodingCombo, m_responseTypeCombo);
    setTabOrder(m_responseTypeCombo, m_templateEditor);
    setTabOrder(m_templateEditor, m_editorTabs);
    return m_editorPane;
}

QWidget* MainWindow::createSampleDataPane()
{
    auto* pane = named(new QWidget(this), "sampleDataPane", tr("Sample data"));
    auto* layout = new QVBoxLayout(pane);

    auto* leadRow = new QHBoxLayout;
    auto* importButton = named(new QPushButton(QIcon(QStringLiteral(":/icons/import.png")), tr("Im&port CSV…"), pane),
                               "importCsvButton",
                               tr("Import leads from CSV"));
    leadRow->addWidget(new QLabel(tr("Fields of the sample lead:"), pane), 1);
    leadRow->addWidget(importButton);
    layout->addLayout(leadRow);
    connect(importButton, &QPushButton::clicked, this, &MainWindow::importCsvDialog);

    m_leadFieldsTable = tableView(pane, "leadFieldsTable", tr("Sample lead fields"));
    m_leadFieldsTable->setModel(m_leadFieldsModel);
    m_leadFieldsTable->installEventFilter(this);
    m_leadFieldsTable->setColumnWidth(LeadFieldsModel::NameColumn, 170);
    m_leadFieldsTable->setColumnWidth(LeadFieldsModel::ApiNameColumn, 140);
    m_leadFieldsTable->setColumnWidth(LeadFieldsModel::TypeColumn, 80);
    layout->addWidget(m_leadFieldsTable, 3);

    auto* contextLabel = new QLabel(tr("Conte&xt (My Tokens, program, campaign, trigger, member):"), pane);
    m_contextTable = tableView(pane, "contextTable", tr("Context values"));
    m_contextTable->setModel(m_contextModel);
    m_contextTable->installEventFilter(this);
    // Values are what the user reads; the secret box only needs room for itself.
    m_contextTable->horizontalHeader()->setStretchLastSection(false);
    m_contextTable->horizontalHeader()->setSectionResizeMode(ContextModel::ValueColumn, QHeaderView::Stretch);
    m_contextTable->horizontalHeader()->setSectionResizeMode(ContextModel::SecretColumn, QHeaderView::ResizeToContents);
    m_contextTable->setColumnWidth(ContextModel::ScopeColumn, 90);
    m_contextTable->setColumnWidth(ContextModel::NameColumn, 140);
    contextLabel->setBuddy(m_contextTable);
    layout->addWidget(contextLabel);
    layout->addWidget(m_contextTable, 2);
    auto* contextButtons = new QHBoxLayout;
    m_contextScopeCombo = named(new QComboBox(pane), "contextScopeCombo", tr("Scope of the new context value"));
    m_contextScopeCombo->addItems(Context::scopeNames());
    auto* addContext = named(new QPushButton(QIcon(QStringLiteral(":/icons/add.png")), tr("Add Value"), pane),
                             "addContextButton",
                             tr("Add context value"));
    auto* removeContext = named(new QPushButton(QIcon(QStringLiteral(":/icons/delete.png")), tr("Remove"), pane),
                                "removeContextButton",
                                tr("Remove context value"));
    m_timeZoneCombo = named(new QComboBox(pane), "timeZoneCombo", tr("Time zone"));
    m_timeZoneCombo->setEditable(true);
    m_timeZoneCombo->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        m_timeZoneCombo->addItem(QString::fromUtf8(id));
    }
    auto* timeZoneLabel = new QLabel(tr("Time &zone:"), pane);
    timeZoneLabel->setBuddy(m_timeZoneCombo);
    contextButtons->addWidget(m_contextScopeCombo);
    contextButtons->addWidget(addContext);
    contextButtons->addWidget(removeContext);
    contextButtons->addStretch();
    contextButtons->addWidget(timeZoneLabel);
    contextButtons->addWidget(m_timeZoneCombo);
    layout->addLayout(contextButtons);

    connect(addContext, &QPushButton::clicked, this, [this] {
        const int row = m_contextModel->addValue(m_contextScopeCombo->currentText(), tr("name"));
        if (row >= 0) {
            m_contextTable->setCurrentIndex(m_contextModel->index(row, ContextModel::NameColumn));
            m_contextTable->edit(m_contextTable->currentIndex());
        }
    });
    connect(removeContext, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_contextTable->currentIndex();
        if (current.isValid()) {
            m_contextModel->removeValue(current.row());
        }
    });
    auto commitTimeZone = [this] {
        const QString id = m_timeZoneCombo->currentText().trimmed();
        if (m_syncing || id == m_document->workspace().timeZone) {
            return;
        }
        if (!QTimeZone(id.toUtf8()).isValid()) {
            m_messageBar->showMessage(MessageBar::Kind::Warning, tr("\"%1\" is not a known time zone.").arg(id));
            return;
        }
        m_document->undoStack()->push(new EditContextCommand(m_document, m_document->workspace().context, id));
    };
    connect(m_timeZoneCombo, &QComboBox::activated, this, commitTimeZone);
    connect(m_timeZoneCombo->lineEdit(), &QLineEdit::editingFinished, this, commitTimeZone);
    return pane;
}

void MainWindow::connectDocument()
{
    connect(m_document, &WorkspaceDocument::changed, this, &MainWindow::schedulePreview);
    connect(m_document, &WorkspaceDocument::changed, this, &MainWindow::updateActions);
    connect(m_document, &WorkspaceDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkspaceDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkspaceDocument::workspaceReset, this, [this] {
        m_currentWebhook = -1;
        m_mappingModel->clearOutcome();
        selectWebhook(m_document->workspace().webhooks.isEmpty() ? -1 : 0);
        refreshTokens();
    });
    connect(m_document, &WorkspaceDocument::webhookInserted, this, [this](int index) {
        // A new, duplicated or undeleted webhook becomes the one being edited.
        m_currentWebhook = -1;
        selectWebhook(index);
    });
    connect(m_document, &WorkspaceDocument::webhookRemoved, this, [this](int index) {
        const int count = m_document->workspace().webhooks.size();
        m_currentWebhook = -1;
        selectWebhook(count == 0 ? -1 : qMin(index, count - 1));
    });
    connect(m_document, &WorkspaceDocument::webhookChanged, this, [this](int index, Property property) {
        if (index == m_currentWebhook) {
            syncProperty(int(property));
        }
        if (property == Property::Name) {
            refreshTokens();
        }
    });
    // The models drop the results on a structural change (they are matched by position);
    // these run after them and evaluate the mappings again against the last response.
    const auto mappingsEdited = [this](WorkspaceDocument::RowTable table, int webhook) {
        if (table == WorkspaceDocument::RowTable::Mappings && webhook == m_currentWebhook) {
            reevaluateMappings();
        }
    };
    connect(m_document, &WorkspaceDocument::rowInserted, this, mappingsEdited);
    connect(m_document, &WorkspaceDocument::rowRemoved, this, mappingsEdited);
    connect(m_document, &WorkspaceDocument::rowMoved, this, mappingsEdited);
    connect(m_document, &WorkspaceDocument::rowChanged, this, mappingsEdited);
    // Webhook indexes shift: the last response may no longer be the current webhook's.
    for (auto signal : {&WorkspaceDocument::webhookInserted, &WorkspaceDocument::webhookRemoved}) {
        connect(m_document, signal, this, [this] { m_lastCallWebhook = -1; });
    }
    connect(m_document, &WorkspaceDocument::workspaceReset, this, [this] { m_lastCallWebhook = -1; });
    connect(m_document, &WorkspaceDocument::currentLeadChanged, this, [this](int index) {
        m_syncing = true;
        m_leadCombo->setCurrentIndex(index);
        m_syncing = false;
        refreshTokens();
        schedulePreview();
    });
    connect(m_document, &WorkspaceDocument::leadsReset, this, [this] {
        m_syncing = true;
        m_leadCombo->setCurrentIndex(m_document->currentLead());
        m_syncing = false;
        refreshTokens();
    });
    connect(m_document, &WorkspaceDocument::leadChanged, this, &MainWindow::refreshTokens);
    connect(m_document, &WorkspaceDocument::contextChanged, this, [this] {
        m_syncing = true;
        m_timeZoneCombo->setCurrentText(m_document->workspace().timeZone);
        m_syncing = false;
        refreshTokens();
    });
    connect(m_document, &WorkspaceDocument::workspaceReset, this, [this] {
        m_syncing = true;
        m_leadCombo->setCurrentIndex(m_document->currentLead());
        m_timeZoneCombo->setCurrentText(m_document->workspace().timeZone);
        m_syncing = false;
    });
}

void MainWindow::applySettings()
{
    HttpClient::Options options = m_http->options();
    options.timeoutMs = m_settings.timeoutSeconds * 1000;
    options.followRedirects = m_settings.followRedirects;
    options.trust(m_document->workspace().trustedCertificate);
    m_http->setOptions(options);
    m_urlEdit->setEditorFontSize(m_settings.editorFontSize);
    m_templateEditor->setEditorFontSize(m_settings.editorFontSize);
}

void MainWindow::selectWebhook(int index)
{
    if (index < -1 || index >= m_document->workspace().webhooks.size()) {
        index = -1;
    }
    if (index != m_currentWebhook) {
        m_currentWebhook = index;
        m_headerModel->setWebhook(index);
        m_mappingModel->setWebhook(index);
        syncEditor();
    }
    QModelIndex proxyIndex = m_webhookProxy->mapFromSource(m_webhookModel->index(index));
    if (!proxyIndex.isValid() && index >= 0 && !m_filterEdit->text().isEmpty()) {
        // The filter hides the webhook being edited (a new one, a duplicate): the list
        // and the editor would disagree, so the filter goes.
        m_filterEdit->clear();
        proxyIndex = m_webhookProxy->mapFromSource(m_webhookModel->index(index));
    }
    if (proxyIndex.isValid() && m_webhookList->currentIndex() != proxyIndex) {
        m_webhookList->setCurrentIndex(proxyIndex);
    }
    updateActions();
    schedulePreview();
}

void MainWindow::syncEditor()
{
    const bool has = m_currentWebhook >= 0;
    m_editorPane->setEnabled(has);
    for (Property p : {Property::Name,
                       Property::Description,
                       Property::Url,
                       Property::RequestType,
                       Property::PayloadTemplate,
                       Property::Encoding,
                       Property::ResponseType}) {
        syncProperty(int(p));
    }
    m_urlEdit->setDiagnostics({});
    m_templateEditor->setDiagnostics({});
}

void MainWindow::syncProperty(int propertyValue)
{
    const auto property = Property(propertyValue);
    const bool has = m_currentWebhook >= 0;
    const Webhook webhook = has ? m_document->workspace().webhooks.at(m_currentWebhook) : Webhook();
    const QVariant value = has ? WorkspaceDocument::property(webhook, property) : QVariant();
    m_syncing = true;
    switch (property) {
    case Property::Name:
        if (m_nameEdit->text() != value.toString()) {
            m_nameEdit->setText(value.toString());
        }
        break;
    case Property::Description:
        if (m_descriptionEdit->text() != value.toString()) {
            m_descriptionEdit->setText(value.toString());
        }
        break;
    case Property::Url:
        m_urlEdit->replaceText(value.toString());
        break;
    case Property::PayloadTemplate:
        m_templateEditor->replaceText(value.toString());
        break;
    case Property::RequestType: {
        m_requestTypeCombo->setCurrentIndex(qMax(0, m_requestTypeCombo->findData(value)));
        const bool sendsBody = !has || webhook.sendsBody();
        m_templateEditor->setReadOnly(!sendsBody);
        m_templateEditor->setEnabled(sendsBody);
        m_encodingCombo->setEnabled(sendsBody);
        m_payloadReasonLabel->setVisible(!sendsBody);
        m_payloadReasonLabel->setText(
            tr("Marketo sends no payload with a GET request: the template is kept but not sent. Choose POST, PUT, "
               "PATCH or DELETE to send it."));
        break;
    }
    case Property::Encoding:
        m_encodingCombo->setCurrentIndex(qMax(0, m_encodingCombo->findData(value)));
        break;
    case Property::ResponseType:
        m_responseTypeCombo->setCurrentIndex(qMax(0, m_responseTypeCombo->findData(value)));
        break;
    }
    m_syncing = false;
}

void MainWindow::editProperty(int property, const QVariant& value)
{
    if (m_syncing || m_currentWebhook < 0) {
        return;
    }
    const Webhook& webhook = m_document->workspace().webhooks.at(m_currentWebhook);
    if (WorkspaceDocument::property(webhook, Property(property)) == value) {
        return;
    }
    m_document->undoStack()->push(
        new SetWebhookPropertyCommand(m_document, m_currentWebhook, Property(property), value));
}

void MainWindow::schedulePreview()
{
    m_previewTimer.start();
}

void MainWindow::refreshPreview()
{
    if (m_currentWebhook < 0) {
        m_previewPane->clear();
        m_urlEdit->setDiagnostics({});
        m_templateEditor->setDiagnostics({});
        emit previewUpdated();
        return;
    }
    const Workspace& workspace = m_document->workspace();
    const Webhook& webhook = workspace.webhooks.at(m_currentWebhook);
    const QJsonObject lead = m_document->currentLeadObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Renderer renderer(workspace, webhook);
    const RenderedRequest request = renderer.render(lead, now);
    const QList<Diagnostic> diagnostics = Linter::lint(workspace, webhook, m_document->currentLead(), now);
    m_previewPane->showRequest(request, diagnostics);
    if (m_previewPane->isEncodingsTabShown()) {
        m_previewPane->showEncodings(renderer.render(lead, now, TokenEncoding::None).body,
                                     renderer.render(lead, now, TokenEncoding::Json).body,
                                     renderer.render(lead, now, TokenEncoding::FormUrl).body,
                                     webhook.requestTokenEncoding);
    }

    QList<Diagnostic> urlDiagnostics;
    QList<Diagnostic> templateDiagnostics;
    for (const Diagnostic& d : diagnostics) {
        if (d.where.part == DiagnosticLocation::Part::Url) {
            urlDiagnostics.append(d);
        } else if (d.where.part == DiagnosticLocation::Part::Template) {
            templateDiagnostics.append(d);
        }
    }
    m_urlEdit->setDiagnostics(urlDiagnostics);
    m_templateEditor->setDiagnostics(templateDiagnostics);
    m_templateEditor->setLanguage(
        TemplateEditor::detectLanguage(headerValue(webhook, QStringLiteral("Content-Type")), webhook.payloadTemplate));

    int errors = 0;
    int warnings = 0;
    for (const Diagnostic& d : diagnostics) {
        errors += d.severity == Diagnostic::Severity::Error;
        warnings += d.severity == Diagnostic::Severity::Warning;
    }
    if (!isCallRunning()) {
        setStatusText(tr("%1 %2 · %n error(s)", nullptr, errors).arg(request.method, maskedUrl(webhook, request.url))
                      + tr(", %n warning(s)", nullptr, warnings));
    }
    emit previewUpdated();
}

void MainWindow::refreshTokens()
{
    m_responsePane->setFieldCatalog(m_document->workspace().catalog());
    const TokenCatalog catalog(m_document->workspace(), m_document->currentLead(), QDateTime::currentDateTimeUtc());
    m_urlEdit->setTokens(catalog.tokens());
    m_templateEditor->setTokens(catalog.tokens());
    m_headerValueDelegate->setTokens(catalog.tokens());
    schedulePreview();
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
    m_statusText = text;
    m_statusLabel->setToolTip(text);
    elideStatusText();
}

void MainWindow::elideStatusText()
{
    const QString shown =
        m_statusLabel->fontMetrics().elidedText(m_statusText, Qt::ElideMiddle, m_statusLabel->contentsRect().width());
    if (m_statusLabel->text() != shown) {
        m_statusLabel->setText(shown);
    }
}

QString MainWindow::maskedUrl(const Webhook& webhook, const QString& url) const
{
    // The redactor history uses, so the status bar hides exactly what history hides.
    return SecretRedactor(m_document->workspace(), webhook).redact(url);
}

void MainWindow::updateActions()
{
    const bool has = m_currentWebhook >= 0;
    m_duplicateWebhookAction->setEnabled(has);
    m_renameWebhookAction->setEnabled(has);
    m_deleteWebhookAction->setEnabled(has);
    m_sendAction->setEnabled(has && !isCallRunning());
    m_cancelAction->setEnabled(isCallRunning());
    m_insertTokenAction->setEnabled(has);
    m_batchAction->setEnabled(has);
}

void MainWindow::jumpTo(const DiagnosticLocation& where, int line, int column)
{
    using Part = DiagnosticLocation::Part;
    TokenEditor* editor = nullptr;
    switch (where.part) {
    case Part::Url:
        editor = m_urlEdit;
        break;
    case Part::Template:
        editor = m_templateEditor;
        break;
    case Part::HeaderName:
    case Part::HeaderValue:
        m_editorTabs->setCurrentIndex(0);
        m_headersTable->setCurrentIndex(m_headerModel->index(
            where.row, where.part == Part::HeaderName ? HeaderModel::NameColumn : HeaderModel::ValueColumn));
        m_headersTable->setFocus();
        return;
    case Part::MappingAttribute:
    case Part::MappingField:
        m_editorTabs->setCurrentIndex(1);
        m_mappingsTable->setCurrentIndex(m_mappingModel->index(
            where.row, where.part == Part::MappingField ? MappingModel::FieldColumn : MappingModel::AttributeColumn));
        m_mappingsTable->setFocus();
        return;
    case Part::Name:
        m_nameEdit->setFocus();
        return;
    case Part::RequestType:
        m_requestTypeCombo->setFocus();
        return;
    case Part::RequestTokenEncoding:
        m_encodingCombo->setFocus();
        return;
    case Part::ResponseType:
        m_responseTypeCombo->setFocus();
        return;
    case Part::TimeZone:
    case Part::Headers:
    case Part::Mappings:
        break;
    }
    if (!editor) {
        return;
    }
    editor->setFocus();
    if (line > 0) {
        // Line and column are 1-based characters; Scintilla wants a byte position.
        const QStringList lines = editor->text().split(QLatin1Char('\n'));
        int offset = 0;
        for (int i = 0; i < line - 1 && i < lines.size(); ++i) {
            offset += lines.at(i).size() + 1;
        }
        editor->setCursorOffset(offset + qMax(0, column - 1));
        editor->ensureCursorVisible();
    }
}

// --- Webhook list ---

void MainWindow::addWebhook()
{
    Webhook webhook;
    webhook.name = m_document->uniqueWebhookName(tr("New webhook"));
    webhook.url = m_sandbox ? m_sandbox->url().toString() + QStringLiteral("/echo") : QStringLiteral("https://");
    webhook.requestType = RequestType::Post;
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.payloadTemplate = QStringLiteral("{\n  \"email\": {{lead.Email Address}}\n}");
    webhook.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}});
    const int index = m_currentWebhook < 0 ? m_document->workspace().webhooks.size() : m_currentWebhook + 1;
    m_document->undoStack()->push(new AddWebhookCommand(m_document, index, webhook, tr("Add webhook")));
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
}

void MainWindow::duplicateWebhook()
{
    if (m_currentWebhook < 0) {
        return;
    }
    Webhook copy = m_document->workspace().webhooks.at(m_currentWebhook);
    copy.name = m_document->uniqueWebhookName(tr("%1 copy").arg(copy.name));
    m_document->undoStack()->push(
        new AddWebhookCommand(m_document, m_currentWebhook + 1, copy, tr("Duplicate webhook")));
}

void MainWindow::renameWebhook()
{
    const QModelIndex index = m_webhookProxy->mapFromSource(m_webhookModel->index(m_currentWebhook));
    if (index.isValid()) {
        m_webhookList->setFocus();
        m_webhookList->edit(index);
    }
}

void MainWindow::deleteWebhook()
{
    if (m_currentWebhook >= 0) {
        m_document->undoStack()->push(new RemoveWebhookCommand(m_document, m_currentWebhook));
    }
}

// --- Tables ---

void MainWindow::addHeader()
{
    if (m_currentWebhook < 0) {
        return;
    }
    const int row = m_document->workspace().webhooks.at(m_currentWebhook).headers.size();
    m_document->undoStack()->push(new InsertRowCommand(
        m_document, m_currentWebhook, row, Header {QStringLiteral("X-Header"), QString(), false, {}}));
    m_editorTabs->setCurrentIndex(0);
    const QModelIndex index = m_headerModel->index(row, HeaderModel::NameColumn);
    m_headersTable->setCurrentIndex(index);
    m_headersTable->setFocus();
    m_headersTable->edit(index);
}

void MainWindow::addMapping()
{
    if (m_currentWebhook < 0) {
        return;
    }
    const int row = m_document->workspace().webhooks.at(m_currentWebhook).responseMappings.size();
    m_document->undoStack()->push(new InsertRowCommand(
        m_document, m_currentWebhook, row, ResponseMapping {QString(), QStringLiteral("company"), {}}));
    m_editorTabs->setCurrentIndex(1);
    const QModelIndex index = m_mappingModel->index(row, MappingModel::AttributeColumn);
    m_mappingsTable->setCurrentIndex(index);
    m_mappingsTable->setFocus();
    m_mappingsTable->edit(index);
}

void MainWindow::removeSelectedRow(QTableView* view, bool headers)
{
    const QModelIndex current = view->currentIndex();
    if (!current.isValid() || m_currentWebhook < 0) {
        return;
    }
    const auto table = headers ? WorkspaceDocument::RowTable::Headers : WorkspaceDocument::RowTable::Mappings;
    m_document->undoStack()->push(new RemoveRowCommand(m_document, table, m_currentWebhook, current.row()));
}

void MainWindow::moveSelectedRow(QTableView* view, bool headers, int delta)
{
    const QModelIndex current = view->currentIndex();
    if (!current.isValid() || m_currentWebhook < 0) {
        return;
    }
    const int to = current.row() + delta;
    if (to < 0 || to >= view->model()->rowCount()) {
        return;
    }
    const auto table = headers ? WorkspaceDocument::RowTable::Headers : WorkspaceDocument::RowTable::Mappings;
    m_document->undoStack()->push(new MoveRowCommand(m_document, table, m_currentWebhook, current.row(), to));
    view->setCurrentIndex(view->model()->index(to, current.column()));
}

// --- Tokens ---

void MainWindow::insertToken()
{
    if (m_currentWebhook < 0) {
        return;
    }
    QPointer<TokenEditor> target = qobject_cast<TokenEditor*>(m_lastTokenField.data());
    // A header row chosen in the table with no cell editor open: the token goes at the end
    // of its value, through the model so it is one undoable edit.
    QPersistentModelIndex headerCell;
    if (focusWidget() == m_headersTable && m_headersTable->currentIndex().isValid()) {
        headerCell = m_headersTable->currentIndex().siblingAtColumn(HeaderModel::ValueColumn);
        target = nullptr;
    } else if (!target) {
        target = m_templateEditor->isEnabled() ? static_cast<TokenEditor*>(m_templateEditor) : m_urlEdit;
    }
    // open(), not exec(): the picker is window-modal without a nested event loop.
    auto* picker = new TokenPickerDialog(this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setTokens(
        TokenCatalog(m_document->workspace(), m_document->currentLead(), QDateTime::currentDateTimeUtc()).tokens());
    connect(picker, &TokenPickerDialog::tokenChosen, this, [this, target, headerCell](const QString& text) {
        if (headerCell.isValid()) {
            m_headerModel->appendToValue(headerCell.row(), text);
        } else if (target) {
            target->setFocus();
            target->insertAtCursor(text);
        }
    });
    picker->open();
}

// --- Calls ---

void MainWindow::send()
{
    if (m_currentWebhook < 0 || isCallRunning()) {
        return;
    }
    const Workspace& workspace = m_document->workspace();
    const Webhook& webhook = workspace.webhooks.at(m_currentWebhook);
    const RenderedRequest request =
        Renderer(workspace, webhook).render(m_document->currentLeadObject(), QDateTime::currentDateTimeUtc());
    m_mappingModel->clearOutcome();
    m_lastCallWebhook = -1;
    ++m_mappingEvaluation;
    setStatusText(tr("Sending %1 %2…").arg(request.method, maskedUrl(webhook, request.url)));
    m_responsePane->showPending();
    m_sideTabs->setCurrentWidget(m_responsePane);
    m_callId = m_http->call(request);
    updateActions();
}

void MainWindow::cancelCall()
{
    if (isCallRunning()) {
        m_http->cancel(m_callId);
    }
}

QString MainWindow::historyBase() const
{
    // An untitled workspace keeps its history in the application's data folder.
    QString base = m_document->filePath();
    if (base.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        base = dir + QStringLiteral("/untitled") + WorkspaceFile::fileSuffix();
    }
    return base;
}

void MainWindow::openHistory()
{
    if (m_historyDialog) {
        m_historyDialog->raise();
        m_historyDialog->activateWindow();
        return;
    }
    CallHistory history(historyBase());
    auto* dialog = new HistoryDialog(this);
    dialog->setObjectName(QStringLiteral("historyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEntries(history.entries());
    m_historyDialog = dialog;
    if (!history.warnings().isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Warning, history.warnings().join(QLatin1Char(' ')));
    }
    connect(dialog, &HistoryDialog::resendRequested, this, [this](RenderedRequest request, const QString& name) {
        if (isCallRunning()) {
            return;
        }
        // The history holds placeholders for secrets. A secret header is masked whole, so
        // the workspace's current value can stand in for it; a secret My Token inside the
        // URL, the body or another header cannot be put back without guessing.
        const QString placeholder = SecretRedactor::placeholder();
        const int index = m_document->workspace().webhookIndex(name);
        if (index >= 0) {
            const Webhook& webhook = m_document->workspace().webhooks.at(index);
            const SecretRedactor redactor(m_document->workspace(), webhook);
            const RenderedRequest current =
                Renderer(m_document->workspace(), webhook)
                    .render(m_document->currentLeadObject(), QDateTime::currentDateTimeUtc());
            for (RenderedHeader& header : request.headers) {
                if (header.value != placeholder) {
                    continue;
                }
                for (const RenderedHeader& own : current.headers) {
                    if ((own.secret || redactor.isSecretHeader(own.name.toUtf8()))
                        && own.name.trimmed().compare(header.name.trimmed(), Qt::CaseInsensitive) == 0) {
                        header.value = own.value;
                    }
                }
            }
        }
        bool redacted = request.url.contains(placeholder) || request.body.contains(placeholder.toUtf8());
        for (const RenderedHeader& header : request.headers) {
            redacted = redacted || header.value.contains(placeholder);
        }
        if (redacted) {
            const QString why = tr("Not sent: this call held secret values, which the history does not keep. "
                                   "Send (Ctrl+Enter) sends the webhook again with the current values.");
            setStatusText(why);
            if (m_historyDialog) {
                m_historyDialog->showNotice(why);
            }
            return;
        }
        if (index >= 0) {
            selectWebhook(index);
        }
        m_mappingModel->clearOutcome();
        m_lastCallWebhook = -1;
        ++m_mappingEvaluation;
        m_responsePane->showPending();
        m_sideTabs->setCurrentWidget(m_responsePane);
        m_callId = m_http->call(request);
        updateActions();
    });
    dialog->show();
}

void MainWindow::recordHistory(const Webhook& webhook, const CallResult& result, const MappingOutcome& outcome)
{
    CallHistory history(historyBase());
    QString error;
    if (!history.record(m_document->workspace(),
                        webhook,
                        result,
                        outcome,
                        QStringLiteral("designer"),
                        m_document->currentLeadObject(),
                        &error)) {
        setStatusText(tr("The call was not added to the history: %1").arg(error));
        return;
    }
    if (m_historyDialog) {
        m_historyDialog->setEntries(history.entries());
    }
}

void MainWindow::callDone(quint64 id, const CallResult& result)
{
    if (id != m_callId) {
        return;
    }
    m_callId = 0;
    updateActions();
    m_previewPane->rememberSentHeaders(result.requestHeaders);
    if (result.error != CallResult::ErrorKind::None) {
        setStatusText(result.errorMessage);
    } else {
        setStatusText(tr("%1 %2 · %3 ms · %4 bytes")
                          .arg(result.status)
                          .arg(result.reason)
                          .arg(qRound(result.totalMs))
                          .arg(result.bodySize));
    }
    if (m_currentWebhook < 0) {
        MappingOutcome outcome;
        outcome.statusApplies = false;
        outcome.reason = result.errorMessage.isEmpty() ? tr("The call did not complete.") : result.errorMessage;
        m_mappingModel->setOutcome(outcome);
        m_responsePane->showResult(result, outcome);
        emit mappingsEvaluated(outcome);
        announceCallFinished(result);
        return;
    }
    // The evaluator reads the whole body: on a large response that is work the UI thread
    // must not wait for. After a transport error it reads nothing (status 0) but still
    // lists every mapping with why it is not written.
    const Workspace workspace = m_document->workspace();
    const Webhook webhook = workspace.webhooks.at(m_currentWebhook);
    const QJsonObject lead = m_document->currentLeadObject();
    const int webhookIndex = m_currentWebhook;
    m_lastCall = result;
    m_lastCallWebhook = webhookIndex;
    const quint64 evaluation = ++m_mappingEvaluation;
    auto* watcher = new QFutureWatcher<MappingOutcome>(this);
    connect(watcher,
            &QFutureWatcher<MappingOutcome>::finished,
            this,
            [this, watcher, webhookIndex, webhook, result, evaluation] {
                watcher->deleteLater();
                MappingOutcome outcome = watcher->result();
                if (result.error != CallResult::ErrorKind::None) {
                    outcome.reason =
                        result.errorMessage.isEmpty() ? tr("The call did not complete.") : result.errorMessage;
                }
                // A mapping edited meanwhile was evaluated since, against the same response.
                if (webhookIndex == m_currentWebhook && evaluation == m_mappingEvaluation) {
                    m_mappingModel->setOutcome(outcome);
                }
                m_responsePane->showResult(result, outcome);
                recordHistory(webhook, result, outcome);
                emit mappingsEvaluated(outcome);
                announceCallFinished(result);
            });
    watcher->setFuture(
        QtConcurrent::run([workspace, webhook, lead, status = result.mappingStatus(), body = result.body] {
            return MappingEvaluator::evaluate(workspace, webhook, lead, status, body);
        }));
}

void MainWindow::announceCallFinished(const CallResult& result)
{
    // callFinished() promises that the window shows the whole result: status, mapped
    // fields, body, tree and certificate. A large body is still being formatted on a
    // worker thread; the promise waits for it.
    if (!m_responsePane->isBusy()) {
        emit callFinished(result);
        return;
    }
    auto* waiting = new QObject(this);
    connect(m_responsePane, &ResponsePane::busyChanged, waiting, [this, waiting, result](bool busy) {
        if (busy)
            return;
        waiting->deleteLater();
        emit callFinished(result);
    });
}

void MainWindow::reevaluateMappings()
{
    if (m_currentWebhook < 0 || m_lastCallWebhook != m_currentWebhook) {
        m_mappingModel->clearOutcome();
        return;
    }
    const quint64 evaluation = ++m_mappingEvaluation;
    const Workspace& workspace = m_document->workspace();
    const Webhook& webhook = workspace.webhooks.at(m_currentWebhook);
    const auto show = [this](MappingOutcome outcome) {
        if (m_lastCall.error != CallResult::ErrorKind::None) {
            outcome.reason =
                m_lastCall.errorMessage.isEmpty() ? tr("The call did not complete.") : m_lastCall.errorMessage;
        }
        m_mappingModel->setOutcome(outcome);
        m_responsePane->mappingModel()->setOutcome(outcome, m_document->workspace().catalog());
        emit mappingsEvaluated(outcome);
    };
    // A small body is evaluated at once, so the new row never shows an empty result; a
    // large one is read off the UI thread, as after Send.
    constexpr qsizetype kInlineEvaluationBytes = 256 * 1024;
    if (m_lastCall.body.size() <= kInlineEvaluationBytes) {
        show(MappingEvaluator::evaluate(
            workspace, webhook, m_document->currentLeadObject(), m_lastCall.mappingStatus(), m_lastCall.body));
        return;
    }
    m_mappingModel->clearOutcome();
    const int webhookIndex = m_currentWebhook;
    auto* watcher = new QFutureWatcher<MappingOutcome>(this);
    connect(watcher, &QFutureWatcher<MappingOutcome>::finished, this, [this, watcher, evaluation, webhookIndex, show] {
        watcher->deleteLater();
        // Another edit, send or webhook came since: that one's evaluation counts.
        if (evaluation == m_mappingEvaluation && webhookIndex == m_currentWebhook
            && m_lastCallWebhook == webhookIndex) {
            show(watcher->result());
        }
    });
    watcher->setFuture(QtConcurrent::run(
        [workspace = Workspace(workspace),
         webhook = Webhook(webhook),
         lead = m_document->currentLeadObject(),
         status = m_lastCall.mappingStatus(),
         body = m_lastCall.body] { return MappingEvaluator::evaluate(workspace, webhook, lead, status, body); }));
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
    dialog->show();
}

// --- Files ---

QByteArray MainWindow::sampleWorkspace(const QString& sandboxUrl)
{
    QFile file(QStringLiteral(":/sample.webhooks.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArray bytes = file.readAll();
    if (!sandboxUrl.isEmpty() && sandboxUrl != kSampleSandboxUrl) {
        bytes.replace(kSampleSandboxUrl.toUtf8(), sandboxUrl.toUtf8());
    }
    return bytes;
}

void MainWindow::openSample()
{
    Workspace workspace;
    QString error;
    const QByteArray bytes = sampleWorkspace(m_sandbox ? m_sandbox->url().toString() : QString());
    if (!WorkspaceFile::read(bytes, &workspace, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The bundled sample workspace could not be read: %1").arg(error));
        m_document->reset(Workspace(), QString());
        return;
    }
    m_document->reset(workspace, QString());
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified()) {
        return true;
    }
    const auto answer = QMessageBox::warning(
        this,
        tr("Unsaved changes"),
        tr("The workspace \"%1\" has unsaved changes. Save them?")
            .arg(m_document->filePath().isEmpty() ? tr("Untitled") : QFileInfo(m_document->filePath()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
        QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        return save();
    }
    return answer == QMessageBox::Discard;
}

void MainWindow::newWorkspace()
{
    if (!maybeSave()) {
        return;
    }
    Workspace workspace;
    Webhook webhook;
    webhook.name = tr("New webhook");
    webhook.url = m_sandbox ? m_sandbox->url().toString() + QStringLiteral("/echo") : QStringLiteral("https://");
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.payloadTemplate = QStringLiteral("{\n  \"email\": {{lead.Email Address}}\n}");
    webhook.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}});
    workspace.webhooks.append(webhook);
    QJsonObject lead;
    lead.insert(QStringLiteral("First Name"), QStringLiteral("Ada"));
    lead.insert(QStringLiteral("Last Name"), QStringLiteral("Lovelace"));
    lead.insert(QStringLiteral("Email Address"), QStringLiteral("ada@example.com"));
    workspace.leads.append(lead);
    m_document->reset(workspace, QString());
    clearRecovery();
}

void MainWindow::open()
{
    if (!maybeSave()) {
        return;
    }
    const QString fileName =
        QFileDialog::getOpenFileName(this,
                                     tr("Open Workspace"),
                                     QFileInfo(m_document->filePath()).absolutePath(),
                                     tr("Webhook workspaces (*.webhooks.json *.json);;All files (*)"));
    if (!fileName.isEmpty()) {
        openFile(fileName);
    }
}

bool MainWindow::openFile(const QString& fileName)
{
    Workspace workspace;
    QString error;
    if (!WorkspaceFile::load(fileName, &workspace, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Could not open \"%1\": %2").arg(QDir::toNativeSeparators(fileName), error));
        return false;
    }
    m_document->reset(workspace, QFileInfo(fileName).absoluteFilePath());
    addRecentFile(QFileInfo(fileName).absoluteFilePath());
    m_messageBar->dismiss();
    setStatusText(tr("Opened %1").arg(QDir::toNativeSeparators(fileName)));
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty()) {
        return saveAs();
    }
    return saveToFile(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QString fileName = QFileDialog::getSaveFileName(
        this, tr("Save Workspace As"), saveAsStartPath(), tr("Webhook workspaces (*.webhooks.json)"));
    if (fileName.isEmpty()) {
        return false;
    }
    if (!fileName.endsWith(QLatin1String(".json"))) {
        fileName += WorkspaceFile::fileSuffix();
    }
    return saveToFile(fileName);
}

QString MainWindow::saveAsStartPath() const
{
    if (!m_document->filePath().isEmpty()) {
        return m_document->filePath();
    }
    // Not the working directory: started from a launcher that is / or the install folder.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QFileInfo(dir).isDir()) {
        dir = QDir::homePath();
    }
    return QDir(dir).filePath(QStringLiteral("untitled") + WorkspaceFile::fileSuffix());
}

bool MainWindow::saveToFile(const QString& fileName)
{
    QString message;
    if (!WorkspaceFile::save(m_document->workspace(), fileName, &message)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Could not save \"%1\": %2").arg(QDir::toNativeSeparators(fileName), message));
        return false;
    }
    m_document->markSaved(QFileInfo(fileName).absoluteFilePath());
    addRecentFile(QFileInfo(fileName).absoluteFilePath());
    clearRecovery();
    setStatusText(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)));
    return true;
}

void MainWindow::importCsvDialog()
{
    const QString fileName = QFileDialog::getOpenFileName(this,
                                                          tr("Import Leads from CSV"),
                                                          QFileInfo(m_document->filePath()).absolutePath(),
                                                          tr("CSV files (*.csv);;All files (*)"));
    if (!fileName.isEmpty()) {
        importCsv(fileName);
    }
}

bool MainWindow::importCsv(const QString& fileName)
{
    CsvImportResult result;
    QString error;
    if (!CsvImporter::importFile(fileName, m_document->workspace().catalog(), &result, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Could not import \"%1\": %2").arg(QDir::toNativeSeparators(fileName), error));
        return false;
    }
    if (!result.leads.isEmpty()) {
        m_document->undoStack()->push(new ImportLeadsCommand(m_document, result.leads, m_document->workspace().fields));
    }
    QStringList problems;
    constexpr int kShownErrors = 5;
    for (int i = 0; i < result.errors.size() && i < kShownErrors; ++i) {
        problems.append(result.errors.at(i).toString());
    }
    if (result.errors.size() > kShownErrors) {
        problems.append(tr("and %n more row(s)", nullptr, int(result.errors.size() - kShownErrors)));
    }
    problems += result.warnings;
    const QString summary =
        tr("Imported %n lead(s) from \"%1\".", nullptr, int(result.leads.size())).arg(QFileInfo(fileName).fileName());
    if (problems.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Info, summary);
    } else {
        m_messageBar->showMessage(result.errors.isEmpty() ? MessageBar::Kind::Warning : MessageBar::Kind::Error,
                                  summary + QLatin1Char(' ')
                                      + tr("%n row(s) skipped: ", nullptr, int(result.errors.size()))
                                      + problems.join(QStringLiteral("; ")));
    }
    m_sideTabs->setCurrentWidget(m_leadFieldsTable->parentWidget());
    return !result.leads.isEmpty();
}

void MainWindow::addRecentFile(const QString& fileName)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(fileName);
    recent.prepend(fileName);
    while (recent.size() > kMaxRecentFiles) {
        recent.removeLast();
    }
    settings.setValue(QStringLiteral("recentFiles"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    int n = 0;
    for (const QString& fileName : recent) {
        ++n;
        QAction* a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(n).arg(QDir::toNativeSeparators(fileName)));
        connect(a, &QAction::triggered, this, [this, fileName] {
            if (maybeSave()) {
                openFile(fileName);
            }
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    m_settings = dialog.values();
    SettingsDialog::save(m_settings);
    applySettings();
}

// --- Recovery ---

QString MainWindow::recoveryFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery")
           + WorkspaceFile::fileSuffix();
}

void MainWindow::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer.setInterval(milliseconds);
}

void MainWindow::autosaveNow()
{
    // Until the user answered the offer to restore, the old recovery file is all that
    // holds their unsaved work: never overwrite it.
    if (m_recoveryPending) {
        return;
    }
    if (!m_document->isModified()) {
        if (m_autosavedRevision != 0) {
            clearRecovery();
        }
        return;
    }
    if (m_document->revision() == m_autosavedRevision) {
        return;
    }
    QDir().mkpath(QFileInfo(recoveryFilePath()).absolutePath());
    QString message;
    if (!WorkspaceFile::save(m_document->workspace(), recoveryFilePath(), &message)) {
        setStatusText(tr("Autosave failed: %1").arg(message));
        return;
    }
    QSaveFile info(recoveryInfoPath());
    if (info.open(QIODevice::WriteOnly)) {
        QJsonObject object;
        object.insert(QStringLiteral("filePath"), m_document->filePath());
        object.insert(QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        info.write(QJsonDocument(object).toJson());
        info.commit();
    }
    m_autosavedRevision = m_document->revision();
}

void MainWindow::clearRecovery()
{
    QFile::remove(recoveryFilePath());
    QFile::remove(recoveryInfoPath());
    m_autosavedRevision = 0;
}

bool MainWindow::offerRecovery()
{
    if (!QFileInfo::exists(recoveryFilePath())) {
        return false;
    }
    Workspace recovered;
    if (!WorkspaceFile::load(recoveryFilePath(), &recovered)) {
        clearRecovery();
        return false;
    }
    QFile infoFile(recoveryInfoPath());
    QJsonObject info;
    if (infoFile.open(QIODevice::ReadOnly)) {
        info = QJsonDocument::fromJson(infoFile.readAll()).object();
    }
    const QString originalPath = info.value(QStringLiteral("filePath")).toString();
    const QDateTime savedAt =
        QDateTime::fromString(info.value(QStringLiteral("savedAt")).toString(), Qt::ISODate).toLocalTime();
    m_recoveryPending = true;
    const QString what = originalPath.isEmpty() ? tr("an untitled workspace")
                                                : QStringLiteral("\"%1\"").arg(QFileInfo(originalPath).fileName());
    m_messageBar->showMessage(
        MessageBar::Kind::Warning,
        tr("Webhook Designer did not close properly. Unsaved changes to %1 from %2 were recovered.")
            .arg(what, QLocale().toString(savedAt, QLocale::ShortFormat)),
        {{tr("&Restore"),
          QStringLiteral("restoreButton"),
          [this, recovered, originalPath] {
              m_recoveryPending = false;
              m_document->reset(recovered, originalPath, true);
              m_autosavedRevision = 0;
              autosaveNow();
          }},
         {tr("D&iscard"), QStringLiteral("discardRecoveryButton"), [this] {
              m_recoveryPending = false;
              clearRecovery();
          }}});
    return true;
}

// --- Window events ---

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_http->cancelAll();
    if (!m_recoveryPending) {
        clearRecovery();
    }
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile().toLower();
        if (path.endsWith(QLatin1String(".json")) || path.endsWith(QLatin1String(".csv"))) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
            importCsv(path);
        } else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) && maybeSave()) {
            openFile(path);
        }
    }
    event->acceptProposedAction();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_statusLabel && event->type() == QEvent::Resize) {
        elideStatusText();
    }
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            // Leave the key to the window's Undo/Redo actions.
            event->ignore();
            return true;
        }
        const bool table = watched == m_headersTable || watched == m_mappingsTable || watched == m_leadFieldsTable
                           || watched == m_contextTable;
        if (table && key->key() == Qt::Key_F2 && key->modifiers() == Qt::NoModifier) {
            // The table's own edit key: Rename Webhook (F2 too) stays in the list and menu.
            event->accept();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}
