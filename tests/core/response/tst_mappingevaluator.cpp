#include "model/FieldType.h"
#include "response/MappingEvaluator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class tst_MappingEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void evaluatesOneMapping_data();
    void evaluatesOneMapping();
    void statusRule_data();
    void statusRule();
    void responseTypeNone();
    void invalidBodyAppliesNothing();
    void emptyBody();
    void unknownFieldAndInvalidPath();
    void writesLeadAfter();
    void laterMappingWins();
    void deepNesting();
    void bigGeneratedDocument();
    void resultJson();
};

namespace {
// One custom field per type, API name "<type>F", so every type-fit row can name its
// target by type.
Workspace workspaceWithAllTypes()
{
    Workspace ws;
    for (const QString& type : FieldTypes::names()) {
        Field f;
        f.name = QStringLiteral("My ") + type;
        f.apiName = type + QStringLiteral("F");
        f.type = *FieldTypes::fromName(type);
        ws.fields << f;
    }
    ws.leads << QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Ada")},
                             {QStringLiteral("email"), QStringLiteral("ada@example.com")}};
    return ws;
}

Webhook webhook(ResponseType type, const QList<QPair<QString, QString>>& mappings)
{
    Webhook w;
    w.name = QStringLiteral("hook");
    w.responseType = type;
    for (const auto& m : mappings) {
        ResponseMapping rm;
        rm.attribute = m.first;
        rm.field = m.second;
        w.responseMappings << rm;
    }
    return w;
}

QString valueText(const QJsonValue& v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}
} // namespace

