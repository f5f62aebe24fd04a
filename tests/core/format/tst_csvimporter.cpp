#include "format/CsvImporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class tst_CsvImporter : public QObject
{
    Q_OBJECT

private slots:
    void imports_data();
    void imports();
    void emptyFileIsFatal();
    void badHeaderIsFatal();
    void unknownColumnsWarnOnce();
    void duplicateColumnsWarn();
    void bundledSampleLeadsImportClean();
    void missingFileIsFatal();
    void hundredThousandRows();
    void tenThousandColumns();
    void pathologicalQuotesStop();
};

void tst_CsvImporter::imports_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QByteArray>("leads");   // a JSON array of the expected leads
    QTest::addColumn<QStringList>("errors"); // "row:part of the message"

    const QStringList none;
    QTest::newRow("LF") << QByteArray("First Name,Email Address\nAda,ada@example.com\nBob,bob@example.com\n")
                        << QByteArray(R"([{"First Name":"Ada","Email Address":"ada@example.com"},
                                          {"First Name":"Bob","Email Address":"bob@example.com"}])")
                        << none;
    QTest::newRow("CRLF") << QByteArray("First Name,Email Address\r\nAda,ada@example.com\r\nBob,bob@example.com\r\n")
                          << QByteArray(R"([{"First Name":"Ada","Email Address":"ada@example.com"},
                                            {"First Name":"Bob","Email Address":"bob@example.com"}])")
                          << none;
    QTest::newRow("no final newline") << QByteArray("First Name\nAda\nBob")
                                      << QByteArray(R"([{"First Name":"Ada"},{"First Name":"Bob"}])") << none;
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF"
                                       "Email Address\r\nada@example.com\r\n")
                         << QByteArray(R"([{"Email Address":"ada@example.com"}])") << none;
    QTest::newRow("API names stored under display names")
        << QByteArray("firstName,email,leadScore\nAda,ada@example.com,42\n")
        << QByteArray(R"([{"First Name":"Ada","Email Address":"ada@example.com","Lead Score":"42"}])") << none;
    QTest::newRow("header any case, padded")
        << QByteArray("EMAIL ADDRESS , company name\nada@example.com,Acme\n")
        << QByteArray(R"([{"Email Address":"ada@example.com","Company Name":"Acme"}])") << none;
    QTest::newRow("quoted comma") << QByteArray("Company Name,City\n\"Jack, Jill & Co\",Berlin\n")
                                  << QByteArray(R"([{"Company Name":"Jack, Jill & Co","City":"Berlin"}])") << none;
    QTest::newRow("quoted quotes") << QByteArray("Company Name\n\"Jack & Jill \"\"J&J\"\" Ltd\"\n")
                                   << QByteArray(R"([{"Company Name":"Jack & Jill \"J&J\" Ltd"}])") << none;
    QTest::newRow("multi-line cell LF") << QByteArray("Address,City\n\"1 Main St\nSuite 2\",Paris\nx,y\n")
                                        << QByteArray(R"([{"Address":"1 Main St\nSuite 2","City":"Paris"},
                                                          {"Address":"x","City":"y"}])")
                                        << none;
    QTest::newRow("multi-line cell CRLF kept")
        << QByteArray("Address,City\r\n\"1 Main St\r\nSuite 2\",Paris\r\n")
        << QByteArray(R"([{"Address":"1 Main St\r\nSuite 2","City":"Paris"}])") << none;
    QTest::newRow("quoted empty and plain empty omitted") << QByteArray("First Name,Last Name,City\n\"\",Lovelace,\n")
                                                          << QByteArray(R"([{"Last Name":"Lovelace"}])") << none;
    QTest::newRow("blank lines skipped") << QByteArray("\nFirst Name\n\nAda\n\r\n\nBob\n\n")
                                         << QByteArray(R"([{"First Name":"Ada"},{"First Name":"Bob"}])") << none;
    QTest::newRow("non-ASCII")
        << QByteArray("First Name,City\nJos\xC3\xA9,M\xC3\xBCnchen\n\xE5\xB1\xB1\xE7\x94\xB0,\xF0\x9F\x98\x80\n")
        << QByteArray(R"([{"First Name":"José","City":"München"},{"First Name":"山田","City":"😀"}])") << none;
    QTest::newRow("bare quote inside a value is text")
        << QByteArray("Job Title\n5\" screen buyer\n") << QByteArray(R"([{"Job Title":"5\" screen buyer"}])") << none;
    QTest::newRow("unknown column under header text")
        << QByteArray("Email Address,Shoe Size\nada@example.com,38\n")
        << QByteArray(R"([{"Email Address":"ada@example.com","Shoe Size":"38"}])") << none;

    // Bad rows: reported with the spreadsheet's row number; the others import.
    QTest::newRow("too few fields")
        << QByteArray("First Name,City\nAda,Paris\nBob\nCid,Rome\n")
        << QByteArray(R"([{"First Name":"Ada","City":"Paris"},{"First Name":"Cid","City":"Rome"}])")
        << QStringList {QStringLiteral("3:1 fields, expected 2")};
    QTest::newRow("too many fields (trailing comma)") << QByteArray("First Name,City\nAda,Paris,\nCid,Rome\n")
                                                      << QByteArray(R"([{"First Name":"Cid","City":"Rome"}])")
                                                      << QStringList {QStringLiteral("2:3 fields, expected 2")};
    QTest::newRow("row numbers count records, not lines")
        << QByteArray("Address,City\n\"a\nb\nc\",x\n\ny\n\"d\",z\n")
        << QByteArray(R"([{"Address":"a\nb\nc","City":"x"},{"Address":"d","City":"z"}])")
        << QStringList {QStringLiteral("4:1 fields")};
    QTest::newRow("unterminated quote recovers at next line")
        << QByteArray("First Name,City\nAda,Paris\n\"Bob,Rome\nCid,Oslo\nDee,Kyiv\n")
        << QByteArray(R"([{"First Name":"Ada","City":"Paris"},{"First Name":"Cid","City":"Oslo"},
                          {"First Name":"Dee","City":"Kyiv"}])")
        << QStringList {QStringLiteral("3:unterminated quote")};
    QTest::newRow("text after closing quote") << QByteArray("First Name,City\n\"Ada\"x,Paris\nBob,Rome\n")
                                              << QByteArray(R"([{"First Name":"Bob","City":"Rome"}])")
                                              << QStringList {QStringLiteral("2:text after a closing quote")};
    QTest::newRow("invalid UTF-8") << QByteArray("First Name,City\nAda,Par\xFFis\nBob,Rome\nCid,\xC3(\n")
                                   << QByteArray(R"([{"First Name":"Bob","City":"Rome"}])")
                                   << QStringList {QStringLiteral("2:invalid UTF-8 in column 2 (\"City\")"),
                                                   QStringLiteral("4:invalid UTF-8")};
    QTest::newRow("overlong and surrogate UTF-8 rejected")
        << QByteArray("First Name\n\xC0\xAF\n\xED\xA0\x80\nAda\n") << QByteArray(R"([{"First Name":"Ada"}])")
        << QStringList {QStringLiteral("2:invalid UTF-8"), QStringLiteral("3:invalid UTF-8")};
    QTest::newRow("truncated UTF-8 at end of file")
        << QByteArray("First Name\nAda\n\xE2\x82") << QByteArray(R"([{"First Name":"Ada"}])")
        << QStringList {QStringLiteral("3:invalid UTF-8")};
    QTest::newRow("only a header") << QByteArray("First Name,Email Address\r\n") << QByteArray("[]") << none;
}

