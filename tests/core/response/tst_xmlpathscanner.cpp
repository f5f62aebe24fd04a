#include "response/XmlPathScanner.h"

#include <QTest>

class tst_XmlPathScanner : public QObject
{
    Q_OBJECT

private slots:
    void findsValues_data();
    void findsValues();
    void rejectsInvalidXml_data();
    void rejectsInvalidXml();
    void billionLaughs();
    void quadraticBlowup();
    void deepNesting();
    void manyPaths();
};

namespace {
ResponsePath xmlPath(const QString& text)
{
    return ResponsePath::parse(text, ResponsePath::Syntax::Xml);
}

QString show(const ResponseValue& v)
{
    if (v.kind == ResponseValue::Kind::String) {
        return QStringLiteral("text:") + v.string;
    }
    return ResponseValue::kindName(v.kind);
}
} // namespace

void tst_XmlPathScanner::findsValues_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    const QByteArray doc = R"(<?xml version="1.0" encoding="UTF-8"?>
<example>
  <foo>bar</foo>
  <elementList>
    <element><foo>first</foo></element>
    <other>skip</other>
    <element id="2"><foo>second</foo></element>
    <element><foo>third</foo></element>
  </elementList>
  <score> 42 </score>
  <empty/>
  <entity>Jack &amp; Jill &#233;</entity>
  <cdata><![CDATA[<raw> & text]]></cdata>
  <mixed>a<b>x</b>c</mixed>
  <comment>be<!-- no -->fore</comment>
</example>)";
    QTest::newRow("child text") << doc << QStringLiteral("example.foo") << QStringLiteral("text:bar");
    QTest::newRow("first by default") << doc << QStringLiteral("example.elementList.element.foo")
                                      << QStringLiteral("text:first");
    QTest::newRow("index 1 is the second")
        << doc << QStringLiteral("example.elementList.element[1].foo") << QStringLiteral("text:second");
    QTest::newRow("index 2 skips other names")
        << doc << QStringLiteral("example.elementList.element[2].foo") << QStringLiteral("text:third");
    QTest::newRow("index past end") << doc << QStringLiteral("example.elementList.element[3].foo")
                                    << QStringLiteral("missing");
    QTest::newRow("other sibling") << doc << QStringLiteral("example.elementList.other[0]")
                                   << QStringLiteral("text:skip");
    QTest::newRow("text keeps spaces") << doc << QStringLiteral("example.score") << QStringLiteral("text: 42 ");
    QTest::newRow("empty element") << doc << QStringLiteral("example.empty") << QStringLiteral("text:");
    QTest::newRow("entities decoded") << doc << QStringLiteral("example.entity")
                                      << QStringLiteral("text:Jack & Jill \u00e9");
    QTest::newRow("cdata") << doc << QStringLiteral("example.cdata") << QStringLiteral("text:<raw> & text");
    QTest::newRow("comment ignored") << doc << QStringLiteral("example.comment") << QStringLiteral("text:before");
    QTest::newRow("element with children") << doc << QStringLiteral("example.elementList") << QStringLiteral("object");
    QTest::newRow("mixed content") << doc << QStringLiteral("example.mixed") << QStringLiteral("object");
    QTest::newRow("root itself") << doc << QStringLiteral("example") << QStringLiteral("object");
    QTest::newRow("wrong root") << doc << QStringLiteral("response.foo") << QStringLiteral("missing");
    QTest::newRow("root index 1") << doc << QStringLiteral("example[1].foo") << QStringLiteral("missing");
    QTest::newRow("no root in path") << doc << QStringLiteral("foo") << QStringLiteral("missing");
    QTest::newRow("case matters") << doc << QStringLiteral("example.FOO") << QStringLiteral("missing");
    QTest::newRow("namespace prefix") << QByteArray(
        R"(<soap:Envelope xmlns:soap="urn:s"><soap:Body><r>ok</r></soap:Body></soap:Envelope>)")
                                      << QStringLiteral("soap:Envelope.soap:Body.r") << QStringLiteral("text:ok");
    QTest::newRow("declared entity") << QByteArray(R"(<!DOCTYPE r [<!ENTITY co "Acme">]><r><c>&co; Inc</c></r>)")
                                     << QStringLiteral("r.c") << QStringLiteral("text:Acme Inc");
}

void tst_XmlPathScanner::findsValues()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const ResponsePath p = xmlPath(path);
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    XmlPathScanner scanner({p});
    QVERIFY2(scanner.scan(xml), qPrintable(scanner.errorString()));
    QCOMPARE(show(scanner.values().at(0)), expected);
}

void tst_XmlPathScanner::rejectsInvalidXml_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << qint64(1) << QStringLiteral("empty");
    QTest::newRow("unclosed") << QByteArray("<r><a>x</a>") << qint64(1) << QStringLiteral("Invalid XML");
    QTest::newRow("mismatched") << QByteArray("<r>\n<a>x</b></r>") << qint64(2) << QStringLiteral("Invalid XML");
    QTest::newRow("two roots") << QByteArray("<r/><s/>") << qint64(1) << QStringLiteral("Invalid XML");
    QTest::newRow("json body") << QByteArray(R"({"a": 1})") << qint64(1) << QStringLiteral("Invalid XML");
    QTest::newRow("undeclared entity") << QByteArray("<r>&nope;</r>") << qint64(1) << QStringLiteral("nope");
    QTest::newRow("nul byte") << QByteArray("<r>a\0b</r>", 9) << qint64(1) << QStringLiteral("Invalid XML");
    QTest::newRow("invalid utf-8") << QByteArray("<r>\xff\xfe</r>") << qint64(1) << QStringLiteral("Invalid XML");
    QTest::newRow("bare ampersand") << QByteArray("<r>Jack & Jill</r>") << qint64(1) << QStringLiteral("Invalid XML");
}

