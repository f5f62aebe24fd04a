#include "WindowTestSupport.h"
#include "mainwindow/MainWindow.h"

#include "dialogs/FieldChooserDialog.h"
#include "dialogs/TokenPickerDialog.h"
#include "document/MappingModel.h"
#include "document/WorkspaceDocument.h"
#include "editors/TemplateEditor.h"
#include "editors/TokenLineEdit.h"
#include "format/WorkspaceFile.h"
#include "history/CallHistory.h"
#include "history/HistoryDialog.h"
#include "history/HistoryModel.h"
#include "preview/PreviewPane.h"
#include "response/ResponsePane.h"
#include "response/ResponseTreeModel.h"
#include "sandbox/SandboxServer.h"
#include "widgets/MessageBar.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

// Drives the real main window offscreen: widgets found by objectName, typed into with
// QTest, read as the user reads them. The window starts its own sandbox service on a
// free port (settings say port 0), and the bundled sample's URLs point at it.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_mainwindow")); }

    void init()
    {
        resetWindowTestSettings();
        // The sample opens untitled: its history lives in the data folder, across runs.
        QFile::remove(CallHistory::fileNameFor(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                               + QStringLiteral("/untitled") + WorkspaceFile::fileSuffix()));
        m_window = new MainWindow;
        m_window->openSample();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(m_window->sandbox() && m_window->sandbox()->isListening());
        QVERIFY(m_window->document()->workspace().webhooks.size() >= 3);
        QTRY_VERIFY(previewLine().startsWith(QStringLiteral("POST")));
    }

    void cleanup()
    {
        // Not close(): nothing may ask about unsaved changes.
        delete m_window;
        m_window = nullptr;
    }

    void typingAUrlWithATokenUpdatesThePreview()
    {
        WD_FIND_CHILD(url, TokenLineEdit, m_window, "urlEdit");
        url->setFocus();
        url->selectAll();
        QTest::keyClicks(url, QStringLiteral("http://127.0.0.1:9/lookup?first={{lead.First Name}}&x=1"));
        QTRY_COMPARE(m_window->document()->workspace().webhooks[0].url,
                     QStringLiteral("http://127.0.0.1:9/lookup?first={{lead.First Name}}&x=1"));
        QTRY_VERIFY2(previewLine().contains(QStringLiteral("http://127.0.0.1:9/lookup?first=Ada&x=1")),
                     qPrintable(previewLine()));
        // The sample lead changes: so does the preview.
        WD_FIND_CHILD(lead, QComboBox, m_window, "leadCombo");
        lead->setCurrentIndex(1);
        QTRY_VERIFY2(previewLine().contains(QStringLiteral("first=Jack&x=1")), qPrintable(previewLine()));
    }

    void completionInsertsAToken()
    {
        WD_FIND_CHILD(editor, TemplateEditor, m_window, "templateEditor");
        editor->setFocus();
        editor->SendScintilla(QsciScintillaBase::SCI_DOCUMENTEND);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("{{lead.emai"));
        QTRY_VERIFY(editor->isTokenListActive());
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY2(editor->text().endsWith(QStringLiteral("{{lead.Email Address}}")), qPrintable(editor->text()));
        QVERIFY(!editor->isListActive());
        QTRY_VERIFY(m_window->document()->workspace().webhooks[0].payloadTemplate.endsWith(
            QStringLiteral("\n{{lead.Email Address}}")));
    }

    void completionWorksInTheUrlToo()
    {
        WD_FIND_CHILD(url, TokenLineEdit, m_window, "urlEdit");
        url->setFocus();
        url->SendScintilla(QsciScintillaBase::SCI_DOCUMENTEND);
        QTest::keyClicks(url, QStringLiteral("?c={{company.company n"));
        QTRY_VERIFY(url->isTokenListActive());
        QTest::keyClick(url, Qt::Key_Return);
        QTRY_VERIFY2(url->text().endsWith(QStringLiteral("?c={{company.Company Name}}")), qPrintable(url->text()));
        QTRY_VERIFY2(previewLine().contains(QStringLiteral("?c=Analytical%20Engines%20Ltd")),
                     qPrintable(previewLine()));
    }

    void pickerInsertsAtTheFieldThatHadFocus()
    {
        QApplication::setActiveWindow(m_window);
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        WD_FIND_CHILD(url, TokenLineEdit, m_window, "urlEdit");
        url->setFocus();
        QTRY_VERIFY(url->hasFocus());
        url->SendScintilla(QsciScintillaBase::SCI_DOCUMENTEND);
        const QString before = url->text();
        QTest::keyClick(m_window, Qt::Key_T, Qt::ControlModifier);
        TokenPickerDialog* picker = nullptr;
        QTRY_VERIFY((picker = m_window->findChild<TokenPickerDialog*>()) != nullptr);
        QTRY_VERIFY(picker->isVisible());
        WD_FIND_CHILD(search, QLineEdit, picker, "tokenSearchEdit");
        QTest::keyClicks(search, QStringLiteral("first name"));
        WD_FIND_CHILD(fallback, QLineEdit, picker, "tokenDefaultEdit");
        QTest::keyClicks(fallback, QStringLiteral("friend"));
        WD_FIND_CHILD(insert, QPushButton, picker, "tokenInsertButton");
        QTRY_VERIFY(insert->isEnabled());
        QTest::mouseClick(insert, Qt::LeftButton);
        QTRY_COMPARE(url->text(), before + QStringLiteral("{{lead.First Name:default=friend}}"));
    }

    void switchingTheEncodingChangesTheBody()
    {
        QTRY_VERIFY(previewBody().contains(QStringLiteral("\"email\": \"ada@analytical-engines.example\"")));
        WD_FIND_CHILD(encoding, QComboBox, m_window, "encodingCombo");
        encoding->setFocus();
        // Down moves from JSON to Form/Url, as a keyboard user would.
        QTest::keyClick(encoding, Qt::Key_Down);
        QTRY_COMPARE(encoding->currentData().toInt(), int(TokenEncoding::FormUrl));
        QTRY_COMPARE(m_window->document()->workspace().webhooks[0].requestTokenEncoding, TokenEncoding::FormUrl);
        QTRY_VERIFY2(previewBody().contains(QStringLiteral("\"email\": ada%40analytical-engines.example")),
                     qPrintable(previewBody()));
        QTest::keyClick(encoding, Qt::Key_Up);
        QTest::keyClick(encoding, Qt::Key_Up);
        QTRY_COMPARE(m_window->document()->workspace().webhooks[0].requestTokenEncoding, TokenEncoding::None);
        QTRY_VERIFY2(previewBody().contains(QStringLiteral("\"email\": ada@analytical-engines.example")),
                     qPrintable(previewBody()));
        // None with tokens in a JSON body is the classic mistake: the diagnostics say so.
        WD_FIND_CHILD(diagnostics, QTableView, m_window, "diagnosticsTable");
        QTRY_VERIFY(diagnostics->model()->rowCount() > 0);
    }

    void addAHeaderAndAMapping()
    {
        addRowByTyping("headersTable", "addHeaderButton", QStringLiteral("X-Api-Version"));
        WD_RETURN_IF_FAILED();
        WD_FIND_CHILD(previewHeaders, QTableView, m_window, "previewHeadersTable");
        QTRY_VERIFY(columnContains(previewHeaders->model(), 0, QStringLiteral("X-Api-Version")));

        WD_FIND_CHILD(mappings, QTableView, m_window, "mappingsTable");
        const int mappingRows = mappings->model()->rowCount();
        addRowByTyping("mappingsTable", "addMappingButton", QStringLiteral("data.domain"));
        WD_RETURN_IF_FAILED();
        QCOMPARE(m_window->document()->workspace().webhooks[0].responseMappings.last().attribute,
                 QStringLiteral("data.domain"));
        // Both are undoable, newest first.
        WD_FIND_CHILD(undo, QAction, m_window, "undoAction");
        undo->trigger();
        QCOMPARE(mappings->model()->index(mappingRows, 0).data().toString(), QString());
    }

    void sendShowsTheStatusAndTheMappedFields()
    {
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        WD_FIND_CHILD(send, QToolButton, m_window, "sendButton");
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        WD_FIND_CHILD(status, QLabel, m_window, "responseStatusLabel");
        QTRY_VERIFY2(status->text().contains(QStringLiteral("200")), qPrintable(status->text()));
        WD_FIND_CHILD(mappings, QTableView, m_window, "mappingsTable");
        QVERIFY(mappings->model()->rowCount() > 0);
        int applied = 0;
        for (int row = 0; row < mappings->model()->rowCount(); ++row) {
            applied += mappings->model()->index(row, 2).data().toString().startsWith(QStringLiteral("✓"));
        }
        QVERIFY(applied > 0);
        // The first mapping of the sample writes the company name the sandbox returns.
        const QString first = mappings->model()->index(0, 2).data().toString();
        QVERIFY2(first.startsWith(QStringLiteral("✓ ")) && first.size() > 2, qPrintable(first));
    }

    void aNon2xxResponseAppliesNothingAndSaysWhy()
    {
        MappingOutcome outcome;
        sendWithTheKeyboard(QStringLiteral("/status/500"), &outcome);
        WD_RETURN_IF_FAILED();
        QVERIFY(!outcome.statusApplies);
        QCOMPARE(outcome.appliedCount(), 0);
        WD_FIND_CHILD(mappings, QTableView, m_window, "mappingsTable");
        for (int row = 0; row < mappings->model()->rowCount(); ++row) {
            const QString result = mappings->model()->index(row, 2).data().toString();
            QVERIFY2(result.startsWith(QStringLiteral("✗ ")) && result.contains(QStringLiteral("500")),
                     qPrintable(result));
        }
        WD_FIND_CHILD(status, QLabel, m_window, "responseStatusLabel");
        QTRY_VERIFY(status->text().contains(QStringLiteral("500")));
        WD_FIND_CHILD(pane, ResponsePane, m_window, "responsePane");
        QVERIFY(!pane->bannerText().isEmpty());
    }

    void aCallCutShortAppliesNothing()
    {
        // The sandbox's /close answers 200, sends part of the body and hangs up: what did
        // arrive is not the server's answer, so nothing is mapped from it.
        MappingOutcome outcome;
        sendWithTheKeyboard(QStringLiteral("/close"), &outcome);
        WD_RETURN_IF_FAILED();
        QCOMPARE(outcome.appliedCount(), 0);
        QVERIFY2(outcome.reason.contains(QStringLiteral("closed the connection")), qPrintable(outcome.reason));
        QVERIFY(!outcome.mappings.isEmpty());
        for (const MappingResult& mapping : outcome.mappings)
            QVERIFY2(mapping.reason.contains(QStringLiteral("No complete response")), qPrintable(mapping.reason));
        WD_FIND_CHILD(pane, ResponsePane, m_window, "responsePane");
        QVERIFY(!pane->bannerText().isEmpty());
        // The failure stays in the message bar, not only in a status line the next key
        // press overwrites.
        WD_FIND_CHILD(description, QLineEdit, m_window, "descriptionEdit");
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral(" edited"));
        QTRY_VERIFY(m_window->document()->workspace().webhooks[0].description.endsWith(QStringLiteral(" edited")));
        WD_FIND_CHILD(message, QLabel, m_window, "messageLabel");
        QVERIFY(message->isVisible());
        QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("closed the connection")),
                 qPrintable(m_window->messageBar()->text()));
    }

    void aMalformedWorkspaceSaysWhatAndWhere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.webhooks.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "webhook-designer/1", "webhooks": [{"name": "A", "requestType": "FETCH"}]})");
        file.close();
        const int webhooks = m_window->document()->workspace().webhooks.size();
        const QString name = m_window->document()->workspace().webhooks[0].name;

        // Dropped on the window, as a user would.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window, &drop);

        WD_FIND_CHILD(label, QLabel, m_window, "messageLabel");
        QTRY_VERIFY(label->isVisible());
        QVERIFY2(label->text().contains(QStringLiteral("webhooks[0].requestType")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("FETCH")), qPrintable(label->text()));
        QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
        // Nothing open was lost, and the window still works.
        QCOMPARE(m_window->document()->workspace().webhooks.size(), webhooks);
        WD_FIND_CHILD(nameEdit, QLineEdit, m_window, "nameEdit");
        QCOMPARE(nameEdit->text(), name);

        // A CSV with a bad row: the good rows import, the bad one is named by its row.
        const QString csv = dir.filePath(QStringLiteral("leads.csv"));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::WriteOnly));
        csvFile.write("First Name,Email Address\nGrace,grace@example.com\n\"Broken,x\n");
        csvFile.close();
        QVERIFY(m_window->importCsv(csv));
        QTRY_VERIFY(label->text().contains(QStringLiteral("row 3")));
        QCOMPARE(m_window->document()->workspace().leads.size(), 1);
    }

    void undoAndRedo()
    {
        WD_FIND_CHILD(name, QLineEdit, m_window, "nameEdit");
        WD_FIND_CHILD(list, QListView, m_window, "webhookList");
        const QString original = name->text();
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Renamed hook"));
        QTRY_COMPARE(list->currentIndex().data().toString(), QStringLiteral("Renamed hook"));
        QVERIFY(m_window->isWindowModified());
        // The menu and tooltip say what would be undone; the toolbar label stays short.
        WD_FIND_CHILD(undo, QAction, m_window, "undoAction");
        QVERIFY2(undo->text().size() > QStringLiteral("&Undo").size(), qPrintable(undo->text()));
        QCOMPARE(undo->toolTip(), QString(undo->text()).remove(QLatin1Char('&')));
        QCOMPARE(undo->iconText(), QStringLiteral("Undo"));
        // Ctrl+Z in the line edit is the window's undo.
        QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(list->currentIndex().data().toString(), original);
        QCOMPARE(name->text(), original);
        QVERIFY(!m_window->isWindowModified());
        QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(name->text(), QStringLiteral("Renamed hook"));

        // Deleting a webhook with everything it holds, and bringing it back.
        const int count = list->model()->rowCount();
        const Webhook before = m_window->document()->workspace().webhooks[0];
        WD_FIND_CHILD(deleteWebhook, QToolButton, m_window, "deleteWebhookButton");
        QTest::mouseClick(deleteWebhook, Qt::LeftButton);
        QCOMPARE(list->model()->rowCount(), count - 1);
        undo->trigger();
        QCOMPARE(list->model()->rowCount(), count);
        QCOMPARE(m_window->document()->workspace().webhooks[0].headers.size(), before.headers.size());
        QCOMPARE(m_window->document()->workspace().webhooks[0].payloadTemplate, before.payloadTemplate);
        QCOMPARE(m_window->currentWebhook(), 0);
        QCOMPARE(name->text(), QStringLiteral("Renamed hook"));
    }

    void restoreAfterASimulatedCrash()
    {
        WD_FIND_CHILD(description, QLineEdit, m_window, "descriptionEdit");
        description->setFocus();
        description->selectAll();
        QTest::keyClicks(description, QStringLiteral("Unsaved work"));
        QTRY_COMPARE(m_window->document()->workspace().webhooks[0].description, QStringLiteral("Unsaved work"));
        m_window->autosaveNow();
        QVERIFY(QFile::exists(MainWindow::recoveryFilePath()));
        // A crash: the window goes away without closing.
        delete m_window;
        m_window = new MainWindow;
        m_window->openSample();
        Workspace recovered;
        QString error;
        QVERIFY2(WorkspaceFile::load(MainWindow::recoveryFilePath(), &recovered, &error), qPrintable(error));
        QVERIFY(m_window->offerRecovery());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        WD_FIND_CHILD(restore, QPushButton, m_window, "restoreButton");
        QTRY_VERIFY(restore->isVisible());
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("did not close properly")));
        QCOMPARE(m_window->document()->workspace().webhooks[0].description == QStringLiteral("Unsaved work"), false);
        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(m_window->document()->workspace().webhooks[0].description, QStringLiteral("Unsaved work"));
        WD_FIND_CHILD(restoredDescription, QLineEdit, m_window, "descriptionEdit");
        QTRY_COMPARE(restoredDescription->text(), QStringLiteral("Unsaved work"));
        QVERIFY(m_window->document()->isModified());
        QVERIFY(m_window->isWindowModified());
    }

    void aLargeResponseArrivesWhileTheWindowKeepsWorking()
    {
        typeSandboxUrl(QStringLiteral("/large?mb=20"));
        WD_RETURN_IF_FAILED();
        QTRY_VERIFY(m_window->document()->workspace().webhooks[0].url.endsWith(QStringLiteral("mb=20")));

        // A ticking timer proves the event loop keeps running while the body arrives.
        int ticks = 0;
        int ticksAtFinish = -1;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        QSignalSpy finished(m_window, &MainWindow::callFinished);
        connect(m_window, &MainWindow::callFinished, this, [&] { ticksAtFinish = ticks; });
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        ticker.start();
        m_window->send();
        QVERIFY(m_window->isCallRunning());
        // The user keeps typing during the call: the edit lands and the preview follows.
        WD_FIND_CHILD(description, QLineEdit, m_window, "descriptionEdit");
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral(" typed meanwhile"));
        QTRY_VERIFY(
            m_window->document()->workspace().webhooks[0].description.endsWith(QStringLiteral("typed meanwhile")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 60000);
        QVERIFY(ticksAtFinish > 0);
        const auto result = finished.at(0).at(0).value<CallResult>();
        QCOMPARE(result.status, 200);
        QCOMPARE(result.bodySize, qint64(20) * 1024 * 1024);
        WD_FIND_CHILD(pane, ResponsePane, m_window, "responsePane");
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isBusy(), 60000);
        // The loop still runs once the call is over: nothing is left blocking it.
        QTRY_VERIFY(ticks > ticksAtFinish);
    }

    void tabMovesOnFromTheUrlAndCtrlTabFromTheTemplate()
    {
        activate();
        WD_FIND_CHILD(url, TokenLineEdit, m_window, "urlEdit");
        url->setFocus();
        QTRY_VERIFY(url->hasFocus());
        QTest::keyClick(url, Qt::Key_Tab);
        WD_FIND_CHILD(requestType, QComboBox, m_window, "requestTypeCombo");
        QTRY_COMPARE(QApplication::focusWidget(), requestType);
        url->setFocus();
        QTRY_VERIFY(url->hasFocus());
        QTest::keyClick(url, Qt::Key_Backtab, Qt::ShiftModifier);
        WD_FIND_CHILD(description, QLineEdit, m_window, "descriptionEdit");
        QTRY_COMPARE(QApplication::focusWidget(), description);

        // Tab indents inside the template; Ctrl+Tab and Ctrl+Shift+Tab leave it.
        WD_FIND_CHILD(editor, TemplateEditor, m_window, "templateEditor");
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        const QString before = editor->text();
        QTest::keyClick(editor, Qt::Key_Tab);
        QVERIFY(editor->hasFocus());
        QVERIFY(editor->text() != before);
        QTest::keyClick(editor, Qt::Key_Tab, Qt::ControlModifier);
        WD_FIND_CHILD(tabs, QTabWidget, m_window, "editorTabs");
        QTRY_VERIFY(QApplication::focusWidget() == tabs || tabs->isAncestorOf(QApplication::focusWidget()));
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClick(editor, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
        WD_FIND_CHILD(responseType, QComboBox, m_window, "responseTypeCombo");
        QTRY_COMPARE(QApplication::focusWidget(), responseType);
    }

    void theWebhookListButtonsFollowTheList()
    {
        activate();
        WD_FIND_CHILD(list, QListView, m_window, "webhookList");
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        for (const char* name :
             {"addWebhookButton", "duplicateWebhookButton", "renameWebhookButton", "deleteWebhookButton"}) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            WD_FIND_CHILD(button, QToolButton, m_window, name);
            QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(button));
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        WD_FIND_CHILD(nameEdit, QLineEdit, m_window, "nameEdit");
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(nameEdit));
    }

    void aLongUrlDoesNotWidenTheWindowAndSecretsStayMasked()
    {
        WD_FIND_CHILD(status, QLabel, m_window, "statusLabel");
        WD_FIND_CHILD(url, TokenLineEdit, m_window, "urlEdit");
        const int minimumWidth = m_window->minimumSizeHint().width();
        const QString padding(2000, QLatin1Char('x'));
        // Set, not typed: two thousand key clicks would only make the test slow.
        url->replaceText(m_window->sandbox()->url().toString() + QStringLiteral("/echo?key={{my.apiKey}}&pad=")
                         + padding);
        QTRY_VERIFY(m_window->document()->workspace().webhooks[0].url.endsWith(padding));
        QTRY_VERIFY2(status->toolTip().contains(padding), qPrintable(status->toolTip()));
        QTRY_VERIFY(previewLine().endsWith(padding));
        // The whole text is in the tooltip; the status bar and the preview show what fits,
        // so neither sets the window's minimum width.
        QCOMPARE_LE(m_window->minimumSizeHint().width(), minimumWidth);
        QVERIFY(status->text().size() < status->toolTip().size());
        // The secret My Token is masked in the status bar, as in the history.
        QVERIFY2(!status->toolTip().contains(QStringLiteral("sk_test_4f9a2c7e1b")), qPrintable(status->toolTip()));
        QVERIFY2(status->toolTip().contains(QStringLiteral("key=••••••&pad=")), qPrintable(status->toolTip()));
    }

    void reSendRefusesACallWhoseSecretsHistoryDidNotKeep()
    {
        WD_FIND_CHILD(url, TokenLineEdit, m_window, "urlEdit");
        url->replaceText(m_window->sandbox()->url().toString() + QStringLiteral("/echo?key={{my.apiKey}}"));
        QTRY_VERIFY(m_window->document()->workspace().webhooks[0].url.endsWith(QStringLiteral("{{my.apiKey}}")));
        HistoryDialog* dialog = nullptr;
        sendThenOpenHistory(&dialog);
        WD_RETURN_IF_FAILED();
        QVERIFY(dialog->model()
                    ->entry(0)
                    .request.value(QStringLiteral("url"))
                    .toString()
                    .endsWith(QStringLiteral("key=••••••")));
        QSignalSpy finished(m_window, &MainWindow::callFinished);
        WD_FIND_CHILD(resend, QPushButton, dialog, "historyResendButton");
        QTest::mouseClick(resend, Qt::LeftButton);
        // Nothing goes out with the placeholder in place of the key, and the user reads why.
        QVERIFY(!m_window->isCallRunning());
        QVERIFY2(dialog->notice().contains(QStringLiteral("secret values")), qPrintable(dialog->notice()));
        QVERIFY(dialog->notice().contains(QStringLiteral("Send")));
        WD_FIND_CHILD(status, QLabel, m_window, "statusLabel");
        QVERIFY2(status->toolTip().contains(QStringLiteral("secret values")), qPrintable(status->toolTip()));
        QCOMPARE(finished.count(), 0);
        QCOMPARE(dialog->model()->rowCount(), 1);
    }

    void reSendShowsTheNewCallInTheOpenHistory()
    {
        HistoryDialog* dialog = nullptr;
        sendThenOpenHistory(&dialog);
        WD_RETURN_IF_FAILED();
        // The secret Authorization header is put back from the workspace: this one goes.
        WD_FIND_CHILD(resend, QPushButton, dialog, "historyResendButton");
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        QTest::mouseClick(resend, Qt::LeftButton);
        QVERIFY(m_window->isCallRunning());
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        QTRY_COMPARE(dialog->model()->rowCount(), 2);
        WD_FIND_CHILD(countLabel, QLabel, dialog, "historyCountLabel");
        QVERIFY2(countLabel->text().startsWith(QStringLiteral("2 ")), qPrintable(countLabel->text()));
        QCOMPARE(dialog->notice(), QString());
    }

    void aNewOrDuplicatedWebhookIsNotHiddenByTheFilter()
    {
        activate();
        WD_FIND_CHILD(filter, QLineEdit, m_window, "filterEdit");
        WD_FIND_CHILD(list, QListView, m_window, "webhookList");
        WD_FIND_CHILD(nameEdit, QLineEdit, m_window, "nameEdit");
        const auto listAgreesWithTheEditor = [&] {
            const int current = m_window->currentWebhook();
            QVERIFY(current >= 0);
            QCOMPARE(list->currentIndex().data().toString(), m_window->document()->workspace().webhooks[current].name);
            QCOMPARE(nameEdit->text(), m_window->document()->workspace().webhooks[current].name);
        };
        const int count = m_window->document()->workspace().webhooks.size();
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("xml"));
        QTRY_VERIFY(list->model()->rowCount() < count);
        QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_window->document()->workspace().webhooks.size(), count + 1);
        QCOMPARE(filter->text(), QString());
        QVERIFY(m_window->document()->workspace().webhooks[m_window->currentWebhook()].name.startsWith(
            QStringLiteral("New webhook")));
        listAgreesWithTheEditor();
        WD_RETURN_IF_FAILED();

        // A filter that hides everything, then Duplicate.
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("no such webhook"));
        QTRY_COMPARE(list->model()->rowCount(), 0);
        QTest::keyClick(m_window, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(m_window->document()->workspace().webhooks.size(), count + 2);
        QCOMPARE(filter->text(), QString());
        QVERIFY(m_window->document()->workspace().webhooks[m_window->currentWebhook()].name.endsWith(
            QStringLiteral("copy")));
        listAgreesWithTheEditor();
        WD_RETURN_IF_FAILED();
    }

    void mnemonicsAreUniqueAndLeaveTheMenusTheirLetters()
    {
        QSet<QChar> menus;
        for (QAction* menu : m_window->menuBar()->actions()) {
            menus.insert(mnemonic(menu->text()));
        }
        QCOMPARE(
            menus,
            (QSet<QChar> {QLatin1Char('F'), QLatin1Char('E'), QLatin1Char('W'), QLatin1Char('R'), QLatin1Char('H')}));
        WD_FIND_CHILD(side, QTabWidget, m_window, "sideTabs");
        WD_FIND_CHILD(responseTabs, QTabWidget, m_window, "responseTabs");
        // Every page of the side pane, and the response's body and tree pages.
        for (int page = 0; page < side->count(); ++page) {
            side->setCurrentIndex(page);
            for (int responsePage : {0, 1}) {
                responseTabs->setCurrentIndex(responsePage);
                QTRY_VERIFY(side->currentWidget()->isVisible());
                checkMnemonics(menus, side->tabText(page));
            }
        }
    }

    void saveAsAndSettingsHaveShortcutsEverywhere()
    {
        WD_FIND_CHILD(saveAs, QAction, m_window, "saveAsAction");
        WD_FIND_CHILD(settings, QAction, m_window, "settingsAction");
        QVERIFY(!saveAs->shortcut().isEmpty());
        QVERIFY(!settings->shortcut().isEmpty());
        if (QKeySequence(QKeySequence::SaveAs).isEmpty()) {
            QCOMPARE(saveAs->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        }
        if (QKeySequence(QKeySequence::Preferences).isEmpty()) {
            QCOMPARE(settings->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        }
        // The sample is untitled: Save As starts in Documents (or home), not wherever the
        // program was started from.
        QVERIFY(m_window->document()->filePath().isEmpty());
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString expected = QFileInfo(documents).isDir() ? documents : QDir::homePath();
        QCOMPARE(QFileInfo(m_window->saveAsStartPath()).absolutePath(), QFileInfo(expected).absoluteFilePath());
        QCOMPARE(QFileInfo(m_window->saveAsStartPath()).fileName(), QStringLiteral("untitled.webhooks.json"));
    }

    void aMappingFromTheResponseKeepsEveryResult()
    {
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        m_window->send();
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        WD_FIND_CHILD(mappings, QTableView, m_window, "mappingsTable");
        const int rows = mappings->model()->rowCount();
        QVERIFY(rows > 0);
        QStringList before;
        for (int row = 0; row < rows; ++row) {
            before.append(mappings->model()->index(row, MappingModel::ResultColumn).data().toString());
            QVERIFY(!before.last().isEmpty());
        }
        // Map to Lead Field… on a node of the response tree, the chooser answered with Enter.
        WD_FIND_CHILD(pane, ResponsePane, m_window, "responsePane");
        const QModelIndex node = pane->treeModel()->indexForPath(QStringLiteral("data.industry"));
        QVERIFY(node.isValid());
        pane->treeView()->setCurrentIndex(node);
        bool sawDialog = false;
        // The chooser is modal: drive it from the event loop it runs. The node's key
        // pre-filters the list; Enter takes the first match.
        QTimer::singleShot(0, this, [&sawDialog] {
            auto* dialog = qobject_cast<FieldChooserDialog*>(QApplication::activeModalWidget());
            if (!dialog) {
                return;
            }
            sawDialog = true;
            auto* search = findTestChild<QLineEdit>(dialog, "fieldSearchEdit", __FILE__, __LINE__);
            if (!search) {
                dialog->reject();
                return;
            }
            QTest::keyClick(search, Qt::Key_Return);
        });
        pane->mapSelectedPath();
        WD_RETURN_IF_FAILED();
        QVERIFY(sawDialog);
        QTRY_COMPARE(mappings->model()->rowCount(), rows + 1);
        for (int row = 0; row < rows; ++row) {
            QCOMPARE(mappings->model()->index(row, MappingModel::ResultColumn).data().toString(), before.at(row));
        }
        QTRY_VERIFY(!mappings->model()->index(rows, MappingModel::ResultColumn).data().toString().isEmpty());
    }

private:
    void activate()
    {
        QApplication::setActiveWindow(m_window);
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    // Clicks `button`: `table` has a row more, and its first cell's editor has the focus;
    // `text` typed there and Return land in that cell.
    void addRowByTyping(const char* table, const char* button, const QString& text)
    {
        WD_FIND_CHILD(view, QTableView, m_window, table);
        WD_FIND_CHILD(add, QPushButton, m_window, button);
        const int rows = view->model()->rowCount();
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(view->model()->rowCount(), rows + 1);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(view->model()->index(rows, 0).data().toString(), text);
    }

    // Types the sandbox's URL with `path` over the first webhook's URL, as the user would.
    void typeSandboxUrl(const QString& path)
    {
        WD_FIND_CHILD(url, TokenLineEdit, m_window, "urlEdit");
        url->setFocus();
        url->selectAll();
        QTest::keyClicks(url, m_window->sandbox()->url().toString() + path);
    }

    // typeSandboxUrl(), then Ctrl+Return; `outcome` is the mappings' outcome of the call.
    void sendWithTheKeyboard(const QString& path, MappingOutcome* outcome)
    {
        typeSandboxUrl(path);
        WD_RETURN_IF_FAILED();
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        *outcome = evaluated.at(0).at(0).value<MappingOutcome>();
    }

    // Sends the first webhook and, once the call is over, opens the history: `dialog` is
    // set to it, shown and holding that one call.
    void sendThenOpenHistory(HistoryDialog** dialog)
    {
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        m_window->send();
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        WD_FIND_CHILD(action, QAction, m_window, "historyAction");
        action->trigger();
        WD_FIND_CHILD(shown, HistoryDialog, m_window, "historyDialog");
        QVERIFY(QTest::qWaitForWindowExposed(shown));
        QCOMPARE(shown->model()->rowCount(), 1);
        *dialog = shown;
    }

    // The letter after a single '&', upper-case; a null QChar when there is none.
    static QChar mnemonic(const QString& text)
    {
        for (int i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('&')) {
                if (text.at(i + 1) != QLatin1Char('&')) {
                    return text.at(i + 1).toUpper();
                }
                ++i;
            }
        }
        return {};
    }

    // Labels with a buddy, buttons and tab bars shown at once: no letter twice, none of
    // the menus' letters.
    void checkMnemonics(const QSet<QChar>& menus, const QString& where)
    {
        QHash<QChar, QString> seen;
        const auto add = [&](const QString& text) {
            const QChar letter = mnemonic(text);
            if (letter.isNull()) {
                return;
            }
            QVERIFY2(!menus.contains(letter), qPrintable(QStringLiteral("%1: %2").arg(where, text)));
            QVERIFY2(!seen.contains(letter),
                     qPrintable(QStringLiteral("%1: \"%2\" and \"%3\"").arg(where, seen.value(letter), text)));
            seen.insert(letter, text);
        };
        for (QLabel* label : m_window->findChildren<QLabel*>()) {
            if (label->buddy() && label->isVisible()) {
                add(label->text());
            }
        }
        for (QAbstractButton* button : m_window->findChildren<QAbstractButton*>()) {
            if (button->isVisible()) {
                add(button->text());
            }
        }
        for (QTabBar* bar : m_window->findChildren<QTabBar*>()) {
            if (bar->isVisible()) {
                for (int i = 0; i < bar->count(); ++i) {
                    add(bar->tabText(i));
                }
            }
        }
    }

    QString previewLine() const
    {
        auto* label = m_window->findChild<QLabel*>(QStringLiteral("previewRequestLineLabel"));
        return label ? label->text() : QString();
    }

    QString previewBody() const
    {
        auto* view = m_window->findChild<QsciScintilla*>(QStringLiteral("previewBodyView"));
        return view ? view->text() : QString();
    }

    static bool columnContains(const QAbstractItemModel* model, int column, const QString& text)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, column).data().toString() == text) {
                return true;
            }
        }
        return false;
    }

    MainWindow* m_window = nullptr;
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
