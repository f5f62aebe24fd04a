#pragma once

#include "secrets/MemorySecretStore.h"

#include <QStringList>

// A MemorySecretStore that records every call, as "read ID/KEY", "write ID/KEY=VALUE" and
// "remove ID/KEY" (also the calls that fail), so a test can tell what was asked and
// written, not only what is kept. failWritesAfter(n) lets n more writes succeed and fails
// the ones after, as a keychain that locks midway does.
class RecordingSecretStore : public MemorySecretStore
{
public:
    std::optional<QString> read(const QString& workspaceId, const QString& key, QString* error = nullptr) override
    {
        calls.append(QStringLiteral("read %1/%2").arg(workspaceId, key));
        return MemorySecretStore::read(workspaceId, key, error);
    }

    bool write(const QString& workspaceId, const QString& key, const QString& value, QString* error = nullptr) override
    {
        calls.append(QStringLiteral("write %1/%2=%3").arg(workspaceId, key, value));
        if (m_writesLeft == 0) {
            if (error) {
                *error = QStringLiteral("the keychain is locked");
            }
            return false;
        }
        if (m_writesLeft > 0) {
            --m_writesLeft;
        }
        return MemorySecretStore::write(workspaceId, key, value, error);
    }

    bool remove(const QString& workspaceId, const QString& key, QString* error = nullptr) override
    {
        calls.append(QStringLiteral("remove %1/%2").arg(workspaceId, key));
        return MemorySecretStore::remove(workspaceId, key, error);
    }

    void failWritesAfter(int writes) { m_writesLeft = writes; }

    QStringList calls;

private:
    int m_writesLeft = -1; // -1: never fail
};
