#pragma once

#include <QObject>

#include <array>

class QAction;
class QMainWindow;
class QMenu;
class QUndoStack;

// The main window's actions, and the menus and toolbar that show them: File, Edit,
// Webhook, Marketo and Help, the recent files, the About box. What an action does is connected
// by the window; this class only makes them, names them (tests find them by objectName)
// and enables them.
//
// Contract: the menus' mnemonics (Alt+F, E, W, R, H) are used by no other label, tab or
// button of the window. Save As and Settings have a shortcut on every desktop.
class MainWindowActions : public QObject
{
    Q_OBJECT

public:
    enum Id {
        New,
        Open,
        Save,
        SaveAs,
        ImportCsv,
        Settings,
        Quit,
        Undo,
        Redo,
        AddWebhook,
        DuplicateWebhook,
        RenameWebhook,
        DeleteWebhook,
        Send,
        Cancel,
        InsertToken,
        Batch,
        History,
        SaveBaseline,
        ClearBaseline,
        MarketoConnect,
        MarketoFields,
        MarketoLeads,
        MarketoTokens,
        NewFromCurl,
        CopyAsCurl,
        ExportFile,
        ShowSetupSheet,
        ImportPostman,
        About,
        Count
    };

    // Adds the menus and the toolbar to `window`; Undo and Redo act on `undoStack`.
    MainWindowActions(QMainWindow* window, QUndoStack* undoStack);
    ~MainWindowActions() override;

    QAction* action(Id id) const { return m_actions.at(id); }
    void setRecentFiles(const QStringList& fileNames);
    void updateEnabled(bool hasWebhook, bool callRunning);
    // Save as Baseline and Clear Baseline, as the response pane's buttons are.
    void updateBaseline(bool canSave, bool canClear);

signals:
    void recentFileChosen(const QString& fileName);

private:
    void createActions(QUndoStack* undoStack);
    void createMenus();
    void createToolBar();
    void showAbout();

    QMainWindow* m_window;
    std::array<QAction*, Count> m_actions {};
    QMenu* m_recentMenu = nullptr;
};
