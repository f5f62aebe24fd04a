#pragma once

#include <QString>
#include <QStringList>

class SecretStore;
struct Workspace;

// Moves the secret values a workspace file holds (one written before the keychain) into
// the store, so that the file can be rewritten without them.
class SecretMigration
{
public:
    // Gives the workspace an id when it has none, writes every secret value it holds to
    // the store and clears Workspace::secretsInFile, so the next write leaves them out.
    // *moved lists the keys. On failure the workspace is unchanged.
    static bool migrate(Workspace* workspace, SecretStore* store, QStringList* moved, QString* error = nullptr);
    // The same for a file, rewritten atomically; untouched when a value cannot be stored.
    // *id is the workspace's id afterwards.
    static bool migrateFile(const QString& fileName,
                            SecretStore* store,
                            QStringList* moved,
                            QString* id = nullptr,
                            QString* error = nullptr);
};