void tst_MappingEvaluator::evaluatesOneMapping_data()
{
    QTest::addColumn<bool>("xml");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("applied");
    QTest::addColumn<QString>("value");  // compact JSON of MappingResult::value
    QTest::addColumn<QString>("reason"); // a part of the reason; empty when applied

    const QByteArray json = R"({"s": "text", "num": "42", "i": 42, "f": 2.5, "whole": 7.0, "neg": -3, "t": true,
        "b": false, "z": null, "o": {"k": 1}, "a": [1, 2], "big": 12345678901234567890, "huge": 1e999,
        "orders": [{"orderDate": "2024-01-02"}, {"orderDate": "2024-02-03", "n": [[5, 6]]}], "date": "2024-05-06", "e": ""})";
    const auto row = [&](const char* name,
                         const char* path,
                         const QString& field,
                         bool applied,
                         const char* value,
                         const char* reason) {
        QTest::newRow(name) << false << json << QString::fromUtf8(path) << field << applied << QString::fromUtf8(value)
                            << QString::fromUtf8(reason);
    };
    // JSON string.
    row("string->string", "s", QStringLiteral("stringF"), true, "\"text\"", "");
    row("string->text", "s", QStringLiteral("textF"), true, "\"text\"", "");
    row("string->email", "s", QStringLiteral("emailF"), true, "\"text\"", "");
    row("string->phone", "s", QStringLiteral("phoneF"), true, "\"text\"", "");
    row("string->url", "s", QStringLiteral("urlF"), true, "\"text\"", "");
    row("string->reference", "s", QStringLiteral("referenceF"), true, "\"text\"", "");
    row("string->date", "date", QStringLiteral("dateF"), true, "\"2024-05-06\"", "");
    row("string->datetime", "date", QStringLiteral("datetimeF"), true, "\"2024-05-06\"", "");
    // String-type fields take any string: Marketo's field types say nothing of formats.
    row("any text->date", "s", QStringLiteral("dateF"), true, "\"text\"", "");
    row("any text->email", "num", QStringLiteral("emailF"), true, "\"42\"", "");
    // An empty string is a value (it clears the field); only null is not written.
    row("empty string->string", "e", QStringLiteral("stringF"), true, "\"\"", "");
    row("empty string->integer", "e", QStringLiteral("integerF"), false, "\"\"", "JSON string");
    row("numeric string->integer", "num", QStringLiteral("integerF"), false, "\"42\"", "JSON string");
    row("numeric string->float", "num", QStringLiteral("floatF"), false, "\"42\"", "JSON string");
    row("numeric string->currency", "num", QStringLiteral("currencyF"), false, "\"42\"", "JSON string");
    row("numeric string->score", "num", QStringLiteral("scoreF"), false, "\"42\"", "JSON string");
    row("numeric string->percent", "num", QStringLiteral("percentF"), false, "\"42\"", "JSON string");
    row("string->boolean", "s", QStringLiteral("booleanF"), false, "\"text\"", "true or false");
    // JSON number.
    row("integer->integer", "i", QStringLiteral("integerF"), true, "42", "");
    row("integer->score", "i", QStringLiteral("scoreF"), true, "42", "");
    row("integer->float", "i", QStringLiteral("floatF"), true, "42", "");
    row("integer->currency", "i", QStringLiteral("currencyF"), true, "42", "");
    row("integer->percent", "i", QStringLiteral("percentF"), true, "42", "");
    row("negative->integer", "neg", QStringLiteral("integerF"), true, "-3", "");
    row("fraction->float", "f", QStringLiteral("floatF"), true, "2.5", "");
    row("fraction->integer", "f", QStringLiteral("integerF"), false, "2.5", "whole number");
    row("fraction->score", "f", QStringLiteral("scoreF"), false, "2.5", "whole number");
    row("7.0->integer", "whole", QStringLiteral("integerF"), true, "7", "");
    row("number->string as text", "f", QStringLiteral("stringF"), true, "\"2.5\"", "");
    row("number->text keeps literal", "whole", QStringLiteral("textF"), true, "\"7.0\"", "");
    row("big integer->string exact", "big", QStringLiteral("stringF"), true, "\"12345678901234567890\"", "");
    row("big integer->integer", "big", QStringLiteral("integerF"), false, "\"12345678901234567890\"", "exactly");
    row("big integer->float", "big", QStringLiteral("floatF"), true, "12345678901234567000", "");
    row("out of range", "huge", QStringLiteral("floatF"), false, "\"1e999\"", "too large");
    row("number->boolean", "i", QStringLiteral("booleanF"), false, "42", "true or false");
    // JSON boolean.
    row("true->boolean", "t", QStringLiteral("booleanF"), true, "true", "");
    row("false->boolean", "b", QStringLiteral("booleanF"), true, "false", "");
    row("true->string as text", "t", QStringLiteral("stringF"), true, "\"true\"", "");
    row("false->text as text", "b", QStringLiteral("textF"), true, "\"false\"", "");
    row("boolean->integer", "t", QStringLiteral("integerF"), false, "true", "boolean");
    // Not written.
    row("null", "z", QStringLiteral("stringF"), false, "null", "null");
    row("object", "o", QStringLiteral("stringF"), false, "null", "object");
    row("array", "a", QStringLiteral("stringF"), false, "null", "array");
    row("missing", "nope", QStringLiteral("stringF"), false, "null", "not found");
    row("index past end", "orders[5].orderDate", QStringLiteral("stringF"), false, "null", "not found");
    // Paths with indexes.
    row("orders[0].orderDate", "orders[0].orderDate", QStringLiteral("dateF"), true, "\"2024-01-02\"", "");
    row("orders[1].orderDate", "orders[1].orderDate", QStringLiteral("dateF"), true, "\"2024-02-03\"", "");
    row("orders[1].n[0][1]", "orders[1].n[0][1]", QStringLiteral("integerF"), true, "6", "");
    row("standard field by API name", "s", QStringLiteral("company"), true, "\"text\"", "");
    row("API name any case", "s", QStringLiteral("COMPANY"), true, "\"text\"", "");
    row("display name is not an API name", "s", QStringLiteral("Company Name"), false, "null", "API name");

    const QByteArray xml = R"(<response><name>Acme &amp; Co</name><count> 250 </count><ratio>2.5</ratio>
        <flag>true</flag><off>false</off><yes>Yes</yes><word>many</word><empty/><big>12345678901234567890</big>
        <list><item><v>a</v></item><item><v>b</v></item></list><inf>inf</inf><pad> true </pad><upper>TRUE</upper></response>)";
    const auto xrow = [&](const char* name,
                          const char* path,
                          const QString& field,
                          bool applied,
                          const char* value,
                          const char* reason) {
        QTest::newRow(name) << true << xml << QString::fromUtf8(path) << field << applied << QString::fromUtf8(value)
                            << QString::fromUtf8(reason);
    };
    xrow("xml text->string", "response.name", QStringLiteral("stringF"), true, "\"Acme & Co\"", "");
    xrow("xml number text->integer", "response.count", QStringLiteral("integerF"), true, "250", "");
    xrow("xml number text->string keeps text", "response.count", QStringLiteral("stringF"), true, "\" 250 \"", "");
    xrow("xml number text->float", "response.ratio", QStringLiteral("floatF"), true, "2.5", "");
    xrow("xml fraction->integer", "response.ratio", QStringLiteral("integerF"), false, "2.5", "whole number");
    xrow("xml word->integer", "response.word", QStringLiteral("integerF"), false, "\"many\"", "not a number");
    xrow("xml inf->float", "response.inf", QStringLiteral("floatF"), false, "\"inf\"", "not a number");
    xrow("xml empty->currency", "response.empty", QStringLiteral("currencyF"), false, "\"\"", "not a number");
    xrow("xml empty->string", "response.empty", QStringLiteral("stringF"), true, "\"\"", "");
    xrow("xml big->integer", "response.big", QStringLiteral("integerF"), false, "\"12345678901234567890\"", "exactly");
    xrow("xml true->boolean", "response.flag", QStringLiteral("booleanF"), true, "true", "");
    xrow("xml false->boolean", "response.off", QStringLiteral("booleanF"), true, "false", "");
    xrow("xml padded true->boolean", "response.pad", QStringLiteral("booleanF"), true, "true", "");
    xrow("xml TRUE->boolean", "response.upper", QStringLiteral("booleanF"), false, "\"TRUE\"", "true or false");
    xrow("xml Yes->boolean", "response.yes", QStringLiteral("booleanF"), false, "\"Yes\"", "true or false");
    xrow("xml true->string", "response.flag", QStringLiteral("stringF"), true, "\"true\"", "");
    xrow("xml index 1", "response.list.item[1].v", QStringLiteral("stringF"), true, "\"b\"", "");
    xrow("xml no index is first", "response.list.item.v", QStringLiteral("stringF"), true, "\"a\"", "");
    xrow("xml element with children", "response.list", QStringLiteral("stringF"), false, "null", "child elements");
    xrow("xml missing", "response.nope", QStringLiteral("stringF"), false, "null", "not found");
    xrow("xml root missing from path", "name", QStringLiteral("stringF"), false, "null", "not found");
    xrow("xml attribute path", "response.@id", QStringLiteral("stringF"), false, "null", "Attributes");
}

