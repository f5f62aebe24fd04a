#pragma once

#include <QObject>
#include <QTimer>

class MessageBar;
class WorkspaceDocument;
class WorkspaceSecrets;

// Crash recovery for the open workspace: every few seconds a modified workspace is
// written to a recovery file (with a note of the file it came from), and at start-up a
// recovery file left by a crash is offered for restoring in the message bar.
//
// Contract: until the user answered the offer, the old recovery file is all that holds
// their unsaved work, so the autosave does not overwrite it (isPending()); a save or a
// new workspace replaces it with the work in the window. An unmodified workspace has no
// recovery file. A failed autosave stays in the message bar until dismissed. The recovery
// file holds no secret value: a restored workspace gets them from the keychain.
class RecoveryManager : public QObject
{
    Q_OBJECT

public:
    RecoveryManager(WorkspaceDocument* document,
                    WorkspaceSecrets* secrets,
                    MessageBar* messageBar,
                    QObject* parent = nullptr);
    ~RecoveryManager() override;

    static QString recoveryFilePath();

    // Writes the recovery file now, when there is something new to write (the timer
    // calls this).
    void autosaveNow();
    // Removes the recovery file: the work it held is saved or given up.
    void clear();
    // Offers to restore a recovery file left by a crash; true when one was found.
    bool offer();
    bool isPending() const { return m_pending; }

private:
    WorkspaceDocument* m_document;
    WorkspaceSecrets* m_secrets;
    MessageBar* m_messageBar;
    QTimer m_timer;
    quint64 m_autosavedRevision = 0;
    bool m_pending = false;
};
