#include "response/JsonPathScanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

class tst_JsonPathScanner : public QObject
{
    Q_OBJECT

private slots:
    void findsValues_data();
    void findsValues();
    void rejectsInvalidJson_data();
    void rejectsInvalidJson();
    void manyPathsOnePass();
    void duplicateKeyLastWins();
    void keepsBigIntegerText();
    void deepNesting();
    void deepNestingUnclosed();
    void nulAndInvalidUtf8NeverCrash();
    void agreesWithQJsonDocument();
    void rescanResets();
};

namespace {
ResponsePath jsonPath(const QString& text)
{
    return ResponsePath::parse(text, ResponsePath::Syntax::Json);
}

// A value as a row can compare it: "kind:text".
QString show(const ResponseValue& v)
{
    const QString kind = ResponseValue::kindName(v.kind);
    switch (v.kind) {
    case ResponseValue::Kind::String:
        return kind + QLatin1Char(':') + v.string;
    case ResponseValue::Kind::Number:
        return kind + QLatin1Char(':') + QString::fromLatin1(v.numberText) + QLatin1Char('=')
               + QString::number(v.number, 'g', 17);
    case ResponseValue::Kind::Bool:
        return kind + QLatin1Char(':') + (v.boolean ? QStringLiteral("true") : QStringLiteral("false"));
    default:
        return kind;
    }
}
} // namespace

