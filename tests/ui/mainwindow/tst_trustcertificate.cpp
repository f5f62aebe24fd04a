#include "TlsTestServer.h"
#include "UiTestWorkspace.h"
#include "WindowTestSupport.h"
#include "batch/BatchDialog.h"
#include "document/WorkspaceDocument.h"
#include "format/WorkspaceFile.h"
#include "mainwindow/MainWindow.h"
#include "response/ResponsePane.h"

#include <QAction>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

// Trusting a self-signed certificate from the real main window: a webhook pointed at a
// local HTTPS server fails with a TLS error, the response shows the certificate and a
// "Trust this certificate" button, and the click makes an undoable workspace edit and
// sends again.
class tst_TrustCertificate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_trustcertificate")); }

    void init()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("No TLS backend");
        QSettings().clear();
        m_server = new TlsTestServer(QByteArrayLiteral("{\"data\": {\"company\": \"TLS Co\"}}"));
        QVERIFY(!m_server->certificate.isNull());
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));

        MainWindow::Options options;
        options.startSandbox = false;
        m_window = new MainWindow(options);
        Workspace workspace = uiTestWorkspace();
        workspace.webhooks[0].url = QStringLiteral("https://127.0.0.1:%1/enrich").arg(m_server->serverPort());
        edit(workspace);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        delete m_window;
        m_window = nullptr;
        delete m_server;
        m_server = nullptr;
    }

    void trustFromTheResponseThenUndo()
    {
        const QString host = QStringLiteral("127.0.0.1");
        const QString fingerprint = QString::fromLatin1(m_server->sha256().toHex(':').toUpper());
        auto* status = child<QLabel>("responseStatusLabel");
        auto* frame = child<QFrame>("tlsCertificateFrame");
        auto* details = child<QLabel>("tlsCertificateLabel");
        auto* trust = child<QPushButton>("trustCertificateButton");
        QSignalSpy finished(m_window, &MainWindow::callFinished);

        // Not trusted: the error, the certificate and the offer.
        QTest::mouseClick(child<QToolButton>("sendButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).value<CallResult>().error, CallResult::ErrorKind::Tls);
        QCOMPARE(status->text(), QStringLiteral("TLS error"));
        QVERIFY(frame->isVisible());
        QVERIFY2(details->text().contains(fingerprint), qPrintable(details->text()));
        QVERIFY(details->text().contains(QStringLiteral("CN=localhost")));
        QVERIFY(details->text().contains(QStringLiteral("2120-01-01")));
        QVERIFY(trust->isVisible());
        QCOMPARE(trust->text(), QStringLiteral("Trust this certificate for 127.0.0.1"));
        QVERIFY(!trust->accessibleName().isEmpty());
        QCOMPARE(m_server->answered, 0);
        QVERIFY(!m_window->document()->isModified());

        // Trusted: an edit of the workspace, and the call goes through.
        QTest::mouseClick(trust, Qt::LeftButton);
        const TrustedCertificate& trusted = m_window->document()->workspace().trustedCertificate;
        QCOMPARE(trusted.host, host);
        QCOMPARE(trusted.sha256, m_server->sha256());
        QVERIFY(m_window->document()->isModified());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        QCOMPARE(finished.at(1).at(0).value<CallResult>().error, CallResult::ErrorKind::None);
        QTRY_COMPARE(status->text(), QStringLiteral("200"));
        QVERIFY(!frame->isVisible());
        QCOMPARE(m_server->answered, 1);

        // Saved in the file as the format says.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fileName = dir.filePath(QStringLiteral("trust.webhooks.json"));
        QVERIFY(m_window->saveToFile(fileName));
        Workspace saved;
        QVERIFY(WorkspaceFile::load(fileName, &saved));
        QVERIFY(saved.trustedCertificate == trusted);

        // Undo removes the trust: the next call is refused again.
        auto* undo = m_window->findChild<QAction*>(QStringLiteral("undoAction"));
        QVERIFY(undo && undo->isEnabled());
        QVERIFY2(undo->text().contains(QStringLiteral("Trust certificate for 127.0.0.1")), qPrintable(undo->text()));
        undo->trigger();
        QVERIFY(!m_window->document()->workspace().trustedCertificate.isSet());
        QVERIFY(m_window->document()->isModified()); // differs from the saved file
        QTest::mouseClick(child<QToolButton>("sendButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 20000);
        QCOMPARE(finished.at(2).at(0).value<CallResult>().error, CallResult::ErrorKind::Tls);
        QTRY_COMPARE(status->text(), QStringLiteral("TLS error"));
        QVERIFY(trust->isVisible());
        QCOMPARE(m_server->answered, 1);

        // Redo brings it back, and the saved state is clean again.
        m_window->findChild<QAction*>(QStringLiteral("redoAction"))->trigger();
        QVERIFY(m_window->document()->workspace().trustedCertificate == trusted);
        QVERIFY(!m_window->document()->isModified());
    }

    void trustAppliesToTheHostOnly()
    {
        // A workspace that trusts the certificate for "localhost" does not accept it for
        // 127.0.0.1: the offer is there, for 127.0.0.1.
        Workspace workspace = m_window->document()->workspace();
        workspace.trustedCertificate.host = QStringLiteral("localhost");
        workspace.trustedCertificate.sha256 = m_server->sha256();
        edit(workspace);
        QSignalSpy finished(m_window, &MainWindow::callFinished);
        QTest::mouseClick(child<QToolButton>("sendButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).value<CallResult>().error, CallResult::ErrorKind::Tls);
        QCOMPARE(child<QPushButton>("trustCertificateButton")->text(),
                 QStringLiteral("Trust this certificate for 127.0.0.1"));

        // Replacing the trust (one per workspace) lets it through; undo gives the old one.
        QTest::mouseClick(child<QPushButton>("trustCertificateButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        QCOMPARE(finished.at(1).at(0).value<CallResult>().status, 200);
        m_window->document()->undoStack()->undo();
        QCOMPARE(m_window->document()->workspace().trustedCertificate.host, QStringLiteral("localhost"));
    }

    void expiredCertificateOffersNoTrust()
    {
        // A certificate that trusting would not make valid: the details, and no offer.
        TlsTestServer expired(QByteArrayLiteral("{}"), QStringLiteral("tls/expired"));
        QVERIFY(!expired.certificate.isNull());
        QVERIFY(expired.listen(QHostAddress::LocalHost, 0));
        Workspace workspace = m_window->document()->workspace();
        workspace.webhooks[0].url = QStringLiteral("https://127.0.0.1:%1/enrich").arg(expired.serverPort());
        edit(workspace);
        QSignalSpy finished(m_window, &MainWindow::callFinished);
        QTest::mouseClick(child<QToolButton>("sendButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).value<CallResult>().error, CallResult::ErrorKind::Tls);
        QCOMPARE(child<QLabel>("responseStatusLabel")->text(), QStringLiteral("TLS error"));
        QVERIFY(child<QFrame>("tlsCertificateFrame")->isVisible());
        const QString details = child<QLabel>("tlsCertificateLabel")->text();
        QVERIFY2(details.contains(QStringLiteral("CN=127.0.0.1")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("2021-01-01")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("would not help")), qPrintable(details));
        QVERIFY(!child<QPushButton>("trustCertificateButton")->isVisible());
        QCOMPARE(expired.answered, 0);
    }

    void batchRunUsesTheTrust()
    {
        auto* batch = m_window->findChild<QAction*>(QStringLiteral("batchAction"));
        QVERIFY(batch);

        // Without trust every lead fails with a TLS error...
        batch->trigger();
        auto* dialog = m_window->findChild<BatchDialog*>(QStringLiteral("batchDialog"));
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &BatchDialog::runFinished);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchStartButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(dialog->summary().ok(), 0);
        QCOMPARE(dialog->summary().errors(), 2);
        delete dialog;

        // ...and with it, opened afterwards, every lead gets through.
        TrustedCertificate certificate;
        certificate.host = QStringLiteral("127.0.0.1");
        certificate.sha256 = m_server->sha256();
        m_window->document()->setTrustedCertificate(certificate);
        batch->trigger();
        dialog = m_window->findChild<BatchDialog*>(QStringLiteral("batchDialog"));
        QVERIFY(dialog);
        QSignalSpy trustedRun(dialog, &BatchDialog::runFinished);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchStartButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(trustedRun.count(), 1, 30000);
        QCOMPARE(dialog->summary().ok(), 2);
        QCOMPARE(m_server->answered, 2);
    }

private:
    // The workspace the window edits, its first webhook chosen.
    void edit(const Workspace& workspace)
    {
        m_window->document()->reset(workspace, QString());
        m_window->selectWebhook(0);
    }

    template <typename T>
    T* child(const char* name) const
    {
        return windowChild<T>(m_window, name);
    }

    TlsTestServer* m_server = nullptr;
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(tst_TrustCertificate)
#include "tst_trustcertificate.moc"
