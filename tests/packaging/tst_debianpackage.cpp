#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// The Debian package the fixture built with cpack, as apt would install it: its file
// name, control fields and computed dependencies, every file it holds (and nothing
// else), the programs it ships running with the project's version, and the desktop
// integration fitting together: the .desktop file's program, icon and MIME type, the
// icons' sizes, and *.webhooks.json recognised as a workspace once its MIME type is
// installed.
class tst_DebianPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(WD_DEB)), WD_DEB " is missing: the test package_deb builds it");
        QVERIFY(m_root.isValid());
        QVERIFY(QDir().mkpath(m_root.filePath(QStringLiteral("home"))));
        const Result extracted =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), QStringLiteral(WD_DEB), root()});
        QVERIFY2(extracted.exitCode == 0, extracted.err.constData());
        // The MIME database the test reads is the package's and the system's only.
        qputenv("XDG_DATA_DIRS", QFile::encodeName(root() + QStringLiteral("/usr/share:/usr/share")));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_root.filePath(QStringLiteral("home"))));
    }

    void fileName()
    {
        QCOMPARE(
            QFileInfo(QStringLiteral(WD_DEB)).fileName(),
            QStringLiteral("webhook-designer_%1_%2.deb").arg(QStringLiteral(WD_VERSION), QStringLiteral(WD_DEB_ARCH)));
    }

    void controlFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("Package") << "Package"
                                 << "webhook-designer";
        QTest::newRow("Version") << "Version" << WD_VERSION;
        QTest::newRow("Architecture") << "Architecture" << WD_DEB_ARCH;
        QTest::newRow("Section") << "Section"
                                 << "devel";
        QTest::newRow("Priority") << "Priority"
                                  << "optional";
        QTest::newRow("Homepage") << "Homepage"
                                  << "https://github.com/webhook-designer/webhook-designer";
    }

    void controlFields()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QCOMPARE(control(field), value);
    }

    void description()
    {
        const QStringList lines = control(QStringLiteral("Description")).split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), QStringLiteral("Design, preview and test Marketo webhooks"));
        QVERIFY(lines.size() > 5);
        for (const QString& line : lines)
            QVERIFY2(line.size() <= 80, qPrintable(line));
    }

    void maintainerHasAnAddress()
    {
        QVERIFY(control(QStringLiteral("Maintainer"))
                    .contains(QRegularExpression(QStringLiteral("^[^<]+ <[^@>]+@[^>]+>$"))));
    }

    // dpkg-shlibdeps reads them from the binaries; these are the libraries the programs
    // cannot start without.
    void dependencies_data()
    {
        QTest::addColumn<QString>("package");
        for (const char* package : {"libc6",
                                    "libstdc++6",
                                    "libqt6core6",
                                    "libqt6gui6",
                                    "libqt6widgets6",
                                    "libqt6network6",
                                    "libqt6httpserver6",
                                    "libqscintilla2-qt6-15"})
            QTest::newRow(package) << QString::fromLatin1(package);
    }

    void dependencies()
    {
        QFETCH(QString, package);
        QStringList names;
        for (const QString& dependency : control(QStringLiteral("Depends")).split(QStringLiteral(", ")))
            names << dependency.section(QLatin1Char(' '), 0, 0);
        QVERIFY2(names.contains(package), qPrintable(names.join(QStringLiteral(", "))));
    }

    void contents()
    {
        QStringList expected = {
            QStringLiteral("usr/bin/webhook-designer 755"),
            QStringLiteral("usr/bin/webhook-designer-cli 755"),
            QStringLiteral("usr/share/applications/io.github.webhook_designer.WebhookDesigner.desktop 644"),
            QStringLiteral("usr/share/bash-completion/completions/webhook-designer-cli 644"),
            QStringLiteral("usr/share/doc/webhook-designer/changelog.gz 644"),
            QStringLiteral("usr/share/doc/webhook-designer/copyright 644"),
            QStringLiteral("usr/share/icons/hicolor/scalable/apps/webhook-designer.svg 644"),
            QStringLiteral("usr/share/man/man1/webhook-designer-cli.1.gz 644"),
            QStringLiteral("usr/share/man/man1/webhook-designer.1.gz 644"),
            QStringLiteral("usr/share/metainfo/io.github.webhook_designer.WebhookDesigner.metainfo.xml 644"),
            QStringLiteral("usr/share/mime/packages/webhook-designer.xml 644"),
        };
        for (const int size : sizes())
            expected << QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/webhook-designer.png 644").arg(size);
        expected.sort();

        QStringList found;
        QDirIterator it(root(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo file(it.next());
            QVERIFY2(file.size() > 0, qPrintable(file.filePath()));
            found << QStringLiteral("%1 %2").arg(QDir(root()).relativeFilePath(file.filePath()), mode(file));
        }
        found.sort();
        QCOMPARE(found, expected);
    }

    void programsShowTheVersion_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("designer") << QStringLiteral("webhook-designer");
        QTest::newRow("cli") << QStringLiteral("webhook-designer-cli");
    }

    void programsShowTheVersion()
    {
        QFETCH(QString, program);
        // The designer answers --version without a display.
        const Result result = run(root() + QStringLiteral("/usr/bin/") + program, {QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QString::fromUtf8(result.out).trimmed(), program + QLatin1Char(' ') + QStringLiteral(WD_VERSION));
    }

    void programsAreStripped_data() { programsShowTheVersion_data(); }

    void programsAreStripped()
    {
        QFETCH(QString, program);
        const Result sections =
            run(QStringLiteral("objdump"), {QStringLiteral("-h"), root() + QStringLiteral("/usr/bin/") + program});
        QCOMPARE(sections.exitCode, 0);
        QVERIFY(!sections.out.contains(".debug_info"));
        QVERIFY(!sections.out.contains(".symtab"));
    }

    void metainfoNamesTheRelease()
    {
        const QByteArray metainfo =
            read(QStringLiteral("usr/share/metainfo/io.github.webhook_designer.WebhookDesigner.metainfo.xml"));
        QVERIFY(metainfo.contains("<release version=\"" WD_VERSION "\""));
        QVERIFY(
            metainfo.contains("<launchable type=\"desktop-id\">io.github.webhook_designer.WebhookDesigner.desktop<"));
    }

    void changelogNamesTheVersion()
    {
        const Result changelog =
            run(QStringLiteral("gzip"),
                {QStringLiteral("-dc"), root() + QStringLiteral("/usr/share/doc/webhook-designer/changelog.gz")});
        QCOMPARE(changelog.exitCode, 0);
        QVERIFY(changelog.out.startsWith("webhook-designer (" WD_VERSION ") "));
    }

    void iconSizes_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : sizes())
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void iconSizes()
    {
        QFETCH(int, size);
        QImageReader icon(root()
                          + QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/webhook-designer.png").arg(size));
        QCOMPARE(icon.format(), QByteArray("png"));
        QCOMPARE(icon.size(), QSize(size, size));
    }

    // What the application menu and the file manager read fits what the package holds.
    void desktopEntryFits()
    {
        QSettings entry(
            root() + QStringLiteral("/usr/share/applications/io.github.webhook_designer.WebhookDesigner.desktop"),
            QSettings::IniFormat);
        entry.beginGroup(QStringLiteral("Desktop Entry"));
        const QString exec = entry.value(QStringLiteral("Exec")).toString();
        QCOMPARE(exec, QStringLiteral("webhook-designer %f"));
        QVERIFY(QFile::exists(root() + QStringLiteral("/usr/bin/") + exec.section(QLatin1Char(' '), 0, 0)));
        const QString icon = entry.value(QStringLiteral("Icon")).toString();
        QVERIFY(QFile::exists(root() + QStringLiteral("/usr/share/icons/hicolor/scalable/apps/%1.svg").arg(icon)));
        // QSettings reads "a;b;" as a string list.
        QCOMPARE(entry.value(QStringLiteral("MimeType")).toString(),
                 QStringLiteral("application/x-webhook-designer-workspace"));
    }

    void workspacesHaveTheirMimeType_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("mimeType");
        QTest::newRow("workspace") << "leads.webhooks.json"
                                   << "application/x-webhook-designer-workspace";
        QTest::newRow("upper case") << "LEADS.WEBHOOKS.JSON"
                                    << "application/x-webhook-designer-workspace";
        QTest::newRow("other JSON") << "leads.json"
                                    << "application/json";
    }

    void workspacesHaveTheirMimeType()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, mimeType);
        static const bool updated = [this] {
            const Result update =
                run(QStringLiteral("update-mime-database"), {root() + QStringLiteral("/usr/share/mime")});
            return update.exitCode == 0;
        }();
        QVERIFY2(updated, "update-mime-database (Debian package shared-mime-info) failed");
        const QMimeType type = QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
        QCOMPARE(type.name(), mimeType);
        if (mimeType.startsWith(QStringLiteral("application/x-webhook"))) {
            QVERIFY(type.inherits(QStringLiteral("application/json")));
            QCOMPARE(type.comment(), QStringLiteral("Webhook Designer workspace"));
        }
    }

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static QList<int> sizes() { return {16, 32, 48, 64, 128, 256, 512}; }

    QString root() const { return m_root.filePath(QStringLiteral("root")); }

    static Result run(const QString& program, const QStringList& arguments)
    {
        QProcess process;
        process.start(program, arguments);
        Result result;
        if (!process.waitForStarted() || !process.waitForFinished(60000)) {
            result.err = program.toUtf8() + " did not run: " + process.errorString().toUtf8();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    static QString control(const QString& field)
    {
        const Result result = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), QStringLiteral(WD_DEB), field});
        return QString::fromUtf8(result.out).trimmed();
    }

    QByteArray read(const QString& path) const
    {
        QFile file(root() + QLatin1Char('/') + path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QString mode(const QFileInfo& file)
    {
        const auto bits = [&file](QFile::Permission read, QFile::Permission write, QFile::Permission exec) {
            return (file.permission(read) ? 4 : 0) + (file.permission(write) ? 2 : 0) + (file.permission(exec) ? 1 : 0);
        };
        return QStringLiteral("%1%2%3")
            .arg(bits(QFile::ReadOwner, QFile::WriteOwner, QFile::ExeOwner))
            .arg(bits(QFile::ReadGroup, QFile::WriteGroup, QFile::ExeGroup))
            .arg(bits(QFile::ReadOther, QFile::WriteOther, QFile::ExeOther));
    }

    QTemporaryDir m_root;
};

QTEST_GUILESS_MAIN(tst_DebianPackage)
#include "tst_debianpackage.moc"
