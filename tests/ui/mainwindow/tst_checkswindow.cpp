#include "WindowTestSupport.h"
#include "mainwindow/MainWindow.h"

#include "document/CheckModel.h"
#include "document/WorkspaceDocument.h"
#include "editors/TokenLineEdit.h"
#include "format/WorkspaceFile.h"
#include "history/CallHistory.h"
#include "response/CheckResultModel.h"
#include "response/MappingResultModel.h"
#include "response/ResponsePane.h"
#include "response/ShapeDiffModel.h"
#include "sandbox/SandboxServer.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

// Checks and shape baselines in the real window, offscreen: a check added in the
// editor's Checks tab and judged after Send against the window's own sandbox; a baseline
// saved from one response and the drift of another read in the Shape tab.
class tst_ChecksWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_checkswindow")); }

    void init()
    {
        resetWindowTestSettings();
        QFile::remove(CallHistory::fileNameFor(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                               + QStringLiteral("/untitled") + WorkspaceFile::fileSuffix()));
        m_window = new MainWindow;
        m_window->openSample();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(m_window->sandbox() && m_window->sandbox()->isListening());
        QCOMPARE(m_window->currentWebhook(), 0);
        QApplication::setActiveWindow(m_window);
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void cleanup()
    {
        delete m_window;
        m_window = nullptr;
    }

    void theEmptyTableSaysTheImplicitCheck()
    {
        showChecksTab();
        WD_RETURN_IF_FAILED();
        WD_FIND_CHILD(placeholder, QLabel, m_window, "checksPlaceholderLabel");
        QVERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(), QStringLiteral("No checks: a call passes when its status is 2xx."));
        WD_FIND_CHILD(add, QPushButton, m_window, "addCheckButton");
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(m_window->document()->workspace().webhooks[0].checks.size(), 1);
        QVERIFY(!placeholder->isVisible());
        // The new check is status 2xx, its kind open for another choice.
        auto* kind = qobject_cast<QComboBox*>(QApplication::focusWidget());
        QVERIFY(kind);
        QCOMPARE(kind->objectName(), QStringLiteral("checkKindCombo"));
        QCOMPARE(kind->currentText(), QStringLiteral("Status is"));
        QTest::keyClick(kind, Qt::Key_Escape);
        WD_FIND_CHILD(undo, QAction, m_window, "undoAction");
        undo->trigger();
        QVERIFY(m_window->document()->workspace().webhooks[0].checks.isEmpty());
        QVERIFY(placeholder->isVisible());
    }

    void aCheckAddedInTheTabIsJudgedAfterSend()
    {
        showChecksTab();
        WD_RETURN_IF_FAILED();
        WD_FIND_CHILD(table, QTableView, m_window, "checksTable");
        WD_FIND_CHILD(add, QPushButton, m_window, "addCheckButton");
        // One check as added (status 2xx), a second turned into "the company in the
        // response is Nobody Inc", which the sandbox's answer is not.
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTest::mouseClick(add, Qt::LeftButton);
        auto* kind = qobject_cast<QComboBox*>(QApplication::focusWidget());
        QVERIFY(kind);
        kind->setCurrentIndex(kind->findText(QStringLiteral("Response attribute is")));
        QTest::keyClick(kind, Qt::Key_Return);
        QTRY_COMPARE(check(1).kind, Check::Kind::PathEquals);
        // The first mapping's attribute is filled in; the expected text is typed.
        QCOMPARE(check(1).target, QStringLiteral("data.company"));
        editCell(table, 1, CheckModel::ExpectedColumn, QStringLiteral("Nobody Inc"));
        WD_RETURN_IF_FAILED();
        QCOMPARE(check(1).expected, QStringLiteral("Nobody Inc"));
        editCell(table, 1, CheckModel::NameColumn, QStringLiteral("Company known"));
        WD_RETURN_IF_FAILED();
        QCOMPARE(table->model()->index(1, CheckModel::NameColumn).data().toString(), QStringLiteral("Company known"));

        sendAndWait();
        WD_RETURN_IF_FAILED();
        WD_FIND_CHILD(headline, QLabel, m_window, "checksHeadlineLabel");
        QVERIFY(headline->isVisible());
        QCOMPARE(headline->text(), QStringLiteral("1 of 2 checks passed"));
        WD_FIND_CHILD(results, QTableView, m_window, "checkResultsTable");
        QAbstractItemModel* model = results->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, CheckResultModel::ResultColumn).data().toString(), QStringLiteral("Passed"));
        QCOMPARE(model->index(1, CheckResultModel::CheckColumn).data().toString(), QStringLiteral("Company known"));
        QCOMPARE(model->index(1, CheckResultModel::ResultColumn).data().toString(), QStringLiteral("Failed"));
        // What the response held instead is shown, and the message names what was expected.
        const QString company =
            m_window->findChild<ResponsePane*>()->mappingModel()->outcome().mappings.value(0).value.toString();
        QVERIFY(!company.isEmpty());
        QVERIFY2(model->index(1, CheckResultModel::ActualColumn).data().toString().contains(company),
                 qPrintable(model->index(1, CheckResultModel::ActualColumn).data().toString()));
        QVERIFY2(
            model->index(1, CheckResultModel::MessageColumn).data().toString().contains(QStringLiteral("Nobody Inc")),
            qPrintable(model->index(1, CheckResultModel::MessageColumn).data().toString()));

        // Fixing the check judges the same response again, with no new call.
        editCell(table, 1, CheckModel::ExpectedColumn, company);
        WD_RETURN_IF_FAILED();
        QTRY_COMPARE(headline->text(), QStringLiteral("2 of 2 checks passed"));
    }

    void aBaselineCatchesAResponseOfAnotherShape()
    {
        sendAndWait();
        WD_RETURN_IF_FAILED();
        WD_FIND_CHILD(tabs, QTabWidget, m_window, "responseTabs");
        WD_FIND_CHILD(status, QLabel, m_window, "shapeStatusLabel");
        WD_FIND_CHILD(save, QPushButton, m_window, "saveBaselineButton");
        WD_FIND_CHILD(clear, QPushButton, m_window, "clearBaselineButton");
        WD_FIND_CHILD(diff, QTableView, m_window, "shapeDiffTable");
        tabs->setCurrentWidget(diff->parentWidget());
        QVERIFY(status->text().startsWith(QStringLiteral("No baseline yet")));
        QVERIFY(save->isEnabled());
        QVERIFY(!clear->isEnabled());
        // The implicit check: a 2xx passes.
        WD_FIND_CHILD(headline, QLabel, m_window, "checksHeadlineLabel");
        QCOMPARE(headline->text(), QStringLiteral("1 of 1 check passed"));

        QTest::mouseClick(save, Qt::LeftButton);
        const std::optional<ResponseShape> baseline = m_window->document()->workspace().webhooks[0].baseline;
        QVERIFY(baseline);
        QCOMPARE(baseline->paths.value(QStringLiteral("data.company")), QStringLiteral("string"));
        QVERIFY(m_window->document()->isModified());
        QTRY_COMPARE(status->text(), QStringLiteral("Same shape as the baseline."));
        QVERIFY(!save->isEnabled());
        QVERIFY(clear->isEnabled());
        QCOMPARE(diff->model()->rowCount(), 0);

        // The vendor changes the response.
        WD_FIND_CHILD(url, TokenLineEdit, m_window, "urlEdit");
        url->setFocus();
        url->selectAll();
        QTest::keyClicks(url, m_window->sandbox()->url().toString() + QStringLiteral("/enrich?shape=v2"));
        sendAndWait();
        WD_RETURN_IF_FAILED();
        QAbstractItemModel* model = diff->model();
        QVERIFY(model->rowCount() > 0);
        int failures = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(ShapeDiffModel::FailureRole).toBool()) {
                ++failures;
                // A failure is a path a mapping reads, in the baseline's column.
                const QString path = model->index(row, ShapeDiffModel::BaselinePathColumn).data().toString();
                QVERIFY2(baseline->paths.contains(path), qPrintable(path));
                QVERIFY(model->index(row, ShapeDiffModel::ChangeColumn)
                            .data()
                            .toString()
                            .contains(QStringLiteral("breaks a mapping")));
            }
        }
        QVERIFY(failures > 0);
        QVERIFY2(status->text().contains(QStringLiteral("break a mapping")), qPrintable(status->text()));
        QVERIFY2(headline->text().contains(QStringLiteral("mapped paths changed")), qPrintable(headline->text()));

        // The Webhook menu offers the same, and undo takes the baseline back.
        WD_FIND_CHILD(clearAction, QAction, m_window, "clearBaselineAction");
        QVERIFY(clearAction->isEnabled());
        clearAction->trigger();
        QVERIFY(!m_window->document()->workspace().webhooks[0].baseline);
        QTRY_VERIFY(status->text().startsWith(QStringLiteral("No baseline yet")));
        QCOMPARE(model->rowCount(), 0);
        WD_FIND_CHILD(undo, QAction, m_window, "undoAction");
        undo->trigger();
        QCOMPARE(m_window->document()->workspace().webhooks[0].baseline, baseline);
        QTRY_VERIFY(model->rowCount() > 0);
    }

private:
    void showChecksTab()
    {
        WD_FIND_CHILD(tabs, QTabWidget, m_window, "editorTabs");
        WD_FIND_CHILD(table, QTableView, m_window, "checksTable");
        tabs->setCurrentWidget(table->parentWidget());
        QTRY_VERIFY(table->isVisible());
    }

    // Opens the cell's editor, types `text` over what it holds and presses Return.
    void editCell(QTableView* table, int row, int column, const QString& text)
    {
        const QModelIndex index = table->model()->index(row, column);
        table->setCurrentIndex(index);
        table->setFocus();
        table->edit(index);
        QPointer<QLineEdit> editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY2(editor, "the cell opened no line edit");
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        // Committed: the editor closes and goes.
        QTRY_VERIFY(!editor);
    }

    void sendAndWait()
    {
        QSignalSpy finished(m_window, &MainWindow::callFinished);
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    }

    Check check(int row) const { return m_window->document()->workspace().webhooks[0].checks.value(row); }

    MainWindow* m_window = nullptr;
};

QTEST_MAIN(tst_ChecksWindow)
#include "tst_checkswindow.moc"
