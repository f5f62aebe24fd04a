#include "cli/CommandLine.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

// The man pages against the programs they describe: every command, option and exit code
// the CLI's help names is in webhook-designer-cli.1, every option of the designer in
// webhook-designer.1, both carry the project's version, and man renders them without a
// warning.
class tst_ManPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_cliPage = read(QStringLiteral("webhook-designer-cli.1"));
        QVERIFY(!m_cliPage.isEmpty());
    }

    void cliPageNamesEveryCommand_data()
    {
        QTest::addColumn<QString>("command");
        const CommandLine commandLine;
        for (const auto& command : commandLine.commands())
            QTest::newRow(qPrintable(command->name())) << command->name();
    }

    void cliPageNamesEveryCommand()
    {
        QFETCH(QString, command);
        // Each command is a paragraph tag of COMMANDS: ".B render" or ".BI "secret set "".
        const QRegularExpression tag(QStringLiteral("^\\.BI? \"?%1\\b").arg(QRegularExpression::escape(command)),
                                     QRegularExpression::MultilineOption);
        QVERIFY2(section(m_cliPage, QStringLiteral("COMMANDS")).contains(tag), qPrintable(command));
        QVERIFY2(section(m_cliPage, QStringLiteral("SYNOPSIS")).contains(QStringLiteral(".B ") + command),
                 qPrintable(command));
    }

    void cliPageNamesEveryOption_data()
    {
        QTest::addColumn<QString>("option");
        const CommandLine commandLine;
        QSet<QString> options = optionsIn(commandLine.helpText());
        for (const auto& command : commandLine.commands())
            options.unite(optionsIn(command->helpText()));
        QStringList sorted(options.begin(), options.end());
        sorted.sort();
        for (const QString& option : std::as_const(sorted))
            QTest::newRow(qPrintable(option)) << option;
    }

    void cliPageNamesEveryOption()
    {
        QFETCH(QString, option);
        QVERIFY2(section(m_cliPage, QStringLiteral("OPTIONS")).contains(roff(option)), qPrintable(option));
    }

    void cliPageNamesEveryExitCode_data()
    {
        QTest::addColumn<QString>("code");
        const CommandLine commandLine;
        QSet<QString> codes = exitCodesIn(commandLine.helpText());
        for (const auto& command : commandLine.commands())
            codes.unite(exitCodesIn(command->helpText()));
        QVERIFY(codes.contains(QStringLiteral("4")));
        for (const QString& code : std::as_const(codes))
            QTest::newRow(qPrintable(code)) << code;
    }

    void cliPageNamesEveryExitCode()
    {
        QFETCH(QString, code);
        QVERIFY(section(m_cliPage, QStringLiteral("EXIT STATUS")).contains(QStringLiteral("\n.B %1\n").arg(code)));
    }

    void cliPageNamesTheSecretVariables()
    {
        QVERIFY(section(m_cliPage, QStringLiteral("ENVIRONMENT")).contains(QStringLiteral(".BI WD_SECRET_ KEY")));
    }

    void designerPageNamesEveryOption()
    {
#ifndef WD_DESIGNER_PATH
        QSKIP("built without the designer (WD_BUILD_UI=OFF)");
#else
        // The designer answers --help without a display.
        QProcess designer;
        designer.start(QStringLiteral(WD_DESIGNER_PATH), {QStringLiteral("--help")});
        QVERIFY(designer.waitForFinished(30000));
        QCOMPARE(designer.exitCode(), 0);
        const QString help = QString::fromUtf8(designer.readAllStandardOutput());
        const QSet<QString> options = optionsIn(help);
        QVERIFY(options.contains(QStringLiteral("--screenshot")));
        const QString page = read(QStringLiteral("webhook-designer.1"));
        for (const QString& option : options)
            QVERIFY2(section(page, QStringLiteral("OPTIONS")).contains(roff(option)), qPrintable(option));
#endif
    }

    void pagesCarryTheVersion_data()
    {
        QTest::addColumn<QString>("page");
        QTest::newRow("cli") << QStringLiteral("webhook-designer-cli.1");
#ifdef WD_DESIGNER_PATH
        QTest::newRow("designer") << QStringLiteral("webhook-designer.1");
#endif
    }

    void pagesCarryTheVersion()
    {
        QFETCH(QString, page);
        const QString text = read(page);
        const QString th = text.section(QLatin1Char('\n'), 1, 1);
        QVERIFY2(th.startsWith(QStringLiteral(".TH ")), qPrintable(th));
        QVERIFY2(th.contains(QStringLiteral("\"webhook-designer %1\"").arg(QStringLiteral(WD_VERSION))),
                 qPrintable(th));
    }

    void pagesRenderWithoutWarnings_data()
    {
        pagesCarryTheVersion_data();
    }

    void pagesRenderWithoutWarnings()
    {
        QFETCH(QString, page);
        QProcess man;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
        man.setProcessEnvironment(environment);
        man.start(QStringLiteral("man"),
                  {QStringLiteral("--warnings"),
                   QStringLiteral("-E"),
                   QStringLiteral("UTF-8"),
                   QStringLiteral("-l"),
                   QStringLiteral(WD_MAN_DIR "/") + page});
        QVERIFY2(man.waitForStarted(), "man (Debian package man-db) is missing");
        QVERIFY(man.waitForFinished(30000));
        QCOMPARE(man.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(man.readAllStandardError()), QString());
        QVERIFY(man.readAllStandardOutput().contains("SYNOPSIS"));
    }

private:
    static QString read(const QString& page)
    {
        QFile file(QStringLiteral(WD_MAN_DIR "/") + page);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll());
    }

    // The text of a man page's section, from its .SH line to the next one.
    static QString section(const QString& page, const QString& name)
    {
        const QString heading = QStringLiteral("\n.SH %1\n").arg(name);
        const qsizetype start = page.indexOf(heading);
        if (start < 0)
            return {};
        const qsizetype end = page.indexOf(QStringLiteral("\n.SH "), start + heading.size());
        return page.mid(start, end < 0 ? -1 : end - start + 1);
    }

    // How roff writes an option: every hyphen escaped.
    static QString roff(const QString& option)
    {
        return QString(option).replace(QLatin1Char('-'), QStringLiteral("\\-"));
    }

    // The long options a --help text lists in its "Options:" part.
    static QSet<QString> optionsIn(const QString& help)
    {
        QSet<QString> options;
        const QString listed = help.section(QStringLiteral("Options:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
        static const QRegularExpression option(QStringLiteral("^\\s+(?:-\\S, )?(--[a-z][a-z-]*)"),
                                               QRegularExpression::MultilineOption);
        for (auto it = option.globalMatch(listed); it.hasNext();)
            options.insert(it.next().captured(1));
        return options;
    }

    // The exit codes a help text names after "Exit codes:": "0 rendered, 1 ...".
    static QSet<QString> exitCodesIn(const QString& help)
    {
        QSet<QString> codes;
        static const QRegularExpression code(QStringLiteral("(?:codes:|[,;])\\s*(\\d)\\s"));
        const QString text = help.section(QStringLiteral("Exit codes:"), 1).section(QStringLiteral("\n\n"), 0, 0);
        for (auto it = code.globalMatch(QStringLiteral("codes: ") + text); it.hasNext();)
            codes.insert(it.next().captured(1));
        return codes;
    }

    QString m_cliPage;
};

QTEST_GUILESS_MAIN(tst_ManPages)
#include "tst_manpages.moc"
