#include "SecretResolver.h"

#include "model/SecretKeys.h"
#include "model/Workspace.h"
#include "secrets/SecretStore.h"

QString SecretStatus::sourceName(Source source)
{
    switch (source) {
    case Source::Environment:
        return QStringLiteral("environment");
    case Source::Keychain:
        return QStringLiteral("keychain");
    case Source::File:
        return QStringLiteral("file");
    case Source::Missing:
        break;
    }
    return QStringLiteral("missing");
}

SecretResolver::SecretResolver(SecretStore* store, const QProcessEnvironment& environment)
    : m_store(store), m_environment(environment)
{
}

QList<SecretStatus> SecretResolver::resolve(Workspace* workspace)
{
    QList<SecretStatus> statuses;
    const QList<SecretItem> items = SecretKeys::items(workspace);
    for (const SecretItem& item : items) {
        SecretStatus status;
        status.key = item.key;
        status.variable = SecretKeys::environmentVariable(item.key);
        const QString fromEnvironment = m_environment.value(status.variable);
        std::optional<QString> stored;
        if (!fromEnvironment.isEmpty()) {
            *item.value = fromEnvironment;
            status.source = SecretStatus::Source::Environment;
        } else if (m_store && m_storeProblem.isEmpty() && !workspace->id.isEmpty()
                   && (stored = m_store->read(workspace->id, item.key, &m_storeProblem))) {
            *item.value = *stored;
            status.source = SecretStatus::Source::Keychain;
        } else if (!item.value->isEmpty()) {
            status.source = SecretStatus::Source::File;
        } else {
            status.source = SecretStatus::Source::Missing;
        }
        *item.missing = status.source == SecretStatus::Source::Missing;
        statuses.append(status);
    }
    return statuses;
}
