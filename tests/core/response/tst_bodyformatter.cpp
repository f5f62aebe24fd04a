#include "response/BodyFormatter.h"

#include <QTest>

// BodyFormatter on its own: which format a body is shown in, the JSON, XML and form
// pretty-printers (byte-exact output, the cap on a huge body, bad input left unchanged
// with a reason), the UTF-8-safe prefix and the size text.
Q_DECLARE_METATYPE(BodyFormat)

class tst_BodyFormatter : public QObject
{
    Q_OBJECT

private slots:
    void detect_data();
    void detect();
    void contentType();
    void pretty_data();
    void pretty();
    void badJsonIsShownAsReceived_data();
    void badJsonIsShownAsReceived();
    void jsonStopsAtTheCap();
    void badXmlIsShownAsReceived();
    void xmlStopsAtTheCap();
    void utf8Prefix_data();
    void utf8Prefix();
    void sizeText_data();
    void sizeText();
};

void tst_BodyFormatter::detect_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<BodyFormat>("format");
    QTest::newRow("json with charset") << QByteArray("application/json; charset=utf-8") << QByteArray("x")
                                       << BodyFormat::Json;
    QTest::newRow("problem+json, upper case")
        << QByteArray("APPLICATION/PROBLEM+JSON") << QByteArray() << BodyFormat::Json;
    QTest::newRow("text/xml") << QByteArray("text/xml") << QByteArray("{}") << BodyFormat::Xml;
    QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << QByteArray("a=1") << BodyFormat::Form;
    QTest::newRow("plain text, object sniffed")
        << QByteArray("text/plain") << QByteArray(" \r\n\t{\"a\":1}") << BodyFormat::Json;
    QTest::newRow("no type, array") << QByteArray() << QByteArray("[1]") << BodyFormat::Json;
    QTest::newRow("no type, element") << QByteArray() << QByteArray("\n<a/>") << BodyFormat::Xml;
    QTest::newRow("no type, words") << QByteArray() << QByteArray("hello {") << BodyFormat::Text;
    QTest::newRow("no type, blank") << QByteArray() << QByteArray("   ") << BodyFormat::Text;
    QTest::newRow("nothing at all") << QByteArray() << QByteArray() << BodyFormat::Text;
}

void tst_BodyFormatter::detect()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(BodyFormat, format);
    QCOMPARE(BodyFormatter::detect(contentType, body), format);
}

void tst_BodyFormatter::contentType()
{
    const QList<QPair<QByteArray, QByteArray>> headers = {{"X-Trace", "1"}, {"content-TYPE", "text/xml"}};
    QCOMPARE(BodyFormatter::contentType(headers), QByteArray("text/xml"));
    QCOMPARE(BodyFormatter::contentType({{"Content-Length", "2"}}), QByteArray());
    QCOMPARE(BodyFormatter::contentType({}), QByteArray());
}

void tst_BodyFormatter::pretty_data()
{
    QTest::addColumn<BodyFormat>("format");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("pretty");
    QTest::newRow("json: object and array") << BodyFormat::Json << QByteArray(R"({"a":1,"b":[true,null]})")
                                            << QByteArray("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ]\n}\n");
    QTest::newRow("json: key order and number spelling kept") << BodyFormat::Json << QByteArray(R"({"z":1.50,"a":1e3})")
                                                              << QByteArray("{\n  \"z\": 1.50,\n  \"a\": 1e3\n}\n");
    QTest::newRow("json: punctuation inside strings") << BodyFormat::Json << QByteArray(R"({"s":"a,b:{\"c\"}[]"})")
                                                      << QByteArray("{\n  \"s\": \"a,b:{\\\"c\\\"}[]\"\n}\n");
    QTest::newRow("json: empty containers stay on one line")
        << BodyFormat::Json << QByteArray("{\"o\":{ },\"l\":[\n]}") << QByteArray("{\n  \"o\": {},\n  \"l\": []\n}\n");
    QTest::newRow("json: whitespace replaced")
        << BodyFormat::Json << QByteArray(" [ 1 ,\r\n\t2 ] ") << QByteArray("[\n  1,\n  2\n]\n");
    QTest::newRow("json: a bare number") << BodyFormat::Json << QByteArray("42") << QByteArray("42\n");
    QTest::newRow("json: unicode kept") << BodyFormat::Json << QByteArray("{\"n\":\"Zoë \\u00e9\"}")
                                        << QByteArray("{\n  \"n\": \"Zoë \\u00e9\"\n}\n");
    QTest::newRow("xml: nested") << BodyFormat::Xml << QByteArray(R"(<a><b x="1">t</b><c/></a>)")
                                 << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b x=\"1\">t</b>\n  "
                                               "<c/>\n</a>\n");
    QTest::newRow("xml: old indentation replaced") << BodyFormat::Xml << QByteArray("<a>\n        <b/>\n</a>")
                                                   << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  "
                                                                 "<b/>\n</a>\n");
    QTest::newRow("form: two pairs") << BodyFormat::Form << QByteArray("name=Ada+Lovelace&email=ada%40example.com")
                                     << QByteArray("name = Ada Lovelace\nemail = ada@example.com\n");
    QTest::newRow("form: no value") << BodyFormat::Form << QByteArray("flag&x=") << QByteArray("flag = \nx = \n");
    QTest::newRow("form: encoded plus stays a plus")
        << BodyFormat::Form << QByteArray("a%2Bb=1%2B1") << QByteArray("a+b = 1+1\n");
    QTest::newRow("form: cut escapes kept") << BodyFormat::Form << QByteArray("%=%4") << QByteArray("% = %4\n");
    QTest::newRow("form: utf-8") << BodyFormat::Form << QByteArray("city=K%C3%B6ln") << QByteArray("city = Köln\n");
    QTest::newRow("text: as it is") << BodyFormat::Text << QByteArray("{\"a\":1}") << QByteArray("{\"a\":1}");
}

