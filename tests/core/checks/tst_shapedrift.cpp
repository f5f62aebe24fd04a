#include "checks/CallVerdict.h"
#include "checks/ShapeDrift.h"
#include "checks/ShapeExtractor.h"
#include "response/MappingEvaluator.h"
#include "sandbox/SandboxEnrichment.h"

#include <QJsonArray>
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

// Drift between a baseline and a response's shape: removed, added and retyped paths, used
// by a mapping (a failure) or not (a warning).
class tst_ShapeDrift : public QObject
{
    Q_OBJECT

private slots:
    void compare_data();
    void compare();
    void shapePath_data();
    void shapePath();
    void sortedByPath();
    void differenceJson();
    void verdictWithBaseline();
    void verdictSkipsWhatIsNotCompared_data();
    void verdictSkipsWhatIsNotCompared();

private:
    static ResponseShape shape(const QStringList& entries, ResponseType syntax = ResponseType::Json);
};

ResponseShape tst_ShapeDrift::shape(const QStringList& entries, ResponseType syntax)
{
    ResponseShape out;
    out.syntax = syntax;
    for (const QString& entry : entries) {
        out.paths.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    }
    return out;
}

void tst_ShapeDrift::compare_data()
{
    QTest::addColumn<QStringList>("baseline");
    QTest::addColumn<QStringList>("actual");
    QTest::addColumn<QStringList>("mapped"); // attributes of response mappings
    // "path change before>after used|unused failure|warning", one per difference
    QTest::addColumn<QStringList>("expected");

    const QStringList base = strings(
        {"data=object", "data.company=string", "data.employees=number", "data.tags=array", "data.tags[0]=string"});
    QTest::newRow("same") << base << base << strings({"data.company"}) << QStringList {};
    QTest::newRow("removed, mapped")
        << base << strings({"data=object", "data.employees=number", "data.tags=array", "data.tags[0]=string"})
        << strings({"data.company"}) << strings({"data.company removed string> used failure"});
    QTest::newRow("removed, not mapped")
        << base << strings({"data=object", "data.company=string", "data.tags=array", "data.tags[0]=string"})
        << strings({"data.company"}) << strings({"data.employees removed number> unused warning"});
    QTest::newRow("added, never a failure")
        << base << base + strings({"data.founded=number"}) << strings({"data.founded"})
        << strings({"data.founded added >number used warning"});
    QTest::newRow("retyped, mapped") << base
                                     << strings({"data=object",
                                                 "data.company=string",
                                                 "data.employees=string",
                                                 "data.tags=array",
                                                 "data.tags[0]=string"})
                                     << strings({"data.employees"})
                                     << strings({"data.employees retyped number>string used failure"});
    QTest::newRow("retyped, not mapped") << base
                                         << strings({"data=object",
                                                     "data.company=string",
                                                     "data.employees=number",
                                                     "data.tags=array",
                                                     "data.tags[0]=number"})
                                         << strings({"data.company"})
                                         << strings({"data.tags[0] retyped string>number unused warning"});
    QTest::newRow("mapped through an index")
        << base
        << strings({"data=object",
                    "data.company=string",
                    "data.employees=number",
                    "data.tags=array",
                    "data.tags[0]=number"})
        << strings({"data.tags[2]"}) << strings({"data.tags[0] retyped string>number used failure"});
    QTest::newRow("parent removed breaks the mapping below it")
        << base << QStringList {} << strings({"data.tags[0]"})
        << strings({"data removed object> used failure",
                    "data.company removed string> unused warning",
                    "data.employees removed number> unused warning",
                    "data.tags removed array> used failure",
                    "data.tags[0] removed string> used failure"});
    QTest::newRow("a sibling with a longer name is not a parent")
        << strings({"data=object", "database=string"}) << strings({"data=object"}) << strings({"data"})
        << strings({"database removed string> unused warning"});
    QTest::newRow("fewer types is no drift")
        << strings({"a=null|string"}) << strings({"a=string"}) << strings({"a"}) << QStringList {};
    QTest::newRow("a new type is") << strings({"a=string"}) << strings({"a=null|string"}) << strings({"a"})
                                   << strings({"a retyped string>null|string used failure"});
    QTest::newRow("empty array hides nothing")
        << base << strings({"data=object", "data.company=string", "data.employees=number", "data.tags=array"})
        << strings({"data.tags[0]"}) << QStringList {};
    QTest::newRow("invalid mapping uses nothing")
        << base << strings({"data=object"}) << strings({"data.company[x]", ""})
        << strings({"data.company removed string> unused warning",
                    "data.employees removed number> unused warning",
                    "data.tags removed array> unused warning",
                    "data.tags[0] removed string> unused warning"});
}

