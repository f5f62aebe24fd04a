#include "TemplateTestSupport.h"
#include "template/TokenResolver.h"

#include <QTest>

namespace {

Workspace fixture()
{
    Workspace w = templateTestWorkspace(
        {customField("Is VIP", "isVip", FieldType::Boolean), customField("Shoe Size", "shoeSize", FieldType::Float)},
        {contextValue("apiKey", "abc", true), contextValue("Empty One", "")},
        {contextValue("name", "Q4")});
    w.context.trigger.present = true;
    w.context.trigger.values = {{QStringLiteral("Web Page"), QStringLiteral("/pricing"), false}};
    w.context.member.present = false;
    w.context.member.values = {{QStringLiteral("webinar url"), QStringLiteral("https://w.test"), false}};
    return w;
}

QJsonObject lead()
{
    return QJsonObject {
        {QStringLiteral("First Name"), QStringLiteral("Ada")},
        {QStringLiteral("email"), QStringLiteral("ada@example.com")}, // by API name
        {QStringLiteral("COMPANY NAME"), QStringLiteral("Acme")},     // another case
        {QStringLiteral("Lead Score"), 42},
        {QStringLiteral("Annual Revenue"), 12.5},
        {QStringLiteral("Industry"), QString()},
        {QStringLiteral("Is VIP"), true},
        {QStringLiteral("Job Title"), QStringLiteral("  ")},
    };
}

TokenRef ref(const QString& scope, const QString& name)
{
    TokenRef r;
    r.scope = scope;
    r.name = name;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(TokenValue::Status)
Q_DECLARE_METATYPE(TokenValue::Kind)
Q_DECLARE_METATYPE(FieldType)

class tst_TokenResolver : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void defaults_data();
    void defaults();
    void fieldValue_data();
    void fieldValue();
    void systemClock_data();
    void systemClock();
    void unknownTimeZone();
    void problems_data();
    void problems();
    void secretContextValues();
    void providedContextScopes_data();
    void providedContextScopes();
    void leadLookup();
};

void tst_TokenResolver::resolve_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("name");
    QTest::addColumn<TokenValue::Status>("status");
    QTest::addColumn<TokenValue::Kind>("kind");
    QTest::addColumn<QString>("text");

    using S = TokenValue::Status;
    using K = TokenValue::Kind;
    QTest::newRow("lead display name") << "lead"
                                       << "First Name" << S::Ok << K::String << "Ada";
    QTest::newRow("lead name any case") << "lead"
                                        << "FIRST name" << S::Ok << K::String << "Ada";
    QTest::newRow("lead scope any case") << "LeAd"
                                         << "First Name" << S::Ok << K::String << "Ada";
    QTest::newRow("lead api name") << "lead"
                                   << "firstName" << S::Ok << K::String << "Ada";
    QTest::newRow("record keyed by api name") << "lead"
                                              << "Email Address" << S::Ok << K::String << "ada@example.com";
    QTest::newRow("record key in other case") << "lead"
                                              << "Company Name" << S::Ok << K::String << "Acme";
    QTest::newRow("integer") << "lead"
                             << "Lead Score" << S::Ok << K::Number << "42";
    QTest::newRow("currency") << "lead"
                              << "Annual Revenue" << S::Ok << K::Number << "12.5";
    QTest::newRow("boolean") << "lead"
                             << "isvip" << S::Ok << K::Boolean << "true";
    QTest::newRow("empty") << "lead"
                           << "Industry" << S::Empty << K::Missing << "";
    QTest::newRow("missing") << "lead"
                             << "City" << S::Empty << K::Missing << "";
    QTest::newRow("custom missing") << "lead"
                                    << "Shoe Size" << S::Empty << K::Missing << "";
    QTest::newRow("unknown field") << "lead"
                                   << "Shoe Colour" << S::UnknownField << K::Missing << "";
    QTest::newRow("company") << "company"
                             << "Company Name" << S::Ok << K::String << "Acme";
    QTest::newRow("company any case") << "COMPANY"
                                      << "annual revenue" << S::Ok << K::Number << "12.5";
    QTest::newRow("company api name") << "company"
                                      << "annualRevenue" << S::Ok << K::Number << "12.5";
    QTest::newRow("not a company field") << "company"
                                         << "First Name" << S::UnknownField << K::Missing << "";
    QTest::newRow("my") << "my"
                        << "apiKey" << S::Ok << K::String << "abc";
    QTest::newRow("my any case") << "My"
                                 << "APIKEY" << S::Ok << K::String << "abc";
    QTest::newRow("my empty") << "my"
                              << "empty one" << S::Empty << K::Missing << "";
    QTest::newRow("my unknown") << "my"
                                << "nope" << S::UnknownField << K::Missing << "";
    QTest::newRow("program name") << "program"
                                  << "Name" << S::Ok << K::String << "Q4";
    QTest::newRow("program id not set") << "program"
                                        << "id" << S::Empty << K::Missing << "";
    QTest::newRow("program unknown") << "program"
                                     << "owner" << S::UnknownField << K::Missing << "";
    QTest::newRow("campaign not provided") << "campaign"
                                           << "name" << S::ScopeNotProvided << K::Missing << "";
    QTest::newRow("trigger") << "trigger"
                             << "web page" << S::Ok << K::String << "/pricing";
    QTest::newRow("trigger known, no value") << "trigger"
                                             << "Client IP Address" << S::Empty << K::Missing << "";
    QTest::newRow("trigger unknown") << "trigger"
                                     << "Colour" << S::UnknownField << K::Missing << "";
    QTest::newRow("member not provided") << "member"
                                         << "webinar url" << S::ScopeNotProvided << K::Missing << "";
    QTest::newRow("system date") << "system"
                                 << "date" << S::Ok << K::String << "Aug 08, 2013";
    QTest::newRow("system any case") << "SYSTEM"
                                     << "DateTime" << S::Ok << K::String << "2013-08-08 16:34:13";
    QTest::newRow("system unknown") << "system"
                                    << "weekday" << S::UnknownField << K::Missing << "";
    QTest::newRow("unknown scope") << "visitor"
                                   << "name" << S::UnknownScope << K::Missing << "";
}

