#include "checks/ShapeDrift.h"
#include "checks/ShapeExtractor.h"
#include "format/WorkspaceFile.h"
#include "response/MappingEvaluator.h"
#include "sandbox/SandboxEnrichment.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

// A list of ASCII literals: QString has no implicit conversion from them here.
inline QStringList strings(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items) {
        out.append(QString::fromUtf8(item));
    }
    return out;
}

// The shape of JSON and XML bodies: every path as a response mapping spells it, with its
// types.
class tst_ShapeExtractor : public QObject
{
    Q_OBJECT

private slots:
    void json_data();
    void json();
    void xml_data();
    void xml();
    void refuses_data();
    void refuses();
    void mappedPathsAreInTheShape_data();
    void mappedPathsAreInTheShape();
    void deepNestingIsIterative();
    void tooDeepNestingIsRefused();
    void manyNamesInAnyOrder();

private:
    static QStringList entries(const ResponseShape& shape);
};

QStringList tst_ShapeExtractor::entries(const ResponseShape& shape)
{
    QStringList out;
    for (auto it = shape.paths.constBegin(); it != shape.paths.constEnd(); ++it) {
        out.append(it.key() + QLatin1Char('=') + it.value());
    }
    return out;
}

void tst_ShapeExtractor::json_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("flat") << QByteArray(R"({"a": "x", "b": 1.5e3, "c": true, "d": null, "e": false})")
                          << strings({"a=string", "b=number", "c=boolean", "d=null", "e=boolean"});
    QTest::newRow("nested")
        << QByteArray(R"({"data": {"company": "Acme", "address": {"city": "Lyon"}}})")
        << strings({"data=object", "data.address=object", "data.address.city=string", "data.company=string"});
    QTest::newRow("array elements merge")
        << QByteArray(R"({"items": [{"id": 1, "note": "a"}, {"id": 2, "note": null, "extra": [1, "two"]}]})")
        << strings({"items=array",
                    "items[0]=object",
                    "items[0].extra=array",
                    "items[0].extra[0]=number|string",
                    "items[0].id=number",
                    "items[0].note=null|string"});
    QTest::newRow("empty array and object")
        << QByteArray(R"({"tags": [], "meta": {}})") << strings({"meta=object", "tags=array"});
    QTest::newRow("array of arrays") << QByteArray(R"({"m": [[1, 2], [3]]})")
                                     << strings({"m=array", "m[0]=array", "m[0][0]=number"});
    QTest::newRow("root array") << QByteArray(R"([{"id": 1}, {"id": "2"}])")
                                << strings({"[0]=object", "[0].id=number|string"});
    QTest::newRow("root scalar") << QByteArray("  42 ") << QStringList {};
    QTest::newRow("escaped key") << QByteArray(R"({"caf\u00e9": 1, "a\"b": 2, "tab\tkey": 3})")
                                 << strings({"a\"b=number", "café=number", "tab\tkey=number"});
    QTest::newRow("utf-8 key") << QByteArray("{\"Stra\xc3\x9f"
                                             "e\": \"x\"}")
                               << strings({"Straße=string"});
    QTest::newRow("same key twice") << QByteArray(R"({"a": 1, "a": "x"})") << strings({"a=number|string"});
    QTest::newRow("whitespace everywhere")
        << QByteArray(" {\n\t\"a\" :\r\n [ 1 , 2 ] } \n") << strings({"a=array", "a[0]=number"});
}

void tst_ShapeExtractor::json()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    QString error;
    const std::optional<ResponseShape> shape = ShapeExtractor::extract(body, ResponseType::Json, &error);
    QVERIFY2(shape, qPrintable(error));
    QCOMPARE(shape->syntax, ResponseType::Json);
    QCOMPARE(entries(*shape), expected);
}