void tst_XmlPathScanner::rejectsInvalidXml()
{
    QFETCH(QByteArray, xml);
    QFETCH(qint64, line);
    QFETCH(QString, message);
    XmlPathScanner scanner({xmlPath(QStringLiteral("r.a"))});
    QVERIFY(!scanner.scan(xml));
    QVERIFY(scanner.hasError());
    QVERIFY2(scanner.errorString().contains(QStringLiteral(" line %1,").arg(line)), qPrintable(scanner.errorString()));
    QVERIFY2(scanner.errorString().contains(message), qPrintable(scanner.errorString()));
    QVERIFY(!scanner.values().at(0).found());
}

void tst_XmlPathScanner::billionLaughs()
{
    QByteArray xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    xml += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
    for (int i = 2; i <= 9; ++i) {
        xml += QByteArray(" <!ENTITY lol") + QByteArray::number(i) + " \"";
        for (int k = 0; k < 10; ++k) {
            xml += "&lol" + QByteArray::number(i - 1) + ";";
        }
        xml += "\">\n";
    }
    xml += "]>\n<lolz><v>&lol9;</v></lolz>";
    XmlPathScanner scanner({xmlPath(QStringLiteral("lolz.v"))});
    QVERIFY(!scanner.scan(xml));
    QVERIFY2(scanner.errorString().contains(QStringLiteral("xpansion"), Qt::CaseInsensitive)
                 || scanner.errorString().contains(QStringLiteral("recursive"), Qt::CaseInsensitive),
             qPrintable(scanner.errorString()));
    QVERIFY(!scanner.values().at(0).found());
}

void tst_XmlPathScanner::quadraticBlowup()
{
    // One large entity referenced many times: each expansion is under any per-entity
    // limit, the total is not.
    QByteArray xml = "<!DOCTYPE r [<!ENTITY a \"" + QByteArray(3000, 'a') + "\">]><r><v>";
    for (int i = 0; i < 5000; ++i) {
        xml += "&a;";
    }
    xml += "</v></r>";
    XmlPathScanner scanner({xmlPath(QStringLiteral("r.v"))});
    // Refused before the reader expands 15 million characters out of 15 kilobytes.
    QVERIFY(!scanner.scan(xml));
    QVERIFY2(scanner.errorString().contains(QStringLiteral("entity expansion attack")),
             qPrintable(scanner.errorString()));
    QVERIFY(!scanner.values().at(0).found());

    // A handful of references to a declared entity is fine.
    QByteArray few = "<!DOCTYPE r [<!ENTITY a \"" + QByteArray(3000, 'a') + "\">]><r><v>&a;&a;</v></r>";
    QVERIFY2(scanner.scan(few), qPrintable(scanner.errorString()));
    QCOMPARE(scanner.values().at(0).string.size(), qsizetype(6000));
}

void tst_XmlPathScanner::deepNesting()
{
    const int depth = 10000;
    QByteArray xml;
    for (int i = 0; i < depth; ++i) {
        xml += "<e>";
    }
    xml += "bottom";
    for (int i = 0; i < depth; ++i) {
        xml += "</e>";
    }
    QStringList steps;
    for (int i = 0; i < depth; ++i) {
        steps << QStringLiteral("e");
    }
    XmlPathScanner scanner({xmlPath(steps.join(QLatin1Char('.'))), xmlPath(QStringLiteral("e.e"))});
    QVERIFY2(scanner.scan(xml), qPrintable(scanner.errorString()));
    QCOMPARE(show(scanner.values().at(0)), QStringLiteral("text:bottom"));
    QCOMPARE(show(scanner.values().at(1)), QStringLiteral("object"));
}

void tst_XmlPathScanner::manyPaths()
{
    QByteArray xml = "<response><items>";
    for (int i = 0; i < 1000; ++i) {
        xml += "<item><id>" + QByteArray::number(i) + "</id><name>n" + QByteArray::number(i) + "</name></item>";
    }
    xml += "</items><status>ok</status></response>";
    QList<ResponsePath> paths;
    for (int i : {0, 1, 500, 999, 1000}) {
        paths << xmlPath(QStringLiteral("response.items.item[%1].name").arg(i));
    }
    paths << xmlPath(QStringLiteral("response.status"));
    XmlPathScanner scanner(paths);
    QVERIFY(scanner.scan(xml));
    QCOMPARE(show(scanner.values().at(0)), QStringLiteral("text:n0"));
    QCOMPARE(show(scanner.values().at(1)), QStringLiteral("text:n1"));
    QCOMPARE(show(scanner.values().at(2)), QStringLiteral("text:n500"));
    QCOMPARE(show(scanner.values().at(3)), QStringLiteral("text:n999"));
    QCOMPARE(show(scanner.values().at(4)), QStringLiteral("missing"));
    QCOMPARE(show(scanner.values().at(5)), QStringLiteral("text:ok"));
}

QTEST_GUILESS_MAIN(tst_XmlPathScanner)
#include "tst_xmlpathscanner.moc"
