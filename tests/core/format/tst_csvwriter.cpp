#include "format/CsvImporter.h"
#include "format/CsvWriter.h"

#include <QTest>

// CSV as RFC 4180 writes it, and read back by the project's own importer.
class tst_CsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void field_data();
    void field();
    void rowEndsInCrLf();
    void readBackByTheImporter();
};

void tst_CsvWriter::field_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("plain") << QStringLiteral("Acme") << QByteArray("Acme");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("comma") << QStringLiteral("Acme, Inc.") << QByteArray("\"Acme, Inc.\"");
    QTest::newRow("quote") << QStringLiteral("The \"Best\"") << QByteArray("\"The \"\"Best\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QByteArray("\"a\rb\"");
    QTest::newRow("surrounding spaces") << QStringLiteral(" x ") << QByteArray("\" x \"");
    QTest::newRow("inner space") << QStringLiteral("x y") << QByteArray("x y");
    QTest::newRow("utf-8") << QStringLiteral("Zürich – 東京") << QStringLiteral("Zürich – 東京").toUtf8();
}

void tst_CsvWriter::field()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, written);
    QCOMPARE(CsvWriter::field(value), written);
}

void tst_CsvWriter::rowEndsInCrLf()
{
    QCOMPARE(CsvWriter::row({QStringLiteral("a"), QStringLiteral("b,c"), QString()}), QByteArray("a,\"b,c\",\r\n"));
}

void tst_CsvWriter::readBackByTheImporter()
{
    const QStringList values = {QStringLiteral("Acme, Inc."),
                                QStringLiteral("The \"Best\" Co"),
                                QStringLiteral("two\nlines"),
                                QStringLiteral("  padded  "),
                                QStringLiteral("Zürich – 東京")};
    QByteArray csv = CsvWriter::row({QStringLiteral("Email Address"), QStringLiteral("Company Name")});
    for (int i = 0; i < values.size(); ++i)
        csv += CsvWriter::row({QStringLiteral("lead%1@example.com").arg(i), values.at(i)});
    CsvImportResult result;
    QString error;
    QVERIFY2(CsvImporter::import(csv, FieldCatalog(), &result, &error), qPrintable(error));
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.leads.size(), values.size());
    for (int i = 0; i < values.size(); ++i) {
        QCOMPARE(result.leads.at(i).value(QStringLiteral("Email Address")).toString(),
                 QStringLiteral("lead%1@example.com").arg(i));
        QCOMPARE(result.leads.at(i).value(QStringLiteral("Company Name")).toString(), values.at(i));
    }
}

QTEST_GUILESS_MAIN(tst_CsvWriter)
#include "tst_csvwriter.moc"