void tst_MappingEvaluator::evaluatesOneMapping()
{
    QFETCH(bool, xml);
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(QString, field);
    QFETCH(bool, applied);
    QFETCH(QString, value);
    QFETCH(QString, reason);

    const Workspace ws = workspaceWithAllTypes();
    const Webhook w = webhook(xml ? ResponseType::Xml : ResponseType::Json, {{path, field}});
    const MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, body);
    QVERIFY2(out.statusApplies, qPrintable(out.reason));
    QCOMPARE(out.mappings.size(), 1);
    const MappingResult& r = out.mappings.first();
    QCOMPARE(r.attribute, path);
    QCOMPARE(r.field, field);
    QVERIFY2(r.applied == applied, qPrintable(r.reason));
    QCOMPARE(valueText(r.value), value);
    if (applied) {
        QVERIFY(r.reason.isEmpty());
        const FieldCatalog catalog = ws.catalog();
        const Field* f = catalog.findByApiName(field);
        QVERIFY(f);
        QCOMPARE(FieldCatalog::value(out.leadAfter, *f), r.value);
        QCOMPARE(out.appliedCount(), 1);
    } else {
        QVERIFY2(r.reason.contains(reason), qPrintable(r.reason));
        QCOMPARE(out.leadAfter, out.leadBefore);
        QCOMPARE(out.appliedCount(), 0);
    }
}

