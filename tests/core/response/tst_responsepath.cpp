#include "response/ResponsePath.h"

#include <QTest>

class tst_ResponsePath : public QObject
{
    Q_OBJECT

private slots:
    void parsesJson_data();
    void parsesJson();
    void rejectsJson_data();
    void rejectsJson();
    void parsesXml_data();
    void parsesXml();
    void rejectsXml_data();
    void rejectsXml();
    void locatesSteps();
};

namespace {
// Steps written compactly for rows: "a|b[2][0]|c".
QString describe(const ResponsePath& p)
{
    QStringList parts;
    for (const ResponsePathStep& s : p.steps()) {
        QString part = s.key;
        for (int i : s.indexes) {
            part += QStringLiteral("[%1]").arg(i);
        }
        parts << part;
    }
    return parts.join(QLatin1Char('|'));
}
} // namespace

void tst_ResponsePath::parsesJson_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("steps");
    QTest::newRow("one key") << QStringLiteral("foo") << QStringLiteral("foo");
    QTest::newRow("index then key") << QStringLiteral("orders[0].orderDate") << QStringLiteral("orders[0]|orderDate");
    QTest::newRow("two indexes") << QStringLiteral("a.b[2][0].c") << QStringLiteral("a|b[2][0]|c");
    QTest::newRow("dash underscore colon") << QStringLiteral("x-y.a_b.ns:c") << QStringLiteral("x-y|a_b|ns:c");
    QTest::newRow("spaces in key") << QStringLiteral("data.first name") << QStringLiteral("data|first name");
    QTest::newRow("digits key") << QStringLiteral("2024.q1") << QStringLiteral("2024|q1");
    QTest::newRow("unicode letters") << QStringLiteral("donn\u00e9es.soci\u00e9t\u00e9")
                                     << QStringLiteral("donn\u00e9es|soci\u00e9t\u00e9");
    QTest::newRow("large index") << QStringLiteral("a[2147483647]") << QStringLiteral("a[2147483647]");
    QTest::newRow("trailing index") << QStringLiteral("list[10]") << QStringLiteral("list[10]");
    // Whitespace is a key character, so a space next to a dot belongs to the key and is
    // matched as written: Marketo allows whitespace in keys and never trims them.
    QTest::newRow("spaces at key edges kept") << QStringLiteral("data. company ") << QStringLiteral("data| company ");
    QTest::newRow("tab in key") << QStringLiteral("a\tb") << QStringLiteral("a\tb");
    QTest::newRow("non-latin digits") << QStringLiteral("a\u0663") << QStringLiteral("a\u0663");
}

void tst_ResponsePath::parsesJson()
{
    QFETCH(QString, path);
    QFETCH(QString, steps);
    const ResponsePath p = ResponsePath::parse(path, ResponsePath::Syntax::Json);
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    QCOMPARE(describe(p), steps);
    QCOMPARE(p.errorOffset(), -1);
}

void tst_ResponsePath::rejectsJson_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << 0 << QStringLiteral("empty");
    QTest::newRow("blank") << QStringLiteral("   ") << 0 << QStringLiteral("empty");
    QTest::newRow("string index") << QStringLiteral("a[\"x\"]") << 1 << QStringLiteral("whole number");
    QTest::newRow("single-quoted index") << QStringLiteral("a['x']") << 1 << QStringLiteral("whole number");
    QTest::newRow("negative index") << QStringLiteral("a[-1]") << 2 << QStringLiteral("negative");
    QTest::newRow("empty index") << QStringLiteral("a[]") << 2 << QStringLiteral("whole number");
    QTest::newRow("unclosed index") << QStringLiteral("a[1") << 3 << QStringLiteral("']'");
    QTest::newRow("index overflow") << QStringLiteral("a[99999999999]") << 2 << QStringLiteral("too large");
    QTest::newRow("dot key char") << QStringLiteral("a.b/c") << 3 << QStringLiteral("'/'");
    QTest::newRow("dollar") << QStringLiteral("$.a") << 0 << QStringLiteral("Filters");
    QTest::newRow("wildcard") << QStringLiteral("a.*") << 2 << QStringLiteral("Wildcards");
    QTest::newRow("quote in key") << QStringLiteral("a.\"b\"") << 2 << QStringLiteral("Quotes");
    QTest::newRow("leading dot") << QStringLiteral(".a") << 0 << QStringLiteral("starts with a dot");
    QTest::newRow("double dot") << QStringLiteral("a..b") << 1 << QStringLiteral("Empty key");
    QTest::newRow("trailing dot") << QStringLiteral("a.") << 1 << QStringLiteral("ends with a dot");
    QTest::newRow("starts with index") << QStringLiteral("[0].a") << 0 << QStringLiteral("must follow");
    QTest::newRow("text after index") << QStringLiteral("a[0]b") << 4 << QStringLiteral("Expected '.'");
    QTest::newRow("stray bracket") << QStringLiteral("a]") << 1 << QStringLiteral("without");
    QTest::newRow("at sign") << QStringLiteral("a.@id") << 2 << QStringLiteral("Attributes");
    QTest::newRow("dot inside key impossible") << QStringLiteral("a.b.c.") << 5 << QStringLiteral("ends with");
    QTest::newRow("emoji") << QStringLiteral("a.\U0001F600") << 2 << QStringLiteral("cannot address");
    // "letters, digits": a superscript, a fraction or a Roman numeral is a number but no digit.
    QTest::newRow("superscript two") << QStringLiteral("a.x\u00b2") << 3 << QStringLiteral("cannot address");
    QTest::newRow("vulgar fraction") << QStringLiteral("\u00bd") << 0 << QStringLiteral("cannot address");
    QTest::newRow("roman numeral") << QStringLiteral("a.\u216b") << 2 << QStringLiteral("cannot address");
    QTest::newRow("filter expression") << QStringLiteral("items[?(@.id)]") << 6 << QStringLiteral("whole number");
    QTest::newRow("bracket key") << QStringLiteral("a['b c']") << 1 << QStringLiteral("whole number");
}

