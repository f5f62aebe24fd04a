#pragma once

#include <QObject>

class AppSettings;
struct CsvImportResult;
class MessageBar;
class QMimeData;
class QWidget;
class RecoveryManager;
class WorkspaceDocument;
class WorkspaceSecrets;

// The workspace's files: New, Open, Open Recent, Save, Save As, Import Leads from CSV,
// files dropped on the window, and the bundled sample.
//
// Contract: a failure (a malformed or unreadable file, a CSV with bad rows, a save that
// did not happen) goes to the message bar and stays there until dismissed; it leaves the
// open workspace as it was. Unsaved changes are never dropped without asking. A file
// opened or saved goes to the top of the recent files; a save or a new workspace makes
// the recovery file obsolete. Secret values come from and go to the keychain
// (WorkspaceSecrets), never the file.
class WorkspaceFiles : public QObject
{
    Q_OBJECT

public:
    // Dialogs open over `window`.
    WorkspaceFiles(WorkspaceDocument* document,
                   AppSettings* settings,
                   RecoveryManager* recovery,
                   WorkspaceSecrets* secrets,
                   MessageBar* messageBar,
                   QWidget* window);
    ~WorkspaceFiles() override;

    // Where the sample's sandbox URLs point, and new webhooks' echo URL; empty when the
    // sandbox is not running.
    void setSandboxUrl(const QString& url) { m_sandboxUrl = url; }

    bool openFile(const QString& fileName);
    bool saveToFile(const QString& fileName);
    bool importCsv(const QString& fileName);
    void openSample();
    // Where Save As starts: the file itself, or for an untitled workspace the user's
    // Documents folder (home when there is none), never the working directory.
    QString saveAsStartPath() const;

    // The user's commands; each asks before it drops unsaved changes.
    void newWorkspace();
    void open();
    void openRecent(const QString& fileName);
    bool save();
    bool saveAs();
    void importCsvDialog();
    // Asks whether to save unsaved changes; false when the user cancelled.
    bool maybeSave();

    // A drag of workspace (.json) or CSV files onto the window, and their drop.
    static bool accepts(const QMimeData* mime);
    void drop(const QMimeData* mime);

signals:
    void statusText(const QString& text);
    void leadsImported();

private:
    QByteArray sampleWorkspace() const;
    QString askForFile(const QString& title, const QString& filter) const;
    void showCsvProblems(const QString& fileName, const CsvImportResult& result);

    WorkspaceDocument* m_document;
    AppSettings* m_settings;
    RecoveryManager* m_recovery;
    WorkspaceSecrets* m_secrets;
    MessageBar* m_messageBar;
    QWidget* m_window;
    QString m_sandboxUrl;
};
