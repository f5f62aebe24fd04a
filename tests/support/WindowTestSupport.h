#pragma once

#include "ChildLookup.h"
#include "mainwindow/MainWindow.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

// Shared by the tests that drive the real main window.

// What a test that opens the real main window starts from: settings and files of its own
// (test mode, a per-test application name), and each test function from clean settings,
// a sandbox on a free port and no crash-recovery file to offer.
inline void useWindowTestSettings(const QString& testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("webhook-designer-tests"));
    QCoreApplication::setApplicationName(testName);
}

inline void resetWindowTestSettings()
{
    QSettings settings;
    settings.clear();
    settings.setValue(QStringLiteral("sandbox/port"), 0);
    settings.sync();
    QFile::remove(MainWindow::recoveryFilePath());
    QFile::remove(MainWindow::recoveryFilePath() + QStringLiteral(".info"));
}

// The window's widget or action of that objectName, for use inside an expression: a
// missing one ends the test run at once with its name. Prefer WD_FIND_CHILD, which fails
// only the running test function.
template <typename T>
T* windowChild(const MainWindow* window, const char* name)
{
    T* child = window->findChild<T*>(QLatin1String(name));
    if (!child)
        qFatal("no widget %s", name);
    return child;
}
