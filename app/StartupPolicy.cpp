#include "StartupPolicy.h"

#include "mainwindow/AppSettings.h"
#include "mainwindow/MainWindow.h"

#include <QFileInfo>

void StartupPolicy::apply(MainWindow* window, const QStringList& files)
{
    const QString last = window->settings()->recentFiles().value(0);
    if (last.isEmpty() || !QFileInfo::exists(last) || !window->openFile(last)) {
        window->openSample();
    }
    if (!files.isEmpty()) {
        const QString file = files.first();
        if (file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
            window->importCsv(file);
        } else {
            window->openFile(QFileInfo(file).absoluteFilePath());
        }
    }
    window->offerRecovery();
}
