#include "ChildLookup.h"
#include "MappingTestData.h"
#include "dialogs/FieldChooserDialog.h"
#include "preview/HttpHeaderModel.h"
#include "response/BodyView.h"
#include "response/MappingResultModel.h"
#include "response/ResponsePane.h"
#include "response/ResponseTreeModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

class tst_ResponsePane : public QObject
{
    Q_OBJECT

private slots:
    void showsSuccess();
    void banners_data();
    void banners();
    void transportError();
    void prettyToggle();
    void copyPath();
    void mapPathToChosenField();
    void readOnlyTablesLetTabMoveOn();
    void saveBody();
    void largeResponseKeepsEventLoopTurning();
    void newerResultWins();
    void mappedFieldsKeepTheResultInSight();

private:
    static CallResult jsonResult(int status, const QByteArray& body);
    static MappingOutcome outcome();
    static QByteArray bigJson(qsizetype bytes);
};

CallResult tst_ResponsePane::jsonResult(int status, const QByteArray& body)
{
    CallResult result;
    result.method = QStringLiteral("POST");
    result.url = QStringLiteral("http://127.0.0.1:1/enrich");
    result.status = status;
    result.reason = status == 200 ? QStringLiteral("OK") : QStringLiteral("Not Found");
    result.responseHeaders = {{"Content-Type", "application/json"},
                              {"Content-Length", QByteArray::number(body.size())}};
    result.body = body;
    result.bodySize = body.size();
    result.totalMs = 42.4;
    return result;
}

MappingOutcome tst_ResponsePane::outcome()
{
    MappingOutcome outcome;
    outcome.mappings = {
        appliedMapping("data.company", "company", QStringLiteral("ACME")),
        refusedMapping(
            "data.employees", "numberOfEmployees", "\"many\" is not a whole number", QStringLiteral("many"))};
    outcome.leadBefore = QJsonObject {{QStringLiteral("Company Name"), QStringLiteral("Old Co")}};
    outcome.leadAfter = QJsonObject {{QStringLiteral("Company Name"), QStringLiteral("ACME")}};
    return outcome;
}

QByteArray tst_ResponsePane::bigJson(qsizetype bytes)
{
    QByteArray body = "{\"items\":[";
    body.reserve(bytes + 100);
    for (int i = 0; body.size() < bytes; ++i)
        body += (i ? ",{\"id\":" : "{\"id\":") + QByteArray::number(i) + ",\"name\":\"lead number "
                + QByteArray::number(i) + "\",\"tags\":[\"a\",\"b\"]}";
    body += "]}";
    return body;
}