void tst_JsonPathScanner::findsValues_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    const QByteArray doc = R"({"foo": "bar", "n": 42, "f": -1.5e2, "t": true, "no": false, "z": null,
        "orders": [{"orderDate": "2024-01-02", "total": 10}, {"orderDate": "2024-02-03", "items": [[1, 2], [3, 4]]}],
        "a": {"b": [[{"c": "deep0"}], [{"c": "deep1"}], [{"c": "x"}, {"c": "deep2-1"}]]},
        "first name": "Ada", "ns:key": "colon", "x-y_z": "dashes", "obj": {}, "arr": []})";
    QTest::newRow("string") << doc << QStringLiteral("foo") << QStringLiteral("string:bar");
    QTest::newRow("integer") << doc << QStringLiteral("n") << QStringLiteral("number:42=42");
    QTest::newRow("exponent") << doc << QStringLiteral("f") << QStringLiteral("number:-1.5e2=-150");
    QTest::newRow("true") << doc << QStringLiteral("t") << QStringLiteral("boolean:true");
    QTest::newRow("false") << doc << QStringLiteral("no") << QStringLiteral("boolean:false");
    QTest::newRow("null") << doc << QStringLiteral("z") << QStringLiteral("null");
    QTest::newRow("index 0") << doc << QStringLiteral("orders[0].orderDate") << QStringLiteral("string:2024-01-02");
    QTest::newRow("index 1") << doc << QStringLiteral("orders[1].orderDate") << QStringLiteral("string:2024-02-03");
    QTest::newRow("index past end") << doc << QStringLiteral("orders[2].orderDate") << QStringLiteral("missing");
    QTest::newRow("nested indexes") << doc << QStringLiteral("orders[1].items[1][0]") << QStringLiteral("number:3=3");
    QTest::newRow("a.b[2][1].c") << doc << QStringLiteral("a.b[2][1].c") << QStringLiteral("string:deep2-1");
    QTest::newRow("a.b[0][0].c") << doc << QStringLiteral("a.b[0][0].c") << QStringLiteral("string:deep0");
    QTest::newRow("object kind") << doc << QStringLiteral("a") << QStringLiteral("object");
    QTest::newRow("array kind") << doc << QStringLiteral("orders") << QStringLiteral("array");
    QTest::newRow("empty object") << doc << QStringLiteral("obj") << QStringLiteral("object");
    QTest::newRow("empty array") << doc << QStringLiteral("arr") << QStringLiteral("array");
    QTest::newRow("key with space") << doc << QStringLiteral("first name") << QStringLiteral("string:Ada");
    QTest::newRow("key with colon") << doc << QStringLiteral("ns:key") << QStringLiteral("string:colon");
    QTest::newRow("key with dash") << doc << QStringLiteral("x-y_z") << QStringLiteral("string:dashes");
    QTest::newRow("missing key") << doc << QStringLiteral("nope") << QStringLiteral("missing");
    QTest::newRow("key case matters") << doc << QStringLiteral("FOO") << QStringLiteral("missing");
    QTest::newRow("index on object") << doc << QStringLiteral("a[0]") << QStringLiteral("missing");
    QTest::newRow("key on array") << doc << QStringLiteral("orders.orderDate") << QStringLiteral("missing");
    QTest::newRow("key under scalar") << doc << QStringLiteral("foo.bar") << QStringLiteral("missing");
    QTest::newRow("top-level array") << QByteArray("[1,2]") << QStringLiteral("a") << QStringLiteral("missing");
    QTest::newRow("top-level scalar") << QByteArray(" 7 ") << QStringLiteral("a") << QStringLiteral("missing");
    QTest::newRow("escapes") << QByteArray(R"({"s": "q\"b\\s\/n\nt\tr\rb\bf\f"})") << QStringLiteral("s")
                             << QStringLiteral("string:q\"b\\s/n\nt\tr\rb\bf\f");
    QTest::newRow("unicode escape") << QByteArray(R"({"s": "caf\u00e9 \u20AC"})") << QStringLiteral("s")
                                    << QStringLiteral("string:caf\u00e9 \u20ac");
    QTest::newRow("surrogate pair") << QByteArray(R"({"s": "\ud83d\ude00!"})") << QStringLiteral("s")
                                    << QStringLiteral("string:\U0001F600!");
    QTest::newRow("lone surrogate") << QByteArray(R"({"s": "a\ud83db"})") << QStringLiteral("s")
                                    << QStringLiteral("string:a\ufffdb");
    QTest::newRow("raw utf-8") << QByteArray("{\"s\": \"\xe6\x97\xa5\xe6\x9c\xac\"}") << QStringLiteral("s")
                               << QStringLiteral("string:\u65e5\u672c");
    QTest::newRow("escaped key matches") << QByteArray(R"({"\u0066oo": 1})") << QStringLiteral("foo")
                                         << QStringLiteral("number:1=1");
    QTest::newRow("utf-8 key") << QByteArray("{\"soci\xc3\xa9t\xc3\xa9\": \"x\"}")
                               << QStringLiteral("soci\u00e9t\u00e9") << QStringLiteral("string:x");
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbf{\"a\": 1}") << QStringLiteral("a") << QStringLiteral("number:1=1");
    QTest::newRow("negative zero") << QByteArray(R"({"a": -0})") << QStringLiteral("a")
                                   << QStringLiteral("number:-0=0");
    QTest::newRow("huge exponent") << QByteArray(R"({"a": 1e999})") << QStringLiteral("a")
                                   << QStringLiteral("number:1e999=inf");
    QTest::newRow("whitespace everywhere") << QByteArray(" \r\n\t{ \"a\" \n: [ 1 , { \"b\" : \"c\" } ] } \n")
                                           << QStringLiteral("a[1].b") << QStringLiteral("string:c");
    // Keys match exactly as written, spaces included: nothing is trimmed or folded.
    QTest::newRow("key with edge spaces") << QByteArray(R"({"data": {" company ": "Acme", "company": "Other"}})")
                                          << QStringLiteral("data. company ") << QStringLiteral("string:Acme");
    QTest::newRow("trimmed key is another key") << QByteArray(R"({"data": {" company ": "Acme"}})")
                                                << QStringLiteral("data.company") << QStringLiteral("missing");
}

void tst_JsonPathScanner::findsValues()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    JsonPathScanner scanner({jsonPath(path)});
    QVERIFY2(scanner.scan(json), qPrintable(scanner.errorString()));
    QVERIFY(!scanner.hasError());
    QCOMPARE(show(scanner.values().at(0)), expected);
}

