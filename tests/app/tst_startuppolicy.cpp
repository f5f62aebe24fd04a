#include "StartupPolicy.h"
#include "UiTestWorkspace.h"
#include "WindowTestSupport.h"
#include "document/WorkspaceDocument.h"
#include "format/WorkspaceFile.h"
#include "mainwindow/AppSettings.h"
#include "mainwindow/MainWindow.h"
#include "widgets/MessageBar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

// What the designer opens at start, applied to the real main window as main() applies it:
// the last recent file or the sample, then the command line's file, then the offer to
// restore what a crash left behind. Each test function starts from clean settings and no
// recovery file.
class tst_StartupPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        useWindowTestSettings(QStringLiteral("tst_startuppolicy"));
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        resetWindowTestSettings();
        QVERIFY(!QFile::exists(MainWindow::recoveryFilePath()));
    }

    void cleanup()
    {
        delete m_window;
        m_window = nullptr;
    }

    void withoutARecentFileTheSampleOpens()
    {
        start({});
        checkSampleIsOpen();
        WD_RETURN_IF_FAILED();
        QCOMPARE(m_window->messageBar()->text(), QString());
    }

    void theLastRecentFileOpens()
    {
        const QString older = writeWorkspace(QStringLiteral("older"), QStringLiteral("Older hook"));
        const QString last = writeWorkspace(QStringLiteral("last"), QStringLiteral("Last hook"));
        WD_RETURN_IF_FAILED();
        addRecentFiles({older, last});
        start({});
        QCOMPARE(m_window->document()->filePath(), last);
        QCOMPARE(m_window->document()->workspace().webhooks.first().name, QStringLiteral("Last hook"));
        QVERIFY(!m_window->document()->isModified());
        QCOMPARE(m_window->messageBar()->text(), QString());
    }

    void aRecentFileThatNoLongerOpensGivesTheSample_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<bool>("saysWhy");
        QTest::newRow("gone") << QByteArray() << false << false;
        QTest::newRow("not json") << QByteArrayLiteral("{\"format\": \"webhook-designer/1\", \"webhooks\": [") << true
                                  << true;
        QTest::newRow("bad value") << QByteArrayLiteral(
            R"({"format": "webhook-designer/1", "webhooks": [{"name": "A", "requestType": "FETCH"}]})")
                                   << true << true;
        QTest::newRow("empty file") << QByteArray() << true << true;
    }

    void aRecentFileThatNoLongerOpensGivesTheSample()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, exists);
        QFETCH(bool, saysWhy);
        const QString path =
            m_dir.filePath(QStringLiteral("broken-%1.webhooks.json").arg(QString::fromLatin1(QTest::currentDataTag())));
        QFile::remove(path);
        if (exists) {
            writeFile(path, content);
            WD_RETURN_IF_FAILED();
        }
        addRecentFiles({path});
        start({});
        checkSampleIsOpen();
        WD_RETURN_IF_FAILED();
        // A file that is there but does not open is named in the message bar.
        if (saysWhy) {
            QVERIFY2(m_window->messageBar()->text().contains(QFileInfo(path).fileName()),
                     qPrintable(m_window->messageBar()->text()));
            QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
        } else {
            QCOMPARE(m_window->messageBar()->text(), QString());
        }
        // The user's file and recent files stay as they were, also after the window closed.
        delete m_window;
        m_window = nullptr;
        QCOMPARE(QFile::exists(path), exists);
        if (exists) {
            QCOMPARE(readFile(path), content);
        }
        QCOMPARE(AppSettings().recentFiles(), QStringList {path});
    }

    void aWorkspaceOnTheCommandLineOpens()
    {
        const QString recent = writeWorkspace(QStringLiteral("recent"), QStringLiteral("Recent hook"));
        const QString named = writeWorkspace(QStringLiteral("named"), QStringLiteral("Named hook"));
        WD_RETURN_IF_FAILED();
        addRecentFiles({recent});
        // Only the first positional argument counts.
        start({named, recent});
        QCOMPARE(m_window->document()->filePath(), named);
        QCOMPARE(m_window->document()->workspace().webhooks.first().name, QStringLiteral("Named hook"));
        QCOMPARE(m_window->settings()->recentFiles().value(0), named);
    }

    void aWorkspaceOnTheCommandLineIsFoundFromTheWorkingDirectory()
    {
        const QString named = writeWorkspace(QStringLiteral("relative"), QStringLiteral("Relative hook"));
        WD_RETURN_IF_FAILED();
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        start({QFileInfo(named).fileName()});
        QVERIFY(QDir::setCurrent(previous));
        QCOMPARE(m_window->document()->filePath(), named);
        QCOMPARE(m_window->document()->workspace().webhooks.first().name, QStringLiteral("Relative hook"));
    }

    void aMalformedWorkspaceOnTheCommandLineLeavesTheSampleOpen()
    {
        const QString path = m_dir.filePath(QStringLiteral("malformed.webhooks.json"));
        const QByteArray content = QByteArrayLiteral("not a workspace");
        writeFile(path, content);
        WD_RETURN_IF_FAILED();
        start({path});
        checkSampleIsOpen();
        WD_RETURN_IF_FAILED();
        QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("malformed.webhooks.json")),
                 qPrintable(m_window->messageBar()->text()));
        QCOMPARE(readFile(path), content);
    }

    void aCsvOnTheCommandLineImportsIntoWhatIsOpen()
    {
        const QString recent = writeWorkspace(QStringLiteral("leads"), QStringLiteral("Lead hook"));
        addRecentFiles({recent});
        const QString csv = m_dir.filePath(QStringLiteral("leads.CSV"));
        writeFile(csv, "First Name,Email Address\nGrace,grace@example.com\n");
        WD_RETURN_IF_FAILED();
        start({csv});
        // The recent file stays the open one, its leads replaced by the CSV's, undoably.
        QCOMPARE(m_window->document()->filePath(), recent);
        QCOMPARE(m_window->document()->workspace().webhooks.first().name, QStringLiteral("Lead hook"));
        QCOMPARE(m_window->document()->workspace().leads.size(), 1);
        QCOMPARE(m_window->document()->workspace().leads.first().value(QStringLiteral("First Name")).toString(),
                 QStringLiteral("Grace"));
        QVERIFY(m_window->document()->isModified());
        QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("leads.CSV")),
                 qPrintable(m_window->messageBar()->text()));
        m_window->document()->undoStack()->undo();
        QCOMPARE(m_window->document()->workspace().leads, uiTestWorkspace().leads);
        QCOMPARE(m_window->settings()->recentFiles(), QStringList {recent});
    }

    void theRecoveryOfferComesAfterTheCommandLineFile()
    {
        const QString crashed = writeWorkspace(QStringLiteral("crashed"), QStringLiteral("Crashed hook"));
        const QString named = writeWorkspace(QStringLiteral("named"), QStringLiteral("Named hook"));
        WD_RETURN_IF_FAILED();
        addRecentFiles({crashed});
        Workspace unsaved = uiTestWorkspace();
        unsaved.webhooks[0].name = QStringLiteral("Crashed hook");
        unsaved.webhooks[0].description = QStringLiteral("Unsaved work");
        writeRecoveryFile(unsaved, crashed);
        WD_RETURN_IF_FAILED();

        start({named});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        // The named file is open, and opening it did not hide the offer.
        QCOMPARE(m_window->document()->filePath(), named);
        QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("did not close properly")),
                 qPrintable(m_window->messageBar()->text()));
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("crashed.webhooks.json")));
        QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Warning);
        WD_FIND_CHILD(restore, QPushButton, m_window, "restoreButton");
        QTRY_VERIFY(restore->isVisible());
        // Until answered, the recovery file is all that holds the unsaved work.
        m_window->autosaveNow();
        Workspace stillThere;
        QVERIFY(WorkspaceFile::load(MainWindow::recoveryFilePath(), &stillThere));
        QCOMPARE(stillThere.webhooks[0].description, QStringLiteral("Unsaved work"));

        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(m_window->document()->filePath(), crashed);
        QCOMPARE(m_window->document()->workspace().webhooks[0].description, QStringLiteral("Unsaved work"));
        QVERIFY(m_window->document()->isModified());
    }

    void aRecoveryOfferAfterACsvImportCanBeDiscarded()
    {
        const QString csv = m_dir.filePath(QStringLiteral("discard.csv"));
        writeFile(csv, "First Name,Email Address\nGrace,grace@example.com\n");
        writeRecoveryFile(uiTestWorkspace(), QString());
        WD_RETURN_IF_FAILED();

        start({csv});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QCOMPARE(m_window->document()->workspace().leads.size(), 1);
        QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("an untitled workspace")),
                 qPrintable(m_window->messageBar()->text()));
        WD_FIND_CHILD(discard, QPushButton, m_window, "discardRecoveryButton");
        QTRY_VERIFY(discard->isVisible());
        QTest::mouseClick(discard, Qt::LeftButton);
        QVERIFY(!QFile::exists(MainWindow::recoveryFilePath()));
        QCOMPARE(m_window->messageBar()->text(), QString());
        // What the start opened is untouched by the answer.
        QVERIFY(m_window->document()->filePath().isEmpty());
        QCOMPARE(m_window->document()->workspace().leads.size(), 1);
    }

