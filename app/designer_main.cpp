#include "StartupPolicy.h"
#include "appearance/Theme.h"
#include "i18n/PseudoTranslator.h"
#include "mainwindow/AppSettings.h"
#include "mainwindow/MainWindow.h"
#include "secrets/KeychainSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstring>

namespace {

struct Options
{
    QCommandLineOption screenshot {QStringLiteral("screenshot"),
                                   QStringLiteral("Render the window to <png> once shown, then quit."),
                                   QStringLiteral("png")};
    QCommandLineOption quitAfterShow {QStringLiteral("quit-after-show"),
                                      QStringLiteral("Quit as soon as the window is shown.")};
    QCommandLineOption pseudoTranslate {
        QStringLiteral("pseudo-translate"),
        QStringLiteral("Show every text in brackets and 30% longer, to find texts that cannot be translated or "
                       "would not fit.")};
};

void setUp(QCommandLineParser* parser, const Options& options)
{
    parser->setApplicationDescription(QStringLiteral("Design, preview and test Marketo webhooks."));
    parser->addHelpOption();
    parser->addVersionOption();
    parser->addOption(options.screenshot);
    parser->addOption(options.quitAfterShow);
    parser->addOption(options.pseudoTranslate);
    parser->addPositionalArgument(QStringLiteral("file"), QStringLiteral("A workspace to open or a CSV to import."));
}

// Whether the command line asks only for help or the version, which a terminal without a
// display must answer too: QApplication cannot start there.
bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if (std::strcmp(arg, "--") == 0) {
            return false;
        }
        for (const char* option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(arg, option) == 0) {
                return true;
            }
        }
    }
    return false;
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("webhook-designer"));
    QCoreApplication::setOrganizationName(QStringLiteral("webhook-designer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WD_VERSION));
}

} // namespace

// Starts the designer. Options for scripts and the README screenshot:
//   FILE                 a workspace to open (or a CSV to import)
//   --screenshot PNG     render the window to PNG once it is shown, then quit
//   --quit-after-show    quit as soon as the window is shown (start-up benchmark)
//   --pseudo-translate   every text bracketed and longer (translation check)
int main(int argc, char* argv[])
{
    const Options options;
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        QCommandLineParser parser;
        setUp(&parser, options);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Webhook Designer"));
    // The installed .desktop file's name: Wayland compositors and docks find the icon
    // and the name of the window's application through it.
    QApplication::setDesktopFileName(QStringLiteral(WD_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/webhook-designer.png")));

    QCommandLineParser parser;
    setUp(&parser, options);
    parser.process(app);
    if (parser.isSet(options.pseudoTranslate))
        QApplication::installTranslator(new PseudoTranslator(&app));

    // The theme before the first window, so that nothing is drawn twice.
    Theme::apply(AppSettings().values().theme);
    // Secret values live in the desktop's keychain, never in workspace files.
    KeychainSecretStore keychain;
    MainWindow::Options windowOptions;
    windowOptions.secretStore = &keychain;
    MainWindow window(windowOptions);
    StartupPolicy::apply(&window, parser.positionalArguments());
    window.show();

    if (parser.isSet(options.screenshot)) {
        const QString png = parser.value(options.screenshot);
        // Let the preview's debounce and the first layout pass run before grabbing.
        QTimer::singleShot(600, &window, [&window, png] {
            window.grab().save(png);
            QApplication::quit();
        });
    } else if (parser.isSet(options.quitAfterShow)) {
        QTimer::singleShot(0, &window, [] { QApplication::quit(); });
    }
    return app.exec();
}
