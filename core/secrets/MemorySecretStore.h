#pragma once

#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QHash>

// Secrets kept in memory for the life of the object: for tests, and never written
// anywhere. setFailure() makes every call fail, as a locked keychain does.
class MemorySecretStore : public SecretStore
{
public:
    QString backendName() const override;
    std::optional<QString> read(const QString& workspaceId, const QString& key, QString* error = nullptr) override;
    bool write(const QString& workspaceId, const QString& key, const QString& value, QString* error = nullptr) override;
    bool remove(const QString& workspaceId, const QString& key, QString* error = nullptr) override;

    void setFailure(const QString& message) { m_failure = message; }
    // Entries as "<workspace id>/<key>", for tests.
    const QHash<QString, QString>& entries() const { return m_entries; }

private:
    bool failed(QString* error) const;

    QHash<QString, QString> m_entries;
    QString m_failure;

    Q_DECLARE_TR_FUNCTIONS(MemorySecretStore) // last: it ends in private:
};