void tst_JsonPathScanner::rejectsInvalidJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << qsizetype(0) << QStringLiteral("empty");
    QTest::newRow("blank") << QByteArray(" \n ") << qsizetype(3) << QStringLiteral("empty");
    QTest::newRow("trailing comma") << QByteArray(R"({"a": 1,})") << qsizetype(8) << QStringLiteral("key");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << qsizetype(5) << QStringLiteral("':'");
    QTest::newRow("single quotes") << QByteArray(R"({'a': 1})") << qsizetype(1) << QStringLiteral("key");
    QTest::newRow("unclosed object") << QByteArray(R"({"a": 1)") << qsizetype(7) << QStringLiteral("never closed");
    QTest::newRow("unclosed array") << QByteArray("[1, 2") << qsizetype(5) << QStringLiteral("never closed");
    QTest::newRow("unclosed string") << QByteArray(R"({"a": "xyz)") << qsizetype(6) << QStringLiteral("never closed");
    QTest::newRow("mismatched close") << QByteArray(R"({"a": [1}})") << qsizetype(8) << QStringLiteral("']'");
    QTest::newRow("leading zero") << QByteArray(R"({"a": 01})") << qsizetype(7) << QStringLiteral("'1'");
    QTest::newRow("bare dot") << QByteArray(R"({"a": 1.})") << qsizetype(8) << QStringLiteral("decimal point");
    QTest::newRow("plus sign") << QByteArray(R"({"a": +1})") << qsizetype(6) << QStringLiteral("expected a value");
    QTest::newRow("minus alone") << QByteArray(R"({"a": -})") << qsizetype(7) << QStringLiteral("digit");
    QTest::newRow("exponent alone") << QByteArray(R"({"a": 1e})") << qsizetype(8) << QStringLiteral("exponent");
    QTest::newRow("NaN") << QByteArray(R"({"a": NaN})") << qsizetype(6) << QStringLiteral("expected a value");
    QTest::newRow("bad literal") << QByteArray(R"({"a": tru})") << qsizetype(6) << QStringLiteral("expected a value");
    QTest::newRow("bad escape") << QByteArray(R"({"a": "\x"})") << qsizetype(7) << QStringLiteral("escape");
    QTest::newRow("short unicode") << QByteArray(R"({"a": "\u12"})") << qsizetype(7) << QStringLiteral("four");
    QTest::newRow("raw newline") << QByteArray("{\"a\": \"x\ny\"}") << qsizetype(8) << QStringLiteral("control");
    QTest::newRow("nul in string") << QByteArray("{\"a\": \"x\0y\"}", 12) << qsizetype(8) << QStringLiteral("control");
    QTest::newRow("nul outside") << QByteArray("{\"a\": 1}\0", 9) << qsizetype(8) << QStringLiteral("after the end");
    QTest::newRow("invalid utf-8") << QByteArray("{\"a\": \"x\xff\"}") << qsizetype(8) << QStringLiteral("UTF-8");
    QTest::newRow("overlong utf-8") << QByteArray("{\"a\": \"\xc0\xaf\"}") << qsizetype(7) << QStringLiteral("UTF-8");
    QTest::newRow("utf-8 surrogate") << QByteArray("{\"a\": \"\xed\xa0\x80\"}") << qsizetype(7)
                                     << QStringLiteral("UTF-8");
    QTest::newRow("truncated utf-8") << QByteArray("{\"a\": \"\xe6\x97") << qsizetype(7) << QStringLiteral("UTF-8");
    QTest::newRow("two documents") << QByteArray("{} {}") << qsizetype(3) << QStringLiteral("after the end");
    QTest::newRow("html error page") << QByteArray("<html>502</html>") << qsizetype(0)
                                     << QStringLiteral("expected a value");
    QTest::newRow("comment") << QByteArray("{/*x*/}") << qsizetype(1) << QStringLiteral("key");
}

void tst_JsonPathScanner::rejectsInvalidJson()
{
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, offset);
    QFETCH(QString, message);
    JsonPathScanner scanner({jsonPath(QStringLiteral("a"))});
    QVERIFY(!scanner.scan(json));
    QVERIFY(scanner.hasError());
    QCOMPARE(scanner.errorOffset(), offset);
    QVERIFY2(scanner.errorString().contains(message), qPrintable(scanner.errorString()));
    QVERIFY2(scanner.errorString().contains(QStringLiteral("byte %1").arg(offset)), qPrintable(scanner.errorString()));
    // Nothing from an invalid response counts, even what was read before the error.
    QVERIFY(!scanner.values().at(0).found());
}

