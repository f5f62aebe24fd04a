#include "SecretMigration.h"

#include "format/WorkspaceFile.h"
#include "model/SecretKeys.h"
#include "model/Workspace.h"
#include "secrets/SecretStore.h"

bool SecretMigration::migrate(Workspace* workspace, SecretStore* store, QStringList* moved, QString* error)
{
    moved->clear();
    if (!workspace->secretsInFile) {
        return true;
    }
    const QString id = workspace->id.isEmpty() ? Workspace::newId() : workspace->id;
    const QList<QPair<QString, QString>> values = SecretKeys::values(*workspace);
    QStringList keys;
    for (const auto& [key, value] : values) {
        if (value.isEmpty()) {
            continue;
        }
        if (!store->write(id, key, value, error)) {
            return false;
        }
        keys.append(key);
    }
    workspace->id = id;
    workspace->secretsInFile = false;
    *moved = keys;
    return true;
}

bool SecretMigration::migrateFile(
    const QString& fileName, SecretStore* store, QStringList* moved, QString* id, QString* error)
{
    Workspace workspace;
    if (!WorkspaceFile::load(fileName, &workspace, error)) {
        return false;
    }
    if (!migrate(&workspace, store, moved, error)) {
        return false;
    }
    if (!moved->isEmpty() && !WorkspaceFile::save(workspace, fileName, error)) {
        return false;
    }
    if (id) {
        *id = workspace.id;
    }
    return true;
}
