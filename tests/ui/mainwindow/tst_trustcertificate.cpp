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

#include <memory>

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
        WD_FIND_CHILD(status, QLabel, m_window, "responseStatusLabel");
        WD_FIND_CHILD(frame, QFrame, m_window, "tlsCertificateFrame");
        WD_FIND_CHILD(details, QLabel, m_window, "tlsCertificateLabel");
        WD_FIND_CHILD(trust, QPushButton, m_window, "trustCertificateButton");
        QSignalSpy finished(m_window, &MainWindow::callFinished);

        // Not trusted: the error, the certificate and the offer.
        sendExpectingTlsError(&finished);
        WD_RETURN_IF_FAILED();
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
        WD_FIND_CHILD(undo, QAction, m_window, "undoAction");
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->text().contains(QStringLiteral("Trust certificate for 127.0.0.1")), qPrintable(undo->text()));
        undo->trigger();
        QVERIFY(!m_window->document()->workspace().trustedCertificate.isSet());
        QVERIFY(m_window->document()->isModified()); // differs from the saved file
        sendExpectingTlsError(&finished);
        WD_RETURN_IF_FAILED();
        QCOMPARE(finished.count(), 3);
        QVERIFY(trust->isVisible());
        QCOMPARE(m_server->answered, 1);

        // Redo brings it back, and the saved state is clean again.
        WD_FIND_CHILD(redo, QAction, m_window, "redoAction");
        redo->trigger();
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
        WD_FIND_CHILD(trust, QPushButton, m_window, "trustCertificateButton");
        QSignalSpy finished(m_window, &MainWindow::callFinished);
        sendExpectingTlsError(&finished);
        WD_RETURN_IF_FAILED();
        QCOMPARE(trust->text(), QStringLiteral("Trust this certificate for 127.0.0.1"));

        // Replacing the trust (one per workspace) lets it through; undo gives the old one.
        QTest::mouseClick(trust, Qt::LeftButton);
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
        WD_FIND_CHILD(detailsLabel, QLabel, m_window, "tlsCertificateLabel");
        WD_FIND_CHILD(trust, QPushButton, m_window, "trustCertificateButton");
        QSignalSpy finished(m_window, &MainWindow::callFinished);
        sendExpectingTlsError(&finished);
        WD_RETURN_IF_FAILED();
        const QString details = detailsLabel->text();
        QVERIFY2(details.contains(QStringLiteral("CN=127.0.0.1")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("2021-01-01")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("would not help")), qPrintable(details));
        QVERIFY(!trust->isVisible());
        QCOMPARE(expired.answered, 0);
    }

    void batchRunUsesTheTrust()
    {
        // Without trust every lead fails with a TLS error...
        BatchSummary summary;
        runBatch(&summary);
        WD_RETURN_IF_FAILED();
        QCOMPARE(summary.ok(), 0);
        QCOMPARE(summary.errors(), 2);

        // ...and with it, opened afterwards, every lead gets through.
        TrustedCertificate certificate;
        certificate.host = QStringLiteral("127.0.0.1");
        certificate.sha256 = m_server->sha256();
        m_window->document()->setTrustedCertificate(certificate);
        runBatch(&summary);
        WD_RETURN_IF_FAILED();
        QCOMPARE(summary.ok(), 2);
        QCOMPARE(m_server->answered, 2);
    }

private:
    // Clicks Send and waits for the call to end with a TLS error, which the response shows
    // with the server's certificate.
    void sendExpectingTlsError(QSignalSpy* finished)
    {
        WD_FIND_CHILD(send, QToolButton, m_window, "sendButton");
        WD_FIND_CHILD(status, QLabel, m_window, "responseStatusLabel");
        WD_FIND_CHILD(frame, QFrame, m_window, "tlsCertificateFrame");
        const int calls = int(finished->count());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished->count(), calls + 1, 20000);
        QCOMPARE(finished->last().at(0).value<CallResult>().error, CallResult::ErrorKind::Tls);
        QCOMPARE(status->text(), QStringLiteral("TLS error"));
        QVERIFY(frame->isVisible());
    }

    // Opens a new batch dialog from the window's action and runs it to the end.
    void runBatch(BatchSummary* summary)
    {
        WD_FIND_CHILD(batch, QAction, m_window, "batchAction");
        batch->trigger();
        WD_FIND_CHILD(dialog, BatchDialog, m_window, "batchDialog");
        // Closed with the run, so the next run opens a dialog of its own.
        const std::unique_ptr<BatchDialog> owner(dialog);
        QSignalSpy finished(dialog, &BatchDialog::runFinished);
        WD_FIND_CHILD(start, QPushButton, dialog, "batchStartButton");
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        *summary = dialog->summary();
    }

    // The workspace the window edits, its first webhook chosen.
    void edit(const Workspace& workspace)
    {
        m_window->document()->reset(workspace, QString());
        m_window->selectWebhook(0);
    }

    TlsTestServer* m_server = nullptr;
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(tst_TrustCertificate)
#include "tst_trustcertificate.moc"
