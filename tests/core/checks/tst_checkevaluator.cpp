#include "checks/CallVerdict.h"
#include "checks/CheckEvaluator.h"
#include "response/MappingEvaluator.h"

#include <QJsonArray>
#include <QTest>

Q_DECLARE_METATYPE(Check)

// Every kind of check, passing and failing, judged on a call whose mappings are evaluated
// by the real MappingEvaluator.
class tst_CheckEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void judges_data();
    void judges();
    void failedCallFailsEveryCheck();
    void problemFailsWithIt();
    void noChecksMeansStatus2xx();
    void lastMappingToAFieldWins();
    void xmlPaths_data();
    void xmlPaths();
    void responseTypeNoneFailsPathChecks();
    void invalidBodyFailsPathChecks();
    void resultJson();
    void verdictCountsAndSummary();

private:
    static Workspace workspace();
    static CallResult call(int status, const QByteArray& body, double totalMs = 10);
};

namespace {

Check make(Check::Kind kind, const QString& target, const QString& expected = {}, bool flag = true)
{
    Check check;
    check.kind = kind;
    check.target = target;
    check.expected = expected;
    check.flag = flag;
    return check;
}

Check latency(int ms)
{
    Check check;
    check.kind = Check::Kind::LatencyBelow;
    check.latencyMs = ms;
    return check;
}

const QByteArray enrichment = R"({"data": {"company": "Acme Robotics", "employees": 120, "public": true,
    "tags": ["b2b", "saas"], "address": {"city": "Lyon"}, "note": null}})";

} // namespace

Workspace tst_CheckEvaluator::workspace()
{
    Workspace ws;
    Webhook webhook;
    webhook.name = QStringLiteral("Enrich");
    webhook.responseType = ResponseType::Json;
    webhook.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}},
                                {QStringLiteral("data.employees"), QStringLiteral("numberOfEmployees"), {}},
                                {QStringLiteral("data.title"), QStringLiteral("title"), {}}};
    ws.webhooks.append(webhook);
    return ws;
}

CallResult tst_CheckEvaluator::call(int status, const QByteArray& body, double totalMs)
{
    CallResult result;
    result.status = status;
    result.reason = status == 200 ? QStringLiteral("OK") : status == 404 ? QStringLiteral("Not Found") : QString();
    result.body = body;
    result.totalMs = totalMs;
    return result;
}

