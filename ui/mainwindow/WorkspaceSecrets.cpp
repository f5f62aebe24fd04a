#include "WorkspaceSecrets.h"

#include "document/WorkspaceDocument.h"
#include "format/WorkspaceFile.h"
#include "model/SecretKeys.h"
#include "model/Workspace.h"
#include "secrets/SecretMigration.h"
#include "secrets/SecretResolver.h"
#include "secrets/SecretStore.h"
#include "widgets/MessageBar.h"

#include <QDir>
#include <QProcessEnvironment>

WorkspaceSecrets::WorkspaceSecrets(WorkspaceDocument* document,
                                   SecretStore* store,
                                   MessageBar* messageBar,
                                   QObject* parent)
    : QObject(parent), m_document(document), m_store(store), m_messageBar(messageBar), m_sync(store)
{
    connect(m_document, &WorkspaceDocument::workspaceReset, this, &WorkspaceSecrets::reset);
    connect(m_document, &WorkspaceDocument::changed, this, &WorkspaceSecrets::changed);
}

QString WorkspaceSecrets::backendName() const
{
    return m_store->backendName();
}

void WorkspaceSecrets::load(Workspace* workspace, const QString& fallbackFile)
{
    const bool fresh = workspace->id.isEmpty();
    if (fresh) {
        workspace->id = Workspace::newId();
    }
    m_loaded.clear();
    m_missing.clear();
    if (SecretKeys::keys(*workspace).isEmpty()) {
        return;
    }
    // Nothing can be stored under an id made just now: the keychain is not asked (and
    // does not ask the user to unlock it) for a new workspace or the sample.
    SecretStore* store = fresh || !m_problem.isEmpty() ? nullptr : m_store;
    // The designer reads the keychain only: WD_SECRET_* variables are for the CLI in CI,
    // and a value from them would end up in the keychain at the first edit.
    SecretResolver resolver(store, QProcessEnvironment());
    const QList<SecretStatus> statuses = resolver.resolve(workspace);
    if (!resolver.storeProblem().isEmpty()) {
        m_problem = resolver.storeProblem();
    }
    Workspace fallback;
    const bool hasFallback =
        !fallbackFile.isEmpty() && WorkspaceFile::load(fallbackFile, &fallback) && fallback.secretsInFile;
    const QList<QPair<QString, QString>> fallbackValues =
        hasFallback ? SecretKeys::values(fallback) : QList<QPair<QString, QString>>();
    const QList<SecretItem> items = SecretKeys::items(workspace);
    for (int i = 0; i < items.size(); ++i) {
        const SecretStatus& status = statuses.at(i);
        if (status.source == SecretStatus::Source::Keychain) {
            m_loaded.insert(status.key, *items.at(i).value);
        } else if (status.source == SecretStatus::Source::Missing) {
            for (const auto& [key, value] : fallbackValues) {
                if (key == status.key && !value.isEmpty()) {
                    *items.at(i).value = value;
                    *items.at(i).missing = false;
                    workspace->secretsInFile = true;
                }
            }
            if (*items.at(i).missing) {
                m_missing.append(status.key);
            }
        }
    }
}

void WorkspaceSecrets::reset()
{
    m_sync.reset(m_document->workspace().id, m_loaded);
    // reset() emits changed() next; nothing was edited.
    m_skipChange = true;
    announce();
}

void WorkspaceSecrets::announce()
{
    const Workspace& workspace = m_document->workspace();
    if (workspace.secretsInFile && !m_document->filePath().isEmpty()) {
        const QStringList keys = SecretKeys::keysWithValues(workspace);
        m_messageBar->showMessage(
            MessageBar::Kind::Warning,
            tr("This workspace file holds %n secret value(s) in plain text (%1): anyone who can read the file can "
               "read them. Move them into the keychain (%2) and save the file without them?",
               nullptr,
               int(keys.size()))
                .arg(keys.join(QStringLiteral(", ")), backendName()),
            {{tr("Move to Keychain"), QStringLiteral("migrateSecretsButton"), [this] { migrate(); }}});
    } else if (!m_problem.isEmpty() && !SecretKeys::keys(workspace).isEmpty()) {
        failed(m_problem);
    } else if (!m_missing.isEmpty()) {
        m_messageBar->showMessage(
            MessageBar::Kind::Warning,
            tr("%n secret(s) of this workspace have no value on this computer (%1). Enter them in My Tokens or the "
               "header's value; they are kept in the keychain, not in the file.",
               nullptr,
               int(m_missing.size()))
                .arg(m_missing.join(QStringLiteral(", "))));
    }
}

