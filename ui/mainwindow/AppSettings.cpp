#include "AppSettings.h"

#include <QApplication>
#include <QFont>
#include <QSettings>

namespace {
const QString kTimeoutKey = QStringLiteral("network/timeoutSeconds");
const QString kRedirectsKey = QStringLiteral("network/followRedirects");
const QString kSandboxPortKey = QStringLiteral("sandbox/port");
const QString kFontSizeKey = QStringLiteral("editor/fontSize");
const QString kThemeKey = QStringLiteral("appearance/theme");
const QString kRecentFilesKey = QStringLiteral("recentFiles");

constexpr int kMinTimeout = 1;
constexpr int kMaxTimeout = 300;
constexpr int kMaxPort = 65535;
constexpr int kMinFontSize = 6;
constexpr int kMaxFontSize = 48;

// A value outside [min, max] is taken as unset rather than pulled to a limit: a timeout
// of 0 or "abc" in the settings file is the default 30 s, not 1 s.
int inRange(int value, int min, int max, int fallback)
{
    return value >= min && value <= max ? value : fallback;
}

// What the user, or another version of the designer, may have written to the file.
int storedInt(const QVariant& value, int fallback)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    return ok ? number : fallback;
}

bool storedBool(const QVariant& value, bool fallback)
{
    if (value.typeId() == QMetaType::Bool) {
        return value.toBool();
    }
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1")) {
        return true;
    }
    if (text == QLatin1String("false") || text == QLatin1String("0")) {
        return false;
    }
    return fallback;
}

int systemFontSize()
{
    const int size = QApplication::font().pointSize();
    return size >= kMinFontSize && size <= kMaxFontSize ? size : AppSettings::Values().editorFontSize;
}

AppSettings::Values withinRanges(const AppSettings::Values& values)
{
    const AppSettings::Values defaults;
    AppSettings::Values result = values;
    result.timeoutSeconds = inRange(values.timeoutSeconds, kMinTimeout, kMaxTimeout, defaults.timeoutSeconds);
    result.sandboxPort = inRange(values.sandboxPort, 0, kMaxPort, defaults.sandboxPort);
    result.editorFontSize = inRange(values.editorFontSize, kMinFontSize, kMaxFontSize, systemFontSize());
    result.theme = Theme::fromKey(Theme::key(values.theme), defaults.theme);
    return result;
}

// Newest first, each file once, no empty names, at most maxRecentFiles.
QStringList cleanRecentFiles(const QStringList& files)
{
    QStringList result;
    for (const QString& file : files) {
        if (!file.isEmpty() && !result.contains(file)) {
            result.append(file);
        }
    }
    while (result.size() > AppSettings::maxRecentFiles) {
        result.removeLast();
    }
    return result;
}

QStringList storedRecentFiles(const QSettings& settings)
{
    const QVariant value = settings.value(kRecentFilesKey);
    // A single string is what QSettings reads back from a one-entry list in an INI file.
    return value.canConvert<QStringList>() ? cleanRecentFiles(value.toStringList()) : QStringList();
}
} // namespace

AppSettings::AppSettings(QObject* parent) : QObject(parent)
{
    QSettings settings;
    const Values defaults;
    Values stored;
    stored.timeoutSeconds = storedInt(settings.value(kTimeoutKey), defaults.timeoutSeconds);
    stored.followRedirects = storedBool(settings.value(kRedirectsKey), defaults.followRedirects);
    stored.sandboxPort = storedInt(settings.value(kSandboxPortKey), defaults.sandboxPort);
    stored.editorFontSize = storedInt(settings.value(kFontSizeKey), systemFontSize());
    stored.theme = Theme::fromKey(settings.value(kThemeKey).toString(), defaults.theme);
    m_values = withinRanges(stored);
    m_recentFiles = storedRecentFiles(settings);
}

AppSettings::~AppSettings() = default;

void AppSettings::setValues(const Values& values)
{
    m_values = withinRanges(values);
    QSettings settings;
    settings.setValue(kTimeoutKey, m_values.timeoutSeconds);
    settings.setValue(kRedirectsKey, m_values.followRedirects);
    settings.setValue(kSandboxPortKey, m_values.sandboxPort);
    settings.setValue(kFontSizeKey, m_values.editorFontSize);
    settings.setValue(kThemeKey, Theme::key(m_values.theme));
    emit valuesChanged();
}

void AppSettings::addRecentFile(const QString& fileName)
{
    if (fileName.isEmpty()) {
        return;
    }
    // Read again: another window of the designer may have added files since.
    QSettings settings;
    m_recentFiles = cleanRecentFiles(QStringList {fileName} + storedRecentFiles(settings));
    settings.setValue(kRecentFilesKey, m_recentFiles);
    emit recentFilesChanged();
}
