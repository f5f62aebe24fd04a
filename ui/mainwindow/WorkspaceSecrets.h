#pragma once

#include "secrets/SecretSync.h"

#include <QObject>
#include <QString>

class MessageBar;
class SecretStore;
class WorkspaceDocument;
struct Workspace;

// The secrets of the open workspace: their values come from the keychain when a
// workspace opens, and go back to it as they are edited (SecretSync), never into the
// workspace file or the recovery file.
//
// Contract:
// - load() runs before a workspace is shown: it gives the workspace an id when it has
//   none and fills in the secret values the store holds.
// - A file that still holds secret values in plain text keeps them, as it was, until the
//   user accepts the message bar's offer to move them (migrate()).
// - A secret found nowhere gets a warning naming it; a store that fails (a locked or
//   absent keychain) gets one message saying that values are kept for this session only.
class WorkspaceSecrets : public QObject
{
    Q_OBJECT

public:
    WorkspaceSecrets(WorkspaceDocument* document,
                     SecretStore* store,
                     MessageBar* messageBar,
                     QObject* parent = nullptr);

    QString backendName() const;
    // Why secret values are kept for this session only; empty while the store works.
    const QString& problem() const { return m_problem; }

    // Before `workspace` replaces the open one. `fallbackFile` is where a recovered
    // workspace came from: a value the store lacks is taken from it when it holds one.
    void load(Workspace* workspace, const QString& fallbackFile = QString());
    // After the workspace was saved: removes the entries it no longer names.
    void saved();
    // The workspace is closed without saving: the store goes back to the last save.
    void discard();
    // Moves plain-text values into the store and rewrites the file without them.
    bool migrate();

    // A secret that belongs to the workspace but to no token or header (the Marketo client
    // secret): from the store, else from this session's memory; empty when neither has it.
    QString value(const QString& key);
    // Stores it; when the store fails it is kept for the session, and the message bar
    // says so.
    void setValue(const QString& key, const QString& value);
    // Keeps it for this session only, without asking the store: what a bundled sample
    // brings. A save of the workspace stores it.
    void keepForSession(const QString& key, const QString& value);

private:
    void reset();
    void changed();
    void announce();
    void failed(const QString& error);

    WorkspaceDocument* m_document;
    SecretStore* m_store;
    MessageBar* m_messageBar;
    SecretSync m_sync;
    QHash<QString, QString> m_loaded; // what the store held at load()
    QStringList m_missing;
    QString m_problem;
    QHash<QString, QString> m_session; // "<workspace id>/<key>": values the store would not take
    bool m_skipChange = false;
};