void tst_ShapeDrift::compare()
{
    QFETCH(QStringList, baseline);
    QFETCH(QStringList, actual);
    QFETCH(QStringList, mapped);
    QFETCH(QStringList, expected);

    QList<ResponseMapping> mappings;
    for (const QString& attribute : mapped) {
        mappings.append({attribute, QStringLiteral("company"), {}});
    }
    QStringList found;
    for (const ShapeDifference& d : ShapeDrift::compare(shape(baseline), shape(actual), mappings)) {
        found.append(QStringLiteral("%1 %2 %3>%4 %5 %6")
                         .arg(d.path, ShapeDifference::changeName(d.change), d.before, d.after)
                         .arg(d.usedByMapping ? QStringLiteral("used") : QStringLiteral("unused"))
                         .arg(d.isFailure() ? QStringLiteral("failure") : QStringLiteral("warning")));
    }
    QCOMPARE(found, expected);
}

void tst_ShapeDrift::shapePath_data()
{
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<int>("syntax");
    QTest::addColumn<QString>("expected");

    const int json = int(ResponseType::Json);
    const int xml = int(ResponseType::Xml);
    QTest::newRow("json key") << "data.company" << json << "data.company";
    QTest::newRow("json index") << "orders[3].lines[0][2].sku" << json << "orders[0].lines[0][0].sku";
    QTest::newRow("xml index dropped") << "enrichment.data.tags.tag[1]" << xml << "enrichment.data.tags.tag";
    QTest::newRow("invalid") << "orders[-1]" << json << "";
    QTest::newRow("empty") << "" << json << "";
}

void tst_ShapeDrift::shapePath()
{
    QFETCH(QString, attribute);
    QFETCH(int, syntax);
    QFETCH(QString, expected);
    QCOMPARE(ShapeDrift::shapePath(attribute, ResponseType(syntax)), expected);
}

void tst_ShapeDrift::sortedByPath()
{
    const QList<ShapeDifference> drift =
        ShapeDrift::compare(shape(strings({"b=string", "d=number", "e=null"})),
                            shape(strings({"a=string", "c=object", "d=string", "e=null"})),
                            {});
    QStringList paths;
    for (const ShapeDifference& d : drift) {
        paths.append(d.path);
    }
    QCOMPARE(paths, (strings({"a", "b", "c", "d"})));
}

void tst_ShapeDrift::differenceJson()
{
    ShapeDifference d;
    d.path = QStringLiteral("data.industry");
    d.change = ShapeDifference::Change::Removed;
    d.before = QStringLiteral("string");
    d.usedByMapping = true;
    const QJsonObject json = d.toJson();
    QCOMPARE(json.value(QStringLiteral("path")).toString(), QStringLiteral("data.industry"));
    QCOMPARE(json.value(QStringLiteral("change")).toString(), QStringLiteral("removed"));
    QCOMPARE(json.value(QStringLiteral("before")).toString(), QStringLiteral("string"));
    QCOMPARE(json.value(QStringLiteral("after")).toString(), QString());
    QCOMPARE(json.value(QStringLiteral("usedByMapping")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("failure")).toBool(), true);
    QVERIFY(json.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("data.industry is gone")));
}