void tst_JsonPathScanner::manyPathsOnePass()
{
    const QByteArray json = R"({"data": {"company": "Acme", "size": 250, "tags": ["a", "b", "c"],
        "people": [{"name": "Ada"}, {"name": "Grace"}]}, "ok": true})";
    const QStringList texts {QStringLiteral("data.company"),
                             QStringLiteral("data.size"),
                             QStringLiteral("data.tags[2]"),
                             QStringLiteral("data.people[1].name"),
                             QStringLiteral("data.people[0].name"),
                             QStringLiteral("ok"),
                             QStringLiteral("data"),
                             QStringLiteral("data.company"), // the same path twice
                             QStringLiteral("not a path ["),
                             QStringLiteral("data.missing")};
    QList<ResponsePath> paths;
    for (const QString& t : texts) {
        paths << jsonPath(t);
    }
    JsonPathScanner scanner(paths);
    QVERIFY(scanner.scan(json));
    const QStringList expected {QStringLiteral("string:Acme"),
                                QStringLiteral("number:250=250"),
                                QStringLiteral("string:c"),
                                QStringLiteral("string:Grace"),
                                QStringLiteral("string:Ada"),
                                QStringLiteral("boolean:true"),
                                QStringLiteral("object"),
                                QStringLiteral("string:Acme"),
                                QStringLiteral("missing"),
                                QStringLiteral("missing")};
    QCOMPARE(scanner.values().size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(show(scanner.values().at(i)), expected.at(i));
    }
}

void tst_JsonPathScanner::duplicateKeyLastWins()
{
    JsonPathScanner scanner({jsonPath(QStringLiteral("a.b")), jsonPath(QStringLiteral("c"))});
    QVERIFY(scanner.scan(R"({"a": {"b": 1}, "c": 1, "a": {"x": 2}, "c": 2})"));
    QCOMPARE(show(scanner.values().at(0)), QStringLiteral("missing"));
    QCOMPARE(show(scanner.values().at(1)), QStringLiteral("number:2=2"));
    // Same as the DOM parser.
    const QJsonObject o = QJsonDocument::fromJson(R"({"a": {"b": 1}, "c": 1, "a": {"x": 2}, "c": 2})").object();
    QCOMPARE(o.value(QStringLiteral("c")).toInt(), 2);
}

void tst_JsonPathScanner::keepsBigIntegerText()
{
    JsonPathScanner scanner({jsonPath(QStringLiteral("id"))});
    QVERIFY(scanner.scan(R"({"id": 12345678901234567890})"));
    const ResponseValue v = scanner.values().at(0);
    QCOMPARE(v.kind, ResponseValue::Kind::Number);
    QCOMPARE(v.numberText, QByteArray("12345678901234567890"));
    QCOMPARE(v.number, 12345678901234567890.0);
}

void tst_JsonPathScanner::deepNesting()
{
    for (const int depth : {10000, 200000}) {
        QByteArray json;
        json.reserve(depth * 8 + 32);
        QString path;
        for (int i = 0; i < depth; ++i) {
            json += (i % 2) ? "[" : "{\"k\":";
        }
        json += "\"bottom\"";
        for (int i = depth - 1; i >= 0; --i) {
            json += (i % 2) ? "]" : "}";
        }
        QStringList steps;
        QString step;
        for (int i = 0; i < depth; ++i) {
            if (i % 2 == 0) {
                if (!step.isEmpty()) {
                    steps << step;
                }
                step = QStringLiteral("k");
            } else {
                step += QStringLiteral("[0]");
            }
        }
        steps << step;
        JsonPathScanner scanner({jsonPath(steps.join(QLatin1Char('.'))), jsonPath(QStringLiteral("k"))});
        QVERIFY2(scanner.scan(json), qPrintable(scanner.errorString()));
        QCOMPARE(show(scanner.values().at(0)), QStringLiteral("string:bottom"));
        QCOMPARE(show(scanner.values().at(1)), QStringLiteral("array"));
    }
}

void tst_JsonPathScanner::deepNestingUnclosed()
{
    const QByteArray json(100000, '[');
    JsonPathScanner scanner({jsonPath(QStringLiteral("a"))});
    QVERIFY(!scanner.scan(json));
    QCOMPARE(scanner.errorOffset(), qsizetype(100000));
}