void tst_CheckEvaluator::judges_data()
{
    QTest::addColumn<Check>("check");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("message");

    using K = Check::Kind;
    QTest::newRow("status 2xx passes") << Check::status(QStringLiteral("2xx")) << 200 << true << "200"
                                       << "Passed: status is 2xx (got 200 OK).";
    QTest::newRow("status 2xx fails") << Check::status(QStringLiteral("2xx")) << 404 << false << "404"
                                      << "Expected status is 2xx, got 404 Not Found.";
    QTest::newRow("status exact passes") << Check::status(QStringLiteral("201")) << 201 << true << "201"
                                         << "";
    QTest::newRow("status exact fails") << Check::status(QStringLiteral("201")) << 200 << false << "200"
                                        << "";
    QTest::newRow("status 4xx passes") << Check::status(QStringLiteral("4xx")) << 404 << true << "404"
                                       << "";

    QTest::newRow("field equals passes") << make(
        K::FieldEquals, QStringLiteral("company"), QStringLiteral("Acme Robotics"))
                                         << 200 << true << "Acme Robotics"
                                         << "";
    QTest::newRow("field equals fails") << make(K::FieldEquals, QStringLiteral("company"), QStringLiteral("Acme"))
                                        << 200 << false << "Acme Robotics"
                                        << "Expected company is written as “Acme”, got “Acme Robotics”.";
    QTest::newRow("field equals a number")
        << make(K::FieldEquals, QStringLiteral("numberOfEmployees"), QStringLiteral("120")) << 200 << true << "120"
        << "";
    QTest::newRow("field equals not written on 404")
        << make(K::FieldEquals, QStringLiteral("company"), QStringLiteral("Acme Robotics")) << 404 << false
        << "not written"
        << "got not written (";
    QTest::newRow("field matches passes")
        << make(K::FieldMatches, QStringLiteral("company"), QStringLiteral("^Acme\\b")) << 200 << true
        << "Acme Robotics"
        << "";
    QTest::newRow("field matches fails") << make(K::FieldMatches, QStringLiteral("company"), QStringLiteral("Inc\\.$"))
                                         << 200 << false << "Acme Robotics"
                                         << "";
    QTest::newRow("field written passes")
        << make(K::FieldWritten, QStringLiteral("company")) << 200 << true << "Acme Robotics"
        << "";
    QTest::newRow("field written fails, path missing")
        << make(K::FieldWritten, QStringLiteral("title")) << 200 << false << "not written"
        << "not written (";
    QTest::newRow("field written fails, no mapping")
        << make(K::FieldWritten, QStringLiteral("industry")) << 200 << false << "not written"
        << "no response mapping writes industry";
    QTest::newRow("field not written passes")
        << make(K::FieldWritten, QStringLiteral("title"), {}, false) << 200 << true << "not written"
        << "";
    QTest::newRow("field not written fails")
        << make(K::FieldWritten, QStringLiteral("company"), {}, false) << 200 << false << "Acme Robotics"
        << "written as “Acme Robotics”";

    QTest::newRow("path exists passes") << make(K::PathExists, QStringLiteral("data.address.city")) << 200 << true
                                        << "present"
                                        << "";
    QTest::newRow("path exists fails") << make(K::PathExists, QStringLiteral("data.industry")) << 200 << false
                                       << "missing"
                                       << "Expected response has data.industry, got missing.";
    QTest::newRow("path absent passes") << make(K::PathExists, QStringLiteral("data.industry"), {}, false) << 200
                                        << true << "missing"
                                        << "";
    QTest::newRow("path absent fails") << make(K::PathExists, QStringLiteral("data.tags"), {}, false) << 200 << false
                                       << "present"
                                       << "";
    QTest::newRow("path exists on a 404 body")
        << make(K::PathExists, QStringLiteral("data.company")) << 404 << true << "present"
        << "";
    QTest::newRow("path equals passes") << make(K::PathEquals, QStringLiteral("data.tags[1]"), QStringLiteral("saas"))
                                        << 200 << true << "saas"
                                        << "";
    QTest::newRow("path equals a number")
        << make(K::PathEquals, QStringLiteral("data.employees"), QStringLiteral("120")) << 200 << true << "120"
        << "";
    QTest::newRow("path equals a boolean")
        << make(K::PathEquals, QStringLiteral("data.public"), QStringLiteral("true")) << 200 << true << "true"
        << "";
    QTest::newRow("path equals null") << make(K::PathEquals, QStringLiteral("data.note"), QStringLiteral("null")) << 200
                                      << true << "null"
                                      << "";
    QTest::newRow("path equals fails") << make(K::PathEquals, QStringLiteral("data.tags[0]"), QStringLiteral("saas"))
                                       << 200 << false << "b2b"
                                       << "Expected data.tags[0] in the response is “saas”, got “b2b”.";
    QTest::newRow("path equals an object fails")
        << make(K::PathEquals, QStringLiteral("data.address"), QStringLiteral("Lyon")) << 200 << false << "an object"
        << "got an object.";
    QTest::newRow("path equals missing fails")
        << make(K::PathEquals, QStringLiteral("data.industry"), QStringLiteral("Software")) << 200 << false << "missing"
        << "";
    QTest::newRow("path matches passes") << make(
        K::PathMatches, QStringLiteral("data.company"), QStringLiteral("Robot"))
                                         << 200 << true << "Acme Robotics"
                                         << "";
    QTest::newRow("path matches is case-sensitive")
        << make(K::PathMatches, QStringLiteral("data.company"), QStringLiteral("robot")) << 200 << false
        << "Acme Robotics"
        << "Expected data.company in the response matches /robot/, got “Acme Robotics”.";
    QTest::newRow("path matches case") << make(
        K::PathMatches, QStringLiteral("data.company"), QStringLiteral("(?i)robot"))
                                       << 200 << true << "Acme Robotics"
                                       << "";
    QTest::newRow("path not addressable") << make(K::PathExists, QStringLiteral("data[\"x\"]")) << 200 << false << ""
                                          << "Marketo cannot address the path";

    QTest::newRow("latency passes") << latency(500) << 200 << true << "10 ms"
                                    << "Passed: answers in under 500 ms (got 10 ms).";
    QTest::newRow("latency fails") << latency(10) << 200 << false << "10 ms"
                                   << "Expected answers in under 10 ms, got 10 ms.";
}

void tst_CheckEvaluator::judges()
{
    QFETCH(Check, check);
    QFETCH(int, status);
    QFETCH(bool, passed);
    QFETCH(QString, actual);
    QFETCH(QString, message);

    const Workspace ws = workspace();
    Webhook webhook = ws.webhooks.first();
    webhook.checks = {check};
    const CallResult result = call(status, enrichment);
    const MappingOutcome outcome = MappingEvaluator::evaluate(ws, webhook, QJsonObject(), status, enrichment);
    const QList<CheckResult> results = CheckEvaluator::evaluate(webhook, result, outcome);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].check, check);
    QVERIFY2(results[0].passed == passed, qPrintable(results[0].message));
    QCOMPARE(results[0].actual, actual);
    QVERIFY2(results[0].message.contains(message), qPrintable(results[0].message));
}

