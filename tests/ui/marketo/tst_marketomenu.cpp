#include "WindowTestSupport.h"
#include "document/WorkspaceDocument.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/MarketoController.h"
#include "mainwindow/WorkspaceSecrets.h"
#include "marketo/MarketoConnectDialog.h"
#include "marketo/MarketoImportDialog.h"
#include "sandbox/SandboxMarketo.h"
#include "sandbox/SandboxServer.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>

// The Marketo menu of the real window against the sandbox's Marketo: the bundled sample is
// connected to it, each import previews before it changes anything, applies as one undo
// step, and can be cancelled.
class tst_MarketoMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_marketomenu")); }

    void init()
    {
        resetWindowTestSettings();
        m_window = std::make_unique<MainWindow>();
        m_window->openSample();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->sandbox());
    }

    void cleanup()
    {
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }

    void theSampleIsConnectedToTheSandbox()
    {
        WD_FIND_CHILD(status, QLabel, m_window.get(), "marketoStatusLabel");
        QCOMPARE(status->text(), QStringLiteral("Marketo: 127.0.0.1"));
        QVERIFY(m_window->document()->workspace().marketo.endpoint.startsWith(m_window->sandbox()->url().toString()));
    }

    void fieldsPreviewApplyAndUndo()
    {
        const int fieldsBefore = int(m_window->document()->workspace().fields.size());
        QString preview;
        runDialog("marketoFieldsAction", [&](QDialog* dialog) {
            auto* import = qobject_cast<MarketoImportDialog*>(dialog);
            QVERIFY(import);
            QSignalSpy finished(import, &MarketoImportDialog::fetchFinished);
            click(dialog, "marketoFetchButton");
            QVERIFY(finished.wait(20000));
            QCOMPARE(finished.first().first().toBool(), true);
            // Nothing changed before Apply.
            QVERIFY(m_window->document()->workspace().marketo.instanceFields.isEmpty());
            preview = dialog->findChild<QPlainTextEdit*>(QStringLiteral("marketoPreview"))->toPlainText();
            click(dialog, "marketoApplyButton");
        });
        QVERIFY2(preview.contains(QStringLiteral("Added (")), qPrintable(preview));
        QVERIFY2(preview.contains(QStringLiteral("Größe des Unternehmens"))
                     || preview.contains(QStringLiteral("Added")),
                 qPrintable(preview));
        const Workspace& workspace = m_window->document()->workspace();
        QVERIFY(workspace.fields.size() > fieldsBefore);
        QVERIFY(workspace.marketo.isReadOnly(QStringLiteral("createdAt")));
        QUndoStack* undo = m_window->document()->undoStack();
        QCOMPARE(undo->undoText(), QStringLiteral("Import Fields from Marketo"));
        undo->undo();
        QCOMPARE(m_window->document()->workspace().fields.size(), fieldsBefore);
        QVERIFY(m_window->document()->workspace().marketo.instanceFields.isEmpty());
    }

    void leadsCanBeCancelledThenImported()
    {
        const int leadsBefore = int(m_window->document()->workspace().leads.size());
        QString status;
        runDialog("marketoLeadsAction", [&](QDialog* dialog) {
            auto* import = qobject_cast<MarketoImportDialog*>(dialog);
            QVERIFY(import);
            QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("marketoPersonalDataLabel"))->isVisible());
            dialog->findChild<QRadioButton*>(QStringLiteral("marketoByListRadio"))->setChecked(true);
            dialog->findChild<QSpinBox*>(QStringLiteral("marketoListSpin"))->setValue(1001);
            dialog->findChild<QSpinBox*>(QStringLiteral("marketoLimitSpin"))->setValue(500);
            QSignalSpy finished(import, &MarketoImportDialog::fetchFinished);
            click(dialog, "marketoFetchButton");
            WD_FIND_CHILD(close, QPushButton, dialog, "marketoCloseButton");
            QCOMPARE(close->text(), QStringLiteral("Cancel"));
            click(dialog, "marketoCloseButton");
            // Cancel may end the fetch at once, inside the click.
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
            QCOMPARE(finished.first().first().toBool(), false);
            QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("marketoStatus"))->text(),
                     QStringLiteral("Cancelled; nothing changed."));
            QVERIFY(dialog->isVisible());

            click(dialog, "marketoFetchButton");
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
            QVERIFY2(finished.last().first().toBool(),
                     qPrintable(dialog->findChild<QLabel*>(QStringLiteral("marketoStatus"))->text()));
            status = dialog->findChild<QLabel*>(QStringLiteral("marketoStatus"))->text();
            click(dialog, "marketoApplyButton");
        });
        QVERIFY2(status.contains(QStringLiteral("personal data")), qPrintable(status));
        QCOMPARE(m_window->document()->workspace().leads.size(), leadsBefore + 500);
        QCOMPARE(m_window->document()->undoStack()->undoText(), QStringLiteral("Import Leads from Marketo"));
    }

    void myTokensFromAProgramFoundBySearch()
    {
        runDialog("marketoTokensAction", [&](QDialog* dialog) {
            auto* import = qobject_cast<MarketoImportDialog*>(dialog);
            QVERIFY(import);
            WD_FIND_CHILD(list, QListView, dialog, "marketoProgramList");
            QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 30, 20000);
            WD_FIND_CHILD(search, QLineEdit, dialog, "marketoProgramSearch");
            QTest::keyClicks(search, QStringLiteral("q4 webinar"));
            QTRY_COMPARE(list->model()->rowCount(), 1);
            QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("Q4 Webinar (1001)"));
            list->setCurrentIndex(list->model()->index(0, 0));
            QSignalSpy finished(import, &MarketoImportDialog::fetchFinished);
            click(dialog, "marketoFetchButton");
            QVERIFY(finished.wait(20000));
            QCOMPARE(finished.first().first().toBool(), true);
            click(dialog, "marketoApplyButton");
        });
        const Context& context = m_window->document()->workspace().context;
        QVERIFY(context.my.find(QStringLiteral("Begrüßung")));
        QCOMPARE(context.program.find(QStringLiteral("name"))->value, QStringLiteral("Q4 Webinar"));
        QCOMPARE(context.program.find(QStringLiteral("id"))->value, QStringLiteral("1001"));
        // The sample's secret My Token keeps its value.
        QVERIFY(context.my.find(QStringLiteral("apiKey"))->secret);
        QCOMPARE(context.my.find(QStringLiteral("apiKey"))->value, QStringLiteral("sk_test_4f9a2c7e1b"));
    }

    void connectRefusesABadSecretAndKeepsTheDialog()
    {
        runDialog("marketoConnectAction", [&](QDialog* dialog) {
            QVERIFY(qobject_cast<MarketoConnectDialog*>(dialog));
            WD_FIND_CHILD(secret, QLineEdit, dialog, "marketoSecretEdit");
            QCOMPARE(secret->text(), QStringLiteral("sandbox-secret"));
            secret->setText(QStringLiteral("wrong"));
            WD_FIND_CHILD(status, QLabel, dialog, "marketoConnectStatus");
            click(dialog, "marketoConnectButton");
            QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Not connected")), 20000);
            QVERIFY2(status->text().contains(QStringLiteral("client ID or secret")), qPrintable(status->text()));
            QVERIFY(dialog->isVisible());
            secret->setText(QStringLiteral("sandbox-secret"));
            click(dialog, "marketoConnectButton");
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 20000);
        });
        QCOMPARE(m_window->secrets()->value(MarketoConnection::secretKey()), QStringLiteral("sandbox-secret"));
        QCOMPARE(m_window->document()->undoStack()->undoText(), QStringLiteral("Connect to Marketo"));
    }

    void aRefusalIsShownAndChangesNothing()
    {
        m_window->sandbox()->marketo().failNext(607, 1);
        const int fieldsBefore = int(m_window->document()->workspace().fields.size());
        QString status;
        runDialog("marketoFieldsAction", [&](QDialog* dialog) {
            auto* import = qobject_cast<MarketoImportDialog*>(dialog);
            QSignalSpy finished(import, &MarketoImportDialog::fetchFinished);
            click(dialog, "marketoFetchButton");
            QVERIFY(finished.wait(20000));
            status = dialog->findChild<QLabel*>(QStringLiteral("marketoStatus"))->text();
            QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("marketoApplyButton"))->isEnabled());
            click(dialog, "marketoCloseButton");
        });
        QVERIFY2(status.contains(QStringLiteral("Marketo error 607")), qPrintable(status));
        QCOMPARE(m_window->document()->workspace().fields.size(), fieldsBefore);
        WD_FIND_CHILD(label, QLabel, m_window.get(), "marketoStatusLabel");
        QCOMPARE(label->text(), QStringLiteral("Marketo: 127.0.0.1 (failed)"));
    }

private:
    // Triggers the action; `drive` runs on the dialog once it is open, inside its event
    // loop, and must close it.
    void runDialog(const char* action, const std::function<void(QDialog*)>& drive)
    {
        bool opened = false;
        const auto connection =
            connect(m_window->marketo(), &MarketoController::dialogOpened, this, [&](QDialog* dialog) {
                opened = true;
                QTimer::singleShot(0, dialog, [dialog, drive] {
                    drive(dialog);
                    if (dialog->isVisible()) {
                        dialog->reject();
                    }
                });
            });
        auto* trigger = m_window->findChild<QAction*>(QLatin1String(action));
        QVERIFY(trigger);
        trigger->trigger();
        disconnect(connection);
        QVERIFY(opened);
    }

    static void click(QDialog* dialog, const char* name)
    {
        auto* button = dialog->findChild<QPushButton*>(QLatin1String(name));
        QVERIFY2(button, name);
        QVERIFY2(button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_MarketoMenu)
#include "tst_marketomenu.moc"