void tst_JsonPathScanner::nulAndInvalidUtf8NeverCrash()
{
    // Every prefix and every single-byte corruption of a small document: the scanner
    // must always either succeed or report an offset inside the input.
    const QByteArray base = R"({"a": [1, -2.5e3, "x\u00e9\ud83d\ude00y", true, null, {"b": "c"}], "d": "\u0000"})";
    QList<ResponsePath> paths {jsonPath(QStringLiteral("a[2]")), jsonPath(QStringLiteral("a[5].b"))};
    JsonPathScanner scanner(paths);
    QVERIFY(scanner.scan(base));
    QCOMPARE(show(scanner.values().at(0)), QStringLiteral("string:x\u00e9\U0001F600y"));
    int failures = 0;
    for (int len = 0; len < base.size(); ++len) {
        if (!scanner.scan(base.left(len))) {
            ++failures;
            QVERIFY(scanner.errorOffset() >= 0 && scanner.errorOffset() <= len);
        }
    }
    QCOMPARE(failures, int(base.size())); // no proper prefix of an object is a document
    for (const char bad : {'\0', '\xff', '\x80', '"', '\\', '{', ']'}) {
        for (int i = 0; i < base.size(); ++i) {
            QByteArray copy = base;
            copy[i] = bad;
            if (!scanner.scan(copy)) {
                QVERIFY(scanner.errorOffset() >= 0 && scanner.errorOffset() <= copy.size());
                QVERIFY(!scanner.errorString().isEmpty());
            }
        }
    }
}

void tst_JsonPathScanner::agreesWithQJsonDocument()
{
    // A generated document of a few hundred kilobytes: every path the DOM can answer must
    // come out the same from the stream.
    QRandomGenerator rng(42);
    QJsonArray records;
    for (int i = 0; i < 2000; ++i) {
        QJsonObject r {{QStringLiteral("id"), i},
                       {QStringLiteral("name"), QStringLiteral("Person %1 \"q\" \u00e9").arg(i)},
                       {QStringLiteral("score"), rng.bounded(1000) / 7.0},
                       {QStringLiteral("active"), i % 3 == 0},
                       {QStringLiteral("tags"), QJsonArray {QStringLiteral("t%1").arg(i % 5), i}},
                       {QStringLiteral("none"), QJsonValue::Null}};
        records.append(r);
    }
    const QJsonObject root {{QStringLiteral("data"), QJsonObject {{QStringLiteral("records"), records}}},
                            {QStringLiteral("count"), records.size()}};
    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);

    QList<ResponsePath> paths;
    QList<QJsonValue> expected;
    for (int k = 0; k < 200; ++k) {
        const int i = int(rng.bounded(2100)); // some past the end
        const char* keys[] = {"id", "name", "score", "active", "tags", "none", "nope"};
        const QString key = QString::fromLatin1(keys[rng.bounded(7)]);
        paths << jsonPath(QStringLiteral("data.records[%1].%2").arg(i).arg(key));
        expected << (i < records.size() ? records.at(i).toObject().value(key) : QJsonValue(QJsonValue::Undefined));
    }
    JsonPathScanner scanner(paths);
    QVERIFY(scanner.scan(json));
    for (int k = 0; k < paths.size(); ++k) {
        const ResponseValue& v = scanner.values().at(k);
        const QJsonValue& e = expected.at(k);
        switch (e.type()) {
        case QJsonValue::Undefined:
            QCOMPARE(v.kind, ResponseValue::Kind::Missing);
            break;
        case QJsonValue::Null:
            QCOMPARE(v.kind, ResponseValue::Kind::Null);
            break;
        case QJsonValue::Bool:
            QCOMPARE(v.kind, ResponseValue::Kind::Bool);
            QCOMPARE(v.boolean, e.toBool());
            break;
        case QJsonValue::Double:
            QCOMPARE(v.kind, ResponseValue::Kind::Number);
            QCOMPARE(v.number, e.toDouble());
            break;
        case QJsonValue::String:
            QCOMPARE(v.kind, ResponseValue::Kind::String);
            QCOMPARE(v.string, e.toString());
            break;
        case QJsonValue::Array:
            QCOMPARE(v.kind, ResponseValue::Kind::Array);
            break;
        case QJsonValue::Object:
            QCOMPARE(v.kind, ResponseValue::Kind::Object);
            break;
        }
    }
    QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("count")).toInt(), 2000);
}

void tst_JsonPathScanner::rescanResets()
{
    JsonPathScanner scanner({jsonPath(QStringLiteral("a"))});
    QVERIFY(scanner.scan(R"({"a": "x"})"));
    QVERIFY(scanner.values().at(0).found());
    QVERIFY(scanner.scan(R"({"b": "x"})"));
    QVERIFY(!scanner.values().at(0).found());
    QVERIFY(!scanner.hasError());
}

QTEST_GUILESS_MAIN(tst_JsonPathScanner)
#include "tst_jsonpathscanner.moc"
