#include "MainWindowActions.h"

#include "dialogs/AboutDialog.h"

#include <QAction>
#include <QDir>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>
#include <QUndoStack>

namespace {
// Only GNOME and KDE define Save As and Preferences; elsewhere the standard key is
// empty and the action would have no shortcut at all.
QKeySequence standardOr(QKeySequence::StandardKey standard, const QKeySequence& fallback)
{
    const QKeySequence key(standard);
    return key.isEmpty() ? fallback : key;
}

QString plainText(const QAction* action)
{
    return action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
}
} // namespace

MainWindowActions::MainWindowActions(QMainWindow* window, QUndoStack* undoStack) : QObject(window), m_window(window)
{
    createActions(undoStack);
    createMenus();
    createToolBar();
    connect(action(Quit), &QAction::triggered, m_window, &QWidget::close);
    connect(action(About), &QAction::triggered, this, &MainWindowActions::showAbout);
}

MainWindowActions::~MainWindowActions() = default;

void MainWindowActions::createActions(QUndoStack* undoStack)
{
    struct Spec
    {
        Id id;
        QString text;
        const char* name;
        const char* icon;
        QKeySequence key;
    };
    const Spec specs[] = {
        {New, tr("&New"), "newAction", "new", QKeySequence::New},
        {Open, tr("&Open…"), "openAction", "open", QKeySequence::Open},
        {Save, tr("&Save"), "saveAction", "save", QKeySequence::Save},
        {SaveAs,
         tr("Save &As…"),
         "saveAsAction",
         nullptr,
         standardOr(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S))},
        {ImportCsv, tr("&Import Leads from CSV…"), "importCsvAction", "import", QKeySequence(Qt::CTRL | Qt::Key_I)},
        {Settings,
         tr("Se&ttings…"),
         "settingsAction",
         nullptr,
         standardOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma))},
        {Quit, tr("&Quit"), "quitAction", nullptr, QKeySequence::Quit},
        {AddWebhook, tr("&Add Webhook"), "addWebhookAction", "add", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {DuplicateWebhook,
         tr("D&uplicate Webhook"),
         "duplicateWebhookAction",
         "duplicate",
         QKeySequence(Qt::CTRL | Qt::Key_D)},
        {RenameWebhook, tr("Re&name Webhook"), "renameWebhookAction", "rename", QKeySequence(Qt::Key_F2)},
        {DeleteWebhook,
         tr("&Delete Webhook"),
         "deleteWebhookAction",
         "delete",
         QKeySequence(Qt::CTRL | Qt::Key_Delete)},
        {Send, tr("&Send"), "sendAction", "send", QKeySequence(Qt::CTRL | Qt::Key_Return)},
        {Cancel, tr("&Cancel Call"), "cancelAction", "cancel", QKeySequence(Qt::Key_Escape)},
        {InsertToken, tr("Insert &Token…"), "insertTokenAction", "token", QKeySequence(Qt::CTRL | Qt::Key_T)},
        {Batch, tr("&Batch Run…"), "batchAction", "batch", QKeySequence(Qt::CTRL | Qt::Key_B)},
        {History, tr("&History…"), "historyAction", "history", QKeySequence(Qt::CTRL | Qt::Key_H)},
        {SaveBaseline, tr("Save as Base&line"), "saveBaselineAction", nullptr, QKeySequence()},
        {ClearBaseline, tr("Clear Basel&ine"), "clearBaselineAction", nullptr, QKeySequence()},
        {MarketoConnect, tr("&Connect…"), "marketoConnectAction", nullptr, QKeySequence()},
        {MarketoFields, tr("Import &Fields…"), "marketoFieldsAction", nullptr, QKeySequence()},
        {MarketoLeads, tr("Import &Leads…"), "marketoLeadsAction", nullptr, QKeySequence()},
        {MarketoTokens, tr("Import &My Tokens…"), "marketoTokensAction", nullptr, QKeySequence()},
        {NewFromCurl, tr("New Webhook fr&om cURL…"), "newFromCurlAction", nullptr, QKeySequence()},
        {CopyAsCurl, tr("Cop&y as cURL"), "copyAsCurlAction", nullptr, QKeySequence()},
        {ExportFile, tr("E&xport…"), "exportAction", nullptr, QKeySequence()},
        {ShowSetupSheet, tr("Setu&p Sheet…"), "setupSheetAction", nullptr, QKeySequence()},
        {ImportPostman, tr("Import &Postman Collection…"), "importPostmanAction", nullptr, QKeySequence()},
        {About, tr("&About Webhook Designer"), "aboutAction", nullptr, QKeySequence()},
    };
    for (const Spec& spec : specs) {
        const QString icon = spec.icon ? QStringLiteral(":/icons/%1.png").arg(QLatin1String(spec.icon)) : QString();
        auto* a = new QAction(QIcon(icon), spec.text, m_window);
        a->setObjectName(QLatin1String(spec.name));
        if (!spec.key.isEmpty()) {
            a->setShortcut(spec.key);
        }
        m_actions[spec.id] = a;
    }
    action(Send)->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    action(Send)->setToolTip(tr("Send the request for the sample lead (Ctrl+Enter)"));
    action(Cancel)->setShortcutContext(Qt::WindowShortcut);

    m_actions[Undo] = undoStack->createUndoAction(m_window, tr("&Undo"));
    m_actions[Undo]->setObjectName(QStringLiteral("undoAction"));
    m_actions[Undo]->setShortcut(QKeySequence::Undo);
    m_actions[Undo]->setIcon(QIcon(QStringLiteral(":/icons/undo.png")));
    m_actions[Redo] = undoStack->createRedoAction(m_window, tr("&Redo"));
    m_actions[Redo]->setObjectName(QStringLiteral("redoAction"));
    m_actions[Redo]->setShortcuts(QKeySequence::Redo);
    m_actions[Redo]->setIcon(QIcon(QStringLiteral(":/icons/redo.png")));
    // The menu and the tooltip name the edit ("Undo Rename Webhook"); the toolbar button
    // keeps one short label so the buttons after it do not move with every edit.
    m_actions[Undo]->setIconText(tr("Undo"));
    m_actions[Redo]->setIconText(tr("Redo"));
}

