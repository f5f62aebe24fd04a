#include "WindowTestSupport.h"
#include "mainwindow/MainWindow.h"

#include "dialogs/TokenPickerDialog.h"
#include "document/HeaderModel.h"
#include "document/WorkspaceDocument.h"
#include "editors/TokenApis.h"
#include "editors/TokenDelegate.h"
#include "editors/TokenLineEdit.h"
#include "sandbox/SandboxServer.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

// The custom headers table of the real main window: a Value cell is edited in a token
// line editor with the "{{" completion of the URL field, commits through the undo stack
// and reaches the preview; the Insert Token picker targets an open cell editor or the
// current header row; the table's row buttons are reachable from the keyboard.
class tst_HeaderCompletion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_headercompletion")); }

    void init()
    {
        resetWindowTestSettings();
        m_window = new MainWindow;
        m_window->openSample();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QApplication::setActiveWindow(m_window);
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QVERIFY(!webhook().headers.isEmpty());
        WD_FIND_CHILD(tabs, QTabWidget, m_window, "editorTabs");
        WD_FIND_CHILD(headers, QTableView, m_window, "headersTable");
        tabs->setCurrentIndex(0);
        m_headers = headers;
        QTRY_VERIFY(previewHasHeader(QStringLiteral("Content-Type"), QStringLiteral("application/json")));
    }

    void cleanup()
    {
        delete m_window;
        m_window = nullptr;
    }

    void completionInAHeaderValueReachesTheModelAndThePreview()
    {
        const int row = addHeader(QStringLiteral("X-Region"));
        WD_RETURN_IF_FAILED();
        TokenLineEdit* editor = openValueEditor(row);
        WD_RETURN_IF_FAILED();
        WD_FIND_CHILD(undoAction, QAction, m_window, "undoAction");
        WD_FIND_CHILD(redoAction, QAction, m_window, "redoAction");
        QCOMPARE(editor->accessibleName(), QStringLiteral("Header value"));

        QTest::keyClicks(editor, QStringLiteral("Bearer {{my."));
        QTRY_VERIFY(editor->isTokenListActive());
        const QStringList shown = listedTokens(editor);
        QVERIFY2(shown.contains(QStringLiteral("my.apiKey")), qPrintable(shown.join(QLatin1Char(','))));
        QVERIFY2(shown.contains(QStringLiteral("my.region")), qPrintable(shown.join(QLatin1Char(','))));
        // Every shown entry is a My Token, with its type and the sample value (masked when secret).
        for (const QString& entry : shown) {
            QVERIFY2(entry.startsWith(QStringLiteral("my.")), qPrintable(entry));
        }
        const QStringList entries = listedEntries(editor);
        const QString region = entries.at(shown.indexOf(QStringLiteral("my.region")));
        QVERIFY2(region.endsWith(QStringLiteral(": emea")), qPrintable(region));
        QVERIFY2(!entries.join(QLatin1Char(',')).contains(QStringLiteral("sk_test")),
                 qPrintable(entries.join(QLatin1Char(','))));

        // Narrowing as the user types, then chosen with the keyboard: the editor stays open.
        QTest::keyClicks(editor, QStringLiteral("reg"));
        QTRY_COMPARE(listedTokens(editor), QStringList {QStringLiteral("my.region")});
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(editor->text(), QStringLiteral("Bearer {{my.region}}"));
        QVERIFY(!editor->isListActive());
        QCOMPARE(m_headers->indexWidget(valueCell(row)), editor);
        QCOMPARE(valueCell(row).data(Qt::EditRole).toString(), QString());

        // Return commits through the model, which pushes an undo command.
        QUndoStack* undo = m_window->document()->undoStack();
        const int commands = undo->count();
        QPointer<TokenLineEdit> guard(editor);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(guard.isNull() || !guard->isVisible());
        QCOMPARE(valueCell(row).data().toString(), QStringLiteral("Bearer {{my.region}}"));
        QCOMPARE(webhook().headers.at(row).value, QStringLiteral("Bearer {{my.region}}"));
        QCOMPARE(undo->count(), commands + 1);
        QTRY_VERIFY(previewHasHeader(QStringLiteral("X-Region"), QStringLiteral("Bearer emea")));

        undoAction->trigger();
        QCOMPARE(webhook().headers.at(row).value, QString());
        QCOMPARE(valueCell(row).data().toString(), QString());
        QTRY_VERIFY(previewHasHeader(QStringLiteral("X-Region"), QString()));
        redoAction->trigger();
        QCOMPARE(webhook().headers.at(row).value, QStringLiteral("Bearer {{my.region}}"));
    }

    void ctrlSpaceOpensTheListInACell()
    {
        TokenLineEdit* editor = openValueEditor(0);
        WD_RETURN_IF_FAILED();
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(editor->isTokenListActive());
        QVERIFY(listedTokens(editor).contains(QStringLiteral("lead.First Name")));
        QVERIFY(editor->text().endsWith(QStringLiteral("{{")));
    }

    void typingOnAValueCellStartsTheEditWithCompletion()
    {
        const int row = addHeader(QStringLiteral("X-Typed"));
        WD_RETURN_IF_FAILED();
        m_headers->setFocus();
        QTRY_VERIFY(m_headers->hasFocus());
        m_headers->setCurrentIndex(valueCell(row));
        QTest::keyClicks(m_headers, QStringLiteral("x"));
        auto* editor = qobject_cast<TokenLineEdit*>(m_headers->indexWidget(valueCell(row)));
        QVERIFY(editor);
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClicks(editor, QStringLiteral("{{lead.last"));
        QTRY_VERIFY(editor->isTokenListActive());
        QCOMPARE(listedTokens(editor).value(0), QStringLiteral("lead.Last Name"));
        QTest::keyClick(editor, Qt::Key_Tab);
        QTRY_COMPARE(editor->text(), QStringLiteral("x{{lead.Last Name}}"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(webhook().headers.at(row).value, QStringLiteral("x{{lead.Last Name}}"));
        QTRY_VERIFY(previewHasHeader(QStringLiteral("X-Typed"), QStringLiteral("xLovelace")));
    }

    void f2EditsAMappingCellRatherThanRenamingTheWebhook()
    {
        WD_FIND_CHILD(tabs, QTabWidget, m_window, "editorTabs");
        WD_FIND_CHILD(mappings, QTableView, m_window, "mappingsTable");
        tabs->setCurrentIndex(1);
        QVERIFY(mappings->model()->rowCount() > 0);
        mappings->setFocus();
        QTRY_VERIFY(mappings->hasFocus());
        mappings->setCurrentIndex(mappings->model()->index(0, 0));
        QTest::keyClick(mappings, Qt::Key_F2);
        QVERIFY(mappings->indexWidget(mappings->model()->index(0, 0)));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!mappings->indexWidget(mappings->model()->index(0, 0)));
        const int count = mappings->model()->rowCount();
        mappings->setFocus();
        QTRY_VERIFY(mappings->hasFocus());
        QTest::keyClick(mappings, Qt::Key_Delete);
        QCOMPARE(mappings->model()->rowCount(), count - 1);
        QCOMPARE(webhook().responseMappings.size(), count - 1);
    }

    void f2EditsTheSampleDataTables_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<int>("column");
        QTest::newRow("lead fields") << QStringLiteral("leadFieldsTable") << 3;
        QTest::newRow("context") << QStringLiteral("contextTable") << 2;
    }

    // F2 is also Rename Webhook; in a table it must start the cell's edit instead.
    void f2EditsTheSampleDataTables()
    {
        QFETCH(QString, table);
        QFETCH(int, column);
        WD_FIND_CHILD(view, QTableView, m_window, qPrintable(table));
        WD_FIND_CHILD(tabs, QTabWidget, m_window, "sideTabs");
        tabs->setCurrentIndex(2);
        QVERIFY(view->model()->rowCount() > 0);
        const QString webhookName = webhook().name;
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        const QModelIndex cell = view->model()->index(0, column);
        view->setCurrentIndex(cell);
        QTest::keyClick(view, Qt::Key_F2);
        QTRY_VERIFY(view->indexWidget(cell));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!view->indexWidget(cell));
        QCOMPARE(webhook().name, webhookName);
    }

    void escapeClosesTheListThenCancelsTheEdit()
    {
        const QString before = webhook().headers.at(0).value;
        const int commands = m_window->document()->undoStack()->count();
        TokenLineEdit* editor = openValueEditor(0);
        WD_RETURN_IF_FAILED();
        QPointer<TokenLineEdit> guard(editor);
        QTest::keyClicks(editor, QStringLiteral("text/plain {{lead."));
        QTRY_VERIFY(editor->isTokenListActive());
        // The first Escape belongs to the list: the edit goes on.
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(!editor->isListActive());
        QVERIFY(guard && guard->isVisible());
        QCOMPARE(editor->text(), QStringLiteral("text/plain {{lead."));
        // The second cancels the edit: nothing reaches the model or the undo stack.
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(guard.isNull() || !guard->isVisible());
        QCOMPARE(webhook().headers.at(0).value, before);
        QCOMPARE(m_window->document()->undoStack()->count(), commands);
    }

    void leavingTheCellCommits()
    {
        TokenLineEdit* editor = openValueEditor(0);
        WD_RETURN_IF_FAILED();
        QTest::keyClicks(editor, QStringLiteral("application/xml"));
        WD_FIND_CHILD(nameEdit, QLineEdit, m_window, "nameEdit");
        QPointer<TokenLineEdit> guard(editor);
        nameEdit->setFocus();
        QTRY_VERIFY(guard.isNull() || !guard->isVisible());
        QCOMPARE(webhook().headers.at(0).value, QStringLiteral("application/xml"));
    }

    void aSecretHeaderIsMaskedInTheTableAndEditedAsTheModelGivesIt()
    {
        int row = -1;
        for (int i = 0; i < webhook().headers.size(); ++i) {
            if (webhook().headers.at(i).secret) {
                row = i;
            }
        }
        QVERIFY(row >= 0);
        const QString value = webhook().headers.at(row).value;
        QCOMPARE(valueCell(row).data().toString(), HeaderModel::mask());
        TokenLineEdit* editor = openValueEditor(row);
        WD_RETURN_IF_FAILED();
        QCOMPARE(editor->text(), valueCell(row).data(Qt::EditRole).toString());
        QCOMPARE(editor->text(), value);
        // Committing an unchanged value is no edit.
        const int commands = m_window->document()->undoStack()->count();
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!m_headers->indexWidget(valueCell(row)));
        QCOMPARE(m_window->document()->undoStack()->count(), commands);
        QCOMPARE(valueCell(row).data().toString(), HeaderModel::mask());
    }

    void theCompletionFollowsTheSampleLead()
    {
        auto* delegate = qobject_cast<TokenDelegate*>(m_headers->itemDelegateForColumn(HeaderModel::ValueColumn));
        QVERIFY(delegate);
        TokenLineEdit* editor = openValueEditor(0);
        WD_RETURN_IF_FAILED();
        QVERIFY(
            editor->apis()->entries(QStringLiteral("lead.First Name")).constFirst().endsWith(QStringLiteral("Ada")));
        m_window->document()->setCurrentLead(1);
        QTRY_VERIFY(
            editor->apis()->entries(QStringLiteral("lead.First Name")).constFirst().endsWith(QStringLiteral("Jack")));
        QCOMPARE(delegate->tokens().size(), editor->apis()->tokens().size());
    }

    void thePickerInsertsAtTheCaretOfAnOpenHeaderEditor()
    {
        TokenLineEdit* editor = openValueEditor(0);
        WD_RETURN_IF_FAILED();
        QPointer<TokenLineEdit> guard(editor);
        QTest::keyClicks(editor, QStringLiteral("a--b"));
        QTest::keyClick(editor, Qt::Key_Left);
        QTest::keyClick(editor, Qt::Key_Left);
        QTest::keyClick(editor, Qt::Key_Right);
        chooseInPicker(editor, QStringLiteral("my.region"));
        WD_RETURN_IF_FAILED();
        QTRY_COMPARE(editor->text(), QStringLiteral("a--{{my.region}}b"));
        QVERIFY(guard && guard->isVisible());
        QTRY_VERIFY(editor->hasFocus());
        // Not committed until the user says so.
        QCOMPARE(webhook().headers.at(0).value, QStringLiteral("application/json"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(webhook().headers.at(0).value, QStringLiteral("a--{{my.region}}b"));
    }

    void thePickerAppendsToTheCurrentHeaderRowWithoutAnEditor()
    {
        const int row = addHeader(QStringLiteral("X-Key"));
        WD_RETURN_IF_FAILED();
        m_headers->setFocus();
        QTRY_VERIFY(m_headers->hasFocus());
        m_headers->setCurrentIndex(m_headers->model()->index(row, HeaderModel::NameColumn));
        chooseInPicker(m_headers, QStringLiteral("my.region"));
        WD_RETURN_IF_FAILED();
        QTRY_COMPARE(webhook().headers.at(row).value, QStringLiteral("{{my.region}}"));
        QCOMPARE(webhook().headers.at(row).name, QStringLiteral("X-Key"));
        chooseInPicker(m_headers, QStringLiteral("lead.first name"));
        WD_RETURN_IF_FAILED();
        QTRY_COMPARE(webhook().headers.at(row).value, QStringLiteral("{{my.region}}{{lead.First Name}}"));
        WD_FIND_CHILD(undoAction, QAction, m_window, "undoAction");
        undoAction->trigger();
        QCOMPARE(webhook().headers.at(row).value, QStringLiteral("{{my.region}}"));
        undoAction->trigger();
        QCOMPARE(webhook().headers.at(row).value, QString());
    }

    void theRowButtonsAreReachableFromTheKeyboard()
    {
        const char* const buttons[] = {
            "addHeaderButton", "removeHeaderButton", "moveHeaderUpButton", "moveHeaderDownButton"};
        WD_FIND_CHILD(removeMapping, QPushButton, m_window, "removeMappingButton");
        WD_FIND_CHILD(undoAction, QAction, m_window, "undoAction");
        QStringList accessibleNames;
        for (const char* name : buttons) {
            WD_FIND_CHILD(button, QPushButton, m_window, name);
            QVERIFY(button->focusPolicy() & Qt::TabFocus);
            QVERIFY(!button->accessibleName().isEmpty());
            accessibleNames.append(button->accessibleName());
        }
        QVERIFY(removeMapping->accessibleName() != accessibleNames.at(1));
        // Tab from the table walks the buttons in the order they are laid out.
        m_headers->setFocus();
        QTRY_VERIFY(m_headers->hasFocus());
        for (const char* name : buttons) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTRY_COMPARE(QApplication::focusWidget()->objectName(), QLatin1String(name));
        }

        // Keys on the table: Ctrl+Shift+Down moves the row, Delete removes it; both undoable.
        const QList<Header> before = webhook().headers;
        QVERIFY(before.size() >= 2);
        m_headers->setFocus();
        QTRY_VERIFY(m_headers->hasFocus());
        m_headers->setCurrentIndex(m_headers->model()->index(0, HeaderModel::NameColumn));
        QTest::keyClick(m_headers, Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(webhook().headers.at(1).name, before.at(0).name);
        QCOMPARE(m_headers->currentIndex().row(), 1);
        QTest::keyClick(m_headers, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(webhook().headers.at(0).name, before.at(0).name);
        QTest::keyClick(m_headers, Qt::Key_Delete);
        QCOMPARE(webhook().headers.size(), before.size() - 1);
        QCOMPARE(webhook().headers.at(0).name, before.at(1).name);
        undoAction->trigger();
        QCOMPARE(webhook().headers.size(), before.size());
        QCOMPARE(webhook().headers.at(0).name, before.at(0).name);
    }

private:
    const Webhook& webhook() const { return m_window->document()->workspace().webhooks.at(m_window->currentWebhook()); }

    QModelIndex valueCell(int row) const { return m_headers->model()->index(row, HeaderModel::ValueColumn); }

    // Adds a header through the button and names it; returns its row, or -1 after failing
    // the test.
    int addHeader(const QString& name)
    {
        const int row = m_headers->model()->rowCount();
        auto* add = findTestChild<QPushButton>(m_window, "addHeaderButton", __FILE__, __LINE__);
        if (!add) {
            return -1;
        }
        QTest::mouseClick(add, Qt::LeftButton);
        auto* nameEditor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        if (!nameEditor) {
            QTest::qFail("Add Header opened no name editor", __FILE__, __LINE__);
            return -1;
        }
        nameEditor->selectAll();
        QTest::keyClicks(nameEditor, name);
        QTest::keyClick(nameEditor, Qt::Key_Return);
        const bool named = QTest::qWaitFor(
            [&] { return m_headers->model()->index(row, HeaderModel::NameColumn).data().toString() == name; });
        if (!named) {
            QTest::qFail(qPrintable(QStringLiteral("the new header was not named %1").arg(name)), __FILE__, __LINE__);
            return -1;
        }
        return row;
    }

    // Opens the Value cell's editor as F2 does; the editor starts with all text selected.
    // Returns nullptr after failing the test.
    TokenLineEdit* openValueEditor(int row)
    {
        m_headers->setFocus();
        m_headers->setCurrentIndex(valueCell(row));
        QTest::keyClick(m_headers, Qt::Key_F2);
        auto* editor = qobject_cast<TokenLineEdit*>(m_headers->indexWidget(valueCell(row)));
        if (!editor || editor->objectName() != QLatin1String("tokenCellEdit")) {
            QTest::qFail("no TokenLineEdit with objectName \"tokenCellEdit\" in the value cell", __FILE__, __LINE__);
            return nullptr;
        }
        if (!QTest::qWaitFor([editor] { return editor->hasFocus(); })) {
            QTest::qFail("the value editor has no focus", __FILE__, __LINE__);
            return nullptr;
        }
        return editor;
    }

    // Ctrl+T from `from`, search, insert with the keyboard.
    void chooseInPicker(QWidget* from, const QString& search)
    {
        QTest::keyClick(from, Qt::Key_T, Qt::ControlModifier);
        TokenPickerDialog* picker = nullptr;
        QTRY_VERIFY((picker = m_window->findChild<TokenPickerDialog*>()) != nullptr);
        QTRY_VERIFY(picker->isVisible());
        WD_FIND_CHILD(searchEdit, QLineEdit, picker, "tokenSearchEdit");
        WD_FIND_CHILD(insert, QPushButton, picker, "tokenInsertButton");
        QTest::keyClicks(searchEdit, search);
        QTRY_VERIFY(insert->isEnabled());
        QPointer<TokenPickerDialog> guard(picker);
        QTest::keyClick(searchEdit, Qt::Key_Return);
        QTRY_VERIFY(guard.isNull());
        // The offscreen platform does not give the focus back to the window a dialog
        // closes over, as a window manager does.
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window);
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    // The entries of the completion list on screen, as the user reads them.
    static QStringList listedEntries(TokenLineEdit* editor)
    {
        QStringList entries;
        for (QListWidget* list : editor->findChildren<QListWidget*>()) {
            if (!list->isVisible()) {
                continue;
            }
            for (int i = 0; i < list->count(); ++i) {
                entries.append(list->item(i)->text());
            }
        }
        return entries;
    }

    static QStringList listedTokens(TokenLineEdit* editor)
    {
        QStringList tokens;
        for (const QString& entry : listedEntries(editor)) {
            tokens.append(TokenApis::tokenPath(entry));
        }
        return tokens;
    }

    bool previewHasHeader(const QString& name, const QString& value) const
    {
        auto* table = m_window->findChild<QTableView*>(QStringLiteral("previewHeadersTable"));
        const QAbstractItemModel* model = table ? table->model() : nullptr;
        for (int row = 0; model && row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == name) {
                return model->index(row, 1).data().toString() == value;
            }
        }
        return false;
    }

    MainWindow* m_window = nullptr;
    QTableView* m_headers = nullptr;
};

QTEST_MAIN(tst_HeaderCompletion)
#include "tst_headercompletion.moc"
