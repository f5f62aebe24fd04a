#pragma once

#include "secrets/KeychainSecretStore.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <optional>

// What secret-tool (libsecret's command line) finds in the keyring for a workspace's
// entry, under the attributes QtKeychain gives it: server=webhook-designer,
// user=<workspace id>/<key>. nullopt when it finds nothing. For KEYRING tests.
inline std::optional<QByteArray> secretToolLookup(const QString& workspaceId, const QString& key)
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"),
                  {QStringLiteral("lookup"),
                   QStringLiteral("server"),
                   KeychainSecretStore::serviceName(),
                   QStringLiteral("user"),
                   KeychainSecretStore::entryKey(workspaceId, key)});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}