void tst_MappingEvaluator::statusRule_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("applies");
    for (int s : {0, 100, 199, 300, 301, 304, 400, 404, 500, 503}) {
        QTest::addRow("%d", s) << s << false;
    }
    for (int s : {200, 201, 202, 204, 250, 299}) {
        QTest::addRow("%d", s) << s << true;
    }
}

void tst_MappingEvaluator::statusRule()
{
    QFETCH(int, status);
    QFETCH(bool, applies);
    const Workspace ws = workspaceWithAllTypes();
    const Webhook w =
        webhook(ResponseType::Json,
                {{QStringLiteral("s"), QStringLiteral("stringF")}, {QStringLiteral("i"), QStringLiteral("integerF")}});
    const MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), status, R"({"s": "x", "i": 1})");
    QCOMPARE(out.statusApplies, applies);
    QCOMPARE(out.appliedCount(), applies ? 2 : 0);
    QCOMPARE(out.mappings.size(), 2);
    if (!applies) {
        // Status 0 is how callers say no complete answer arrived (timeout, dropped, TLS).
        const QString expected =
            status == 0 ? QStringLiteral("No complete response arrived") : QStringLiteral("%1 is not 2xx").arg(status);
        QVERIFY2(out.reason.contains(expected), qPrintable(out.reason));
        for (const MappingResult& r : out.mappings) {
            QVERIFY(!r.applied);
            QCOMPARE(r.reason, out.reason);
        }
        QCOMPARE(out.leadAfter, out.leadBefore);
    } else {
        QVERIFY(out.reason.isEmpty());
        QCOMPARE(out.leadAfter.value(QStringLiteral("My string")).toString(), QStringLiteral("x"));
    }
}

void tst_MappingEvaluator::responseTypeNone()
{
    const Workspace ws = workspaceWithAllTypes();
    const Webhook w = webhook(ResponseType::None, {{QStringLiteral("s"), QStringLiteral("stringF")}});
    const MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, R"({"s": "x"})");
    QVERIFY(!out.statusApplies);
    QVERIFY(out.reason.contains(QStringLiteral("Response Type is None")));
    QVERIFY(!out.mappings.first().applied);
    QCOMPARE(out.mappings.first().reason, out.reason);
    QCOMPARE(out.leadAfter, out.leadBefore);
}

void tst_MappingEvaluator::invalidBodyAppliesNothing()
{
    const Workspace ws = workspaceWithAllTypes();
    // The first mapping's value comes before the error: it must not be applied either.
    Webhook w = webhook(ResponseType::Json, {{QStringLiteral("s"), QStringLiteral("stringF")}});
    MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, R"({"s": "x", "t": })");
    QVERIFY(!out.statusApplies);
    QVERIFY2(out.reason.contains(QStringLiteral("not valid JSON")), qPrintable(out.reason));
    QVERIFY2(out.reason.contains(QStringLiteral("byte 16")), qPrintable(out.reason));
    QCOMPARE(out.appliedCount(), 0);
    QCOMPARE(out.leadAfter, out.leadBefore);

    w = webhook(ResponseType::Xml, {{QStringLiteral("r.s"), QStringLiteral("stringF")}});
    out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, "<r><s>x</s>");
    QVERIFY(!out.statusApplies);
    QVERIFY2(out.reason.contains(QStringLiteral("not valid XML")), qPrintable(out.reason));
    QCOMPARE(out.appliedCount(), 0);

    // A JSON body for an XML response type is invalid XML.
    out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, R"({"r": {"s": "x"}})");
    QVERIFY(!out.statusApplies);
    QVERIFY(out.reason.contains(QStringLiteral("not valid XML")));
}