void tst_CsvImporter::imports()
{
    QFETCH(QByteArray, csv);
    QFETCH(QByteArray, leads);
    QFETCH(QStringList, errors);

    CsvImportResult result;
    QString error;
    QVERIFY2(CsvImporter::import(csv, FieldCatalog(), &result, &error), qPrintable(error));
    QJsonArray actual;
    for (const QJsonObject& lead : result.leads) {
        actual.append(lead);
    }
    QJsonParseError parseError;
    const QJsonDocument expected = QJsonDocument::fromJson(leads, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QCOMPARE(QJsonDocument(actual).toJson(QJsonDocument::Compact), expected.toJson(QJsonDocument::Compact));

    QCOMPARE(result.errors.size(), errors.size());
    for (int i = 0; i < errors.size(); ++i) {
        const int colon = int(errors[i].indexOf(QLatin1Char(':')));
        QCOMPARE(result.errors[i].row, errors[i].left(colon).toInt());
        QVERIFY2(result.errors[i].message.contains(errors[i].mid(colon + 1)), qPrintable(result.errors[i].message));
        QVERIFY(result.errors[i].toString().startsWith(QStringLiteral("row %1").arg(result.errors[i].row)));
    }
}

void tst_CsvImporter::emptyFileIsFatal()
{
    for (const QByteArray& csv : {QByteArray(), QByteArray("\xEF\xBB\xBF"), QByteArray("\n\r\n\n")}) {
        CsvImportResult result;
        QString error;
        QVERIFY(!CsvImporter::import(csv, FieldCatalog(), &result, &error));
        QVERIFY(error.contains(QStringLiteral("empty")));
        QVERIFY(result.leads.isEmpty());
    }
}

void tst_CsvImporter::badHeaderIsFatal()
{
    CsvImportResult result;
    QString error;
    QVERIFY(!CsvImporter::import("\"First Name,City\nAda,Paris\n", FieldCatalog(), &result, &error));
    QVERIFY2(error.startsWith(QStringLiteral("row 1: bad header row: unterminated quote")), qPrintable(error));
    QVERIFY(!CsvImporter::import("First\xFF,City\nAda,Paris\n", FieldCatalog(), &result, &error));
    QVERIFY(error.contains(QStringLiteral("invalid UTF-8 in column 1")));
    QVERIFY(result.leads.isEmpty());
    QVERIFY(result.columnKeys.isEmpty());
}

void tst_CsvImporter::unknownColumnsWarnOnce()
{
    QList<Field> custom;
    custom.append(
        Field {QStringLiteral("Favorite Color"), QStringLiteral("favoriteColor"), FieldType::String, false, false, {}});
    CsvImportResult result;
    QVERIFY(CsvImporter::import(
        "favoritecolor,Shoe Size,Hat Size\nred,38,7\nblue,40,8\ngreen,41,9\n", FieldCatalog(custom), &result));
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.columnKeys,
             (QStringList {QStringLiteral("Favorite Color"), QStringLiteral("Shoe Size"), QStringLiteral("Hat Size")}));
    QCOMPARE(result.unknownColumns, (QStringList {QStringLiteral("Shoe Size"), QStringLiteral("Hat Size")}));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings[0].contains(QStringLiteral("2 columns are not lead fields")));
    QVERIFY(result.warnings[0].contains(QStringLiteral("\"Shoe Size\", \"Hat Size\"")));
    QCOMPARE(result.leads.size(), 3);
    QCOMPARE(result.leads[2].value(QStringLiteral("Favorite Color")).toString(), QStringLiteral("green"));
}

