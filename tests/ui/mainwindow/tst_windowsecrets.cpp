#include "SecretTool.h"
#include "UiTestWorkspace.h"
#include "WindowTestSupport.h"
#include "document/HeaderModel.h"
#include "document/WorkspaceDocument.h"
#include "format/WorkspaceFile.h"
#include "history/CallHistory.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/WorkspaceSecrets.h"
#include "sandbox/SandboxServer.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUuid>

#include <memory>

// Secrets in the real window against a real Secret Service (this test runs inside
// with-keyring.sh): the values live in gnome-keyring, checked with secret-tool, and no
// file the window writes (workspace, recovery, history) holds them, checked byte by byte.
class tst_WindowSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_windowsecrets")); }

    void init()
    {
        resetWindowTestSettings();
        QVERIFY(m_dir.isValid());
        m_keychain = std::make_unique<KeychainSecretStore>();
        MainWindow::Options options;
        options.secretStore = m_keychain.get();
        m_window = std::make_unique<MainWindow>(options);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        if (m_window) {
            m_window->document()->undoStack()->setClean();
        }
        m_window.reset();
        m_keychain.reset();
    }

    // A file written before the keychain: its values load, the message bar offers to move
    // them, and the move leaves them in the keyring and nowhere in the file.
    void plainTextFileIsMovedOnRequest()
    {
        Workspace legacy = uiTestWorkspace();
        legacy.secretsInFile = true;
        const QString path = m_dir.filePath(QStringLiteral("legacy.webhooks.json"));
        QVERIFY(WorkspaceFile::save(legacy, path));
        QVERIFY(fileBytes(path).contains("k-123"));

        QVERIFY(m_window->openFile(path));
        QCOMPARE(m_window->document()->workspace().context.my.values.at(0).value, QStringLiteral("k-123"));
        const QString offer = m_window->messageBar()->text();
        QVERIFY2(offer.contains(QStringLiteral("my.apiKey")), qPrintable(offer));
        QVERIFY2(offer.contains(QStringLiteral("header.Enrich.Authorization")), qPrintable(offer));
        WD_FIND_CHILD(move, QPushButton, m_window.get(), "migrateSecretsButton");
        QTest::mouseClick(move, Qt::LeftButton);

        const QString id = m_window->document()->workspace().id;
        QVERIFY(!id.isEmpty());
        QCOMPARE(secretTool(id, QStringLiteral("my.apiKey")), QStringLiteral("k-123"));
        QCOMPARE(secretTool(id, QStringLiteral("header.Enrich.Authorization")), QStringLiteral("Bearer abc"));
        const QByteArray bytes = fileBytes(path);
        QVERIFY(!bytes.contains("k-123"));
        QVERIFY(!bytes.contains("Bearer abc"));
        QVERIFY(bytes.contains(id.toUtf8()));
        QVERIFY(!m_window->document()->isModified());
        QVERIFY(!m_window->document()->workspace().secretsInFile);

        // Opened again, the values come from the keyring.
        QVERIFY(m_window->openFile(path));
        QCOMPARE(m_window->document()->workspace().context.my.values.at(0).value, QStringLiteral("k-123"));
        QCOMPARE(m_window->document()->workspace().webhooks.at(0).headers.at(1).value, QStringLiteral("Bearer abc"));
        QCOMPARE(m_window->messageBar()->text(), QString());
    }

    // An edited value goes to the keyring at once, and to no file: not the workspace, not
    // the recovery file, not the history of a call that sent it.
    void editsGoToTheKeyringOnly()
    {
        const QString path = openNewStyleFile();
        WD_RETURN_IF_FAILED();
        const QString id = m_window->document()->workspace().id;
        const QString secret = QStringLiteral("Bearer s3cr3t-typed-in-the-window");
        QAbstractItemModel* headers = headerModel();
        QVERIFY(headers->setData(headers->index(1, HeaderModel::ValueColumn), secret, Qt::EditRole));
        QCOMPARE(secretTool(id, QStringLiteral("header.Enrich.Authorization")), secret);
        QVERIFY(m_window->isWindowModified());

        m_window->autosaveNow();
        QVERIFY(QFile::exists(MainWindow::recoveryFilePath()));
        QVERIFY(!fileBytes(MainWindow::recoveryFilePath()).contains(secret.toUtf8()));

        QSignalSpy finished(m_window.get(), &MainWindow::callFinished);
        m_window->send();
        QVERIFY(finished.wait(20000));
        QVERIFY(m_window->saveToFile(path));
        const QByteArray history = fileBytes(CallHistory::fileNameFor(path));
        QVERIFY(history.contains("Authorization"));
        QVERIFY(!history.contains("s3cr3t-typed-in-the-window"));
        QVERIFY(!history.contains("k-live-777"));
        QVERIFY(!fileBytes(path).contains("s3cr3t-typed-in-the-window"));
        QVERIFY(!fileBytes(path).contains("k-live-777"));
    }

    // After a crash the recovery file, which holds no secret, is restored with the values
    // from the keyring, the one typed last included.
    void aRecoveredWorkspaceGetsItsSecretsBack()
    {
        openNewStyleFile();
        WD_RETURN_IF_FAILED();
        QAbstractItemModel* headers = headerModel();
        QVERIFY(
            headers->setData(headers->index(1, HeaderModel::ValueColumn), QStringLiteral("Bearer typed-then-crash")));
        m_window->autosaveNow();
        QVERIFY(!fileBytes(MainWindow::recoveryFilePath()).contains("typed-then-crash"));
        m_window.reset(); // no close: as a crash leaves it

        MainWindow::Options options;
        options.secretStore = m_keychain.get();
        m_window = std::make_unique<MainWindow>(options);
        QVERIFY(m_window->offerRecovery());
        WD_FIND_CHILD(restore, QPushButton, m_window.get(), "restoreButton");
        QTest::mouseClick(restore, Qt::LeftButton);
        const Workspace& restored = m_window->document()->workspace();
        QCOMPARE(restored.webhooks.at(0).headers.at(1).value, QStringLiteral("Bearer typed-then-crash"));
        QCOMPARE(restored.context.my.values.at(0).value, QStringLiteral("k-live-777"));
        QVERIFY(m_window->document()->isModified());
    }

    // A rename moves the entry (the old one goes with the save), a deleted header's entry
    // goes with the save, and undoing the delete writes it back.
    void renameMovesAndUndoRestores()
    {
        const QString path = openNewStyleFile();
        WD_RETURN_IF_FAILED();
        const QString id = m_window->document()->workspace().id;
        QAbstractItemModel* headers = headerModel();
        QVERIFY(headers->setData(headers->index(1, HeaderModel::NameColumn), QStringLiteral("X-Api-Key")));
        QCOMPARE(secretTool(id, QStringLiteral("header.Enrich.X-Api-Key")), QStringLiteral("Bearer from-keyring"));
        // Until the save, the file on disk still names the old header.
        QCOMPARE(secretTool(id, QStringLiteral("header.Enrich.Authorization")), QStringLiteral("Bearer from-keyring"));
        QVERIFY(m_window->saveToFile(path));
        QCOMPARE(secretTool(id, QStringLiteral("header.Enrich.Authorization")), QString());
        QCOMPARE(secretTool(id, QStringLiteral("header.Enrich.X-Api-Key")), QStringLiteral("Bearer from-keyring"));

        WD_FIND_CHILD(table, QTableView, m_window.get(), "headersTable");
        WD_FIND_CHILD(remove, QPushButton, m_window.get(), "removeHeaderButton");
        table->setCurrentIndex(headers->index(1, HeaderModel::NameColumn));
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(headers->rowCount(), 2);
        QVERIFY(m_window->saveToFile(path));
        QCOMPARE(secretTool(id, QStringLiteral("header.Enrich.X-Api-Key")), QString());

        m_window->document()->undoStack()->undo();
        QCOMPARE(headers->rowCount(), 3);
        QCOMPARE(secretTool(id, QStringLiteral("header.Enrich.X-Api-Key")), QStringLiteral("Bearer from-keyring"));
        QCOMPARE(m_window->document()->workspace().webhooks.at(0).headers.at(1).value,
                 QStringLiteral("Bearer from-keyring"));
    }

    // A secret the keyring does not have: named in the message bar and the preview's
    // problems, and the request is not sent.
    void aMissingSecretIsNamed()
    {
        Workspace workspace = uiTestWorkspace();
        workspace.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString path = m_dir.filePath(QStringLiteral("missing.webhooks.json"));
        QVERIFY(WorkspaceFile::save(workspace, path));
        QVERIFY(m_window->openFile(path));
        const QString text = m_window->messageBar()->text();
        QVERIFY2(text.contains(QStringLiteral("my.apiKey"))
                     && text.contains(QStringLiteral("header.Enrich.Authorization")),
                 qPrintable(text));
        QSignalSpy finished(m_window.get(), &MainWindow::callFinished);
        m_window->send();
        QVERIFY(finished.wait(20000));
        const auto result = finished.first().first().value<CallResult>();
        QCOMPARE(result.error, CallResult::ErrorKind::InvalidRequest);
        QVERIFY2(result.errorMessage.contains(QStringLiteral("WD_SECRET_HEADER_ENRICH_AUTHORIZATION"))
                     || result.errorMessage.contains(QStringLiteral("WD_SECRET_MY_APIKEY")),
                 qPrintable(result.errorMessage));
    }

    // A keychain that fails: one clear message, values kept for the session, no file gets
    // them; the settings say which keychain and why not.
    void aFailingKeychainKeepsValuesForTheSession()
    {
        m_window.reset();
        MemorySecretStore locked;
        locked.setFailure(QStringLiteral("the keychain is locked"));
        MainWindow::Options options;
        options.secretStore = &locked;
        m_window = std::make_unique<MainWindow>(options);
        Workspace workspace = uiTestWorkspace();
        workspace.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString path = m_dir.filePath(QStringLiteral("locked.webhooks.json"));
        QVERIFY(WorkspaceFile::save(workspace, path));
        QVERIFY(m_window->openFile(path));
        QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("the keychain is locked")),
                 qPrintable(m_window->messageBar()->text()));
        QAbstractItemModel* headers = headerModel();
        QVERIFY(headers->setData(headers->index(1, HeaderModel::ValueColumn), QStringLiteral("Bearer session-only")));
        QCOMPARE(m_window->document()->workspace().webhooks.at(0).headers.at(1).value,
                 QStringLiteral("Bearer session-only"));
        QVERIFY(m_window->saveToFile(path));
        QVERIFY(!fileBytes(path).contains("session-only"));
        QCOMPARE(m_window->secrets()->problem(), QStringLiteral("the keychain is locked"));

        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                if (auto* dialog = qobject_cast<QDialog*>(widget); dialog && dialog->isVisible()) {
                    if (auto* label = dialog->findChild<QLabel*>(QStringLiteral("keychainLabel")))
                        shown = label->text();
                    dialog->reject();
                }
            }
        });
        WD_FIND_CHILD(settings, QAction, m_window.get(), "settingsAction");
        settings->trigger();
        QVERIFY2(shown.contains(QStringLiteral("the keychain is locked")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("session only")), qPrintable(shown));
    }

