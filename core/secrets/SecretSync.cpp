#include "SecretSync.h"

#include "model/SecretKeys.h"
#include "model/Workspace.h"
#include "secrets/SecretStore.h"

SecretSync::SecretSync(SecretStore* store) : m_store(store) { }

void SecretSync::reset(const QString& workspaceId, const QHash<QString, QString>& stored)
{
    m_workspaceId = workspaceId;
    m_saved = stored;
    m_written = stored;
}

bool SecretSync::update(const Workspace& workspace, QString* error)
{
    if (workspace.secretsInFile || workspace.id.isEmpty()) {
        return true;
    }
    if (workspace.id != m_workspaceId) {
        // Another workspace (New, Open): nothing of the old one's entries is ours to keep.
        reset(workspace.id, {});
    }
    const QList<QPair<QString, QString>> values = SecretKeys::values(workspace);
    for (const auto& [key, value] : values) {
        // An empty value is a secret not filled in yet (or found nowhere): nothing to keep.
        if (value.isEmpty()) {
            continue;
        }
        const auto it = m_written.constFind(key);
        if (it != m_written.constEnd() && it.value() == value) {
            continue;
        }
        if (!m_store->write(m_workspaceId, key, value, error)) {
            return false;
        }
        m_written.insert(key, value);
    }
    return true;
}

bool SecretSync::saved(const Workspace& workspace, QString* error)
{
    if (workspace.secretsInFile || workspace.id.isEmpty()) {
        return true;
    }
    if (!update(workspace, error)) {
        return false;
    }
    QHash<QString, QString> current;
    const QList<QPair<QString, QString>> values = SecretKeys::values(workspace);
    for (const auto& [key, value] : values) {
        if (!value.isEmpty()) {
            current.insert(key, value);
        }
    }
    const QStringList written = m_written.keys();
    for (const QString& key : written) {
        if (!current.contains(key)) {
            if (!m_store->remove(m_workspaceId, key, error)) {
                return false;
            }
            m_written.remove(key);
        }
    }
    m_saved = current;
    return true;
}

bool SecretSync::discard(QString* error)
{
    const QStringList written = m_written.keys();
    for (const QString& key : written) {
        const auto saved = m_saved.constFind(key);
        if (saved == m_saved.constEnd()) {
            if (!m_store->remove(m_workspaceId, key, error)) {
                return false;
            }
            m_written.remove(key);
        } else if (saved.value() != m_written.value(key)) {
            if (!m_store->write(m_workspaceId, key, saved.value(), error)) {
                return false;
            }
            m_written.insert(key, saved.value());
        }
    }
    return true;
}
