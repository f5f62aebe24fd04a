#include "RecoveryManager.h"

#include "document/WorkspaceDocument.h"
#include "format/WorkspaceFile.h"
#include "mainwindow/WorkspaceSecrets.h"
#include "widgets/MessageBar.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>

namespace {
constexpr int kAutosaveIntervalMs = 5000;

QString recoveryInfoPath()
{
    return RecoveryManager::recoveryFilePath() + QStringLiteral(".info");
}
} // namespace

RecoveryManager::RecoveryManager(WorkspaceDocument* document,
                                 WorkspaceSecrets* secrets,
                                 MessageBar* messageBar,
                                 QObject* parent)
    : QObject(parent), m_document(document), m_secrets(secrets), m_messageBar(messageBar)
{
    m_timer.setInterval(kAutosaveIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryManager::autosaveNow);
    m_timer.start();
}

RecoveryManager::~RecoveryManager() = default;

QString RecoveryManager::recoveryFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery")
           + WorkspaceFile::fileSuffix();
}

void RecoveryManager::autosaveNow()
{
    if (m_pending) {
        return;
    }
    if (!m_document->isModified()) {
        if (m_autosavedRevision != 0) {
            clear();
        }
        return;
    }
    if (m_document->revision() == m_autosavedRevision) {
        return;
    }
    QDir().mkpath(QFileInfo(recoveryFilePath()).absolutePath());
    QString message;
    // Never a secret value, also for a file that still holds them: the recovery file
    // lives elsewhere, and a restore takes them from the keychain or that file.
    Workspace withoutSecrets = m_document->workspace();
    withoutSecrets.secretsInFile = false;
    if (!WorkspaceFile::save(withoutSecrets, recoveryFilePath(), &message)) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("Autosave failed: %1").arg(message));
        return;
    }
    QSaveFile info(recoveryInfoPath());
    if (info.open(QIODevice::WriteOnly)) {
        QJsonObject object;
        object.insert(QStringLiteral("filePath"), m_document->filePath());
        object.insert(QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        info.write(QJsonDocument(object).toJson());
        info.commit();
    }
    m_autosavedRevision = m_document->revision();
}

void RecoveryManager::clear()
{
    QFile::remove(recoveryFilePath());
    QFile::remove(recoveryInfoPath());
    m_autosavedRevision = 0;
}

bool RecoveryManager::offer()
{
    if (!QFileInfo::exists(recoveryFilePath())) {
        return false;
    }
    Workspace recovered;
    if (!WorkspaceFile::load(recoveryFilePath(), &recovered)) {
        clear();
        return false;
    }
    QFile infoFile(recoveryInfoPath());
    QJsonObject info;
    if (infoFile.open(QIODevice::ReadOnly)) {
        info = QJsonDocument::fromJson(infoFile.readAll()).object();
    }
    const QString originalPath = info.value(QStringLiteral("filePath")).toString();
    const QDateTime savedAt =
        QDateTime::fromString(info.value(QStringLiteral("savedAt")).toString(), Qt::ISODate).toLocalTime();
    m_pending = true;
    const QString what = originalPath.isEmpty() ? tr("an untitled workspace")
                                                : QStringLiteral("\"%1\"").arg(QFileInfo(originalPath).fileName());
    m_messageBar->showMessage(
        MessageBar::Kind::Warning,
        tr("Webhook Designer did not close properly. Unsaved changes to %1 from %2 were recovered.")
            .arg(what, QLocale().toString(savedAt, QLocale::ShortFormat)),
        {{tr("Restore"),
          QStringLiteral("restoreButton"),
          [this, recovered, originalPath] {
              m_pending = false;
              Workspace restored = recovered;
              m_secrets->load(&restored, originalPath);
              m_document->reset(restored, originalPath, true);
              m_autosavedRevision = 0;
              autosaveNow();
          }},
         {tr("Discard"), QStringLiteral("discardRecoveryButton"), [this] {
              m_pending = false;
              clear();
          }}});
    return true;
}
