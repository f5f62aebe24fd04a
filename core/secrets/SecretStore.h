#pragma once

#include <QString>

#include <optional>

// Where secret values are kept outside the workspace file: one entry per workspace id
// and key (SecretKeys). KeychainSecretStore keeps them in the desktop's keychain,
// MemorySecretStore for the session only (tests, and the window when no keychain works).
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // What the settings show, e.g. "Secret Service (GNOME Keyring, KWallet, KeePassXC)".
    virtual QString backendName() const = 0;
    // The value; nullopt when there is none (*error stays empty) or when the store failed
    // (*error says why).
    virtual std::optional<QString> read(const QString& workspaceId, const QString& key, QString* error = nullptr) = 0;
    virtual bool
    write(const QString& workspaceId, const QString& key, const QString& value, QString* error = nullptr) = 0;
    // True when the entry is gone, also when there was none.
    virtual bool remove(const QString& workspaceId, const QString& key, QString* error = nullptr) = 0;
};
