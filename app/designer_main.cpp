#include "StartupPolicy.h"
#include "mainwindow/MainWindow.h"
#include "secrets/KeychainSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

// Starts the designer. Options for scripts and the README screenshot:
//   FILE                 a workspace to open (or a CSV to import)
//   --screenshot PNG     render the window to PNG once it is shown, then quit
//   --quit-after-show    quit as soon as the window is shown (start-up benchmark)
int main(int argc, char* argv[])
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("webhook-designer"));
    QApplication::setApplicationDisplayName(QStringLiteral("Webhook Designer"));
    QApplication::setOrganizationName(QStringLiteral("webhook-designer"));
    QApplication::setApplicationVersion(QStringLiteral(WD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("webhook-designer"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/webhook-designer.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Design, preview and test Marketo webhooks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window to <png> once shown, then quit."),
                                        QStringLiteral("png"));
    const QCommandLineOption quitAfterShow(QStringLiteral("quit-after-show"),
                                           QStringLiteral("Quit as soon as the window is shown."));
    parser.addOption(screenshot);
    parser.addOption(quitAfterShow);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A workspace to open or a CSV to import."));
    parser.process(app);

    // Secret values live in the desktop's keychain, never in workspace files.
    KeychainSecretStore keychain;
    MainWindow::Options options;
    options.secretStore = &keychain;
    MainWindow window(options);
    StartupPolicy::apply(&window, parser.positionalArguments());
    window.show();

    if (parser.isSet(screenshot)) {
        const QString png = parser.value(screenshot);
        // Let the preview's debounce and the first layout pass run before grabbing.
        QTimer::singleShot(600, &window, [&window, png] {
            window.grab().save(png);
            QApplication::quit();
        });
    } else if (parser.isSet(quitAfterShow)) {
        QTimer::singleShot(0, &window, [] { QApplication::quit(); });
    }
    return app.exec();
}