void MainWindowActions::createMenus()
{
    // Alt+F, E, W, R and H open these menus, so no label, tab or button of the window uses
    // those letters; the other mnemonics are unique among the widgets shown together.
    QMenuBar* bar = m_window->menuBar();
    const auto menu = [bar](const QString& title, const char* name) {
        QMenu* m = bar->addMenu(title);
        m->setObjectName(QLatin1String(name));
        return m;
    };
    QMenu* file = menu(tr("&File"), "fileMenu");
    file->addActions({action(New), action(Open)});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addActions({action(Save), action(SaveAs)});
    file->addSeparator();
    file->addActions({action(ImportCsv), action(ImportPostman), action(ExportFile)});
    file->addSeparator();
    file->addAction(action(Settings));
    file->addSeparator();
    file->addAction(action(Quit));

    QMenu* edit = menu(tr("&Edit"), "editMenu");
    edit->addActions({action(Undo), action(Redo)});
    edit->addSeparator();
    edit->addAction(action(InsertToken));

    QMenu* webhook = menu(tr("&Webhook"), "webhookMenu");
    webhook->addActions({action(AddWebhook),
                         action(NewFromCurl),
                         action(DuplicateWebhook),
                         action(RenameWebhook),
                         action(DeleteWebhook)});
    webhook->addSeparator();
    webhook->addActions({action(Send), action(Cancel), action(Batch), action(History)});
    webhook->addSeparator();
    webhook->addActions({action(SaveBaseline), action(ClearBaseline)});
    webhook->addSeparator();
    webhook->addActions({action(CopyAsCurl), action(ShowSetupSheet)});

    QMenu* marketo = menu(tr("Ma&rketo"), "marketoMenu");
    marketo->addAction(action(MarketoConnect));
    marketo->addSeparator();
    marketo->addActions({action(MarketoFields), action(MarketoLeads), action(MarketoTokens)});
    menu(tr("&Help"), "helpMenu")->addAction(action(About));
}

void MainWindowActions::createToolBar()
{
    QToolBar* bar = m_window->addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    const QList<QPair<Id, const char*>> buttons = {
        {New, "newButton"},
        {Open, "openButton"},
        {Save, "saveButton"},
        {Undo, "undoButton"},
        {Redo, "redoButton"},
        {Send, "sendButton"},
        {Cancel, "cancelButton"},
        {InsertToken, "insertTokenButton"},
        {Batch, "batchButton"},
        {History, "historyButton"},
    };
    for (const auto& [id, name] : buttons) {
        // A separator before each group: Undo, Send and Insert Token start one.
        if (id == Undo || id == Send || id == InsertToken) {
            bar->addSeparator();
        }
        bar->addAction(action(id));
        if (QWidget* w = bar->widgetForAction(action(id))) {
            w->setObjectName(QLatin1String(name));
            w->setAccessibleName(plainText(action(id)));
        }
    }
}

void MainWindowActions::setRecentFiles(const QStringList& fileNames)
{
    m_recentMenu->clear();
    int n = 0;
    for (const QString& fileName : fileNames) {
        ++n;
        QAction* a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(n).arg(QDir::toNativeSeparators(fileName)));
        connect(a, &QAction::triggered, this, [this, fileName] { emit recentFileChosen(fileName); });
    }
    m_recentMenu->setEnabled(!fileNames.isEmpty());
}

void MainWindowActions::updateEnabled(bool hasWebhook, bool callRunning)
{
    action(DuplicateWebhook)->setEnabled(hasWebhook);
    action(RenameWebhook)->setEnabled(hasWebhook);
    action(DeleteWebhook)->setEnabled(hasWebhook);
    action(Send)->setEnabled(hasWebhook && !callRunning);
    action(Cancel)->setEnabled(callRunning);
    action(InsertToken)->setEnabled(hasWebhook);
    action(Batch)->setEnabled(hasWebhook);
    action(CopyAsCurl)->setEnabled(hasWebhook);
    action(ExportFile)->setEnabled(hasWebhook);
    action(ShowSetupSheet)->setEnabled(hasWebhook);
}

void MainWindowActions::updateBaseline(bool canSave, bool canClear)
{
    action(SaveBaseline)->setEnabled(canSave);
    action(ClearBaseline)->setEnabled(canClear);
}

void MainWindowActions::showAbout()
{
    // Window-modal and not exec(): the event loop goes on (calls finish, autosave runs).
    auto* dialog = new AboutDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