void tst_MappingEvaluator::emptyBody()
{
    const Workspace ws = workspaceWithAllTypes();
    const Webhook w = webhook(ResponseType::Json, {{QStringLiteral("s"), QStringLiteral("stringF")}});
    const MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, " \n");
    QVERIFY(!out.statusApplies);
    QVERIFY(out.reason.contains(QStringLiteral("1001")));
}

void tst_MappingEvaluator::unknownFieldAndInvalidPath()
{
    const Workspace ws = workspaceWithAllTypes();
    const Webhook w = webhook(ResponseType::Json,
                              {{QStringLiteral("s"), QStringLiteral("shoeSize")},
                               {QStringLiteral("a[\"s\"]"), QStringLiteral("stringF")},
                               {QStringLiteral("s"), QStringLiteral("textF")}});
    const MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, R"({"s": "x", "a": {}})");
    QVERIFY(out.statusApplies);
    QVERIFY(!out.mappings.at(0).applied);
    QVERIFY(out.mappings.at(0).reason.contains(QStringLiteral("shoeSize")));
    QVERIFY(!out.mappings.at(1).applied);
    QVERIFY2(out.mappings.at(1).reason.contains(QStringLiteral("cannot address")),
             qPrintable(out.mappings.at(1).reason));
    QVERIFY(out.mappings.at(2).applied);
    QCOMPARE(out.appliedCount(), 1);
}

void tst_MappingEvaluator::writesLeadAfter()
{
    Workspace ws = workspaceWithAllTypes();
    ws.leads.first().insert(QStringLiteral("company"), QStringLiteral("Old Co")); // keyed by API name
    const Webhook w = webhook(ResponseType::Json,
                              {{QStringLiteral("data.company"), QStringLiteral("company")},
                               {QStringLiteral("data.size"), QStringLiteral("numberOfEmployees")},
                               {QStringLiteral("data.city"), QStringLiteral("city")}});
    const QJsonObject lead = ws.leads.first();
    const MappingOutcome out =
        MappingEvaluator::evaluate(ws, w, lead, 201, R"({"data": {"company": "New Co", "size": 250, "city": null}})");
    QCOMPARE(out.appliedCount(), 2);
    QCOMPARE(out.leadBefore, lead);
    // Written under the key the record already uses, else the display name.
    QCOMPARE(out.leadAfter.value(QStringLiteral("company")).toString(), QStringLiteral("New Co"));
    QVERIFY(!out.leadAfter.contains(QStringLiteral("Company Name")));
    QCOMPARE(out.leadAfter.value(QStringLiteral("Number of Employees")).toDouble(), 250.0);
    QVERIFY(!out.leadAfter.contains(QStringLiteral("City")));
    QCOMPARE(out.leadAfter.value(QStringLiteral("First Name")).toString(), QStringLiteral("Ada"));
}

void tst_MappingEvaluator::laterMappingWins()
{
    const Workspace ws = workspaceWithAllTypes();
    const Webhook w =
        webhook(ResponseType::Json,
                {{QStringLiteral("a"), QStringLiteral("stringF")}, {QStringLiteral("b"), QStringLiteral("stringF")}});
    const MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, R"({"a": "1", "b": "2"})");
    QCOMPARE(out.appliedCount(), 2);
    QCOMPARE(out.leadAfter.value(QStringLiteral("My string")).toString(), QStringLiteral("2"));
}

void tst_MappingEvaluator::deepNesting()
{
    const int depth = 10000;
    QByteArray body;
    QStringList steps;
    for (int i = 0; i < depth; ++i) {
        body += "{\"n\":";
        steps << QStringLiteral("n");
    }
    body += "\"deep\"";
    body += QByteArray(depth, '}');
    const Workspace ws = workspaceWithAllTypes();
    Webhook w = webhook(ResponseType::Json, {{steps.join(QLatin1Char('.')), QStringLiteral("stringF")}});
    MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, body);
    QVERIFY2(out.mappings.first().applied, qPrintable(out.mappings.first().reason));
    QCOMPARE(out.mappings.first().value.toString(), QStringLiteral("deep"));

    QByteArray xml;
    for (int i = 0; i < depth; ++i) {
        xml += "<n>";
    }
    xml += "deep";
    for (int i = 0; i < depth; ++i) {
        xml += "</n>";
    }
    w = webhook(ResponseType::Xml, {{steps.join(QLatin1Char('.')), QStringLiteral("stringF")}});
    out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, xml);
    QVERIFY2(out.mappings.first().applied, qPrintable(out.mappings.first().reason));
    QCOMPARE(out.mappings.first().value.toString(), QStringLiteral("deep"));
}