void tst_TokenResolver::resolve()
{
    QFETCH(QString, scope);
    QFETCH(QString, name);
    QFETCH(TokenValue::Status, status);
    QFETCH(TokenValue::Kind, kind);
    QFETCH(QString, text);

    const TokenResolver resolver(fixture());
    const QDateTime now = pinnedNow();
    const TokenValue v = resolver.resolve(ref(scope, name), lead(), now);
    QCOMPARE(v.status, status);
    QCOMPARE(v.kind, kind);
    QCOMPARE(v.text, text);
    QVERIFY(!v.fromDefault);
}

void tst_TokenResolver::defaults_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("defaultValue");
    QTest::addColumn<TokenValue::Status>("status");
    QTest::addColumn<TokenValue::Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("fromDefault");

    using S = TokenValue::Status;
    using K = TokenValue::Kind;
    QTest::newRow("value wins") << "lead"
                                << "First Name"
                                << "x" << S::Ok << K::String << "Ada" << false;
    QTest::newRow("empty takes default") << "lead"
                                         << "Industry"
                                         << "n/a" << S::Ok << K::String << "n/a" << true;
    QTest::newRow("missing takes default") << "lead"
                                           << "City"
                                           << "Paris" << S::Ok << K::String << "Paris" << true;
    QTest::newRow("number default is a number") << "lead"
                                                << "Shoe Size"
                                                << "9.50" << S::Ok << K::Number << "9.50" << true;
    QTest::newRow("boolean default") << "lead"
                                     << "Unsubscribed"
                                     << "false" << S::Ok << K::Boolean << "false" << true;
    QTest::newRow("empty default, string field") << "lead"
                                                 << "City"
                                                 << "" << S::Ok << K::String << "" << true;
    QTest::newRow("empty default, number field") << "lead"
                                                 << "Shoe Size"
                                                 << "" << S::Ok << K::Missing << "" << true;
    // "Empty" is the empty string: a value of spaces is a value, so the default is unused.
    QTest::newRow("blank is a value") << "lead"
                                      << "Job Title"
                                      << "x" << S::Ok << K::String << "  " << false;
    QTest::newRow("context default") << "program"
                                     << "id"
                                     << "0" << S::Ok << K::String << "0" << true;
    QTest::newRow("not provided keeps status") << "campaign"
                                               << "name"
                                               << "X" << S::ScopeNotProvided << K::String << "X" << true;
    QTest::newRow("unknown keeps status") << "lead"
                                          << "Nope"
                                          << "X" << S::UnknownField << K::String << "X" << true;
}

