#include "ChildLookup.h"
#include "history/HistoryDialog.h"
#include "history/HistoryModel.h"
#include "response/BodyView.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

class tst_HistoryDialog : public QObject
{
    Q_OBJECT

private slots:
    void listsNewestFirst();
    void showsAndResends();

private:
    static QList<CallHistoryEntry> entries();
};

QList<CallHistoryEntry> tst_HistoryDialog::entries()
{
    CallHistoryEntry ok;
    ok.time = QDateTime(QDate(2026, 1, 2), QTime(10, 0), Qt::UTC);
    ok.webhook = QStringLiteral("Enrich");
    ok.request =
        QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:1/enrich")},
                     {QStringLiteral("headers"),
                      QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Content-Type")},
                                               {QStringLiteral("value"), QStringLiteral("application/json")}}}},
                     {QStringLiteral("body"), QStringLiteral("{\"email\":\"a@b.c\"}")}};
    ok.response = QJsonObject {{QStringLiteral("status"), 200},
                               {QStringLiteral("reason"), QStringLiteral("OK")},
                               {QStringLiteral("body"), QStringLiteral("{\"ok\":true}")},
                               {QStringLiteral("timings"), QJsonObject {{QStringLiteral("totalMs"), 12.0}}}};
    CallHistoryEntry failed = ok;
    failed.time = ok.time.addSecs(60);
    failed.webhook = QStringLiteral("Form post");
    failed.response = QJsonValue::Null;
    failed.error = QJsonObject {{QStringLiteral("kind"), QStringLiteral("timeout")},
                                {QStringLiteral("message"), QStringLiteral("No answer within 30 s.")}};
    return {ok, failed};
}

void tst_HistoryDialog::listsNewestFirst()
{
    HistoryDialog dialog;
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.setEntries(entries());
    HistoryModel* model = dialog.model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, HistoryModel::WebhookColumn).data().toString(), QStringLiteral("Form post"));
    QCOMPARE(model->index(0, HistoryModel::StatusColumn).data().toString(), QStringLiteral("timeout"));
    QCOMPARE(model->index(1, HistoryModel::StatusColumn).data().toInt(), 200);
    QCOMPARE(model->index(1, HistoryModel::MethodColumn).data().toString(), QStringLiteral("POST"));
    QCOMPARE(model->index(1, HistoryModel::DurationColumn).data().toString(), QStringLiteral("12 ms"));
}

void tst_HistoryDialog::showsAndResends()
{
    HistoryDialog dialog;
    dialog.setEntries(entries());
    WD_FIND_CHILD(request, BodyView, &dialog, "historyRequestView");
    WD_FIND_CHILD(response, BodyView, &dialog, "historyResponseView");
    WD_FIND_CHILD(table, QTableView, &dialog, "historyTable");
    WD_FIND_CHILD(resendButton, QPushButton, &dialog, "historyResendButton");
    QVERIFY(response->text().startsWith(QStringLiteral("No response: timeout")));
    dialog.selectRow(1);
    QVERIFY(
        request->text().startsWith(QStringLiteral("POST http://127.0.0.1:1/enrich\nContent-Type: application/json\n")));
    QVERIFY(response->text().startsWith(QStringLiteral("200 OK\n")));
    QVERIFY(!table->tabKeyNavigation());
    QSignalSpy resend(&dialog, &HistoryDialog::resendRequested);
    QTest::mouseClick(resendButton, Qt::LeftButton);
    QCOMPARE(resend.count(), 1);
    const auto sent = resend.at(0).at(0).value<RenderedRequest>();
    QCOMPARE(sent.method, QStringLiteral("POST"));
    QCOMPARE(sent.body, QByteArray("{\"email\":\"a@b.c\"}"));
    QCOMPARE(sent.headers.size(), 1);
    QCOMPARE(resend.at(0).at(1).toString(), QStringLiteral("Enrich"));

    // A notice is about the selected call: another selection hides it.
    dialog.showNotice(QStringLiteral("Not sent"));
    QCOMPARE(dialog.notice(), QStringLiteral("Not sent"));
    dialog.selectRow(0);
    QCOMPARE(dialog.notice(), QString());
}

QTEST_MAIN(tst_HistoryDialog)
#include "tst_historydialog.moc"