void tst_CsvImporter::duplicateColumnsWarn()
{
    CsvImportResult result;
    QVERIFY(CsvImporter::import("Email Address,email,\na@x.com,b@x.com,z\n", FieldCatalog(), &result));
    QCOMPARE(result.leads.size(), 1);
    QCOMPARE(result.leads[0].value(QStringLiteral("Email Address")).toString(), QStringLiteral("a@x.com"));
    QCOMPARE(result.leads[0].size(), 1);
    QCOMPARE(result.warnings.size(), 2);
    QVERIFY(result.warnings[0].contains(QStringLiteral("columns 1 and 2 are both \"Email Address\"")));
    QVERIFY(result.warnings[1].contains(QStringLiteral("column 3 has no header")));
}

void tst_CsvImporter::bundledSampleLeadsImportClean()
{
    CsvImportResult result;
    QString error;
    QVERIFY2(CsvImporter::importFile(
                 QStringLiteral(WD_SOURCE_DIR "/resources/sample-leads.csv"), FieldCatalog(), &result, &error),
             qPrintable(error));
    QVERIFY(result.errors.isEmpty());
    QVERIFY(result.unknownColumns.isEmpty());
    QCOMPARE(result.leads.size(), 10);
    bool multiLine = false;
    bool comma = false;
    bool quote = false;
    for (const QJsonObject& lead : result.leads) {
        for (const QJsonValue& v : lead) {
            multiLine = multiLine || v.toString().contains(QLatin1Char('\n'));
            comma = comma || v.toString().contains(QLatin1Char(','));
            quote = quote || v.toString().contains(QLatin1Char('"'));
        }
    }
    QVERIFY(multiLine);
    QVERIFY(comma);
    QVERIFY(quote);
}