void tst_TokenResolver::defaults()
{
    QFETCH(QString, scope);
    QFETCH(QString, name);
    QFETCH(QString, defaultValue);
    QFETCH(TokenValue::Status, status);
    QFETCH(TokenValue::Kind, kind);
    QFETCH(QString, text);
    QFETCH(bool, fromDefault);

    const TokenResolver resolver(fixture());
    TokenRef r = ref(scope, name);
    r.hasDefault = true;
    r.defaultValue = defaultValue;
    const TokenValue v = resolver.resolve(r, lead(), QDateTime::currentDateTimeUtc());
    QCOMPARE(v.status, status);
    QCOMPARE(v.kind, kind);
    QCOMPARE(v.text, text);
    QCOMPARE(v.fromDefault, fromDefault);
}

void tst_TokenResolver::fieldValue_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QJsonValue>("stored");
    QTest::addColumn<TokenValue::Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("invalid");

    using K = TokenValue::Kind;
    const QJsonValue undefined(QJsonValue::Undefined);
    QTest::newRow("string") << FieldType::String << QJsonValue(QStringLiteral("x")) << K::String << "x" << false;
    QTest::newRow("number in string field") << FieldType::String << QJsonValue(94105) << K::String << "94105" << false;
    QTest::newRow("decimal in text field") << FieldType::Text << QJsonValue(2.5) << K::String << "2.5" << false;
    QTest::newRow("bool in string field") << FieldType::String << QJsonValue(true) << K::String << "true" << false;
    QTest::newRow("integer") << FieldType::Integer << QJsonValue(7) << K::Number << "7" << false;
    QTest::newRow("integral double") << FieldType::Float << QJsonValue(3.0) << K::Number << "3" << false;
    QTest::newRow("large integer") << FieldType::Integer << QJsonValue(qint64(1) << 60) << K::Number
                                   << "1152921504606846976" << false;
    QTest::newRow("number text") << FieldType::Integer << QJsonValue(QStringLiteral("42")) << K::Number << "42"
                                 << false;
    QTest::newRow("number text trimmed") << FieldType::Currency << QJsonValue(QStringLiteral(" 10.25 ")) << K::Number
                                         << "10.25" << false;
    QTest::newRow("number text normalised")
        << FieldType::Score << QJsonValue(QStringLiteral("007")) << K::Number << "7" << false;
    QTest::newRow("number text exponent")
        << FieldType::Float << QJsonValue(QStringLiteral("1e3")) << K::Number << "1e3" << false;
    QTest::newRow("invalid number text") << FieldType::Percent << QJsonValue(QStringLiteral("12%")) << K::String
                                         << "12%" << true;
    QTest::newRow("currency with symbol")
        << FieldType::Currency << QJsonValue(QStringLiteral("$1,000")) << K::String << "$1,000" << true;
    QTest::newRow("bool in number field") << FieldType::Integer << QJsonValue(true) << K::String << "true" << true;
    QTest::newRow("boolean true") << FieldType::Boolean << QJsonValue(true) << K::Boolean << "true" << false;
    QTest::newRow("boolean text TRUE") << FieldType::Boolean << QJsonValue(QStringLiteral("TRUE")) << K::Boolean
                                       << "true" << false;
    QTest::newRow("boolean text 0") << FieldType::Boolean << QJsonValue(QStringLiteral("0")) << K::Boolean << "false"
                                    << false;
    QTest::newRow("boolean text yes") << FieldType::Boolean << QJsonValue(QStringLiteral("yes")) << K::Boolean << "true"
                                      << false;
    QTest::newRow("boolean number 1") << FieldType::Boolean << QJsonValue(1) << K::Boolean << "true" << false;
    QTest::newRow("invalid boolean") << FieldType::Boolean << QJsonValue(QStringLiteral("maybe")) << K::String
                                     << "maybe" << true;
    QTest::newRow("null") << FieldType::Integer << QJsonValue(QJsonValue::Null) << K::Missing << "" << false;
    QTest::newRow("undefined") << FieldType::String << undefined << K::Missing << "" << false;
    QTest::newRow("empty string") << FieldType::Integer << QJsonValue(QString()) << K::Missing << "" << false;
    QTest::newRow("date") << FieldType::Date << QJsonValue(QStringLiteral("2024-01-31")) << K::String << "2024-01-31"
                          << false;
}