private:
    // A window without a sandbox service, started as main() starts it.
    void start(const QStringList& files)
    {
        MainWindow::Options options;
        options.startSandbox = false;
        m_window = new MainWindow(options);
        StartupPolicy::apply(m_window, files);
    }

    // Most recent last in `files`, as the user would have opened them.
    static void addRecentFiles(const QStringList& files)
    {
        AppSettings settings;
        for (const QString& file : files) {
            settings.addRecentFile(file);
        }
    }

    // The untitled bundled sample, unmodified.
    void checkSampleIsOpen()
    {
        QFile file(QStringLiteral(":/sample.webhooks.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        Workspace sample;
        QVERIFY(WorkspaceFile::read(file.readAll(), &sample));
        QVERIFY(!sample.webhooks.isEmpty());
        const Workspace& open = m_window->document()->workspace();
        QCOMPARE(open.webhooks.size(), sample.webhooks.size());
        for (int i = 0; i < sample.webhooks.size(); ++i) {
            QCOMPARE(open.webhooks[i].name, sample.webhooks[i].name);
        }
        QCOMPARE(open.leads, sample.leads);
        QVERIFY(m_window->document()->filePath().isEmpty());
        QVERIFY(!m_window->document()->isModified());
    }

    // A workspace file in the test's folder whose first webhook is called `webhookName`.
    QString writeWorkspace(const QString& baseName, const QString& webhookName)
    {
        Workspace workspace = uiTestWorkspace();
        workspace.webhooks[0].name = webhookName;
        // Secret values would be missing on open (the window's own store is empty), and
        // what start-up shows is the subject here, not secrets.
        for (ContextValue& token : workspace.context.my.values) {
            token.secret = false;
        }
        for (Header& header : workspace.webhooks[0].headers) {
            header.secret = false;
        }
        const QString path = m_dir.filePath(baseName + WorkspaceFile::fileSuffix());
        QString message;
        if (!WorkspaceFile::save(workspace, path, &message)) {
            QTest::qFail(qPrintable(message), __FILE__, __LINE__);
        }
        return path;
    }

    // What the window's autosave leaves behind when the program ends without closing.
    static void writeRecoveryFile(const Workspace& workspace, const QString& originalPath)
    {
        const QString path = MainWindow::recoveryFilePath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(WorkspaceFile::save(workspace, path));
        QJsonObject info;
        info.insert(QStringLiteral("filePath"), originalPath);
        info.insert(QStringLiteral("savedAt"), QStringLiteral("2024-05-01T10:00:00Z"));
        writeFile(path + QStringLiteral(".info"), QJsonDocument(info).toJson());
    }

    static void writeFile(const QString& path, const QByteArray& content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }

    static QByteArray readFile(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(tst_StartupPolicy)
#include "tst_startuppolicy.moc"