void tst_CsvImporter::missingFileIsFatal()
{
    CsvImportResult result;
    QString error;
    QVERIFY(!CsvImporter::importFile(QStringLiteral("/nonexistent/leads.csv"), FieldCatalog(), &result, &error));
    QVERIFY(error.startsWith(QStringLiteral("cannot read /nonexistent/leads.csv")));
}

void tst_CsvImporter::hundredThousandRows()
{
    constexpr int rows = 100000;
    QByteArray csv = "Id,First Name,Last Name,Email Address,Company Name,City,Annual Revenue,Lead Score\r\n";
    csv.reserve(rows * 100);
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        csv += n + ",Ada" + n + ",Lovelace,ada" + n + "@example.com,\"Analytical, Engines \"\"AE\"\"\",London,"
               + QByteArray::number(i * 1000) + "," + QByteArray::number(i % 100) + "\r\n";
    }
    CsvImportResult result;
    QVERIFY(CsvImporter::import(csv, FieldCatalog(), &result));
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.leads.size(), rows);
    QCOMPARE(result.leads.last().value(QStringLiteral("Email Address")).toString(),
             QStringLiteral("ada99999@example.com"));
    QCOMPARE(result.leads[7].value(QStringLiteral("Company Name")).toString(),
             QStringLiteral("Analytical, Engines \"AE\""));
}

void tst_CsvImporter::tenThousandColumns()
{
    constexpr int columns = 10000;
    QByteArray header;
    QByteArray row;
    for (int c = 0; c < columns; ++c) {
        header += (c ? "," : "") + QByteArray("Column ") + QByteArray::number(c);
        row += (c ? "," : "") + QByteArray("v") + QByteArray::number(c);
    }
    const QByteArray csv = header + "\n" + row + "\n" + row + "\n";
    CsvImportResult result;
    QVERIFY(CsvImporter::import(csv, FieldCatalog(), &result));
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.leads.size(), 2);
    QCOMPARE(result.leads[1].size(), columns);
    QCOMPARE(result.leads[1].value(QStringLiteral("Column 9999")).toString(), QStringLiteral("v9999"));
    QCOMPARE(result.unknownColumns.size(), columns);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings[0].contains(QStringLiteral("and 9990 more")));
}

void tst_CsvImporter::pathologicalQuotesStop()
{
    // Every line opens a quote: each one closes on the next line and leaves text after the
    // closing quote, so every record is bad; the import reports each, in one pass.
    QByteArray csv = "First Name\n";
    for (int i = 0; i < 5000; ++i) {
        csv += "\"x\n";
    }
    CsvImportResult result;
    QVERIFY(CsvImporter::import(csv, FieldCatalog(), &result));
    QVERIFY(result.leads.isEmpty());
    QCOMPARE(result.errors.size(), 2500);
    QCOMPARE(result.errors.first().row, 2);
    QCOMPARE(result.errors.first().line, 2);
    QCOMPARE(result.errors[1].row, 3);
    QCOMPARE(result.errors[1].line, 4);

    // A quote that never closes, at the end: reported, the rows before it kept.
    QVERIFY(CsvImporter::import("First Name\nAda\n\"Bob", FieldCatalog(), &result));
    QCOMPARE(result.leads.size(), 1);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(result.errors[0].message.contains(QStringLiteral("unterminated quote")));
}

QTEST_GUILESS_MAIN(tst_CsvImporter)
#include "tst_csvimporter.moc"