void tst_BodyFormatter::pretty()
{
    QFETCH(BodyFormat, format);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, pretty);
    const BodyFormatter::Pretty result = BodyFormatter::pretty(body, format);
    QCOMPARE(result.text, pretty);
    QCOMPARE(result.error, QString());
}

void tst_BodyFormatter::badJsonIsShownAsReceived_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("unclosed object") << QByteArray(R"({"a":1)") << QStringLiteral("unclosed object or array");
    QTest::newRow("unterminated string") << QByteArray(R"({"a":"x})") << QStringLiteral("unterminated string");
    QTest::newRow("one bracket too many") << QByteArray("[1]]") << QStringLiteral("unbalanced ']' at byte 3");
    QTest::newRow("closing first") << QByteArray("}{") << QStringLiteral("unbalanced '}' at byte 0");
}

void tst_BodyFormatter::badJsonIsShownAsReceived()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const BodyFormatter::Pretty result = BodyFormatter::prettyJson(body);
    QCOMPARE(result.text, body);
    QCOMPARE(result.error, error);
}

void tst_BodyFormatter::jsonStopsAtTheCap()
{
    // Printing stops at the first byte boundary at or past the cap: "{", the newline and
    // the indent, then the opening quote of the key.
    const BodyFormatter::Pretty capped = BodyFormatter::prettyJson(R"({"a":[1,2,3]})", 5);
    QCOMPARE(capped.text, QByteArray("{\n  \""));
    QCOMPARE(capped.error, QString());
    // A problem past the cap is not reported: only the prefix was read.
    const BodyFormatter::Pretty unread = BodyFormatter::prettyJson(R"({"a":1,"b":)", 3);
    QCOMPARE(unread.error, QString());
    QVERIFY(unread.text.size() < 8);
}

void tst_BodyFormatter::badXmlIsShownAsReceived()
{
    const QByteArray body = "<a><b></a>";
    const BodyFormatter::Pretty result = BodyFormatter::prettyXml(body);
    QCOMPARE(result.text, body);
    QVERIFY2(result.error.startsWith(QStringLiteral("line 1, column ")), qPrintable(result.error));
}

void tst_BodyFormatter::xmlStopsAtTheCap()
{
    QByteArray body = "<list>";
    for (int i = 0; i < 1000; ++i)
        body += "<item>" + QByteArray::number(i) + "</item>";
    body += "</list>";
    const QByteArray whole = BodyFormatter::prettyXml(body).text;
    const BodyFormatter::Pretty capped = BodyFormatter::prettyXml(body, 100);
    QCOMPARE(capped.error, QString());
    QVERIFY(capped.text.size() >= 100);
    QVERIFY(capped.text.size() < 200);
    QVERIFY(whole.startsWith(capped.text));
}

void tst_BodyFormatter::utf8Prefix_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("shorter than the cap") << QByteArray("abc") << 5 << QByteArray("abc");
    QTest::newRow("ascii cut") << QByteArray("abcdef") << 3 << QByteArray("abc");
    QTest::newRow("two-byte sequence not cut") << QByteArray("a\xc3\xa9") << 2 << QByteArray("a");
    QTest::newRow("three-byte sequence not cut") << QByteArray("\xe2\x82\xac") << 2 << QByteArray();
    QTest::newRow("exact fit") << QByteArray("\xc3\xa9\xe2\x82\xac") << 5 << QByteArray("\xc3\xa9\xe2\x82\xac");
    QTest::newRow("cut after a whole sequence") << QByteArray("\xc3\xa9\xe2\x82\xac") << 4 << QByteArray("\xc3\xa9");
    QTest::newRow("nothing") << QByteArray("abc") << 0 << QByteArray();
}

void tst_BodyFormatter::utf8Prefix()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxBytes);
    QFETCH(QByteArray, prefix);
    QCOMPARE(BodyFormatter::utf8Prefix(bytes, maxBytes), prefix);
}

void tst_BodyFormatter::sizeText_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0 B");
    QTest::newRow("largest in bytes") << qint64(1023) << QStringLiteral("1023 B");
    QTest::newRow("one KiB") << qint64(1024) << QStringLiteral("1.0 KiB");
    QTest::newRow("one and a half KiB") << qint64(1536) << QStringLiteral("1.5 KiB");
    QTest::newRow("largest in KiB") << qint64(1024 * 1024 - 1) << QStringLiteral("1024.0 KiB");
    QTest::newRow("one MiB") << qint64(1024 * 1024) << QStringLiteral("1.0 MiB");
    QTest::newRow("50 MiB") << qint64(50) * 1024 * 1024 << QStringLiteral("50.0 MiB");
}

void tst_BodyFormatter::sizeText()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(BodyFormatter::sizeText(bytes), text);
}

QTEST_GUILESS_MAIN(tst_BodyFormatter)
#include "tst_bodyformatter.moc"