void tst_ResponsePane::showsSuccess()
{
    ResponsePane pane;
    QAbstractItemModelTester mappingTester(pane.mappingModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester headerTester(pane.headerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.show();
    const QByteArray body = R"({"data":{"company":"ACME","employees":"many"}})";
    pane.showPending();
    WD_FIND_CHILD(bar, QProgressBar, &pane, "responseBusyBar");
    WD_FIND_CHILD(status, QLabel, &pane, "responseStatusLabel");
    WD_FIND_CHILD(reason, QLabel, &pane, "responseReasonLabel");
    WD_FIND_CHILD(time, QLabel, &pane, "responseTimeLabel");
    WD_FIND_CHILD(size, QLabel, &pane, "responseSizeLabel");
    QVERIFY(bar->isVisible());
    pane.showResult(jsonResult(200, body), outcome());
    // A small body is formatted at once: nothing is left running, so no bar either.
    QVERIFY(!bar->isVisible());

    QCOMPARE(status->text(), QStringLiteral("200"));
    QCOMPARE(reason->text(), QStringLiteral("OK"));
    QCOMPARE(time->text(), QStringLiteral("42 ms"));
    QCOMPARE(size->text(), QStringLiteral("%1 B").arg(body.size()));
    QCOMPARE(pane.bannerText(), QString());
    QVERIFY(!pane.isBusy());

    // Pretty is on by default: the body is re-indented, highlighted.
    QVERIFY(pane.bodyView()->text().startsWith(QStringLiteral("{\n  \"data\": {\n")));
    QVERIFY(pane.bodyView()->isLexerActive());
    QCOMPARE(pane.treeModel()->rowCount(), 1);
    QCOMPARE(pane.headerModel()->rowCount(), 2);

    MappingResultModel* mappings = pane.mappingModel();
    QCOMPARE(mappings->rowCount(), 2);
    QCOMPARE(mappings->index(0, MappingResultModel::FieldColumn).data().toString(), QStringLiteral("Company Name"));
    QCOMPARE(mappings->index(0, MappingResultModel::BeforeColumn).data().toString(), QStringLiteral("Old Co"));
    QCOMPARE(mappings->index(0, MappingResultModel::AfterColumn).data().toString(), QStringLiteral("ACME"));
    QCOMPARE(mappings->index(0, MappingResultModel::ResultColumn).data().toString(), QStringLiteral("Applied"));
    QCOMPARE(mappings->index(1, MappingResultModel::FieldColumn).data().toString(),
             QStringLiteral("Number of Employees"));
    QCOMPARE(mappings->index(1, MappingResultModel::BeforeColumn).data().toString(), QStringLiteral("(empty)"));
    QCOMPARE(mappings->index(1, MappingResultModel::ResultColumn).data().toString(),
             QStringLiteral("Not written: \"many\" is not a whole number"));
}

void tst_ResponsePane::banners_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("banner");
    QTest::newRow("404") << 404 << QByteArray("{}")
                         << QStringLiteral(
                                "Response was 404: Marketo applies no response mappings unless the status is 2xx.");
    QTest::newRow("302") << 302 << QByteArray() << QStringLiteral("Response was 302");
    QTest::newRow("empty 2xx") << 204 << QByteArray() << QStringLiteral("error 1001");
    QTest::newRow("200 with body") << 200 << QByteArray("{}") << QString();
}

void tst_ResponsePane::banners()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, banner);
    ResponsePane pane;
    MappingOutcome none;
    pane.showResult(jsonResult(status, body), none);
    if (banner.isEmpty())
        QCOMPARE(pane.bannerText(), QString());
    else
        QVERIFY2(pane.bannerText().contains(banner), qPrintable(pane.bannerText()));
}

void tst_ResponsePane::transportError()
{
    ResponsePane pane;
    WD_FIND_CHILD(status, QLabel, &pane, "responseStatusLabel");
    CallResult result;
    result.error = CallResult::ErrorKind::Timeout;
    result.errorMessage = QStringLiteral("The server did not answer within 30 s.");
    result.totalMs = 30000;
    pane.showResult(result, MappingOutcome());
    QCOMPARE(status->text(), QStringLiteral("Timed out"));
    QCOMPARE(pane.bannerText(), QStringLiteral("Timed out: The server did not answer within 30 s."));
    QCOMPARE(pane.treeModel()->rowCount(), 0);

    // TLS details are said once, whether the message quotes them or not.
    result.error = CallResult::ErrorKind::Tls;
    result.tlsDetails = QStringLiteral("The certificate is self-signed, and untrusted");
    result.errorMessage = QStringLiteral("Could not be trusted: %1.").arg(result.tlsDetails);
    pane.showResult(result, MappingOutcome());
    QCOMPARE(pane.bannerText().count(result.tlsDetails), 1);
    result.errorMessage = QStringLiteral("Could not be trusted.");
    pane.showResult(result, MappingOutcome());
    QCOMPARE(pane.bannerText().count(result.tlsDetails), 1);

    pane.showPending();
    QCOMPARE(status->text(), QStringLiteral("Sending…"));
    QCOMPARE(pane.bannerText(), QString());
}

void tst_ResponsePane::prettyToggle()
{
    ResponsePane pane;
    const QByteArray body = R"({"a":[1,{"b":"x, y"}]})";
    pane.showResult(jsonResult(200, body), MappingOutcome());
    WD_FIND_CHILD(pretty, QCheckBox, &pane, "responsePrettyCheckBox");
    QVERIFY(pretty->isChecked());
    QCOMPARE(pane.bodyView()->text(),
             QStringLiteral("{\n  \"a\": [\n    1,\n    {\n      \"b\": \"x, y\"\n    }\n  ]\n}\n"));
    pretty->setChecked(false);
    QCOMPARE(pane.bodyView()->text().toUtf8(), body);
}

