#include "AppSettings.h"

#include <QApplication>
#include <QFont>
#include <QSettings>

namespace {
const QString kTimeoutKey = QStringLiteral("network/timeoutSeconds");
const QString kRedirectsKey = QStringLiteral("network/followRedirects");
const QString kSandboxPortKey = QStringLiteral("sandbox/port");
const QString kFontSizeKey = QStringLiteral("editor/fontSize");
const QString kRecentFilesKey = QStringLiteral("recentFiles");
} // namespace

AppSettings::AppSettings(QObject* parent) : QObject(parent)
{
    QSettings settings;
    m_values.timeoutSeconds = qBound(1, settings.value(kTimeoutKey, 30).toInt(), 300);
    m_values.followRedirects = settings.value(kRedirectsKey, true).toBool();
    m_values.sandboxPort = qBound(0, settings.value(kSandboxPortKey, 18787).toInt(), 65535);
    const int systemSize = QApplication::font().pointSize() > 0 ? QApplication::font().pointSize() : 10;
    m_values.editorFontSize = qBound(6, settings.value(kFontSizeKey, systemSize).toInt(), 48);
    m_recentFiles = settings.value(kRecentFilesKey).toStringList();
}

AppSettings::~AppSettings() = default;

void AppSettings::setValues(const Values& values)
{
    m_values = values;
    QSettings settings;
    settings.setValue(kTimeoutKey, values.timeoutSeconds);
    settings.setValue(kRedirectsKey, values.followRedirects);
    settings.setValue(kSandboxPortKey, values.sandboxPort);
    settings.setValue(kFontSizeKey, values.editorFontSize);
    emit valuesChanged();
}

void AppSettings::addRecentFile(const QString& fileName)
{
    // Read again: another window of the designer may have added files since.
    QSettings settings;
    m_recentFiles = settings.value(kRecentFilesKey).toStringList();
    m_recentFiles.removeAll(fileName);
    m_recentFiles.prepend(fileName);
    while (m_recentFiles.size() > maxRecentFiles) {
        m_recentFiles.removeLast();
    }
    settings.setValue(kRecentFilesKey, m_recentFiles);
    emit recentFilesChanged();
}
