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