void tst_ResponsePane::copyPath()
{
    ResponsePane pane;
    pane.showResult(jsonResult(200, R"({"data":{"orders":[{"id":7}]}})"), MappingOutcome());
    const QModelIndex id = pane.treeModel()->indexForPath(QStringLiteral("data.orders[0].id"));
    QVERIFY(id.isValid());
    pane.treeView()->setCurrentIndex(id);
    WD_FIND_CHILD(pathLabel, QLabel, &pane, "responsePathLabel");
    QCOMPARE(pathLabel->text(), QStringLiteral("data.orders[0].id"));
    QSignalSpy copied(&pane, &ResponsePane::pathCopied);
    pane.copySelectedPath();
    QCOMPARE(copied.count(), 1);
    QCOMPARE(copied.at(0).at(0).toString(), QStringLiteral("data.orders[0].id"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("data.orders[0].id"));
}

void tst_ResponsePane::mapPathToChosenField()
{
    ResponsePane pane;
    pane.show();
    pane.setFieldCatalog(FieldCatalog());
    pane.showResult(jsonResult(200, R"({"data":{"industry":"Retail"}})"), MappingOutcome());
    const QModelIndex industry = pane.treeModel()->indexForPath(QStringLiteral("data.industry"));
    QVERIFY(industry.isValid());
    pane.treeView()->setCurrentIndex(industry);

    QSignalSpy created(&pane, &ResponsePane::createMapping);
    bool sawDialog = false;
    // The chooser is modal: drive it from the event loop it runs.
    QTimer::singleShot(0, this, [&sawDialog] {
        auto* dialog = qobject_cast<FieldChooserDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        WD_FIND_CHILD(search, QLineEdit, dialog, "fieldSearchEdit");
        // The node's key pre-filters the list; Enter takes the first match.
        QCOMPARE(search->text(), QStringLiteral("industry"));
        QTest::keyClick(search, Qt::Key_Return);
    });
    pane.mapSelectedPath();
    QVERIFY(sawDialog);
    QCOMPARE(created.count(), 1);
    QCOMPARE(created.at(0).at(0).toString(), QStringLiteral("data.industry"));
    QCOMPARE(created.at(0).at(1).toString(), QStringLiteral("industry"));
}

void tst_ResponsePane::readOnlyTablesLetTabMoveOn()
{
    ResponsePane pane;
    for (const char* name : {"responseHeadersTable", "mappingResultsTable"}) {
        WD_FIND_CHILD(table, QTableView, &pane, name);
        QVERIFY2(!table->tabKeyNavigation(), name);
    }
}

void tst_ResponsePane::saveBody()
{
    ResponsePane pane;
    const QByteArray body = bigJson(3 * 1024 * 1024);
    pane.showResult(jsonResult(200, body), MappingOutcome());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("body.json"));
    QString error;
    QVERIFY2(pane.saveBody(file, &error), qPrintable(error));
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), body);
    QVERIFY(!pane.saveBody(dir.filePath(QStringLiteral("missing/dir/body.json")), &error));
    QVERIFY(error.contains(QStringLiteral("Could not write")));
    QTRY_VERIFY_WITH_TIMEOUT(!pane.isBusy(), 60000);
}

