#include "preview/DiagnosticModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class tst_DiagnosticModel : public QObject
{
    Q_OBJECT

private slots:
    void showsColumns();
    void unchangedListEmitsNothing();
    void changedListResets();
    void whereLabel_data();
    void whereLabel();

private:
    static QList<Diagnostic> sample();
};

QList<Diagnostic> tst_DiagnosticModel::sample()
{
    Diagnostic error;
    error.severity = Diagnostic::Severity::Error;
    error.where = {DiagnosticLocation::Part::Template};
    error.line = 3;
    error.column = 14;
    error.offset = 40;
    error.length = 2;
    error.message = QStringLiteral("Marketo rejects the escape \\q");
    error.code = QStringLiteral("bad-escape");
    Diagnostic warning;
    warning.severity = Diagnostic::Severity::Warning;
    warning.where = DiagnosticLocation::header(1, true);
    warning.message = QStringLiteral("Empty value");
    return {error, warning};
}

void tst_DiagnosticModel::showsColumns()
{
    DiagnosticModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiagnostics(sample());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(DiagnosticModel::ColumnCount));
    QCOMPARE(model.index(0, DiagnosticModel::SeverityColumn).data().toString(), QStringLiteral("Error"));
    QVERIFY(!model.index(0, DiagnosticModel::SeverityColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(0, DiagnosticModel::WhereColumn).data().toString(), QStringLiteral("Payload template"));
    QCOMPARE(model.index(0, DiagnosticModel::PositionColumn).data().toString(), QStringLiteral("3:14"));
    QCOMPARE(model.index(0, DiagnosticModel::MessageColumn).data().toString(),
             QStringLiteral("Marketo rejects the escape \\q"));
    QCOMPARE(model.index(0, 0).data(DiagnosticModel::WhereRole).toString(), QStringLiteral("template"));
    QCOMPARE(model.index(0, 0).data(DiagnosticModel::LineRole).toInt(), 3);
    QCOMPARE(model.index(0, 0).data(DiagnosticModel::ColumnRole).toInt(), 14);
    QCOMPARE(model.index(0, 0).data(DiagnosticModel::CodeRole).toString(), QStringLiteral("bad-escape"));
    // A whole-property diagnostic has no position.
    QCOMPARE(model.index(1, DiagnosticModel::PositionColumn).data().toString(), QString());
    QCOMPARE(model.index(1, DiagnosticModel::WhereColumn).data().toString(), QStringLiteral("Header 2 value"));
    QCOMPARE(model.count(Diagnostic::Severity::Error), 1);
    QCOMPARE(model.count(Diagnostic::Severity::Warning), 1);
    QCOMPARE(model.count(Diagnostic::Severity::Info), 0);
    QCOMPARE(model.headerData(DiagnosticModel::PositionColumn, Qt::Horizontal).toString(), QStringLiteral("Line:Col"));
}

void tst_DiagnosticModel::unchangedListEmitsNothing()
{
    DiagnosticModel model;
    model.setDiagnostics(sample());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setDiagnostics(sample());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 0);
}

void tst_DiagnosticModel::changedListResets()
{
    DiagnosticModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiagnostics(sample());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QList<Diagnostic> moved = sample();
    moved[0].column = 15;
    model.setDiagnostics(moved);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.index(0, DiagnosticModel::PositionColumn).data().toString(), QStringLiteral("3:15"));
    model.setDiagnostics({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_DiagnosticModel::whereLabel_data()
{
    using Part = DiagnosticLocation::Part;
    QTest::addColumn<DiagnosticLocation>("where");
    QTest::addColumn<QString>("label");
    QTest::newRow("url") << DiagnosticLocation {Part::Url} << QStringLiteral("URL");
    QTest::newRow("template") << DiagnosticLocation {Part::Template} << QStringLiteral("Payload template");
    QTest::newRow("header name") << DiagnosticLocation::header(0, false) << QStringLiteral("Header 1 name");
    QTest::newRow("header value") << DiagnosticLocation::header(12, true) << QStringLiteral("Header 13 value");
    QTest::newRow("mapping attribute") << DiagnosticLocation::mapping(0, false)
                                       << QStringLiteral("Mapping 1 attribute");
    QTest::newRow("mapping field") << DiagnosticLocation::mapping(2, true) << QStringLiteral("Mapping 3 field");
    QTest::newRow("encoding") << DiagnosticLocation {Part::RequestTokenEncoding}
                              << QStringLiteral("Request token encoding");
    QTest::newRow("time zone") << DiagnosticLocation {Part::TimeZone} << QStringLiteral("Time zone");
}

void tst_DiagnosticModel::whereLabel()
{
    QFETCH(DiagnosticLocation, where);
    QFETCH(QString, label);
    QCOMPARE(DiagnosticModel::whereLabel(where), label);
}

QTEST_MAIN(tst_DiagnosticModel)
#include "tst_diagnosticmodel.moc"
