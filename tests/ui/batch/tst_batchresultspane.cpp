#include "ChildLookup.h"
#include "batch/BatchDialog.h"
#include "batch/BatchResults.h"
#include "batch/BatchResultsFilter.h"
#include "batch/BatchResultsModel.h"
#include "batch/BatchResultsPane.h"
#include "format/CsvImporter.h"
#include "sandbox/SandboxServer.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The results per lead inside the real batch dialog: the table fills during a run, the
// filter, opening a row (kept or not), re-sending one, and the exports.
class tst_BatchResultsPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tableFillsAndFilters();
    void progressShowsRateAndTimeLeft();
    void openAndResendFromARow();
    void rowNotKeptSaysWhy();
    void exportsWriteFiles();
    void checksGetAColumnEach();

private:
    Workspace workspace(int leads) const;
    void runDialog(BatchDialog* dialog);
    static QPoint cellCentre(QTableView* table, int row, int column);

    SandboxServer* m_server = nullptr;
};

void tst_BatchResultsPane::initTestCase()
{
    m_server = new SandboxServer(this);
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
}

void tst_BatchResultsPane::cleanupTestCase()
{
    delete m_server;
}

Workspace tst_BatchResultsPane::workspace(int leads) const
{
    Workspace ws;
    for (int i = 0; i < leads; ++i) {
        // Every fifth lead has no domain: the sandbox answers 422 and nothing is written.
        const QString email =
            i % 5 == 4 ? QStringLiteral("nodomain%1").arg(i) : QStringLiteral("l%1@d%1.example").arg(i);
        ws.leads.append(QJsonObject {{QStringLiteral("Email Address"), email}});
    }
    Webhook hook;
    hook.name = QStringLiteral("Enrich");
    hook.url = m_server->url().toString() + QStringLiteral("/enrich");
    hook.requestType = RequestType::Post;
    hook.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}}");
    hook.requestTokenEncoding = TokenEncoding::Json;
    hook.responseType = ResponseType::Json;
    hook.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}}};
    hook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}}};
    ws.webhooks.append(hook);
    return ws;
}

void tst_BatchResultsPane::runDialog(BatchDialog* dialog)
{
    WD_FIND_CHILD(start, QPushButton, dialog, "batchStartButton");
    WD_FIND_CHILD(table, QTableView, dialog, "batchResultsTable");
    QSignalSpy finished(dialog, &BatchDialog::runFinished);
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(table->model()->rowCount(), dialog->summary().completed());
}

QPoint tst_BatchResultsPane::cellCentre(QTableView* table, int row, int column)
{
    table->scrollTo(table->model()->index(row, column));
    return table->visualRect(table->model()->index(row, column)).center();
}

