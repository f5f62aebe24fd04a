#include "KeychainSecretStore.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace {

// Starts the job and waits for it; user input stays queued meanwhile.
void runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    bool done = false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    job.start();
    if (!done) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
}

} // namespace

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("webhook-designer");
}

QString KeychainSecretStore::entryKey(const QString& workspaceId, const QString& key)
{
    return workspaceId + QLatin1Char('/') + key;
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Store");
#else
    return tr("Secret Service (GNOME Keyring, KWallet or KeePassXC)");
#endif
}

bool KeychainSecretStore::fail(const QString& message, bool lasting, QString* error)
{
    if (lasting && m_unreachable.isEmpty()) {
        m_unreachable = message;
    }
    if (error) {
        *error = message;
    }
    return false;
}

namespace {

// The job's error in words; whether the keychain as a whole is out of reach.
QString jobProblem(const QKeychain::Job& job, bool* lasting)
{
    *lasting = true;
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::AccessDeniedByUser:
        return KeychainSecretStore::tr("access to the keychain was refused (%1)").arg(detail);
    case QKeychain::AccessDenied:
        return KeychainSecretStore::tr("the keychain denied access (%1)").arg(detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainSecretStore::tr("no keychain service is reachable (%1)").arg(detail);
    case QKeychain::CouldNotDeleteEntry:
        *lasting = false;
        return KeychainSecretStore::tr("the keychain could not delete the entry (%1)").arg(detail);
    case QKeychain::OtherError:
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        break;
    }
    return KeychainSecretStore::tr("the keychain cannot be reached (%1)").arg(detail);
}

} // namespace

std::optional<QString> KeychainSecretStore::read(const QString& workspaceId, const QString& key, QString* error)
{
    if (!m_unreachable.isEmpty()) {
        fail(m_unreachable, true, error);
        return std::nullopt;
    }
    QKeychain::ReadPasswordJob job(serviceName());
    job.setKey(entryKey(workspaceId, key));
    runJob(job);
    if (job.error() == QKeychain::NoError) {
        return job.textData();
    }
    if (job.error() != QKeychain::EntryNotFound) {
        bool lasting = false;
        const QString message = jobProblem(job, &lasting);
        fail(message, lasting, error);
    }
    return std::nullopt;
}

bool KeychainSecretStore::write(const QString& workspaceId, const QString& key, const QString& value, QString* error)
{
    if (!m_unreachable.isEmpty()) {
        return fail(m_unreachable, true, error);
    }
    QKeychain::WritePasswordJob job(serviceName());
    job.setKey(entryKey(workspaceId, key));
    job.setTextData(value);
    runJob(job);
    if (job.error() == QKeychain::NoError) {
        return true;
    }
    bool lasting = false;
    const QString message = jobProblem(job, &lasting);
    return fail(message, lasting, error);
}

bool KeychainSecretStore::remove(const QString& workspaceId, const QString& key, QString* error)
{
    if (!m_unreachable.isEmpty()) {
        return fail(m_unreachable, true, error);
    }
    QKeychain::DeletePasswordJob job(serviceName());
    job.setKey(entryKey(workspaceId, key));
    runJob(job);
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound) {
        return true;
    }
    bool lasting = false;
    const QString message = jobProblem(job, &lasting);
    return fail(message, lasting, error);
}

bool KeychainSecretStore::probe(QString* error)
{
    QString problem;
    read(QStringLiteral("probe"), QStringLiteral("probe"), &problem);
    if (!problem.isEmpty()) {
        if (error) {
            *error = problem;
        }
        return false;
    }
    return true;
}
