#pragma once

#include "secrets/SecretStore.h"
#include <QCoreApplication>

// Secrets in the desktop's keychain through QtKeychain: the Secret Service (GNOME
// Keyring, KWallet, KeePassXC) on Linux, the Keychain on macOS, the Credential Store on
// Windows. Each entry is service "webhook-designer", key "<workspace id>/<key>".
//
// QtKeychain is asynchronous; each call here waits for its job in a local event loop
// that leaves user input queued, so callers stay simple. Once the keychain cannot be
// reached (no Secret Service on the bus, a locked keychain the user would not open),
// every later call fails at once with the same message instead of asking again.
class KeychainSecretStore : public SecretStore
{
public:
    static QString serviceName(); // "webhook-designer"
    static QString entryKey(const QString& workspaceId, const QString& key);

    QString backendName() const override;
    std::optional<QString> read(const QString& workspaceId, const QString& key, QString* error = nullptr) override;
    bool write(const QString& workspaceId, const QString& key, const QString& value, QString* error = nullptr) override;
    bool remove(const QString& workspaceId, const QString& key, QString* error = nullptr) override;

    // Asks the keychain for an entry that does not exist: true when it answered.
    bool probe(QString* error = nullptr);
    // Why the keychain cannot be reached; empty while it can.
    const QString& unreachable() const { return m_unreachable; }

private:
    bool fail(const QString& message, bool lasting, QString* error);

    QString m_unreachable;

    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore) // last: it ends in private:
};