private:
    // A workspace with an id whose secrets are in the keyring, its first webhook pointed at
    // the sandbox's echo; opened in the window. Returns its path.
    QString openNewStyleFile()
    {
        Workspace workspace = uiTestWorkspace();
        workspace.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        workspace.webhooks[0].url = m_window->sandbox()->url().toString() + QStringLiteral("/echo");
        const QString path = m_dir.filePath(QStringLiteral("current.webhooks.json"));
        if (!WorkspaceFile::save(workspace, path)) {
            QTest::qFail("cannot write the workspace", __FILE__, __LINE__);
            return {};
        }
        if (!m_keychain->write(workspace.id, QStringLiteral("my.apiKey"), QStringLiteral("k-live-777"))
            || !m_keychain->write(
                workspace.id, QStringLiteral("header.Enrich.Authorization"), QStringLiteral("Bearer from-keyring"))) {
            QTest::qFail("cannot write to the keyring", __FILE__, __LINE__);
            return {};
        }
        if (!m_window->openFile(path)) {
            QTest::qFail("cannot open the workspace", __FILE__, __LINE__);
            return {};
        }
        if (m_window->document()->workspace().context.my.values.at(0).value != QStringLiteral("k-live-777")) {
            QTest::qFail("the My Token's value did not come from the keyring", __FILE__, __LINE__);
        }
        return path;
    }

    QAbstractItemModel* headerModel() const
    {
        auto* table = m_window->findChild<QTableView*>(QStringLiteral("headersTable"));
        return table ? table->model() : nullptr;
    }

    // What secret-tool finds in the keyring for the entry; empty when there is none.
    static QString secretTool(const QString& id, const QString& key)
    {
        return QString::fromUtf8(secretToolLookup(id, key).value_or(QByteArray()));
    }

    static QByteArray fileBytes(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_WindowSecrets)
#include "tst_windowsecrets.moc"