void WorkspaceSecrets::failed(const QString& error)
{
    m_problem = error;
    m_messageBar->showMessage(MessageBar::Kind::Warning,
                              tr("The keychain is not available: %1. Secret values are kept in memory for this "
                                 "session only and are not written to any file.")
                                  .arg(error));
}

void WorkspaceSecrets::changed()
{
    if (m_skipChange) {
        m_skipChange = false;
        return;
    }
    if (!m_problem.isEmpty()) {
        return;
    }
    QString error;
    if (!m_sync.update(m_document->workspace(), &error)) {
        failed(error);
    }
}

void WorkspaceSecrets::saved()
{
    if (!m_problem.isEmpty()) {
        return;
    }
    QString error;
    if (!m_sync.saved(m_document->workspace(), &error)) {
        failed(error);
        return;
    }
    // Values kept for the session go to the store with the file that names them.
    const QString prefix = m_document->workspace().id + QLatin1Char('/');
    const QStringList keys = m_session.keys();
    for (const QString& entry : keys) {
        if (entry.startsWith(prefix)) {
            setValue(entry.mid(prefix.size()), m_session.value(entry));
        }
    }
}

void WorkspaceSecrets::discard()
{
    if (!m_problem.isEmpty()) {
        return;
    }
    QString error;
    if (!m_sync.discard(&error)) {
        failed(error);
    }
}

bool WorkspaceSecrets::migrate()
{
    const QString fileName = m_document->filePath();
    QStringList moved;
    QString id = m_document->workspace().id;
    QString error;
    bool ok = false;
    if (fileName.isEmpty()) {
        Workspace copy = m_document->workspace();
        ok = SecretMigration::migrate(&copy, m_store, &moved, &error);
        id = copy.id;
    } else {
        // The file on disk is rewritten from its own content, so unsaved edits in the
        // window stay unsaved; the window's values then go to the store as edits do.
        ok = SecretMigration::migrateFile(fileName, m_store, &moved, &id, &error);
    }
    if (!ok) {
        m_messageBar->showMessage(
            MessageBar::Kind::Error,
            tr("The secrets could not be moved into the keychain: %1. The file is unchanged.").arg(error));
        return false;
    }
    m_document->setSecretStorage(id, false);
    m_sync.reset(id, {});
    m_problem.clear();
    if (!m_sync.update(m_document->workspace(), &error)) {
        failed(error);
        return false;
    }
    m_sync.reset(id, m_sync.written());
    m_messageBar->showMessage(
        MessageBar::Kind::Info,
        tr("Moved %n secret(s) into the keychain; \"%1\" no longer holds their values.", nullptr, int(moved.size()))
            .arg(QDir::toNativeSeparators(fileName.isEmpty() ? tr("Untitled") : fileName)));
    return true;
}

QString WorkspaceSecrets::value(const QString& key)
{
    const QString id = m_document->workspace().id;
    const QString session = m_session.value(id + QLatin1Char('/') + key);
    if (!session.isEmpty() || !m_problem.isEmpty()) {
        return session;
    }
    QString error;
    const std::optional<QString> stored = m_store->read(id, key, &error);
    if (!error.isEmpty()) {
        failed(error);
    }
    return stored.value_or(QString());
}

void WorkspaceSecrets::setValue(const QString& key, const QString& value)
{
    const QString id = m_document->workspace().id;
    QString error;
    if (m_problem.isEmpty() && m_store->write(id, key, value, &error)) {
        m_session.remove(id + QLatin1Char('/') + key);
        return;
    }
    m_session.insert(id + QLatin1Char('/') + key, value);
    if (!error.isEmpty()) {
        failed(error);
    }
}

void WorkspaceSecrets::keepForSession(const QString& key, const QString& value)
{
    m_session.insert(m_document->workspace().id + QLatin1Char('/') + key, value);
}