void tst_TokenResolver::fieldValue()
{
    QFETCH(FieldType, type);
    QFETCH(QJsonValue, stored);
    QFETCH(TokenValue::Kind, kind);
    QFETCH(QString, text);
    QFETCH(bool, invalid);

    const TokenValue v = TokenResolver::fieldValue(customField("F", "f", type), stored);
    QCOMPARE(v.kind, kind);
    QCOMPARE(v.text, text);
    QCOMPARE(v.invalidNumber || v.invalidBoolean, invalid);
    QCOMPARE(v.status, kind == TokenValue::Kind::Missing ? TokenValue::Status::Empty : TokenValue::Status::Ok);
}

void tst_TokenResolver::systemClock_data()
{
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("dateTime");

    const QDateTime summer = pinnedNow();
    const QDateTime winter(QDate(2024, 1, 15), QTime(9, 5, 0), Qt::UTC);
    QTest::newRow("LA summer") << "America/Los_Angeles" << summer << "Aug 08, 2013"
                               << "04:34 PM (GMT -0700)"
                               << "2013-08-08 16:34:13";
    QTest::newRow("LA winter") << "America/Los_Angeles" << winter << "Jan 15, 2024"
                               << "01:05 AM (GMT -0800)"
                               << "2024-01-15 01:05:00";
    QTest::newRow("Berlin summer") << "Europe/Berlin" << summer << "Aug 09, 2013"
                                   << "01:34 AM (GMT +0200)"
                                   << "2013-08-09 01:34:13";
    QTest::newRow("Kolkata") << "Asia/Kolkata" << winter << "Jan 15, 2024"
                             << "02:35 PM (GMT +0530)"
                             << "2024-01-15 14:35:00";
    // A negative offset with minutes: Newfoundland daylight time is UTC-02:30.
    QTest::newRow("St Johns summer") << "America/St_Johns" << summer << "Aug 08, 2013"
                                     << "09:04 PM (GMT -0230)"
                                     << "2013-08-08 21:04:13";
    QTest::newRow("UTC noon") << "UTC" << QDateTime(QDate(2020, 2, 29), QTime(12, 0, 0), Qt::UTC) << "Feb 29, 2020"
                              << "12:00 PM (GMT +0000)"
                              << "2020-02-29 12:00:00";
    QTest::newRow("UTC midnight") << "UTC" << QDateTime(QDate(2020, 3, 1), QTime(0, 0, 0), Qt::UTC) << "Mar 01, 2020"
                                  << "12:00 AM (GMT +0000)"
                                  << "2020-03-01 00:00:00";
    QTest::newRow("now given in another zone")
        << "UTC" << QDateTime(QDate(2013, 8, 8), QTime(16, 34, 13), QTimeZone(QByteArrayLiteral("America/Los_Angeles")))
        << "Aug 08, 2013"
        << "11:34 PM (GMT +0000)"
        << "2013-08-08 23:34:13";
}