void tst_ShapeExtractor::xml_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("elements and text") << QByteArray(
        "<?xml version=\"1.0\"?>\n<enrichment><data><company>Acme</company><empty/></data></enrichment>")
                                       << strings({"enrichment=element",
                                                   "enrichment.data=element",
                                                   "enrichment.data.company=text",
                                                   "enrichment.data.empty=text"});
    QTest::newRow("siblings merge") << QByteArray("<r><tag>a</tag><tag><b>x</b></tag><tag id=\"1\"/></r>")
                                    << strings(
                                           {"r=element", "r.tag=element|text", "r.tag.b=text", "r.tag@id=attribute"});
    QTest::newRow("attributes") << QByteArray("<lead id=\"7\" status='new'><name lang=\"en\">Ada</name></lead>")
                                << strings({"lead=element",
                                            "lead.name=text",
                                            "lead.name@lang=attribute",
                                            "lead@id=attribute",
                                            "lead@status=attribute"});
    QTest::newRow("prefixes kept, namespace declarations not attributes")
        << QByteArray("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                      "<soap:Body><m:r xmlns:m=\"urn:x\" m:v=\"1\">t</m:r></soap:Body></soap:Envelope>")
        << strings({"soap:Envelope=element",
                    "soap:Envelope.soap:Body=element",
                    "soap:Envelope.soap:Body.m:r=text",
                    "soap:Envelope.soap:Body.m:r@m:v=attribute"});
}

void tst_ShapeExtractor::xml()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    QString error;
    const std::optional<ResponseShape> shape = ShapeExtractor::extract(body, ResponseType::Xml, &error);
    QVERIFY2(shape, qPrintable(error));
    QCOMPARE(shape->syntax, ResponseType::Xml);
    QCOMPARE(entries(*shape), expected);
}

void tst_ShapeExtractor::refuses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("error");

    const int json = int(ResponseType::Json);
    const int xml = int(ResponseType::Xml);
    QTest::newRow("none") << QByteArray("{}") << int(ResponseType::None) << "Response Type is None";
    QTest::newRow("empty") << QByteArray(" \n") << json << "The response is empty";
    QTest::newRow("truncated") << QByteArray("{\"a\": [1,") << json << "the response ends where a value should be";
    QTest::newRow("missing colon") << QByteArray("{\n  \"a\" 1}") << json
                                   << "expected ':' after a member name at line 2, column 7";
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << json << "expected a member name in quotes";
    QTest::newRow("two documents") << QByteArray("{} {}") << json << "unexpected text after the end";
    QTest::newRow("bad literal") << QByteArray("{\"a\": tru}") << json << "unexpected character 't'";
    QTest::newRow("leading zero number") << QByteArray("[-]") << json << "a number without digits";
    QTest::newRow("control character") << QByteArray("[\"a\x01\"]") << json << "a control character";
    QTest::newRow("invalid utf-8") << QByteArray("[\"\xff\"]") << json << "bytes that are not UTF-8";
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << json << "an unknown escape";
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12"])") << json << "four hexadecimal digits";
    QTest::newRow("unclosed object") << QByteArray("{\"a\": 1") << json << "the response ends inside an object";
    QTest::newRow("html") << QByteArray("<html></html>") << json << "not valid JSON: unexpected character '<'";
    QTest::newRow("malformed xml") << QByteArray("<a><b></a>") << xml << "not well-formed XML";
    QTest::newRow("json as xml") << QByteArray("{\"a\": 1}") << xml << "not well-formed XML";
}

