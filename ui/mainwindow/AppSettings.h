#pragma once

#include "appearance/Theme.h"

#include <QObject>
#include <QStringList>

// The designer's one settings store, over QSettings: the call timeout, whether redirects
// are followed, the sandbox's preferred port, the editors' font size, the theme and the
// recent files. SettingsDialog only edits a copy of values(); nothing else reads QSettings.
//
// Contract: values are read once, at construction, and kept within their ranges (a
// stored value that is out of range or not a number reads as its default, and so does
// one given to setValues()); setValues() and addRecentFile() write through at once and
// emit the matching signal.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    struct Values
    {
        int timeoutSeconds = 30;
        bool followRedirects = true;
        int sandboxPort = 18787;
        int editorFontSize = 10;
        Theme::Mode theme = Theme::Mode::System;
    };

    static constexpr int maxRecentFiles = 8;

    explicit AppSettings(QObject* parent = nullptr);
    ~AppSettings() override;

    const Values& values() const { return m_values; }
    void setValues(const Values& values);

    // Most recent first, each file once, at most maxRecentFiles; an empty name is ignored.
    const QStringList& recentFiles() const { return m_recentFiles; }
    void addRecentFile(const QString& fileName);

signals:
    void valuesChanged();
    void recentFilesChanged();

private:
    Values m_values;
    QStringList m_recentFiles;
};