void tst_TokenResolver::systemClock()
{
    QFETCH(QString, timeZone);
    QFETCH(QDateTime, now);
    QFETCH(QString, date);
    QFETCH(QString, time);
    QFETCH(QString, dateTime);

    Workspace w = fixture();
    w.timeZone = timeZone;
    const TokenResolver resolver(w);
    QVERIFY(resolver.timeZoneValid());
    QCOMPARE(resolver.systemValue(TokenResolver::SystemToken::Date, now), date);
    QCOMPARE(resolver.systemValue(TokenResolver::SystemToken::Time, now), time);
    QCOMPARE(resolver.systemValue(TokenResolver::SystemToken::DateTime, now), dateTime);
    // The same resolver with a later clock: the per-second cache must not go stale.
    const QDateTime later = now.addSecs(1);
    QCOMPARE(resolver.systemValue(TokenResolver::SystemToken::DateTime, later),
             QLocale::c().toString(later.toTimeZone(resolver.timeZone()), QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

void tst_TokenResolver::unknownTimeZone()
{
    Workspace w = fixture();
    w.timeZone = QStringLiteral("Mars/Olympus_Mons");
    const TokenResolver resolver(w);
    QVERIFY(!resolver.timeZoneValid());
    const QDateTime now = pinnedNow();
    QCOMPARE(resolver.systemValue(TokenResolver::SystemToken::Time, now), QStringLiteral("11:34 PM (GMT +0000)"));
    QVERIFY(!resolver.systemValue(TokenResolver::SystemToken::UnsubscribeLink, now).isEmpty());
}

void tst_TokenResolver::problems_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("contains");

    QTest::newRow("unknown scope") << "visitor"
                                   << "x"
                                   << "unknown scope \"visitor\"";
    QTest::newRow("unknown lead field") << "lead"
                                        << "Nope"
                                        << "no lead field";
    QTest::newRow("not company") << "company"
                                 << "First Name"
                                 << "not a company field";
    QTest::newRow("system") << "system"
                            << "weekday"
                            << "unknown system token";
    QTest::newRow("my") << "my"
                        << "nope"
                        << "no My Token";
    QTest::newRow("trigger") << "trigger"
                             << "Colour"
                             << "unknown trigger token";
    QTest::newRow("program") << "program"
                             << "owner"
                             << "name, id or description";
    QTest::newRow("not provided") << "campaign"
                                  << "name"
                                  << "does not provide campaign tokens";
}

void tst_TokenResolver::problems()
{
    QFETCH(QString, scope);
    QFETCH(QString, name);
    QFETCH(QString, contains);
    const TokenResolver resolver(fixture());
    const QString problem = TokenResolver::problem(resolver.bind(ref(scope, name)));
    QVERIFY2(problem.contains(contains), qPrintable(problem));
    QVERIFY(TokenResolver::problem(resolver.bind(ref(QStringLiteral("lead"), QStringLiteral("City")))).isEmpty());
}

void tst_TokenResolver::secretContextValues()
{
    const TokenResolver resolver(fixture());
    const TokenValue secret = resolver.resolve(ref(QStringLiteral("my"), QStringLiteral("apiKey")), {}, {});
    QVERIFY(secret.secret);
    const TokenValue plain = resolver.resolve(ref(QStringLiteral("program"), QStringLiteral("name")), {}, {});
    QVERIFY(!plain.secret);
}

void tst_TokenResolver::providedContextScopes_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("name");
    QTest::addColumn<TokenValue::Status>("status");
    QTest::addColumn<QString>("text");

    using S = TokenValue::Status;
    // Campaign has name, id and description; member has the program member
    // fields the context defines. Names match case-insensitively, like every token name.
    QTest::newRow("campaign name") << "campaign"
                                   << "name" << S::Ok << "Enrich on create";
    QTest::newRow("campaign id any case") << "Campaign"
                                          << "ID" << S::Ok << "2002";
    QTest::newRow("campaign description empty") << "campaign"
                                                << "description" << S::Empty << "";
    QTest::newRow("campaign unknown") << "campaign"
                                      << "owner" << S::UnknownField << "";
    QTest::newRow("member field") << "member"
                                  << "webinar url" << S::Ok << "https://w.test";
    QTest::newRow("member field any case") << "MEMBER"
                                           << "Webinar URL" << S::Ok << "https://w.test";
    QTest::newRow("member unknown") << "member"
                                    << "attended" << S::UnknownField << "";
}

void tst_TokenResolver::providedContextScopes()
{
    QFETCH(QString, scope);
    QFETCH(QString, name);
    QFETCH(TokenValue::Status, status);
    QFETCH(QString, text);

    Workspace w = fixture();
    w.context.campaign.present = true;
    w.context.campaign.values = {{QStringLiteral("name"), QStringLiteral("Enrich on create"), false},
                                 {QStringLiteral("id"), QStringLiteral("2002"), false},
                                 {QStringLiteral("description"), QString(), false}};
    w.context.member.present = true;
    const TokenResolver resolver(w);
    const TokenValue v = resolver.resolve(ref(scope, name), lead(), QDateTime::currentDateTimeUtc());
    QCOMPARE(v.status, status);
    QCOMPARE(v.text, text);
    // Context values are text: JSON encoding sends them as strings.
    QCOMPARE(v.kind, text.isEmpty() ? TokenValue::Kind::Missing : TokenValue::Kind::String);
}

void tst_TokenResolver::leadLookup()
{
    const TokenResolver resolver(fixture());
    const QJsonObject record = lead();
    TokenResolver::LeadLookup lookup(record);
    const FieldCatalog& catalog = resolver.catalog();
    auto found = [&](const char* name) {
        const auto it = lookup.find(*catalog.find(QString::fromLatin1(name)));
        return it == record.constEnd() ? QString() : it.key();
    };
    QCOMPARE(found("First Name"), QStringLiteral("First Name"));
    QCOMPARE(found("Email Address"), QStringLiteral("email"));
    QCOMPARE(found("Company Name"), QStringLiteral("COMPANY NAME"));
    QCOMPARE(found("City"), QString());
    QCOMPARE(found("Country"), QString());
}

QTEST_GUILESS_MAIN(tst_TokenResolver)
#include "tst_tokenresolver.moc"