void tst_ShapeExtractor::refuses()
{
    QFETCH(QByteArray, body);
    QFETCH(int, type);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!ShapeExtractor::extract(body, ResponseType(type), &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    // Without an error pointer, the same answer and no crash.
    QVERIFY(!ShapeExtractor::extract(body, ResponseType(type)));
}

// Each of the sample workspace's mappings, spelled as a shape path, is in the shape of
// the sandbox's real answer, with the type of a value Marketo writes: the two spellings
// agree.
void tst_ShapeExtractor::mappedPathsAreInTheShape_data()
{
    QTest::addColumn<QString>("webhook");
    QTest::newRow("json") << "Enrich lead (JSON)";
    QTest::newRow("xml") << "Enrich lead (XML)";
}

void tst_ShapeExtractor::mappedPathsAreInTheShape()
{
    QFETCH(QString, webhook);
    Workspace ws;
    QString error;
    QVERIFY2(WorkspaceFile::load(QStringLiteral(WD_SOURCE_DIR "/resources/sample.webhooks.json"), &ws, &error),
             qPrintable(error));
    const auto found =
        std::find_if(ws.webhooks.cbegin(), ws.webhooks.cend(), [&](const Webhook& w) { return w.name == webhook; });
    QVERIFY(found != ws.webhooks.cend());
    const QJsonObject data = SandboxEnrichment::forEmail(QStringLiteral("ada@acme-robotics.com"));
    const bool xml = found->responseType == ResponseType::Xml;
    const QByteArray body =
        xml ? SandboxEnrichment::toXml(data) : QJsonDocument(QJsonObject {{QStringLiteral("data"), data}}).toJson();
    const std::optional<ResponseShape> shape = ShapeExtractor::extract(body, found->responseType, &error);
    QVERIFY2(shape, qPrintable(error));
    const MappingOutcome outcome = MappingEvaluator::evaluate(ws, *found, {}, 200, body);
    QVERIFY(!found->responseMappings.isEmpty());
    for (int i = 0; i < found->responseMappings.size(); ++i) {
        const QString path = ShapeDrift::shapePath(found->responseMappings[i].attribute, found->responseType);
        QVERIFY2(shape->paths.contains(path), qPrintable(path));
        QVERIFY2(outcome.mappings[i].applied, qPrintable(outcome.mappings[i].reason));
        const QString type = shape->paths.value(path);
        QVERIFY2(xml ? type == QLatin1String("text")
                     : type != QLatin1String("object") && type != QLatin1String("array"),
                 qPrintable(path + QLatin1Char('=') + type));
    }
}

void tst_ShapeExtractor::deepNestingIsIterative()
{
    const int depth = ShapeExtractor::maxNesting;
    const QByteArray body = QByteArray(depth, '[') + QByteArray(depth, ']');
    QString error;
    const std::optional<ResponseShape> shape = ShapeExtractor::extract(body, ResponseType::Json, &error);
    QVERIFY2(shape, qPrintable(error));
    // Kept down to maxDepth steps, read to the end.
    QCOMPARE(shape->paths.size(), ShapeExtractor::maxDepth);
    QVERIFY(shape->paths.contains(QStringLiteral("[0]").repeated(ShapeExtractor::maxDepth)));
    QVERIFY(!ShapeExtractor::extract(QByteArray(depth, '[') + QByteArray(depth - 1, ']'), ResponseType::Json));

    const QByteArray xml = QByteArray("<a>").repeated(depth) + QByteArray("</a>").repeated(depth);
    const std::optional<ResponseShape> xmlShape = ShapeExtractor::extract(xml, ResponseType::Xml, &error);
    QVERIFY2(xmlShape, qPrintable(error));
    QCOMPARE(xmlShape->paths.size(), ShapeExtractor::maxDepth);
}

void tst_ShapeExtractor::tooDeepNestingIsRefused()
{
    const int depth = 20000;
    QString error;
    QVERIFY(!ShapeExtractor::extract(QByteArray(depth, '['), ResponseType::Json, &error));
    QVERIFY2(error.contains(QStringLiteral("nests more than 10000 levels deep")), qPrintable(error));
    QVERIFY(!ShapeExtractor::extract(QByteArray(depth, '{').replace("{", "{\"a\":"), ResponseType::Json, &error));
    QVERIFY2(error.contains(QStringLiteral("nests more than 10000 levels deep")), qPrintable(error));
    QVERIFY(!ShapeExtractor::extract(QByteArray("<a>").repeated(depth), ResponseType::Xml, &error));
    QVERIFY2(error.contains(QStringLiteral("nests more than 10000 elements deep")), qPrintable(error));
}

// An object keyed by data has many names, in a different order in every record: each is
// found again, however many there are.
void tst_ShapeExtractor::manyNamesInAnyOrder()
{
    const int names = 100;
    QByteArray body = "[";
    ResponseShape expected;
    expected.paths.insert(QStringLiteral("[0]"), QStringLiteral("object"));
    for (int record = 0; record < 3; ++record) {
        body += record ? ",{" : "{";
        for (int i = 0; i < names; ++i) {
            const int name = (i * (record + 1) * 37) % names; // a permutation per record
            body += (i ? ",\"k" : "\"k") + QByteArray::number(name)
                    + "\":" + (record == 2 && name == 5 ? QByteArray("\"x\"") : QByteArray::number(name));
        }
        body += "}";
    }
    body += "]";
    for (int name = 0; name < names; ++name) {
        expected.paths.insert(QStringLiteral("[0].k%1").arg(name),
                              name == 5 ? QStringLiteral("number|string") : QStringLiteral("number"));
    }
    QString error;
    const std::optional<ResponseShape> shape = ShapeExtractor::extract(body, ResponseType::Json, &error);
    QVERIFY2(shape, qPrintable(error));
    QCOMPARE(entries(*shape), entries(expected));
}

QTEST_GUILESS_MAIN(tst_ShapeExtractor)
#include "tst_shapeextractor.moc"