void tst_BatchResultsPane::tableFillsAndFilters()
{
    BatchDialog dialog(workspace(50), 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    WD_FIND_CHILD(table, QTableView, &dialog, "batchResultsTable");
    WD_FIND_CHILD(filter, QComboBox, &dialog, "batchResultsFilterCombo");
    WD_FIND_CHILD(count, QLabel, &dialog, "batchResultsCountLabel");
    WD_FIND_CHILD(progress, QProgressBar, &dialog, "batchProgressBar");
    QVERIFY(!table->accessibleName().isEmpty());
    QCOMPARE(table->model()->columnCount(), 5);
    QCOMPARE(table->model()->headerData(4, Qt::Horizontal).toString(), QStringLiteral("Company Name"));
    runDialog(&dialog);
    WD_RETURN_IF_FAILED();
    QCOMPARE(table->model()->rowCount(), 50);
    QCOMPARE(count->text(), QStringLiteral("50 lead(s)"));
    QCOMPARE(progress->text(), QStringLiteral("50 of 50 leads"));

    filter->setCurrentIndex(filter->findData(int(BatchResultsFilter::Show::Failed)));
    QCOMPARE(table->model()->rowCount(), 10);
    QCOMPARE(count->text(), QStringLiteral("10 of 50 lead(s)"));
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QVERIFY(table->model()->index(row, 0).data().toString().startsWith(QStringLiteral("nodomain")));
    filter->setCurrentIndex(filter->findData(int(BatchResultsFilter::Show::Written)));
    QCOMPARE(table->model()->rowCount(), 40);
    filter->setCurrentIndex(filter->findData(int(BatchResultsFilter::Show::NotWritten)));
    QCOMPARE(table->model()->rowCount(), 10);
    filter->setCurrentIndex(filter->findData(int(BatchResultsFilter::Show::All)));
    QCOMPARE(table->model()->rowCount(), 50);

    // A second run starts from an empty table.
    runDialog(&dialog);
    WD_RETURN_IF_FAILED();
    QCOMPARE(dialog.results()->size(), 50);
}

void tst_BatchResultsPane::progressShowsRateAndTimeLeft()
{
    Workspace ws = workspace(40);
    ws.webhooks[0].url = m_server->url().toString() + QStringLiteral("/delay/100");
    BatchDialog dialog(ws, 0);
    WD_FIND_CHILD(concurrency, QSpinBox, &dialog, "batchConcurrencySpin");
    WD_FIND_CHILD(progress, QProgressBar, &dialog, "batchProgressBar");
    concurrency->setValue(2);
    QSignalSpy finished(&dialog, &BatchDialog::runFinished);
    dialog.start();
    // About two seconds of calls: the rate and the time left show while they run.
    QTRY_VERIFY2_WITH_TIMEOUT(
        progress->text().contains(QStringLiteral(" calls/s · ")), qPrintable(progress->text()), 20000);
    QVERIFY2(progress->text().endsWith(QStringLiteral(" left")), qPrintable(progress->text()));
    QVERIFY(finished.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(progress->text(), QStringLiteral("40 of 40 leads"));
}

void tst_BatchResultsPane::openAndResendFromARow()
{
    BatchDialog dialog(workspace(6), 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    runDialog(&dialog);
    WD_RETURN_IF_FAILED();
    WD_FIND_CHILD(table, QTableView, &dialog, "batchResultsTable");
    WD_FIND_CHILD(resend, QPushButton, &dialog, "batchResendButton");
    WD_FIND_CHILD(open, QPushButton, &dialog, "batchOpenLeadButton");
    QVERIFY(!resend->isEnabled());

    QSignalSpy opened(&dialog, &BatchDialog::openLeadRequested);
    const int row = 2;
    const QString lead = table->model()->index(row, 0).data().toString();
    const QPoint centre = cellCentre(table, row, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(opened.count(), 1);
    const CallResult call = opened.first().at(0).value<CallResult>();
    QCOMPARE(opened.first().at(2).toString(), lead);
    QVERIFY2(call.requestBody.contains(lead.toUtf8()), call.requestBody.constData());
    QCOMPARE(call.status, lead.startsWith(QStringLiteral("nodomain")) ? 422 : 200);

    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(opened.count(), 2);

    QSignalSpy resent(&dialog, &BatchDialog::resendLeadRequested);
    QVERIFY(resend->isEnabled());
    QTest::mouseClick(resend, Qt::LeftButton);
    QCOMPARE(resent.count(), 1);
    QCOMPARE(resent.first().at(0).toString(), QStringLiteral("Enrich"));
    QCOMPARE(resent.first().at(1).toJsonObject().value(QStringLiteral("Email Address")).toString(), lead);
}

void tst_BatchResultsPane::rowNotKeptSaysWhy()
{
    // More successful calls than are kept whole: the oldest cannot be opened.
    Workspace ws = workspace(0);
    for (int i = 0; i < BatchResults::recentKept + 20; ++i)
        ws.leads.append(QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("l%1@d.example").arg(i)}});
    BatchDialog dialog(ws, 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    runDialog(&dialog);
    WD_RETURN_IF_FAILED();
    WD_FIND_CHILD(table, QTableView, &dialog, "batchResultsTable");
    WD_FIND_CHILD(note, QLabel, &dialog, "batchResultsNoteLabel");
    WD_FIND_CHILD(resend, QPushButton, &dialog, "batchResendButton");
    QSignalSpy opened(&dialog, &BatchDialog::openLeadRequested);
    QVERIFY(!dialog.results()->isKept(0));
    const QPoint centre = cellCentre(table, 0, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(opened.count(), 0);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("Re-send")), qPrintable(note->text()));
    QVERIFY(resend->isEnabled());
}

void tst_BatchResultsPane::exportsWriteFiles()
{
    const Workspace ws = workspace(10);
    BatchDialog dialog(ws, 0);
    runDialog(&dialog);
    WD_RETURN_IF_FAILED();
    WD_FIND_CHILD(exportCsv, QPushButton, &dialog, "batchExportCsvButton");
    WD_FIND_CHILD(exportJsonLines, QPushButton, &dialog, "batchExportJsonLinesButton");
    QVERIFY(exportCsv->isEnabled());
    QVERIFY(exportJsonLines->isEnabled());
    QTemporaryDir dir;
    QString error;
    const QString csv = dir.filePath(QStringLiteral("list.csv"));
    QVERIFY2(dialog.resultsPane()->exportListCsv(csv, &error), qPrintable(error));
    CsvImportResult imported;
    QVERIFY2(CsvImporter::importFile(csv, ws.catalog(), &imported, &error), qPrintable(error));
    QCOMPARE(imported.leads.size(), 10);
    int withCompany = 0;
    for (const QJsonObject& lead : imported.leads)
        withCompany += lead.contains(QStringLiteral("Company Name"));
    QCOMPARE(withCompany, 8);

    const QString jsonl = dir.filePath(QStringLiteral("all.jsonl"));
    QVERIFY2(dialog.resultsPane()->exportJsonLines(jsonl, &error), qPrintable(error));
    QFile file(jsonl);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 10);
}

QTEST_MAIN(tst_BatchResultsPane)
void tst_BatchResultsPane::checksGetAColumnEach()
{
    Workspace ws = workspace(10);
    Check written;
    written.kind = Check::Kind::FieldWritten;
    written.target = QStringLiteral("company");
    written.name = QStringLiteral("Company found");
    ws.webhooks.first().checks = {written};
    BatchDialog dialog(ws, 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    WD_FIND_CHILD(table, QTableView, &dialog, "batchResultsTable");
    QCOMPARE(table->model()->columnCount(), 6);
    QCOMPARE(table->model()->headerData(5, Qt::Horizontal).toString(), QStringLiteral("Company found"));
    runDialog(&dialog);
    WD_RETURN_IF_FAILED();
    int failed = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString lead = table->model()->index(row, 0).data().toString();
        const QString outcome = table->model()->index(row, 5).data().toString();
        if (lead.startsWith(QStringLiteral("nodomain"))) {
            // The message says why the check failed, not just that it did.
            QVERIFY2(outcome.contains(QStringLiteral("company")), qPrintable(outcome));
            ++failed;
        } else {
            QVERIFY2(!outcome.isEmpty() && !outcome.contains(QStringLiteral("not written")), qPrintable(outcome));
        }
    }
    QCOMPARE(failed, 2);
}

#include "tst_batchresultspane.moc"