void tst_CheckEvaluator::failedCallFailsEveryCheck()
{
    const Workspace ws = workspace();
    Webhook webhook = ws.webhooks.first();
    webhook.checks = {Check::status(QStringLiteral("2xx")),
                      make(Check::Kind::FieldWritten, QStringLiteral("title"), {}, false),
                      make(Check::Kind::PathExists, QStringLiteral("data"), {}, false),
                      latency(60000)};
    CallResult failed;
    failed.error = CallResult::ErrorKind::ConnectionRefused;
    failed.errorMessage = QStringLiteral("The server refused the connection.");
    failed.totalMs = 3;
    const MappingOutcome outcome = MappingEvaluator::evaluate(ws, webhook, QJsonObject(), 0, QByteArray());
    const QList<CheckResult> results = CheckEvaluator::evaluate(webhook, failed, outcome);
    QCOMPARE(results.size(), 4);
    for (const CheckResult& r : results) {
        QVERIFY(!r.passed);
        QCOMPARE(r.actual, QStringLiteral("no response"));
        QVERIFY2(r.message.endsWith(QStringLiteral("but the call failed: The server refused the connection.")),
                 qPrintable(r.message));
    }
}

void tst_CheckEvaluator::problemFailsWithIt()
{
    const Workspace ws = workspace();
    Webhook webhook = ws.webhooks.first();
    webhook.checks = {make(Check::Kind::PathMatches, QStringLiteral("data.company"), QStringLiteral("(open")),
                      Check::status(QStringLiteral("2x")),
                      latency(0)};
    const QList<CheckResult> results = CheckEvaluator::evaluate(
        webhook, call(200, enrichment), MappingEvaluator::evaluate(ws, webhook, {}, 200, enrichment));
    QCOMPARE(results.size(), 3);
    for (const CheckResult& r : results) {
        QVERIFY(!r.passed);
        QCOMPARE(r.message, QStringLiteral("This check cannot be judged: ") + r.check.problem());
    }
}

void tst_CheckEvaluator::noChecksMeansStatus2xx()
{
    const Workspace ws = workspace();
    const Webhook& webhook = ws.webhooks.first();
    QVERIFY(webhook.checks.isEmpty());
    const auto judge = [&](int status) {
        return CheckEvaluator::evaluate(
            webhook, call(status, enrichment), MappingEvaluator::evaluate(ws, webhook, {}, status, enrichment));
    };
    QCOMPARE(judge(204).size(), 1);
    QVERIFY(judge(204).first().passed);
    QCOMPARE(judge(204).first().check.description(), QStringLiteral("status is 2xx"));
    QVERIFY(!judge(500).first().passed);
}

void tst_CheckEvaluator::lastMappingToAFieldWins()
{
    Workspace ws = workspace();
    Webhook& webhook = ws.webhooks.first();
    webhook.responseMappings.append({QStringLiteral("data.tags[0]"), QStringLiteral("company"), {}});
    webhook.checks = {make(Check::Kind::FieldEquals, QStringLiteral("company"), QStringLiteral("b2b"))};
    const QList<CheckResult> results = CheckEvaluator::evaluate(
        webhook, call(200, enrichment), MappingEvaluator::evaluate(ws, webhook, {}, 200, enrichment));
    QVERIFY2(results.first().passed, qPrintable(results.first().message));
}

void tst_CheckEvaluator::xmlPaths_data()
{
    QTest::addColumn<Check>("check");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("actual");

    using K = Check::Kind;
    QTest::newRow("text") << make(K::PathEquals, QStringLiteral("enrichment.data.company"), QStringLiteral("Acme"))
                          << true << "Acme";
    QTest::newRow("second sibling") << make(
        K::PathEquals, QStringLiteral("enrichment.data.tags.tag[1]"), QStringLiteral("saas"))
                                    << true << "saas";
    QTest::newRow("element with children")
        << make(K::PathEquals, QStringLiteral("enrichment.data"), QStringLiteral("x")) << false << "an object";
    QTest::newRow("missing") << make(K::PathExists, QStringLiteral("enrichment.data.industry")) << false << "missing";
    QTest::newRow("field from xml") << make(K::FieldEquals, QStringLiteral("company"), QStringLiteral("Acme")) << true
                                    << "Acme";
}

