#include "MemorySecretStore.h"

namespace {

QString entryName(const QString& workspaceId, const QString& key)
{
    return workspaceId + QLatin1Char('/') + key;
}

} // namespace

QString MemorySecretStore::backendName() const
{
    return tr("memory (this session only)");
}

bool MemorySecretStore::failed(QString* error) const
{
    if (m_failure.isEmpty()) {
        return false;
    }
    if (error) {
        *error = m_failure;
    }
    return true;
}

std::optional<QString> MemorySecretStore::read(const QString& workspaceId, const QString& key, QString* error)
{
    if (failed(error)) {
        return std::nullopt;
    }
    const auto it = m_entries.constFind(entryName(workspaceId, key));
    if (it == m_entries.constEnd()) {
        return std::nullopt;
    }
    return it.value();
}

bool MemorySecretStore::write(const QString& workspaceId, const QString& key, const QString& value, QString* error)
{
    if (failed(error)) {
        return false;
    }
    m_entries.insert(entryName(workspaceId, key), value);
    return true;
}

bool MemorySecretStore::remove(const QString& workspaceId, const QString& key, QString* error)
{
    if (failed(error)) {
        return false;
    }
    m_entries.remove(entryName(workspaceId, key));
    return true;
}
