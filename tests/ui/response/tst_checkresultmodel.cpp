#include "response/CheckResultModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The checks' results of a response, under QAbstractItemModelTester.
class tst_CheckResultModel : public QObject
{
    Q_OBJECT

private slots:
    void resultsShowPassOrFailWithWhatWasSeen()
    {
        CheckResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        Check named = Check::status(QStringLiteral("2xx"));
        named.name = QStringLiteral("Answers");
        Check written;
        written.kind = Check::Kind::FieldWritten;
        written.target = QStringLiteral("company");
        CheckResult passed;
        passed.check = named;
        passed.passed = true;
        passed.actual = QStringLiteral("200");
        passed.message = QStringLiteral("status 200 is 2xx");
        CheckResult failed;
        failed.check = written;
        failed.passed = false;
        failed.actual = QStringLiteral("not written");
        failed.message = QStringLiteral("company is not written: data.company is missing");
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setResults({passed, failed});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.passedCount(), 1);
        QCOMPARE(model.index(0, CheckResultModel::CheckColumn).data().toString(), QStringLiteral("Answers"));
        QCOMPARE(model.index(1, CheckResultModel::CheckColumn).data().toString(), written.description());
        QCOMPARE(model.index(0, CheckResultModel::ResultColumn).data().toString(), QStringLiteral("Passed"));
        QCOMPARE(model.index(1, CheckResultModel::ResultColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(1, CheckResultModel::ActualColumn).data().toString(), QStringLiteral("not written"));
        QCOMPARE(model.index(1, CheckResultModel::MessageColumn).data().toString(), failed.message);
        QVERIFY(model.index(0, CheckResultModel::ResultColumn).data(CheckResultModel::PassedRole).toBool());
        QVERIFY(!model.index(1, CheckResultModel::ResultColumn).data(CheckResultModel::PassedRole).toBool());
        // A mark for each, in a different colour.
        QVERIFY(model.index(0, CheckResultModel::ResultColumn).data(Qt::DecorationRole).isValid());
        QVERIFY(model.index(0, CheckResultModel::ResultColumn).data(Qt::ForegroundRole)
                != model.index(1, CheckResultModel::ResultColumn).data(Qt::ForegroundRole));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_CheckResultModel)
#include "tst_checkresultmodel.moc"
