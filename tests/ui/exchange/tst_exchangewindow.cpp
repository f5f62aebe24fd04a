#include "WindowTestSupport.h"
#include "mainwindow/MainWindow.h"

#include "document/WorkspaceDocument.h"
#include "editors/TokenLineEdit.h"
#include "exchange/CurlExport.h"
#include "exchange/CurlImportDialog.h"
#include "exchange/ExchangeController.h"
#include "exchange/ExportDialog.h"
#include "exchange/ExportRenderer.h"
#include "exchange/HttpFileExport.h"
#include "exchange/PostmanExport.h"
#include "exchange/SetupSheet.h"
#include "exchange/SetupSheetDialog.h"
#include "sandbox/SandboxServer.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>

namespace {

// Runs `act` on the modal dialog of type T as soon as one is shown: a modal dialog runs
// its own event loop, so the test drives it from there. The poll lives as long as
// `context`.
template <typename T>
void whenModal(QObject* context, std::function<void(T*)> act)
{
    auto* timer = new QTimer(context);
    timer->setInterval(0);
    QObject::connect(timer, &QTimer::timeout, context, [timer, act] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(dialog);
        }
    });
    timer->start();
}

const QString kLeadEmail = QStringLiteral("ada@analytical-engines.example");

} // namespace

// Drives the window's import and export: the curl dialog (from the menu and from a paste
// into the URL field), Copy as cURL, Export…, the setup sheet and the Postman import,
// against the bundled sample, whose first lead is Ada.
class tst_ExchangeWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_exchangewindow")); }

    void init()
    {
        resetWindowTestSettings();
        m_window = new MainWindow;
        m_window->openSample();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(m_window->document()->workspace().webhooks.size() >= 3);
        QCOMPARE(m_window->document()->currentLeadObject().value(QStringLiteral("Email Address")).toString(),
                 kLeadEmail);
    }

    void cleanup()
    {
        delete m_window;
        m_window = nullptr;
    }

    void pastingCurlIntoTheUrlOffersTheDialogAndCreatesWithTokens()
    {
        const QString command = QStringLiteral("curl -X POST https://api.vendor.example/v1/contacts \\\n"
                                               "  -H 'Content-Type: application/json' \\\n"
                                               "  -d '{\"email\": \"%1\", \"plan\": \"pro\"}'")
                                    .arg(kLeadEmail);
        WorkspaceDocument* document = m_window->document();
        const int before = document->workspace().webhooks.size();
        const QString urlBefore = document->workspace().webhooks.at(0).url;
        m_window->selectWebhook(0);
        WD_FIND_CHILD(urlEdit, TokenLineEdit, m_window, "urlEdit");
        QApplication::clipboard()->setText(command);
        activate();
        urlEdit->setFocus();

        bool sawDialog = false;
        QString shownCommand;
        QString suggestion;
        QString shownBody;
        QString shownEncoding;
        whenModal<CurlImportDialog>(m_window, [&](CurlImportDialog* dialog) {
            sawDialog = true;
            auto* edit = dialog->findChild<QPlainTextEdit*>(QStringLiteral("curlCommandEdit"));
            auto* check = dialog->findChild<QCheckBox*>(QStringLiteral("suggestionCheckBox0"));
            auto* body = dialog->findChild<QPlainTextEdit*>(QStringLiteral("parsedBodyEdit"));
            auto* encoding = dialog->findChild<QLabel*>(QStringLiteral("parsedEncodingLabel"));
            auto* create = dialog->findChild<QPushButton*>(QStringLiteral("createButton"));
            if (!edit || !check || !body || !encoding || !create) {
                dialog->reject();
                return;
            }
            shownCommand = edit->toPlainText();
            suggestion = check->text();
            check->setChecked(true);
            shownBody = body->toPlainText();
            shownEncoding = encoding->text();
            QTest::mouseClick(create, Qt::LeftButton);
        });
        QTest::keyClick(urlEdit, Qt::Key_V, Qt::ControlModifier);
        QTRY_VERIFY(sawDialog);
        QCOMPARE(shownCommand, command);
        QVERIFY2(suggestion.contains(QStringLiteral("{{lead.Email Address}}")), qPrintable(suggestion));
        const QString expected = QStringLiteral("{\"email\": {{lead.Email Address}}, \"plan\": \"pro\"}");
        QCOMPARE(shownBody, expected);
        QCOMPARE(shownEncoding, QStringLiteral("JSON"));

        QTRY_COMPARE(document->workspace().webhooks.size(), before + 1);
        const Webhook& created = document->workspace().webhooks.last();
        QCOMPARE(created.url, QStringLiteral("https://api.vendor.example/v1/contacts"));
        QCOMPARE(created.requestType, RequestType::Post);
        QCOMPARE(created.payloadTemplate, expected);
        QCOMPARE(created.requestTokenEncoding, TokenEncoding::Json);
        QCOMPARE(created.headers.size(), 1);
        QCOMPARE(created.headers.at(0).name, QStringLiteral("Content-Type"));
        // The new webhook is the one edited; the one pasted into kept its URL.
        QCOMPARE(m_window->currentWebhook(), before);
        QCOMPARE(document->workspace().webhooks.at(0).url, urlBefore);
        QCOMPARE(urlEdit->text(), created.url);
    }

    void aFormUploadIsRefusedWithItsReasonAndCreatesNothing()
    {
        WorkspaceDocument* document = m_window->document();
        const int before = document->workspace().webhooks.size();
        const int steps = document->undoStack()->count();
        WD_FIND_CHILD(action, QAction, m_window, "newFromCurlAction");

        bool sawDialog = false;
        bool createEnabled = true;
        bool refusalVisible = false;
        QString refusal;
        whenModal<CurlImportDialog>(m_window, [&](CurlImportDialog* dialog) {
            sawDialog = true;
            auto* edit = dialog->findChild<QPlainTextEdit*>(QStringLiteral("curlCommandEdit"));
            auto* label = dialog->findChild<QLabel*>(QStringLiteral("curlRefusalLabel"));
            auto* create = dialog->findChild<QPushButton*>(QStringLiteral("createButton"));
            if (!edit || !label || !create) {
                dialog->reject();
                return;
            }
            QTest::keyClicks(edit, QStringLiteral("curl -F 'file=@photo.jpg' https://upload.example.com/files"));
            refusalVisible = label->isVisible();
            refusal = label->text();
            createEnabled = create->isEnabled();
            // Create, clicked or by Ctrl+Return, does nothing while the command is refused.
            QTest::mouseClick(create, Qt::LeftButton);
            QTest::keyClick(dialog, Qt::Key_Return, Qt::ControlModifier);
            if (dialog->isVisible()) {
                dialog->reject();
            }
        });
        action->trigger();
        QVERIFY(sawDialog);
        QVERIFY(refusalVisible);
        QVERIFY2(refusal.contains(QStringLiteral("multipart")), qPrintable(refusal));
        QVERIFY(!createEnabled);
        QCOMPARE(document->workspace().webhooks.size(), before);
        QCOMPARE(document->undoStack()->count(), steps);
    }

    void cancelCreatesNothing()
    {
        WorkspaceDocument* document = m_window->document();
        const int before = document->workspace().webhooks.size();
        bool sawDialog = false;
        whenModal<CurlImportDialog>(m_window, [&](CurlImportDialog* dialog) {
            sawDialog = dialog->isValid();
            dialog->reject();
        });
        QVERIFY(!m_window->exchange()->newFromCurl(QStringLiteral("curl https://api.vendor.example/ping")));
        QVERIFY(sawDialog);
        QCOMPARE(document->workspace().webhooks.size(), before);
    }

    void undoRemovesTheCreatedWebhook()
    {
        WorkspaceDocument* document = m_window->document();
        const int before = document->workspace().webhooks.size();
        WD_FIND_CHILD(action, QAction, m_window, "newFromCurlAction");
        WD_FIND_CHILD(undo, QAction, m_window, "undoAction");
        WD_FIND_CHILD(redo, QAction, m_window, "redoAction");
        whenModal<CurlImportDialog>(m_window, [](CurlImportDialog* dialog) {
            auto* edit = dialog->findChild<QPlainTextEdit*>(QStringLiteral("curlCommandEdit"));
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("webhookNameEdit"));
            if (!edit || !name) {
                dialog->reject();
                return;
            }
            edit->setPlainText(QStringLiteral("curl 'https://api.vendor.example/v1/status?id=7'"));
            name->clear();
            QTest::keyClicks(name, QStringLiteral("Vendor status"));
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        action->trigger();
        QCOMPARE(document->workspace().webhooks.size(), before + 1);
        QCOMPARE(document->workspace().webhooks.last().name, QStringLiteral("Vendor status"));
        QCOMPARE(document->workspace().webhooks.last().requestType, RequestType::Get);
        QCOMPARE(m_window->currentWebhook(), before);
        QCOMPARE(undo->text(), QStringLiteral("&Undo New webhook from cURL"));
        undo->trigger();
        QCOMPARE(document->workspace().webhooks.size(), before);
        redo->trigger();
        QCOMPARE(document->workspace().webhooks.size(), before + 1);
        QCOMPARE(document->workspace().webhooks.last().name, QStringLiteral("Vendor status"));
    }

    void copyAsCurlPutsTheExportOnTheClipboard()
    {
        WorkspaceDocument* document = m_window->document();
        m_window->selectWebhook(0);
        QVERIFY(document->workspace().webhooks.at(0).headers.at(1).secret);
        WD_FIND_CHILD(action, QAction, m_window, "copyAsCurlAction");
        QApplication::clipboard()->clear();
        action->trigger();
        const ExportRenderer renderer(document->workspace());
        const QByteArray expected = CurlExport::command(
            renderer.render(0, document->currentLeadObject(), QDateTime::currentDateTimeUtc()), renderer);
        QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8(expected));
        QVERIFY(expected.contains("\"$WD_SECRET_"));
        QVERIFY(expected.contains(kLeadEmail.toUtf8()));

        // Another sample lead, another command.
        document->setCurrentLead(1);
        action->trigger();
        QVERIFY(!QApplication::clipboard()->text().contains(kLeadEmail));
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("jack@jackandjill.example")));
    }

    void exportWritesEachFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("curl") << QStringLiteral("curl");
        QTest::newRow("http") << QStringLiteral("http");
        QTest::newRow("postman") << QStringLiteral("postman");
        QTest::newRow("sheet") << QStringLiteral("sheet");
    }

    void exportWritesEachFormat()
    {
        QFETCH(QString, format);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fileName = dir.filePath(QStringLiteral("out") + ExportDialog::suffix(format));
        WorkspaceDocument* document = m_window->document();
        m_window->selectWebhook(0);
        WD_FIND_CHILD(action, QAction, m_window, "exportAction");
        bool sawDialog = false;
        whenModal<ExportDialog>(m_window, [&](ExportDialog* dialog) {
            sawDialog = true;
            auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("exportFormatCombo"));
            auto* file = dialog->findChild<QLineEdit*>(QStringLiteral("exportFileEdit"));
            auto* button = dialog->findChild<QPushButton*>(QStringLiteral("exportButton"));
            if (!combo || !file || !button) {
                dialog->reject();
                return;
            }
            combo->setCurrentIndex(combo->findData(format));
            file->clear();
            QTest::keyClicks(file, fileName);
            QTest::mouseClick(button, Qt::LeftButton);
        });
        action->trigger();
        QVERIFY(sawDialog);
        QFile file(fileName);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(fileName));
        const QByteArray written = file.readAll();

        const Workspace& workspace = document->workspace();
        const QJsonObject lead = document->currentLeadObject();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const ExportRenderer renderer(workspace);
        QList<int> all;
        for (int i = 0; i < workspace.webhooks.size(); ++i) {
            all.append(i);
        }
        QByteArray expected;
        if (format == QLatin1String("curl")) {
            expected = CurlExport::command(renderer.render(0, lead, now), renderer);
        } else if (format == QLatin1String("http")) {
            expected = HttpFileExport::file(renderer, all, lead, now);
        } else if (format == QLatin1String("postman")) {
            expected = PostmanExport::collection(renderer, QStringLiteral("Webhooks"), all, lead, now);
        } else {
            expected = SetupSheet(workspace, 0, now, document->currentLead()).markdown().toUtf8();
        }
        QCOMPARE(written, expected);
        QVERIFY(m_window->messageBar()->isHidden());
    }

    void exportToAnUnwritablePlaceSaysSoInTheMessageBar()
    {
        m_window->selectWebhook(0);
        WD_FIND_CHILD(action, QAction, m_window, "exportAction");
        whenModal<ExportDialog>(m_window, [](ExportDialog* dialog) {
            auto* file = dialog->findChild<QLineEdit*>(QStringLiteral("exportFileEdit"));
            if (!file) {
                dialog->reject();
                return;
            }
            file->setText(QStringLiteral("/nonexistent-folder/of/nothing/out.sh"));
            dialog->accept();
        });
        action->trigger();
        MessageBar* bar = m_window->messageBar();
        QVERIFY(!bar->isHidden());
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        QVERIFY2(bar->text().contains(QStringLiteral("out.sh")), qPrintable(bar->text()));
    }

    void setupSheetCopyButtonsCopyTheirValues()
    {
        m_window->selectWebhook(0);
        WD_FIND_CHILD(action, QAction, m_window, "setupSheetAction");
        int copied = 0;
        int placeholders = 0;
        QStringList wrong;
        QStringList labels;
        whenModal<SetupSheetDialog>(m_window, [&](SetupSheetDialog* dialog) {
            const QList<SetupSheet::Entry>& entries = dialog->sheet().entries();
            for (int i = 0; i < entries.size(); ++i) {
                labels.append(entries.at(i).label);
                auto* button = dialog->findChild<QPushButton*>(QStringLiteral("copyButton%1").arg(i));
                if (!entries.at(i).copyable) {
                    if (button) {
                        wrong.append(QStringLiteral("%1 has a Copy button").arg(entries.at(i).label));
                    }
                    ++placeholders;
                    continue;
                }
                if (!button) {
                    wrong.append(QStringLiteral("%1 has no Copy button").arg(entries.at(i).label));
                    continue;
                }
                QApplication::clipboard()->clear();
                QTest::mouseClick(button, Qt::LeftButton);
                if (QApplication::clipboard()->text() != entries.at(i).value) {
                    wrong.append(
                        QStringLiteral("%1 copied \"%2\"").arg(entries.at(i).label, QApplication::clipboard()->text()));
                }
                ++copied;
            }
            dialog->reject();
        });
        action->trigger();
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        // Marketo's order: the New Webhook dialog first, then the headers and the mappings.
        QVERIFY(labels.size() > 9);
        QCOMPARE(labels.mid(0, 7),
                 QStringList({QStringLiteral("Webhook Name"),
                              QStringLiteral("Description"),
                              QStringLiteral("URL"),
                              QStringLiteral("Request Type"),
                              QStringLiteral("Template"),
                              QStringLiteral("Request Token Encoding"),
                              QStringLiteral("Response Type")}));
        QVERIFY(copied >= 11);
        // The secret Authorization value is a placeholder without a button.
        QVERIFY(placeholders >= 1);
        const SetupSheet sheet(m_window->document()->workspace(), 0);
        QCOMPARE(labels.size(), sheet.entries().size());
    }

    void postmanImportAddsWebhooksAndMyTokensAsOneStep()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fileName = dir.filePath(QStringLiteral("vendor.postman_collection.json"));
        QFile file(fileName);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"info\": {\"name\": \"Vendor\", \"schema\": "
                   "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"},"
                   " \"variable\": [{\"key\": \"plan\", \"value\": \"pro\"}],"
                   " \"item\": ["
                   "  {\"name\": \"Create contact\","
                   "   \"event\": [{\"listen\": \"prerequest\", \"script\": {\"exec\": [\"console.log(1)\"]}}],"
                   "   \"request\": {\"method\": \"POST\","
                   "     \"header\": [{\"key\": \"Content-Type\", \"value\": \"application/json\"}],"
                   "     \"url\": {\"raw\": \"https://api.vendor.example/contacts\"},"
                   "     \"body\": {\"mode\": \"raw\", \"raw\": \"{\\\"plan\\\": \\\"{{plan}}\\\"}\"}}},"
                   "  {\"name\": \"Get contact\", \"request\": {\"method\": \"GET\","
                   "   \"url\": \"https://api.vendor.example/contacts/1\"}}"
                   "]}");
        file.close();

        WorkspaceDocument* document = m_window->document();
        const int before = document->workspace().webhooks.size();
        const int steps = document->undoStack()->count();
        QVERIFY(!document->workspace().context.my.find(QStringLiteral("plan")));
        WD_FIND_CHILD(action, QAction, m_window, "importPostmanAction");
        bool sawDialog = false;
        whenModal<QFileDialog>(m_window, [&](QFileDialog* dialog) {
            sawDialog = true;
            dialog->selectFile(fileName);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        action->trigger();
        QVERIFY(sawDialog);
        const Workspace& workspace = document->workspace();
        QCOMPARE(workspace.webhooks.size(), before + 2);
        QCOMPARE(workspace.webhooks.at(before).name, QStringLiteral("Create contact"));
        QCOMPARE(workspace.webhooks.at(before).payloadTemplate, QStringLiteral("{\"plan\": \"{{my.plan}}\"}"));
        QCOMPARE(workspace.webhooks.at(before + 1).requestType, RequestType::Get);
        const ContextValue* plan = workspace.context.my.find(QStringLiteral("plan"));
        QVERIFY(plan);
        QCOMPARE(plan->value, QStringLiteral("pro"));
        QCOMPARE(document->undoStack()->count(), steps + 1);
        MessageBar* bar = m_window->messageBar();
        QVERIFY(!bar->isHidden());
        QVERIFY2(bar->text().contains(QStringLiteral("scripts")), qPrintable(bar->text()));
        QVERIFY2(bar->text().contains(QStringLiteral("{{my.plan}}")), qPrintable(bar->text()));

        document->undoStack()->undo();
        QCOMPARE(document->workspace().webhooks.size(), before);
        QVERIFY(!document->workspace().context.my.find(QStringLiteral("plan")));
    }

private:
    void activate()
    {
        QApplication::setActiveWindow(m_window);
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    MainWindow* m_window = nullptr;
};

QTEST_MAIN(tst_ExchangeWindow)
#include "tst_exchangewindow.moc"