void tst_ResponsePane::largeResponseKeepsEventLoopTurning()
{
    ResponsePane pane;
    pane.resize(900, 600);
    pane.show();
    const QByteArray body = bigJson(20 * 1024 * 1024);
    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    connect(&heartbeat, &QTimer::timeout, this, [&ticks] { ++ticks; });
    heartbeat.start();
    QSignalSpy busy(&pane, &ResponsePane::busyChanged);

    pane.showResult(jsonResult(200, body), MappingOutcome());
    // Pretty-printing and parsing went to workers: the call returned with work pending.
    QVERIFY(pane.isBusy());
    const int ticksAtReturn = ticks;
    QTRY_VERIFY_WITH_TIMEOUT(!pane.isBusy(), 120000);
    QVERIFY2(ticks > ticksAtReturn, "the event loop did not turn while the response was prepared");
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);

    // At most the display cap in the editor, no lexer, and the user is told.
    QVERIFY(pane.bodyView()->body().size() <= ResponsePane::displayCap());
    QVERIFY(pane.bodyView()->body().size() > 0);
    QVERIFY(!pane.bodyView()->isLexerActive());
    WD_FIND_CHILD(note, QLabel, &pane, "responseBodyNoteLabel");
    QVERIFY(note->text().contains(QStringLiteral("Showing the first")));
    // The tree is there, lazily: the array's first batch only once expanded.
    const QModelIndex items = pane.treeModel()->index(0, 0);
    QCOMPARE(items.data().toString(), QStringLiteral("items"));
    QVERIFY(pane.treeModel()->canFetchMore(items));
    WD_FIND_CHILD(tabs, QTabWidget, &pane, "responseTabs");
    tabs->setCurrentWidget(pane.treeView()->parentWidget());
    pane.treeView()->expand(items);
    QTRY_COMPARE(pane.treeModel()->rowCount(items), ResponseTreeModel::batchSize());
}

void tst_ResponsePane::newerResultWins()
{
    ResponsePane pane;
    QAbstractItemModelTester treeTester(pane.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.showResult(jsonResult(200, bigJson(1024 * 1024)), MappingOutcome());
    const QByteArray small = R"({"small":true})";
    pane.showResult(jsonResult(200, small), MappingOutcome());
    QTRY_VERIFY_WITH_TIMEOUT(!pane.isBusy(), 60000);
    QVERIFY(pane.bodyView()->text().contains(QStringLiteral("\"small\": true")));
    QCOMPARE(pane.treeModel()->index(0, 0).data().toString(), QStringLiteral("small"));
}

void tst_ResponsePane::mappedFieldsKeepTheResultInSight()
{
    ResponsePane pane;
    pane.resize(640, 500);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    WD_FIND_CHILD(tabs, QTabWidget, &pane, "responseTabs");
    WD_FIND_CHILD(view, QTableView, &pane, "mappingResultsTable");
    tabs->setCurrentIndex(3);
    QVERIFY(view->isVisible());

    // Short texts are shown whole.
    pane.showResult(jsonResult(200, R"({"data":{"company":"ACME"}})"), outcome());
    QTRY_VERIFY(!pane.isBusy());
    const QFontMetrics metrics(view->font());
    QVERIFY(view->columnWidth(MappingResultModel::AttributeColumn)
            >= metrics.horizontalAdvance(QStringLiteral("data.employees")));
    QVERIFY(view->columnViewportPosition(MappingResultModel::ResultColumn) < view->viewport()->width() / 2 + 100);

    // A value of 2,000 characters is cut, and the reason column stays on screen.
    MappingOutcome longValue = outcome();
    longValue.leadAfter.insert(QStringLiteral("Company Name"), QString(2000, QLatin1Char('x')));
    pane.showResult(jsonResult(200, R"({"data":{"company":"ACME"}})"), longValue);
    QTRY_VERIFY(!pane.isBusy());
    QVERIFY2(view->columnViewportPosition(MappingResultModel::ResultColumn) <= view->viewport()->width() * 2 / 3 + 4,
             qPrintable(QString::number(view->columnViewportPosition(MappingResultModel::ResultColumn))));

    // Widening the pane gives the cut column more room.
    const int cut = view->columnWidth(MappingResultModel::AfterColumn);
    pane.resize(2400, 500);
    QTRY_VERIFY(view->viewport()->width() > 2000);
    QVERIFY(view->columnWidth(MappingResultModel::AfterColumn) > 2 * cut);
}

QTEST_MAIN(tst_ResponsePane)
#include "tst_responsepane.moc"
