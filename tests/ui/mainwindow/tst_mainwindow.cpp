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
        auto* url = child<TokenLineEdit>("urlEdit");
        url->setFocus();
        url->selectAll();
        QTest::keyClicks(url, QStringLiteral("http://127.0.0.1:9/lookup?first={{lead.First Name}}&x=1"));
        QTRY_COMPARE(m_window->document()->workspace().webhooks[0].url,
                     QStringLiteral("http://127.0.0.1:9/lookup?first={{lead.First Name}}&x=1"));
        QTRY_VERIFY2(previewLine().contains(QStringLiteral("http://127.0.0.1:9/lookup?first=Ada&x=1")),
                     qPrintable(previewLine()));
        // The sample lead changes: so does the preview.
        auto* lead = child<QComboBox>("leadCombo");
        lead->setCurrentIndex(1);
        QTRY_VERIFY2(previewLine().contains(QStringLiteral("first=Jack&x=1")), qPrintable(previewLine()));
    }

    void completionInsertsAToken()
    {
        auto* editor = child<TemplateEditor>("templateEditor");
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
        auto* url = child<TokenLineEdit>("urlEdit");
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
        auto* url = child<TokenLineEdit>("urlEdit");
        url->setFocus();
        QTRY_VERIFY(url->hasFocus());
        url->SendScintilla(QsciScintillaBase::SCI_DOCUMENTEND);
        const QString before = url->text();
        QTest::keyClick(m_window, Qt::Key_T, Qt::ControlModifier);
        TokenPickerDialog* picker = nullptr;
        QTRY_VERIFY((picker = m_window->findChild<TokenPickerDialog*>()) != nullptr);
        QTRY_VERIFY(picker->isVisible());
        auto* search = picker->findChild<QLineEdit*>(QStringLiteral("tokenSearchEdit"));
        QVERIFY(search);
        QTest::keyClicks(search, QStringLiteral("first name"));
        auto* fallback = picker->findChild<QLineEdit*>(QStringLiteral("tokenDefaultEdit"));
        QVERIFY(fallback);
        QTest::keyClicks(fallback, QStringLiteral("friend"));
        auto* insert = picker->findChild<QPushButton*>(QStringLiteral("tokenInsertButton"));
        QVERIFY(insert);
        QTRY_VERIFY(insert->isEnabled());
        QTest::mouseClick(insert, Qt::LeftButton);
        QTRY_COMPARE(url->text(), before + QStringLiteral("{{lead.First Name:default=friend}}"));
    }

    void switchingTheEncodingChangesTheBody()
    {
        QTRY_VERIFY(previewBody().contains(QStringLiteral("\"email\": \"ada@analytical-engines.example\"")));
        auto* encoding = child<QComboBox>("encodingCombo");
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
        auto* diagnostics = m_window->findChild<QTableView*>(QStringLiteral("diagnosticsTable"));
        QVERIFY(diagnostics);
        QTRY_VERIFY(diagnostics->model()->rowCount() > 0);
    }

    void addAHeaderAndAMapping()
    {
        auto* headers = child<QTableView>("headersTable");
        const int headerRows = headers->model()->rowCount();
        QTest::mouseClick(child<QPushButton>("addHeaderButton"), Qt::LeftButton);
        QCOMPARE(headers->model()->rowCount(), headerRows + 1);
        auto* nameEditor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(nameEditor);
        nameEditor->selectAll();
        QTest::keyClicks(nameEditor, QStringLiteral("X-Api-Version"));
        QTest::keyClick(nameEditor, Qt::Key_Return);
        QTRY_COMPARE(headers->model()->index(headerRows, 0).data().toString(), QStringLiteral("X-Api-Version"));
        auto* previewHeaders = m_window->findChild<QTableView*>(QStringLiteral("previewHeadersTable"));
        QVERIFY(previewHeaders);
        QTRY_VERIFY(columnContains(previewHeaders->model(), 0, QStringLiteral("X-Api-Version")));

        auto* mappings = child<QTableView>("mappingsTable");
        const int mappingRows = mappings->model()->rowCount();
        QTest::mouseClick(child<QPushButton>("addMappingButton"), Qt::LeftButton);
        QCOMPARE(mappings->model()->rowCount(), mappingRows + 1);
        auto* attributeEditor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(attributeEditor);
        QTest::keyClicks(attributeEditor, QStringLiteral("data.domain"));
        QTest::keyClick(attributeEditor, Qt::Key_Return);
        QTRY_COMPARE(mappings->model()->index(mappingRows, 0).data().toString(), QStringLiteral("data.domain"));
        QCOMPARE(m_window->document()->workspace().webhooks[0].responseMappings.last().attribute,
                 QStringLiteral("data.domain"));
        // Both are undoable, newest first.
        m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(mappings->model()->index(mappingRows, 0).data().toString(), QString());
    }

    void sendShowsTheStatusAndTheMappedFields()
    {
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        QTest::mouseClick(child<QToolButton>("sendButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        auto* status = m_window->findChild<QLabel*>(QStringLiteral("responseStatusLabel"));
        QVERIFY(status);
        QTRY_VERIFY2(status->text().contains(QStringLiteral("200")), qPrintable(status->text()));
        auto* mappings = child<QTableView>("mappingsTable");
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
        auto* url = child<TokenLineEdit>("urlEdit");
        url->setFocus();
        url->selectAll();
        QTest::keyClicks(url, m_window->sandbox()->url().toString() + QStringLiteral("/status/500"));
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        const auto outcome = evaluated.at(0).at(0).value<MappingOutcome>();
        QVERIFY(!outcome.statusApplies);
        QCOMPARE(outcome.appliedCount(), 0);
        auto* mappings = child<QTableView>("mappingsTable");
        for (int row = 0; row < mappings->model()->rowCount(); ++row) {
            const QString result = mappings->model()->index(row, 2).data().toString();
            QVERIFY2(result.startsWith(QStringLiteral("✗ ")) && result.contains(QStringLiteral("500")),
                     qPrintable(result));
        }
        auto* status = m_window->findChild<QLabel*>(QStringLiteral("responseStatusLabel"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("500")));
        QVERIFY(!m_window->findChild<ResponsePane*>()->bannerText().isEmpty());
    }

    void aCallCutShortAppliesNothing()
    {
        // The sandbox's /close answers 200, sends part of the body and hangs up: what did
        // arrive is not the server's answer, so nothing is mapped from it.
        auto* url = child<TokenLineEdit>("urlEdit");
        url->setFocus();
        url->selectAll();
        QTest::keyClicks(url, m_window->sandbox()->url().toString() + QStringLiteral("/close"));
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        const auto outcome = evaluated.at(0).at(0).value<MappingOutcome>();
        QCOMPARE(outcome.appliedCount(), 0);
        QVERIFY2(outcome.reason.contains(QStringLiteral("closed the connection")), qPrintable(outcome.reason));
        QVERIFY(!outcome.mappings.isEmpty());
        for (const MappingResult& mapping : outcome.mappings)
            QVERIFY2(mapping.reason.contains(QStringLiteral("No complete response")), qPrintable(mapping.reason));
        QVERIFY(!m_window->findChild<ResponsePane*>()->bannerText().isEmpty());
        // The failure stays in the message bar, not only in a status line the next key
        // press overwrites.
        auto* description = child<QLineEdit>("descriptionEdit");
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral(" edited"));
        QTRY_VERIFY(m_window->document()->workspace().webhooks[0].description.endsWith(QStringLiteral(" edited")));
        QVERIFY(child<QLabel>("messageLabel")->isVisible());
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

        auto* label = m_window->findChild<QLabel*>(QStringLiteral("messageLabel"));
        QVERIFY(label);
        QTRY_VERIFY(label->isVisible());
        QVERIFY2(label->text().contains(QStringLiteral("webhooks[0].requestType")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("FETCH")), qPrintable(label->text()));
        QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
        // Nothing open was lost, and the window still works.
        QCOMPARE(m_window->document()->workspace().webhooks.size(), webhooks);
        QCOMPARE(child<QLineEdit>("nameEdit")->text(), name);

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
        auto* name = child<QLineEdit>("nameEdit");
        auto* list = child<QListView>("webhookList");
        const QString original = name->text();
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Renamed hook"));
        QTRY_COMPARE(list->currentIndex().data().toString(), QStringLiteral("Renamed hook"));
        QVERIFY(m_window->isWindowModified());
        // The menu and tooltip say what would be undone; the toolbar label stays short.
        auto* undo = m_window->findChild<QAction*>(QStringLiteral("undoAction"));
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
        QTest::mouseClick(child<QToolButton>("deleteWebhookButton"), Qt::LeftButton);
        QCOMPARE(list->model()->rowCount(), count - 1);
        m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(list->model()->rowCount(), count);
        QCOMPARE(m_window->document()->workspace().webhooks[0].headers.size(), before.headers.size());
        QCOMPARE(m_window->document()->workspace().webhooks[0].payloadTemplate, before.payloadTemplate);
        QCOMPARE(m_window->currentWebhook(), 0);
        QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("Renamed hook"));
    }

    void restoreAfterASimulatedCrash()
    {
        auto* description = child<QLineEdit>("descriptionEdit");
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
        QVERIFY(m_window->offerRecovery());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        auto* restore = m_window->findChild<QPushButton*>(QStringLiteral("restoreButton"));
        QVERIFY(restore);
        QTRY_VERIFY(restore->isVisible());
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("did not close properly")));
        QCOMPARE(m_window->document()->workspace().webhooks[0].description == QStringLiteral("Unsaved work"), false);
        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(m_window->document()->workspace().webhooks[0].description, QStringLiteral("Unsaved work"));
        QTRY_COMPARE(child<QLineEdit>("descriptionEdit")->text(), QStringLiteral("Unsaved work"));
        QVERIFY(m_window->document()->isModified());
        QVERIFY(m_window->isWindowModified());
    }

    void aLargeResponseArrivesWhileTheWindowKeepsWorking()
    {
        auto* url = child<TokenLineEdit>("urlEdit");
        url->setFocus();
        url->selectAll();
        QTest::keyClicks(url, m_window->sandbox()->url().toString() + QStringLiteral("/large?mb=20"));
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
        auto* description = child<QLineEdit>("descriptionEdit");
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
        auto* pane = m_window->findChild<ResponsePane*>();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isBusy(), 60000);
        QVERIFY(ticks > ticksAtFinish);
    }

    void tabMovesOnFromTheUrlAndCtrlTabFromTheTemplate()
    {
        activate();
        auto* url = child<TokenLineEdit>("urlEdit");
        url->setFocus();
        QTRY_VERIFY(url->hasFocus());
        QTest::keyClick(url, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), child<QComboBox>("requestTypeCombo"));
        url->setFocus();
        QTRY_VERIFY(url->hasFocus());
        QTest::keyClick(url, Qt::Key_Backtab, Qt::ShiftModifier);
        QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>("descriptionEdit"));

        // Tab indents inside the template; Ctrl+Tab and Ctrl+Shift+Tab leave it.
        auto* editor = child<TemplateEditor>("templateEditor");
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        const QString before = editor->text();
        QTest::keyClick(editor, Qt::Key_Tab);
        QVERIFY(editor->hasFocus());
        QVERIFY(editor->text() != before);
        QTest::keyClick(editor, Qt::Key_Tab, Qt::ControlModifier);
        auto* tabs = child<QTabWidget>("editorTabs");
        QTRY_VERIFY(QApplication::focusWidget() == tabs || tabs->isAncestorOf(QApplication::focusWidget()));
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClick(editor, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(QApplication::focusWidget(), child<QComboBox>("responseTypeCombo"));
    }

    void theWebhookListButtonsFollowTheList()
    {
        activate();
        auto* list = child<QListView>("webhookList");
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        for (const char* name :
             {"addWebhookButton", "duplicateWebhookButton", "renameWebhookButton", "deleteWebhookButton"}) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(child<QToolButton>(name)));
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(child<QLineEdit>("nameEdit")));
    }

    void aLongUrlDoesNotWidenTheWindowAndSecretsStayMasked()
    {
        auto* status = child<QLabel>("statusLabel");
        auto* url = child<TokenLineEdit>("urlEdit");
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
        auto* url = child<TokenLineEdit>("urlEdit");
        url->replaceText(m_window->sandbox()->url().toString() + QStringLiteral("/echo?key={{my.apiKey}}"));
        QTRY_VERIFY(m_window->document()->workspace().webhooks[0].url.endsWith(QStringLiteral("{{my.apiKey}}")));
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        m_window->send();
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);

        HistoryDialog* dialog = openHistory();
        QCOMPARE(dialog->model()->rowCount(), 1);
        QVERIFY(dialog->model()
                    ->entry(0)
                    .request.value(QStringLiteral("url"))
                    .toString()
                    .endsWith(QStringLiteral("key=••••••")));
        QSignalSpy finished(m_window, &MainWindow::callFinished);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("historyResendButton")), Qt::LeftButton);
        // Nothing goes out with the placeholder in place of the key, and the user reads why.
        QVERIFY(!m_window->isCallRunning());
        QVERIFY2(dialog->notice().contains(QStringLiteral("secret values")), qPrintable(dialog->notice()));
        QVERIFY(dialog->notice().contains(QStringLiteral("Send")));
        QVERIFY2(child<QLabel>("statusLabel")->toolTip().contains(QStringLiteral("secret values")),
                 qPrintable(child<QLabel>("statusLabel")->toolTip()));
        QCOMPARE(finished.count(), 0);
        QCOMPARE(dialog->model()->rowCount(), 1);
    }

    void reSendShowsTheNewCallInTheOpenHistory()
    {
        QSignalSpy evaluated(m_window, &MainWindow::mappingsEvaluated);
        m_window->send();
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 20000);
        HistoryDialog* dialog = openHistory();
        QCOMPARE(dialog->model()->rowCount(), 1);
        // The secret Authorization header is put back from the workspace: this one goes.
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("historyResendButton")), Qt::LeftButton);
        QVERIFY(m_window->isCallRunning());
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 2, 20000);
        QTRY_COMPARE(dialog->model()->rowCount(), 2);
        QVERIFY2(
            dialog->findChild<QLabel*>(QStringLiteral("historyCountLabel"))->text().startsWith(QStringLiteral("2 ")),
            qPrintable(dialog->findChild<QLabel*>(QStringLiteral("historyCountLabel"))->text()));
        QCOMPARE(dialog->notice(), QString());
    }

    void aNewOrDuplicatedWebhookIsNotHiddenByTheFilter()
    {
        activate();
        auto* filter = child<QLineEdit>("filterEdit");
        auto* list = child<QListView>("webhookList");
        const auto listAgreesWithTheEditor = [&] {
            const int current = m_window->currentWebhook();
            QVERIFY(current >= 0);
            QCOMPARE(list->currentIndex().data().toString(), m_window->document()->workspace().webhooks[current].name);
            QCOMPARE(child<QLineEdit>("nameEdit")->text(), m_window->document()->workspace().webhooks[current].name);
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
    }

    void mnemonicsAreUniqueAndLeaveTheMenusTheirLetters()
    {
        QSet<QChar> menus;
        for (QAction* menu : m_window->menuBar()->actions()) {
            menus.insert(mnemonic(menu->text()));
        }
        QCOMPARE(menus, (QSet<QChar> {QLatin1Char('F'), QLatin1Char('E'), QLatin1Char('W'), QLatin1Char('H')}));
        auto* side = child<QTabWidget>("sideTabs");
        auto* responseTabs = child<QTabWidget>("responseTabs");
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
        auto* saveAs = m_window->findChild<QAction*>(QStringLiteral("saveAsAction"));
        auto* settings = m_window->findChild<QAction*>(QStringLiteral("settingsAction"));
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
        auto* mappings = child<QTableView>("mappingsTable");
        const int rows = mappings->model()->rowCount();
        QVERIFY(rows > 0);
        QStringList before;
        for (int row = 0; row < rows; ++row) {
            before.append(mappings->model()->index(row, MappingModel::ResultColumn).data().toString());
            QVERIFY(!before.last().isEmpty());
        }
        // Map to Lead Field… on a node of the response tree, the chooser answered with Enter.
        auto* pane = m_window->findChild<ResponsePane*>();
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
            QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("fieldSearchEdit")), Qt::Key_Return);
        });
        pane->mapSelectedPath();
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

    HistoryDialog* openHistory()
    {
        m_window->findChild<QAction*>(QStringLiteral("historyAction"))->trigger();
        auto* dialog = m_window->findChild<HistoryDialog*>(QStringLiteral("historyDialog"));
        if (!dialog || !QTest::qWaitForWindowExposed(dialog)) {
            qFatal("no history dialog");
        }
        return dialog;
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

    template <typename T>
    T* child(const char* name) const
    {
        return windowChild<T>(m_window, name);
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
