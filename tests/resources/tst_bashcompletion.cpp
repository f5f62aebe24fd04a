#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The CLI's bash completion, run in a real bash with the bash-completion framework as
// the shell would run it: commands, each command's options, files by kind, and the
// webhook names and secret keys read from the workspace on the command line, quoted for
// the shell.
class tst_BashCompletion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(frameworkPath()), "bash-completion (the Debian package) is missing");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("work/leads")));
        // Written by hand, not by the designer: the reader must not depend on its layout.
        write(QStringLiteral("work/shop.webhooks.json"),
              "{\"format\": \"webhook-designer/1\", \"context\": {\"my\": {\"apiKey\": \"k\", \"region\": \"eu\"},\n"
              "  \"secretMyTokens\": [\"apiKey\"]},\n"
              "  \"leads\": [{\"name\": \"not a webhook\"}],\n"
              "  \"webhooks\": [\n"
              "    {\"name\": \"Enrich lead\", \"url\": \"https://e.example/{{lead.Email Address}}\",\n"
              "     \"headers\": [{\"name\": \"Authorization\", \"value\": \"Bearer x\", \"secret\": true},\n"
              "                 {\"name\": \"Accept\", \"value\": \"application/json\"}]},\n"
              "    {\"headers\": [], \"name\": \"Score \\\"hot\\\" leads\", \"template\": \"{\\\"name\\\": 1}\"},\n"
              "    {\"name\": \"Caf\xc3\xa9 sync\"}]}");
        write(QStringLiteral("work/other.webhooks.json"), "{\"format\": \"webhook-designer/1\"}");
        write(QStringLiteral("work/broken.webhooks.json"), "{\"format\": \"webhook-designer/1\", \"webhooks\": [{\"na");
        write(QStringLiteral("work/leads/march.csv"), "Email Address\n");
        write(QStringLiteral("work/leads/notes.txt"), "");
    }

    void completes_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("directory"); // where bash runs, in the temporary directory
        const auto row = [](const char* name, const char* line, const QStringList& expected, const char* dir = "") {
            QTest::newRow(name) << words(line) << expected << QString::fromUtf8(dir);
        };
        const QStringList commands = {
            "export", "help", "import", "lint", "map", "marketo", "render", "run", "sandbox", "secret", "send", "test"};
        row("commands", "", commands + QStringList {"--help", "--version", "-h", "-v"});
        row("command prefix", "r", {"render", "run"});
        row("help COMMAND", "help s", {"sandbox", "secret", "send"});
        row("render options",
            "render work/shop.webhooks.json --",
            {"--help", "--help-all", "--lead", "--now", "--show-secrets", "--webhook"});
        row("send options", "send --n", {"--no-history", "--now"});
        row("run options", "run --l", {"--leads", "--limit"});
        row("test options", "test work/shop.webhooks.json --l", {"--lead", "--leads"});
        row("test webhook names", "test work/shop.webhooks.json --webhook En", {"Enrich\\ lead"});
        row("sandbox options", "sandbox --", {"--help", "--help-all", "--port"});
        row("workspace files",
            "lint work/",
            {"work/broken.webhooks.json", "work/leads", "work/other.webhooks.json", "work/shop.webhooks.json"});
        row("webhook names",
            "render work/shop.webhooks.json --webhook ",
            {"Café\\ sync", "Enrich\\ lead", "Score\\ \\\"hot\\\"\\ leads"});
        row("webhook name prefix", "send work/shop.webhooks.json --webhook En", {"Enrich\\ lead"});
        row("webhook before workspace",
            "map --status 200 --webhook |Sc work/shop.webhooks.json",
            {"Score\\ \\\"hot\\\"\\ leads"});
        row("workspace quoted", "lint '../work/shop.webhooks.json' --webhook E", {"Enrich\\ lead"}, "work");
        row("no webhooks", "lint work/other.webhooks.json --webhook ", {});
        row("broken workspace", "lint work/broken.webhooks.json --webhook ", {});
        row("missing workspace", "lint work/none.webhooks.json --webhook ", {});
        row("CSV for --leads", "run work/shop.webhooks.json --leads work/leads/", {"work/leads/march.csv"});
        row("no value to offer", "send work/shop.webhooks.json --timeout-ms ", {});
        row("secret subcommands", "secret ", {"delete", "list", "migrate", "set"});
        row("secret keys", "secret set work/shop.webhooks.json ", {"header.Enrich\\ lead.Authorization", "my.apiKey"});
        row("secret key prefix", "secret delete work/shop.webhooks.json my", {"my.apiKey"});
        row("no key for list", "secret list work/shop.webhooks.json ", {});
        row("marketo subcommands", "marketo ", {"connect", "fields", "leads", "programs", "tokens"});
        row("marketo leads options", "marketo leads work/shop.webhooks.json --l", {"--limit", "--list"});
        row("no value for --list", "marketo leads work/shop.webhooks.json --list ", {});
        row("import formats", "import work/shop.webhooks.json --from ", {"curl", "postman"});
        row("export formats", "export work/shop.webhooks.json --format h", {"http"});
        row("export webhook names", "export work/shop.webhooks.json --webhook En", {"Enrich\\ lead"});
    }

    void completes()
    {
        QFETCH(QStringList, words);
        QFETCH(QStringList, expected);
        QFETCH(QString, directory);
        QProcess bash;
        bash.setWorkingDirectory(m_dir.filePath(directory));
        // printf %q writes non-ASCII letters as they are only in a UTF-8 locale.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        bash.setProcessEnvironment(environment);
        const QString script = QStringLiteral(
            "source \"$1\"; source \"$2\"; shift 2\n"
            "COMP_WORDS=(webhook-designer-cli \"$@\"); COMP_CWORD=$#\n"
            "for i in \"${!COMP_WORDS[@]}\"; do\n"
            "    [[ ${COMP_WORDS[i]} == '|'* ]] && COMP_WORDS[i]=${COMP_WORDS[i]#|} && COMP_CWORD=$i\n"
            "done\n"
            "COMP_LINE=\"${COMP_WORDS[*]}\"; before=\"${COMP_WORDS[*]:0:COMP_CWORD+1}\"; COMP_POINT=${#before}\n"
            "_webhook_designer_cli\n"
            "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        bash.start(QStringLiteral("bash"),
                   QStringList {QStringLiteral("--norc"),
                                QStringLiteral("-c"),
                                script,
                                QStringLiteral("bash"),
                                frameworkPath(),
                                QStringLiteral(WD_SOURCE_DIR "/resources/bash-completion/webhook-designer-cli")}
                       + words);
        QVERIFY(bash.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(bash.readAllStandardError()), QString());
        QStringList offered = QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'));
        offered.removeAll(QString());
        offered.sort();
        expected.sort();
        QCOMPARE(offered, expected);
    }

private:
    static QString frameworkPath() { return QStringLiteral("/usr/share/bash-completion/bash_completion"); }

    // The words after the program's name. The cursor is at the end of the last word, or
    // of the word that starts with "|"; a line ending in a space completes an empty word.
    static QStringList words(const char* line) { return QString::fromUtf8(line).split(QLatin1Char(' ')); }

    void write(const QString& name, const QByteArray& bytes)
    {
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(bytes) == bytes.size());
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_BashCompletion)
#include "tst_bashcompletion.moc"