void tst_ResponsePath::rejectsJson()
{
    QFETCH(QString, path);
    QFETCH(int, offset);
    QFETCH(QString, message);
    const ResponsePath p = ResponsePath::parse(path, ResponsePath::Syntax::Json);
    QVERIFY(!p.isValid());
    QVERIFY(p.steps().isEmpty());
    QCOMPARE(p.errorOffset(), offset);
    QVERIFY(p.errorLength() >= 1);
    QVERIFY2(p.error().contains(message), qPrintable(p.error()));
    // The message names the position for people, 1-based.
    QVERIFY2(p.error().contains(QStringLiteral("(character %1)").arg(offset + 1)), qPrintable(p.error()));
}

void tst_ResponsePath::parsesXml_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("steps");
    QTest::newRow("root and child") << QStringLiteral("example.foo") << QStringLiteral("example|foo");
    QTest::newRow("sibling index") << QStringLiteral("elementList.element[1].foo")
                                   << QStringLiteral("elementList|element[1]|foo");
    QTest::newRow("namespace prefix") << QStringLiteral("soap:Envelope.soap:Body")
                                      << QStringLiteral("soap:Envelope|soap:Body");
    QTest::newRow("dash underscore") << QStringLiteral("a-b._c") << QStringLiteral("a-b|_c");
}

void tst_ResponsePath::parsesXml()
{
    QFETCH(QString, path);
    QFETCH(QString, steps);
    const ResponsePath p = ResponsePath::parse(path, ResponsePath::Syntax::Xml);
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    QCOMPARE(describe(p), steps);
}

void tst_ResponsePath::rejectsXml_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");
    QTest::newRow("attribute") << QStringLiteral("root.item.@id") << 10 << QStringLiteral("Attributes");
    QTest::newRow("two indexes") << QStringLiteral("root.item[0][1]") << 12 << QStringLiteral("one index");
    QTest::newRow("space in name") << QStringLiteral("root.first name") << 10 << QStringLiteral("a space");
    QTest::newRow("digit first") << QStringLiteral("root.1st") << 5 << QStringLiteral("cannot start");
    QTest::newRow("string index") << QStringLiteral("root[\"a\"]") << 4 << QStringLiteral("whole number");
    QTest::newRow("empty") << QString() << 0 << QStringLiteral("empty");
}

void tst_ResponsePath::rejectsXml()
{
    QFETCH(QString, path);
    QFETCH(int, offset);
    QFETCH(QString, message);
    const ResponsePath p = ResponsePath::parse(path, ResponsePath::Syntax::Xml);
    QVERIFY(!p.isValid());
    QCOMPARE(p.errorOffset(), offset);
    QVERIFY2(p.error().contains(message), qPrintable(p.error()));
}

void tst_ResponsePath::locatesSteps()
{
    const ResponsePath p = ResponsePath::parse(QStringLiteral("data.orders[3].total"), ResponsePath::Syntax::Json);
    QVERIFY(p.isValid());
    QCOMPARE(p.steps().size(), 3);
    QCOMPARE(p.steps().at(1).offset, 5);
    QCOMPARE(p.steps().at(1).length, 6);
    QCOMPARE(p.steps().at(2).offset, 15);
    QCOMPARE(p.text(), QStringLiteral("data.orders[3].total"));
    QCOMPARE(p.syntax(), ResponsePath::Syntax::Json);
}

QTEST_GUILESS_MAIN(tst_ResponsePath)
#include "tst_responsepath.moc"