void tst_MappingEvaluator::bigGeneratedDocument()
{
    // About 8 MB (kept small enough for sanitizer runs); the benchmark covers 50 MB.
    QByteArray body = "{\"meta\": {\"count\": 40000}, \"records\": [";
    for (int i = 0; i < 40000; ++i) {
        if (i) {
            body += ',';
        }
        body += "{\"id\": " + QByteArray::number(i) + ", \"email\": \"user" + QByteArray::number(i)
                + "@example.com\", \"company\": {\"name\": \"Company \\\"" + QByteArray::number(i)
                + "\\\"\", \"employees\": " + QByteArray::number(i * 3)
                + ", \"tags\": [\"a\", \"b\", \"c\"]}, \"score\": 12.5, \"active\": true, \"note\": null, "
                  "\"text\": \"Lorem ipsum dolor sit amet, consectetur adipiscing elit \\u00e9\\n\"}";
    }
    body += "], \"last\": \"end\"}";
    QVERIFY(body.size() > 7'000'000);
    const Workspace ws = workspaceWithAllTypes();
    const Webhook w = webhook(ResponseType::Json,
                              {{QStringLiteral("meta.count"), QStringLiteral("integerF")},
                               {QStringLiteral("records[39999].company.name"), QStringLiteral("stringF")},
                               {QStringLiteral("records[20000].company.employees"), QStringLiteral("scoreF")},
                               {QStringLiteral("records[0].active"), QStringLiteral("booleanF")},
                               {QStringLiteral("records[7].score"), QStringLiteral("floatF")},
                               {QStringLiteral("last"), QStringLiteral("textF")},
                               {QStringLiteral("records[40000].id"), QStringLiteral("integerF")}});
    const MappingOutcome out = MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, body);
    QVERIFY(out.statusApplies);
    QCOMPARE(valueText(out.mappings.at(0).value), QStringLiteral("40000"));
    QCOMPARE(out.mappings.at(1).value.toString(), QStringLiteral("Company \"39999\""));
    QCOMPARE(valueText(out.mappings.at(2).value), QStringLiteral("60000"));
    QCOMPARE(out.mappings.at(3).value.toBool(), true);
    QCOMPARE(out.mappings.at(4).value.toDouble(), 12.5);
    QCOMPARE(out.mappings.at(5).value.toString(), QStringLiteral("end"));
    QVERIFY(!out.mappings.at(6).applied);
    QCOMPARE(out.appliedCount(), 6);
}

void tst_MappingEvaluator::resultJson()
{
    MappingResult r;
    r.attribute = QStringLiteral("a.b");
    r.field = QStringLiteral("company");
    r.applied = true;
    r.value = QStringLiteral("Acme");
    const QJsonObject o = r.toJson();
    QCOMPARE(o.keys(),
             (QStringList {QStringLiteral("applied"),
                           QStringLiteral("attribute"),
                           QStringLiteral("field"),
                           QStringLiteral("reason"),
                           QStringLiteral("value")}));
    QCOMPARE(o.value(QStringLiteral("value")).toString(), QStringLiteral("Acme"));
    QCOMPARE(o.value(QStringLiteral("applied")).toBool(), true);
    MappingResult missing;
    QVERIFY(missing.toJson().value(QStringLiteral("value")).isNull());
}

QTEST_GUILESS_MAIN(tst_MappingEvaluator)
#include "tst_mappingevaluator.moc"
