#include "response/ShapeDiffModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

// The drift of a response from its baseline, side by side, under
// QAbstractItemModelTester: removed, added and retyped, used by a mapping or not.
class tst_ShapeDiffModel : public QObject
{
    Q_OBJECT

private slots:
    void driftShowsBothSides_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<bool>("used");
        QTest::addColumn<QStringList>("cells");
        QTest::addColumn<bool>("failure");
        using C = ShapeDifference::Change;
        QTest::newRow("removed, mapped") << int(C::Removed) << true
                                         << QStringList {QStringLiteral("data.company"),
                                                         QStringLiteral("string"),
                                                         QStringLiteral(""),
                                                         QStringLiteral(""),
                                                         QStringLiteral("Removed: breaks a mapping")}
                                         << true;
        QTest::newRow("removed") << int(C::Removed) << false
                                 << QStringList {QStringLiteral("data.company"),
                                                 QStringLiteral("string"),
                                                 QStringLiteral(""),
                                                 QStringLiteral(""),
                                                 QStringLiteral("Removed")}
                                 << false;
        QTest::newRow("added") << int(C::Added) << false
                               << QStringList {QStringLiteral(""),
                                               QStringLiteral(""),
                                               QStringLiteral("data.company"),
                                               QStringLiteral("number"),
                                               QStringLiteral("Added")}
                               << false;
        QTest::newRow("retyped, mapped") << int(C::Retyped) << true
                                         << QStringList {QStringLiteral("data.company"),
                                                         QStringLiteral("string"),
                                                         QStringLiteral("data.company"),
                                                         QStringLiteral("number"),
                                                         QStringLiteral("Retyped: breaks a mapping")}
                                         << true;
        QTest::newRow("retyped") << int(C::Retyped) << false
                                 << QStringList {QStringLiteral("data.company"),
                                                 QStringLiteral("string"),
                                                 QStringLiteral("data.company"),
                                                 QStringLiteral("number"),
                                                 QStringLiteral("Retyped")}
                                 << false;
    }

    void driftShowsBothSides()
    {
        QFETCH(int, change);
        QFETCH(bool, used);
        QFETCH(QStringList, cells);
        QFETCH(bool, failure);
        ShapeDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ShapeDifference difference;
        difference.path = QStringLiteral("data.company");
        difference.change = ShapeDifference::Change(change);
        difference.before = change == int(ShapeDifference::Change::Added) ? QString() : QStringLiteral("string");
        difference.after = change == int(ShapeDifference::Change::Removed) ? QString() : QStringLiteral("number");
        difference.usedByMapping = used;
        ShapeDifference other;
        other.path = QStringLiteral("meta");
        other.change = ShapeDifference::Change::Added;
        other.after = QStringLiteral("object");
        model.setDrift({difference, other});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ShapeDiffModel::ColumnCount));
        for (int column = 0; column < ShapeDiffModel::ColumnCount; ++column)
            QCOMPARE(model.index(0, column).data().toString(), cells.at(column));
        QCOMPARE(model.index(0, 0).data(ShapeDiffModel::FailureRole).toBool(), failure);
        QCOMPARE(model.failureCount(), failure ? 1 : 0);
        QVERIFY(model.index(0, ShapeDiffModel::ChangeColumn).data(Qt::DecorationRole).isValid());
        // A failure reads differently from the addition beside it.
        QCOMPARE(model.index(0, ShapeDiffModel::ChangeColumn).data(Qt::ForegroundRole)
                     == model.index(1, ShapeDiffModel::ChangeColumn).data(Qt::ForegroundRole),
                 change == int(ShapeDifference::Change::Added));
        if (failure)
            QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("mapping")));
    }
};

QTEST_MAIN(tst_ShapeDiffModel)
#include "tst_shapediffmodel.moc"