// The sandbox's enrichment as the baseline, its "v2" shape as the answer: the drift the
// sample webhook's mappings would suffer.
void tst_ShapeDrift::verdictWithBaseline()
{
    const QJsonObject data = SandboxEnrichment::forEmail(QStringLiteral("ada@acme-robotics.com"));
    const QByteArray v1 = QJsonDocument(QJsonObject {{QStringLiteral("data"), data}}).toJson();
    const QByteArray v2 =
        QJsonDocument(QJsonObject {{QStringLiteral("data"), SandboxEnrichment::shapeV2(data)}}).toJson();

    Workspace ws;
    Webhook webhook;
    webhook.name = QStringLiteral("Enrich");
    webhook.responseType = ResponseType::Json;
    webhook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}},
                                {QStringLiteral("data.industry"), QStringLiteral("industry"), {}},
                                {QStringLiteral("data.employees"), QStringLiteral("numberOfEmployees"), {}}};
    webhook.baseline = ShapeExtractor::extract(v1, ResponseType::Json);
    QVERIFY(webhook.baseline);
    ws.webhooks.append(webhook);

    CallResult call;
    call.status = 200;
    call.body = v1;
    const CallVerdict same = CallVerdict::judge(webhook, call, MappingEvaluator::evaluate(ws, webhook, {}, 200, v1));
    QVERIFY(same.shape);
    QCOMPARE(*same.shape, *webhook.baseline);
    QVERIFY(same.drift.isEmpty());
    QVERIFY(same.passed());
    QCOMPARE(same.summary(), QStringLiteral("1 of 1 check passed"));

    call.body = v2;
    const CallVerdict drifted = CallVerdict::judge(webhook, call, MappingEvaluator::evaluate(ws, webhook, {}, 200, v2));
    QStringList found;
    for (const ShapeDifference& d : drifted.drift) {
        found.append(d.path + QLatin1Char(' ') + ShapeDifference::changeName(d.change)
                     + (d.isFailure() ? QStringLiteral(" failure") : QStringLiteral(" warning")));
    }
    QCOMPARE(
        found,
        (strings({"data.employees retyped failure", "data.founded added warning", "data.industry removed failure"})));
    // The status check passes; the drift fails the call.
    QCOMPARE(drifted.failedCount(), 0);
    QVERIFY(!drifted.passed());
    QCOMPARE(drifted.summary(),
             QStringLiteral("1 of 1 check passed; the response's shape changed: 2 of 3 changes break a mapping"));
    QCOMPARE(drifted.toJson().value(QStringLiteral("drift")).toArray().size(), 3);

    // Drift no mapping reads is a warning: the call passes.
    webhook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}}};
    const CallVerdict warned = CallVerdict::judge(webhook, call, MappingEvaluator::evaluate(ws, webhook, {}, 200, v2));
    QCOMPARE(warned.drift.size(), 3);
    QVERIFY(warned.passed());
    QCOMPARE(warned.summary(),
             QStringLiteral("1 of 1 check passed; the response's shape changed in 3 places no mapping reads"));
}

void tst_ShapeDrift::verdictSkipsWhatIsNotCompared_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("responseType");
    QTest::addColumn<bool>("baseline");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<QString>("problem"); // empty: nothing was due to compare

    const QByteArray b("{\"b\": 1}");
    const int json = int(ResponseType::Json);
    QTest::newRow("no baseline") << 200 << b << json << false << false << QString();
    QTest::newRow("not 2xx") << 500 << b << json << true << false << QString();
    QTest::newRow("empty 2xx") << 200 << QByteArray(" ") << json << true << false << QString();
    QTest::newRow("another response type")
        << 200 << QByteArray("<b/>") << int(ResponseType::Xml) << true << false << QStringLiteral("Response Type");
    QTest::newRow("not json") << 200 << QByteArray("<b/>") << json << true << false << QStringLiteral("JSON");
    QTest::newRow("truncated") << 200 << b << json << true << true << QStringLiteral("size limit");
}

void tst_ShapeDrift::verdictSkipsWhatIsNotCompared()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, responseType);
    QFETCH(bool, baseline);
    QFETCH(bool, truncated);
    QFETCH(QString, problem);

    Webhook webhook;
    webhook.name = QStringLiteral("x");
    webhook.responseType = ResponseType(responseType);
    webhook.checks = {Check::status(QStringLiteral("1xx"))}; // fails either way; drift is what is looked at
    if (baseline) {
        webhook.baseline = shape(strings({"a=number"}));
    }
    CallResult call;
    call.status = status;
    call.body = body;
    call.bodyTruncated = truncated;
    const CallVerdict verdict = CallVerdict::judge(webhook, call, MappingOutcome());
    QVERIFY(!verdict.shape);
    QVERIFY(verdict.drift.isEmpty());
    const QJsonValue json = verdict.toJson().value(QStringLiteral("shapeProblem"));
    if (problem.isEmpty()) {
        QVERIFY2(verdict.shapeProblem.isEmpty(), qPrintable(verdict.shapeProblem));
        QVERIFY(json.isNull());
    } else {
        QVERIFY2(verdict.shapeProblem.contains(problem), qPrintable(verdict.shapeProblem));
        QCOMPARE(json.toString(), verdict.shapeProblem);
        QVERIFY(!verdict.passed());
        QVERIFY2(verdict.summary().contains(verdict.shapeProblem), qPrintable(verdict.summary()));
    }
}

QTEST_GUILESS_MAIN(tst_ShapeDrift)
#include "tst_shapedrift.moc"
