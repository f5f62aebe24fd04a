#include "UiTestWorkspace.h"
#include "WindowTestSupport.h"
#include "batch/BatchDialog.h"
#include "document/WorkspaceDocument.h"
#include "mainwindow/MainWindow.h"
#include "sandbox/SandboxServer.h"

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

// A batch run's results from the real main window: double-clicking a row shows that
// lead's call in the Response pane, and Re-send sends the lead again through the window's
// one-call path.
class tst_BatchResultsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_batchresultswindow")); }

    void init()
    {
        resetWindowTestSettings();
        m_server = std::make_unique<SandboxServer>();
        QString error;
        QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
        MainWindow::Options options;
        options.startSandbox = false;
        m_window = std::make_unique<MainWindow>(options);
        Workspace workspace = uiTestWorkspace();
        workspace.webhooks[0].url = m_server->url().toString() + QStringLiteral("/enrich");
        workspace.leads = {
            QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("ada@acme.example")}},
            QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("bob@globex.example")}},
            QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("cy@initech.example")}},
        };
        m_window->document()->reset(workspace, QString());
        m_window->selectWebhook(0);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_server.reset();
    }

    void doubleClickOpensTheLeadInTheResponsePane()
    {
        BatchDialog* dialog = runBatch();
        WD_RETURN_IF_FAILED();
        const std::unique_ptr<BatchDialog> owner(dialog);
        WD_FIND_CHILD(table, QTableView, dialog, "batchResultsTable");
        WD_FIND_CHILD(status, QLabel, m_window.get(), "responseStatusLabel");
        WD_FIND_CHILD(body, QsciScintilla, m_window.get(), "responseBodyView");
        WD_FIND_CHILD(statusText, QLabel, m_window.get(), "statusLabel");
        WD_FIND_CHILD(request, QPlainTextEdit, m_window.get(), "responseRequestView");

        const int row = 1;
        const QString lead = table->model()->index(row, 0).data().toString();
        const QString company = table->model()->index(row, 4).data().toString();
        QVERIFY(!company.isEmpty());
        const QPoint centre = table->visualRect(table->model()->index(row, 0)).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
        QTRY_COMPARE(status->text(), QStringLiteral("200"));
        QTRY_VERIFY2(body->text().contains(company), qPrintable(body->text()));
        // The request as that lead's call sent it, its credentials masked.
        const QString sent = request->toPlainText();
        QVERIFY2(sent.startsWith(QStringLiteral("POST ") + m_server->url().toString()), qPrintable(sent));
        QVERIFY2(sent.contains(lead), qPrintable(sent));
        QVERIFY2(!sent.contains(QStringLiteral("Bearer abc")), qPrintable(sent));
        QVERIFY2(statusText->toolTip().contains(lead) || statusText->text().contains(lead),
                 qPrintable(statusText->toolTip()));
    }

    // The row's own verdict replaces the last Send's, and a run keeps no shape to save.
    void openingARowShowsItsChecks()
    {
        Workspace workspace = m_window->document()->workspace();
        workspace.webhooks[0].checks = {Check::status(QStringLiteral("201"))};
        m_window->document()->reset(workspace, QString());
        m_window->selectWebhook(0);
        WD_FIND_CHILD(send, QToolButton, m_window.get(), "sendButton");
        WD_FIND_CHILD(save, QPushButton, m_window.get(), "saveBaselineButton");
        WD_FIND_CHILD(headline, QLabel, m_window.get(), "checksHeadlineLabel");
        WD_FIND_CHILD(checks, QTableView, m_window.get(), "checkResultsTable");
        QSignalSpy finished(m_window.get(), &MainWindow::callFinished);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QTRY_VERIFY(save->isEnabled());

        BatchDialog* dialog = runBatch();
        WD_RETURN_IF_FAILED();
        const std::unique_ptr<BatchDialog> owner(dialog);
        QSignalSpy opened(dialog, &BatchDialog::openLeadRequested);
        WD_FIND_CHILD(table, QTableView, dialog, "batchResultsTable");
        const QPoint centre = table->visualRect(table->model()->index(0, 0)).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(headline->text(), QStringLiteral("0 of 1 check passed"));
        QCOMPARE(checks->model()->rowCount(), 1);
        QVERIFY(!save->isEnabled());
    }

    // A header the user marked secret stays masked in the Request tab after a Send, as
    // the call history keeps it.
    void requestTabMasksSecretHeaders()
    {
        Workspace workspace = m_window->document()->workspace();
        workspace.webhooks[0].headers.append(
            {QStringLiteral("X-Api-Key"), QStringLiteral("key-4711-private"), true, {}});
        m_window->document()->reset(workspace, QString());
        m_window->selectWebhook(0);
        WD_FIND_CHILD(send, QToolButton, m_window.get(), "sendButton");
        WD_FIND_CHILD(request, QPlainTextEdit, m_window.get(), "responseRequestView");
        QSignalSpy finished(m_window.get(), &MainWindow::callFinished);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const QString sent = request->toPlainText();
        QVERIFY2(sent.contains(QStringLiteral("X-Api-Key: ")), qPrintable(sent));
        QVERIFY2(!sent.contains(QStringLiteral("key-4711-private")), qPrintable(sent));
    }

    void resendFromARow()
    {
        BatchDialog* dialog = runBatch();
        WD_RETURN_IF_FAILED();
        const std::unique_ptr<BatchDialog> owner(dialog);
        WD_FIND_CHILD(table, QTableView, dialog, "batchResultsTable");
        WD_FIND_CHILD(resend, QPushButton, dialog, "batchResendButton");
        const int row = 2;
        const QString lead = table->model()->index(row, 0).data().toString();
        table->selectRow(row);
        QSignalSpy finished(m_window.get(), &MainWindow::callFinished);
        QTest::mouseClick(resend, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const CallResult call = finished.first().at(0).value<CallResult>();
        QCOMPARE(call.status, 200);
        QVERIFY2(call.requestBody.contains(lead.toUtf8()), call.requestBody.constData());
        QCOMPARE(m_server->requestCount(), 4);
    }

private:
    // Opens the batch dialog from the window's action and runs it to the end.
    BatchDialog* runBatch()
    {
        QAction* batch = m_window->findChild<QAction*>(QStringLiteral("batchAction"));
        if (!batch) {
            QTest::qFail("no batchAction", __FILE__, __LINE__);
            return nullptr;
        }
        batch->trigger();
        auto* dialog = m_window->findChild<BatchDialog*>(QStringLiteral("batchDialog"));
        if (!dialog) {
            QTest::qFail("no batchDialog", __FILE__, __LINE__);
            return nullptr;
        }
        QSignalSpy finished(dialog, &BatchDialog::runFinished);
        auto* start = dialog->findChild<QPushButton*>(QStringLiteral("batchStartButton"));
        QTest::mouseClick(start, Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 30000))
            QTest::qFail("the batch run did not finish", __FILE__, __LINE__);
        return dialog;
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_BatchResultsWindow)
#include "tst_batchresultswindow.moc"