void tst_CheckEvaluator::xmlPaths()
{
    QFETCH(Check, check);
    QFETCH(bool, passed);
    QFETCH(QString, actual);

    const QByteArray xml = "<?xml version=\"1.0\"?><enrichment><data><company>Acme</company>"
                           "<tags><tag>b2b</tag><tag>saas</tag></tags></data></enrichment>";
    Workspace ws = workspace();
    Webhook& webhook = ws.webhooks.first();
    webhook.responseType = ResponseType::Xml;
    webhook.responseMappings = {{QStringLiteral("enrichment.data.company"), QStringLiteral("company"), {}}};
    webhook.checks = {check};
    const QList<CheckResult> results =
        CheckEvaluator::evaluate(webhook, call(200, xml), MappingEvaluator::evaluate(ws, webhook, {}, 200, xml));
    QVERIFY2(results.first().passed == passed, qPrintable(results.first().message));
    QCOMPARE(results.first().actual, actual);
}

void tst_CheckEvaluator::responseTypeNoneFailsPathChecks()
{
    Workspace ws = workspace();
    Webhook& webhook = ws.webhooks.first();
    webhook.responseType = ResponseType::None;
    webhook.checks = {make(Check::Kind::PathExists, QStringLiteral("data"))};
    const QList<CheckResult> results = CheckEvaluator::evaluate(
        webhook, call(200, enrichment), MappingEvaluator::evaluate(ws, webhook, {}, 200, enrichment));
    QVERIFY(!results.first().passed);
    QVERIFY2(results.first().message.contains(QStringLiteral("Response Type is None")),
             qPrintable(results.first().message));
}

void tst_CheckEvaluator::invalidBodyFailsPathChecks()
{
    const Workspace ws = workspace();
    Webhook webhook = ws.webhooks.first();
    webhook.checks = {make(Check::Kind::PathExists, QStringLiteral("data"), {}, false)};
    const QByteArray body = "{\"data\": ";
    const QList<CheckResult> results =
        CheckEvaluator::evaluate(webhook, call(200, body), MappingEvaluator::evaluate(ws, webhook, {}, 200, body));
    QVERIFY(!results.first().passed);
    QVERIFY2(results.first().message.contains(QStringLiteral("the response is not valid JSON")),
             qPrintable(results.first().message));
}

void tst_CheckEvaluator::resultJson()
{
    CheckResult result;
    result.check = Check::status(QStringLiteral("2xx"));
    result.check.name = QStringLiteral("Answers");
    result.passed = false;
    result.actual = QStringLiteral("500");
    result.message = QStringLiteral("Expected status is 2xx, got 500.");
    const QJsonObject json = result.toJson();
    QCOMPARE(
        json.keys(),
        (QStringList {
            QStringLiteral("actual"), QStringLiteral("check"), QStringLiteral("message"), QStringLiteral("passed")}));
    QCOMPARE(json.value(QStringLiteral("check")).toString(), QStringLiteral("Answers"));
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(json.value(QStringLiteral("actual")).toString(), QStringLiteral("500"));
}

void tst_CheckEvaluator::verdictCountsAndSummary()
{
    const Workspace ws = workspace();
    Webhook webhook = ws.webhooks.first();
    webhook.checks = {Check::status(QStringLiteral("2xx")),
                      make(Check::Kind::FieldWritten, QStringLiteral("company")),
                      make(Check::Kind::FieldWritten, QStringLiteral("title")),
                      latency(1000)};
    const CallVerdict verdict = CallVerdict::judge(
        webhook, call(200, enrichment), MappingEvaluator::evaluate(ws, webhook, {}, 200, enrichment));
    QCOMPARE(verdict.passedCount(), 3);
    QCOMPARE(verdict.failedCount(), 1);
    QVERIFY(!verdict.passed());
    QCOMPARE(verdict.summary(), QStringLiteral("3 of 4 checks passed"));
    // No baseline: no shape read, no drift.
    QVERIFY(!verdict.shape);
    QVERIFY(verdict.drift.isEmpty());
    const QJsonObject json = verdict.toJson();
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(json.value(QStringLiteral("checks")).toArray().size(), 4);
    QCOMPARE(json.value(QStringLiteral("summary")).toString(), QStringLiteral("3 of 4 checks passed"));

    webhook.checks.removeAt(2);
    const CallVerdict all = CallVerdict::judge(
        webhook, call(200, enrichment), MappingEvaluator::evaluate(ws, webhook, {}, 200, enrichment));
    QVERIFY(all.passed());
    QCOMPARE(all.summary(), QStringLiteral("3 of 3 checks passed"));
}

QTEST_GUILESS_MAIN(tst_CheckEvaluator)
#include "tst_checkevaluator.moc"
