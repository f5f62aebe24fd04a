#pragma once

#include <QHash>
#include <QString>

class SecretStore;
struct Workspace;

// Keeps the store in step with the secrets of a workspace open in the window.
//
// - A new or changed value is written at once (update()), so a crash loses no secret: the
//   recovery file holds none, and they come back from the store.
// - An entry whose secret is gone (deleted, renamed, no longer marked secret) is removed
//   only when the workspace is saved (saved()): until then the file on disk still names
//   it, and closing without saving must leave that file's secrets intact. Undoing a
//   delete writes the value back.
// - discard() puts the store back as it was at the last save or load, for closing
//   without saving.
// While the workspace keeps its secrets in the file (Workspace::secretsInFile), nothing
// is written.
class SecretSync
{
public:
    explicit SecretSync(SecretStore* store);

    SecretStore* store() const { return m_store; }

    // After a load: `stored` are the values the store holds for this workspace now.
    void reset(const QString& workspaceId, const QHash<QString, QString>& stored);
    bool update(const Workspace& workspace, QString* error = nullptr);
    bool saved(const Workspace& workspace, QString* error = nullptr);
    bool discard(QString* error = nullptr);

    // What the store holds, as far as this object knows: key to value.
    const QHash<QString, QString>& written() const { return m_written; }

private:
    SecretStore* m_store;
    QString m_workspaceId;
    QHash<QString, QString> m_saved;
    QHash<QString, QString> m_written;
};
