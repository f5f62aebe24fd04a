#include "sandbox/SandboxMarketo.h"
#include "sandbox/SandboxMarketoData.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <memory>

// The emulated Marketo REST API, called directly (the HTTP route is in tst_sandboxserver).
// Every test runs on a clock it moves itself.
class tst_SandboxMarketo : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void tokenForGoodCredentials();
    void tokenFromAFormBody();
    void tokenIsReusedWhileValid();
    void badCredentialsAre401_data();
    void badCredentialsAre401();
    void wrongGrantIs400();
    void setCredentialsChangesThem();

    void describeHasEveryType();
    void describeHasMarketoShape();
    void describeNamesUnicodeAndUnknownTypes();

    void leadsByEmail();
    void leadsByEmailNeedsAnEncodedPlus();
    void leadsWithoutFieldsGetTheDefaults();
    void leadsPostWithMethodGet();
    void postWithoutMethodGetIs605();
    void everyLeadIsFoundByEmail();
    void leadValuesAreTypedPerField();

    void listPagesToTheEnd_data();
    void listPagesToTheEnd();
    void smallAndEmptyLists();
    void listErrors_data();
    void listErrors();
    void pageTokenIsForItsOwnList();

    void programsPage();
    void programsPastTheEndWarn();
    void programsMaxReturnOver200Is1003();
    void tokensOfTheWebinar();
    void tokensErrors_data();
    void tokensErrors();

    void missingTokenIs601();
    void unknownTokenIs601();
    void accessTokenInQueryIs601_data();
    void accessTokenInQueryIs601();
    void expiredTokenIs602();
    void tokenExpiresMidPaging();
    void failNextAnswersWithTheCode_data();
    void failNextAnswersWithTheCode();
    void failNextCountsDown();
    void dailyQuotaIs607();
    void rateLimitIs606();
    void failedCallsDoNotCountAgainstTheRateLimit();
    void unknownPathIs610();

    void logsEveryRequest();
    void dataIsDeterministic();

private:
    using Params = QList<QPair<QString, QString>>;
    static QString encode(const Params& params);
    QByteArray token();
    // A REST GET with the current token; the body parsed.
    QJsonObject get(const QString& path, const Params& params = {}, int* status = nullptr);
    QJsonObject call(const QString& method,
                     const QString& path,
                     const QString& query,
                     const QByteArray& authorization,
                     const QByteArray& body = {},
                     int* status = nullptr);
    static QString errorCode(const QJsonObject& reply);
    static QStringList restNames();

    std::unique_ptr<SandboxMarketo> m_marketo;
    qint64 m_now = 0;
    QByteArray m_token;
};

void tst_SandboxMarketo::init()
{
    m_marketo = std::make_unique<SandboxMarketo>();
    m_now = 1700000000000;
    m_marketo->setClock([this] { return m_now; });
    m_token.clear();
}

QString tst_SandboxMarketo::encode(const Params& params)
{
    QStringList parts;
    for (const auto& param : params) {
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(param.first)) + QLatin1Char('=')
                     + QString::fromLatin1(QUrl::toPercentEncoding(param.second)));
    }
    return parts.join(QLatin1Char('&'));
}

QByteArray tst_SandboxMarketo::token()
{
    if (m_token.isEmpty()) {
        const QJsonObject reply = call(QStringLiteral("GET"),
                                       QStringLiteral("/identity/oauth/token"),
                                       QStringLiteral("grant_type=client_credentials&client_id=sandbox-client&client_"
                                                      "secret=sandbox-secret"),
                                       {});
        m_token = reply.value(QStringLiteral("access_token")).toString().toLatin1();
    }
    return m_token;
}

QJsonObject tst_SandboxMarketo::get(const QString& path, const Params& params, int* status)
{
    return call(QStringLiteral("GET"), path, encode(params), "Bearer " + token(), {}, status);
}

QJsonObject tst_SandboxMarketo::call(const QString& method,
                                     const QString& path,
                                     const QString& query,
                                     const QByteArray& authorization,
                                     const QByteArray& body,
                                     int* status)
{
    SandboxMarketo::Headers headers;
    if (!authorization.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), authorization});
    if (!body.isEmpty())
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    const SandboxMarketo::Response response = m_marketo->handle(method, path, query, headers, body);
    if (status)
        *status = response.status;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("Not a JSON object: %s", response.body.constData());
    return document.object();
}

QString tst_SandboxMarketo::errorCode(const QJsonObject& reply)
{
    if (reply.value(QStringLiteral("success")).toBool())
        return QStringLiteral("success");
    return reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString();
}

QStringList tst_SandboxMarketo::restNames()
{
    QStringList names;
    for (const auto& field : SandboxMarketoData::fields()) {
        if (!field.restName.isEmpty())
            names.append(field.restName);
    }
    return names;
}

void tst_SandboxMarketo::tokenForGoodCredentials()
{
    int status = 0;
    const QJsonObject reply = call(QStringLiteral("GET"),
                                   QStringLiteral("/identity/oauth/token"),
                                   QStringLiteral("grant_type=client_credentials&client_id=sandbox-client&client_"
                                                  "secret=sandbox-secret"),
                                   {},
                                   {},
                                   &status);
    QCOMPARE(status, 200);
    QVERIFY(!reply.value(QStringLiteral("access_token")).toString().isEmpty());
    QCOMPARE(reply.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    QCOMPARE(reply.value(QStringLiteral("expires_in")).toInt(), 3600);
    QCOMPARE(reply.value(QStringLiteral("scope")).toString(), QStringLiteral("apiuser@sandbox"));
    QCOMPARE(m_marketo->tokensIssued(), 1);
    QCOMPARE(m_marketo->callCount(), 0); // identity calls are not REST calls
}

void tst_SandboxMarketo::tokenFromAFormBody()
{
    int status = 0;
    const QJsonObject reply =
        call(QStringLiteral("POST"),
             QStringLiteral("/identity/oauth/token"),
             {},
             {},
             "grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret",
             &status);
    QCOMPARE(status, 200);
    const QByteArray accessToken = reply.value(QStringLiteral("access_token")).toString().toLatin1();
    QVERIFY(!accessToken.isEmpty());
    QCOMPARE(errorCode(call(
                 QStringLiteral("GET"), QStringLiteral("/rest/v1/leads/describe.json"), {}, "Bearer " + accessToken)),
             QStringLiteral("success"));
}

void tst_SandboxMarketo::tokenIsReusedWhileValid()
{
    const QByteArray first = token();
    m_now += 600 * 1000;
    const QString query =
        QStringLiteral("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret");
    QJsonObject again = call(QStringLiteral("POST"), QStringLiteral("/identity/oauth/token"), query, {});
    QCOMPARE(again.value(QStringLiteral("access_token")).toString().toLatin1(), first);
    QCOMPARE(again.value(QStringLiteral("expires_in")).toInt(), 3000);
    m_now += 3000 * 1000;
    again = call(QStringLiteral("POST"), QStringLiteral("/identity/oauth/token"), query, {});
    QVERIFY(again.value(QStringLiteral("access_token")).toString().toLatin1() != first);
    QCOMPARE(again.value(QStringLiteral("expires_in")).toInt(), 3600);
    QCOMPARE(m_marketo->tokensIssued(), 2);
}

void tst_SandboxMarketo::badCredentialsAre401_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("wrong secret") << QStringLiteral(
        "grant_type=client_credentials&client_id=sandbox-client&client_secret=x");
    QTest::newRow("wrong id") << QStringLiteral(
        "grant_type=client_credentials&client_id=x&client_secret=sandbox-secret");
    QTest::newRow("no secret") << QStringLiteral("grant_type=client_credentials&client_id=sandbox-client");
    QTest::newRow("nothing") << QStringLiteral("grant_type=client_credentials");
}

void tst_SandboxMarketo::badCredentialsAre401()
{
    QFETCH(QString, query);
    int status = 0;
    const QJsonObject reply =
        call(QStringLiteral("GET"), QStringLiteral("/identity/oauth/token"), query, {}, {}, &status);
    QCOMPARE(status, 401);
    QCOMPARE(reply.value(QStringLiteral("error")).toString(), QStringLiteral("unauthorized"));
    QCOMPARE(reply.value(QStringLiteral("error_description")).toString(), QStringLiteral("Bad client credentials"));
    QCOMPARE(m_marketo->tokensIssued(), 0);
}

void tst_SandboxMarketo::wrongGrantIs400()
{
    int status = 0;
    QJsonObject reply =
        call(QStringLiteral("GET"),
             QStringLiteral("/identity/oauth/token"),
             QStringLiteral("grant_type=password&client_id=sandbox-client&client_secret=sandbox-secret"),
             {},
             {},
             &status);
    QCOMPARE(status, 400);
    QCOMPARE(reply.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    reply = call(QStringLiteral("GET"),
                 QStringLiteral("/identity/oauth/token"),
                 QStringLiteral("client_id=sandbox-client&client_secret=sandbox-secret"),
                 {},
                 {},
                 &status);
    QCOMPARE(status, 400);
    QCOMPARE(reply.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
}

void tst_SandboxMarketo::setCredentialsChangesThem()
{
    m_marketo->setCredentials(QStringLiteral("id-ä"), QStringLiteral("s&cret=+"));
    int status = 0;
    call(QStringLiteral("GET"),
         QStringLiteral("/identity/oauth/token"),
         QStringLiteral("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret"),
         {},
         {},
         &status);
    QCOMPARE(status, 401);
    call(QStringLiteral("POST"),
         QStringLiteral("/identity/oauth/token"),
         {},
         {},
         encode({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                 {QStringLiteral("client_id"), QStringLiteral("id-ä")},
                 {QStringLiteral("client_secret"), QStringLiteral("s&cret=+")}})
             .toUtf8(),
         &status);
    QCOMPARE(status, 200);
}

void tst_SandboxMarketo::describeHasEveryType()
{
    const QJsonObject reply = get(QStringLiteral("/rest/v1/leads/describe.json"));
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    QSet<QString> types;
    const QJsonArray result = reply.value(QStringLiteral("result")).toArray();
    for (const QJsonValue& field : result)
        types.insert(field.toObject().value(QStringLiteral("dataType")).toString());
    const QStringList expected = {QStringLiteral("string"),
                                  QStringLiteral("text"),
                                  QStringLiteral("email"),
                                  QStringLiteral("phone"),
                                  QStringLiteral("url"),
                                  QStringLiteral("date"),
                                  QStringLiteral("datetime"),
                                  QStringLiteral("reference"),
                                  QStringLiteral("integer"),
                                  QStringLiteral("float"),
                                  QStringLiteral("currency"),
                                  QStringLiteral("score"),
                                  QStringLiteral("percent"),
                                  QStringLiteral("boolean"),
                                  QStringLiteral("lead_function")};
    for (const QString& type : expected)
        QVERIFY2(types.contains(type), qPrintable(type));
    QCOMPARE(types.size(), expected.size());
}

void tst_SandboxMarketo::describeHasMarketoShape()
{
    const QJsonArray result =
        get(QStringLiteral("/rest/v1/leads/describe.json")).value(QStringLiteral("result")).toArray();
    QVERIFY(result.size() > 40);
    QSet<int> ids;
    QSet<QString> restNames;
    bool sawSoapOnly = false;
    for (const QJsonValue& value : result) {
        const QJsonObject field = value.toObject();
        QVERIFY(field.value(QStringLiteral("id")).isDouble());
        ids.insert(field.value(QStringLiteral("id")).toInt());
        QVERIFY(!field.value(QStringLiteral("displayName")).toString().isEmpty());
        const QString type = field.value(QStringLiteral("dataType")).toString();
        QCOMPARE(field.contains(QStringLiteral("length")),
                 type == QLatin1String("string") || type == QLatin1String("email") || type == QLatin1String("phone")
                     || type == QLatin1String("url"));
        QVERIFY(field.value(QStringLiteral("soap")).toObject().value(QStringLiteral("readOnly")).isBool());
        if (!field.contains(QStringLiteral("rest"))) {
            sawSoapOnly = true;
            continue;
        }
        const QJsonObject rest = field.value(QStringLiteral("rest")).toObject();
        QVERIFY(rest.value(QStringLiteral("readOnly")).isBool());
        restNames.insert(rest.value(QStringLiteral("name")).toString());
    }
    QCOMPARE(ids.size(), result.size());
    QVERIFY(sawSoapOnly);
    QCOMPARE(restNames.size(), result.size() - 1);

    const QJsonObject id = result.at(0).toObject();
    QCOMPARE(id.value(QStringLiteral("displayName")).toString(), QStringLiteral("Id"));
    QCOMPARE(id.value(QStringLiteral("dataType")).toString(), QStringLiteral("integer"));
    QCOMPARE(id.value(QStringLiteral("rest")).toObject(),
             (QJsonObject {{QStringLiteral("name"), QStringLiteral("id")}, {QStringLiteral("readOnly"), true}}));
    QCOMPARE(id.value(QStringLiteral("soap")).toObject(),
             (QJsonObject {{QStringLiteral("name"), QStringLiteral("Id")}, {QStringLiteral("readOnly"), true}}));
}

void tst_SandboxMarketo::describeNamesUnicodeAndUnknownTypes()
{
    const QJsonArray result =
        get(QStringLiteral("/rest/v1/leads/describe.json")).value(QStringLiteral("result")).toArray();
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue& value : result)
        byName.insert(value.toObject().value(QStringLiteral("displayName")).toString(), value.toObject());
    for (const QString& name :
         {QStringLiteral("Größe des Unternehmens"), QStringLiteral("Código de campaña"), QStringLiteral("顧客ランク")})
        QVERIFY2(byName.contains(name), qPrintable(name));
    QCOMPARE(byName.value(QStringLiteral("Lead Function")).value(QStringLiteral("dataType")).toString(),
             QStringLiteral("lead_function"));
    QCOMPARE(byName.value(QStringLiteral("Lead Score")).value(QStringLiteral("dataType")).toString(),
             QStringLiteral("score"));
    QVERIFY(byName.value(QStringLiteral("Updated At"))
                .value(QStringLiteral("rest"))
                .toObject()
                .value(QStringLiteral("readOnly"))
                .toBool());
    QVERIFY(byName.value(QStringLiteral("Lifetime Value"))
                .value(QStringLiteral("rest"))
                .toObject()
                .value(QStringLiteral("readOnly"))
                .toBool());
    QVERIFY(!byName.value(QStringLiteral("Email Address"))
                 .value(QStringLiteral("rest"))
                 .toObject()
                 .value(QStringLiteral("readOnly"))
                 .toBool());
}

void tst_SandboxMarketo::leadsByEmail()
{
    const QJsonObject reply = get(
        QStringLiteral("/rest/v1/leads.json"),
        {{QStringLiteral("filterType"), QStringLiteral("email")},
         {QStringLiteral("filterValues"),
          QStringLiteral("ZOE.NGO-MUELLER+VIP@fjord-analytics.example,nobody@nowhere.example,"
                         "siobhan.obrien@brightpath.example")},
         {QStringLiteral("fields"), QStringLiteral("email,firstName,leadScore,unsubscribed,mobilePhone,kokyakuRank")}});
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    QVERIFY(!reply.contains(QStringLiteral("nextPageToken")));
    QVERIFY(!reply.value(QStringLiteral("requestId")).toString().isEmpty());
    const QJsonArray result = reply.value(QStringLiteral("result")).toArray();
    QCOMPARE(result.size(), 2);
    const QJsonObject zoe = result.at(0).toObject();
    QCOMPARE(zoe.value(QStringLiteral("id")).toInt(), 10751);
    QCOMPARE(zoe.value(QStringLiteral("email")).toString(),
             QStringLiteral("zoe.ngo-mueller+vip@fjord-analytics.example"));
    QCOMPARE(zoe.value(QStringLiteral("firstName")).toString(), QStringLiteral("Zoë"));
    QCOMPARE(zoe.value(QStringLiteral("leadScore")), QJsonValue(150));
    QCOMPARE(zoe.value(QStringLiteral("unsubscribed")), QJsonValue(false));
    QCOMPARE(zoe.value(QStringLiteral("kokyakuRank")).toString(), QStringLiteral("プラチナ"));
    // A field without a value is left out, as Marketo does.
    const QJsonObject siobhan = result.at(1).toObject();
    QCOMPARE(siobhan.value(QStringLiteral("firstName")).toString(), QStringLiteral("Siobhán"));
    QVERIFY(!siobhan.contains(QStringLiteral("mobilePhone")));
    QVERIFY(!siobhan.contains(QStringLiteral("leadScore")));
    QCOMPARE(siobhan.keys().size(), 4); // id, email, firstName, unsubscribed
}

void tst_SandboxMarketo::leadsByEmailNeedsAnEncodedPlus()
{
    // A raw '+' is a space to a servlet: the lead is not found.
    const QByteArray auth = "Bearer " + token();
    QJsonObject reply =
        call(QStringLiteral("GET"),
             QStringLiteral("/rest/v1/leads.json"),
             QStringLiteral("filterType=email&filterValues=zoe.ngo-mueller+vip@fjord-analytics.example"),
             auth);
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    QCOMPARE(reply.value(QStringLiteral("result")).toArray().size(), 0);
    reply = call(QStringLiteral("GET"),
                 QStringLiteral("/rest/v1/leads.json"),
                 QStringLiteral("filterType=email&filterValues=zoe.ngo-mueller%2Bvip%40fjord-analytics.example"),
                 auth);
    QCOMPARE(reply.value(QStringLiteral("result")).toArray().size(), 1);
}

void tst_SandboxMarketo::leadsWithoutFieldsGetTheDefaults()
{
    const QJsonObject reply = get(QStringLiteral("/rest/v1/leads.json"),
                                  {{QStringLiteral("filterType"), QStringLiteral("id")},
                                   {QStringLiteral("filterValues"), QStringLiteral("10001")}});
    const QJsonObject lead = reply.value(QStringLiteral("result")).toArray().at(0).toObject();
    QStringList keys = lead.keys();
    keys.sort();
    QCOMPARE(keys,
             (QStringList {QStringLiteral("createdAt"),
                           QStringLiteral("email"),
                           QStringLiteral("firstName"),
                           QStringLiteral("id"),
                           QStringLiteral("lastName"),
                           QStringLiteral("updatedAt")}));
    QCOMPARE(lead.value(QStringLiteral("email")).toString(), QStringLiteral("ada.lovelace@northwind.example"));
    QCOMPARE(lead.value(QStringLiteral("createdAt")).toString(), QStringLiteral("2022-01-03T08:00:00Z"));
}

void tst_SandboxMarketo::leadsPostWithMethodGet()
{
    const QByteArray body =
        encode({{QStringLiteral("_method"), QStringLiteral("GET")},
                {QStringLiteral("filterType"), QStringLiteral("email")},
                {QStringLiteral("filterValues"), QStringLiteral("renee.dangelo@acme-rockets.example")},
                {QStringLiteral("fields"), restNames().join(QLatin1Char(','))}})
            .toUtf8();
    const QJsonObject reply =
        call(QStringLiteral("POST"), QStringLiteral("/rest/v1/leads.json"), {}, "Bearer " + token(), body);
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    const QJsonObject lead = reply.value(QStringLiteral("result")).toArray().at(0).toObject();
    QCOMPARE(lead.value(QStringLiteral("lastName")).toString(), QStringLiteral("\"The Boss\" D'Angelo"));
    QCOMPARE(lead.value(QStringLiteral("company")).toString(), QStringLiteral("Acme \"Rockets\" & Co. 🚀"));
    QCOMPARE(lead.value(QStringLiteral("leadScore")), QJsonValue(-5));
    QCOMPARE(m_marketo->requests().last().method, QStringLiteral("POST"));
    QCOMPARE(m_marketo->requests().last().body, body);
}

void tst_SandboxMarketo::postWithoutMethodGetIs605()
{
    const QJsonObject reply = call(QStringLiteral("POST"),
                                   QStringLiteral("/rest/v1/leads.json"),
                                   {},
                                   "Bearer " + token(),
                                   "filterType=email&filterValues=a%40b.example");
    QCOMPARE(errorCode(reply), QStringLiteral("605"));
    QCOMPARE(errorCode(call(
                 QStringLiteral("DELETE"), QStringLiteral("/rest/v1/leads/describe.json"), {}, "Bearer " + token())),
             QStringLiteral("605"));
}

void tst_SandboxMarketo::everyLeadIsFoundByEmail()
{
    const QList<QJsonObject>& leads = SandboxMarketoData::leads();
    QCOMPARE(leads.size(), SandboxMarketoData::leadCount);
    QSet<QString> emails;
    for (int start = 0; start < leads.size(); start += 300) {
        QStringList batch;
        for (int i = start; i < qMin<int>(leads.size(), start + 300); ++i)
            batch.append(leads.at(i).value(QStringLiteral("email")).toString());
        const QJsonObject reply = get(QStringLiteral("/rest/v1/leads.json"),
                                      {{QStringLiteral("filterType"), QStringLiteral("email")},
                                       {QStringLiteral("filterValues"), batch.join(QLatin1Char(','))},
                                       {QStringLiteral("fields"), QStringLiteral("email")}});
        const QJsonArray result = reply.value(QStringLiteral("result")).toArray();
        QCOMPARE(result.size(), batch.size());
        for (const QJsonValue& lead : result)
            emails.insert(lead.toObject().value(QStringLiteral("email")).toString());
    }
    QCOMPARE(emails.size(), SandboxMarketoData::leadCount);
}

void tst_SandboxMarketo::leadValuesAreTypedPerField()
{
    QHash<QString, QString> typeOf;
    for (const auto& field : SandboxMarketoData::fields())
        typeOf.insert(field.restName, field.dataType);
    QHash<QString, int> valuesSeen;
    for (const QJsonObject& lead : SandboxMarketoData::leads()) {
        for (auto it = lead.begin(); it != lead.end(); ++it) {
            const QString type = typeOf.value(it.key());
            QVERIFY2(!type.isEmpty(), qPrintable(it.key()));
            ++valuesSeen[it.key()];
            const QJsonValue value = it.value();
            const QString where =
                it.key() + QLatin1Char('=') + QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson());
            if (type == QLatin1String("integer") || type == QLatin1String("score")
                || type == QLatin1String("reference")) {
                QVERIFY2(value.isDouble() && value.toDouble() == double(value.toInteger()), qPrintable(where));
            } else if (type == QLatin1String("float") || type == QLatin1String("currency")
                       || type == QLatin1String("percent")) {
                QVERIFY2(value.isDouble(), qPrintable(where));
            } else if (type == QLatin1String("boolean")) {
                QVERIFY2(value.isBool(), qPrintable(where));
            } else if (type == QLatin1String("date")) {
                QVERIFY2(QDate::fromString(value.toString(), Qt::ISODate).isValid(), qPrintable(where));
            } else if (type == QLatin1String("datetime")) {
                QVERIFY2(value.toString().endsWith(QLatin1Char('Z')), qPrintable(where));
                QVERIFY2(QDateTime::fromString(value.toString(), Qt::ISODate).isValid(), qPrintable(where));
            } else if (type == QLatin1String("email")) {
                QVERIFY2(value.toString().contains(QLatin1Char('@')), qPrintable(where));
            } else {
                QVERIFY2(value.isString() && !value.toString().isEmpty(), qPrintable(where));
            }
        }
    }
    // Every REST field has a value on some lead.
    for (const QString& name : restNames())
        QVERIFY2(valuesSeen.value(name) > 0, qPrintable(name));
}

void tst_SandboxMarketo::listPagesToTheEnd_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<QList<int>>("pages");
    QTest::newRow("default") << 0 << QList<int> {300, 300, 150};
    QTest::newRow("300") << 300 << QList<int> {300, 300, 150};
    QTest::newRow("250") << 250 << QList<int> {250, 250, 250};
    QTest::newRow("100") << 100 << QList<int> {100, 100, 100, 100, 100, 100, 100, 50};
}

void tst_SandboxMarketo::listPagesToTheEnd()
{
    QFETCH(int, batchSize);
    QFETCH(QList<int>, pages);
    QList<int> seen;
    QSet<int> ids;
    QString nextPageToken;
    do {
        Params params = {{QStringLiteral("fields"), QStringLiteral("email,lastWebinarAttendedAt")}};
        if (batchSize > 0)
            params.append({QStringLiteral("batchSize"), QString::number(batchSize)});
        if (!nextPageToken.isEmpty())
            params.append({QStringLiteral("nextPageToken"), nextPageToken});
        const QJsonObject reply = get(QStringLiteral("/rest/v1/lists/1001/leads.json"), params);
        QCOMPARE(errorCode(reply), QStringLiteral("success"));
        const QJsonArray result = reply.value(QStringLiteral("result")).toArray();
        seen.append(result.size());
        for (const QJsonValue& lead : result) {
            ids.insert(lead.toObject().value(QStringLiteral("id")).toInt());
            QVERIFY(lead.toObject().contains(QStringLiteral("lastWebinarAttendedAt")));
        }
        nextPageToken = reply.value(QStringLiteral("nextPageToken")).toString();
        QVERIFY(seen.size() <= pages.size());
    } while (!nextPageToken.isEmpty());
    QCOMPARE(seen, pages);
    QCOMPARE(ids.size(), 750);
}

void tst_SandboxMarketo::smallAndEmptyLists()
{
    QJsonObject reply =
        get(QStringLiteral("/rest/v1/lists/1002/leads.json"), {{QStringLiteral("fields"), QStringLiteral("email")}});
    QCOMPARE(reply.value(QStringLiteral("result")).toArray().size(), 3);
    QVERIFY(!reply.contains(QStringLiteral("nextPageToken")));
    reply = get(QStringLiteral("/rest/v1/lists/1003/leads.json"));
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    QVERIFY(reply.value(QStringLiteral("result")).isArray());
    QCOMPARE(reply.value(QStringLiteral("result")).toArray().size(), 0);
}

void tst_SandboxMarketo::listErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown list") << QStringLiteral("/rest/v1/lists/9999/leads.json") << QString()
                                  << QStringLiteral("1013");
    QTest::newRow("list not a number") << QStringLiteral("/rest/v1/lists/abc/leads.json") << QString()
                                       << QStringLiteral("1003");
    QTest::newRow("batchSize 301") << QStringLiteral("/rest/v1/lists/1001/leads.json")
                                   << QStringLiteral("batchSize=301") << QStringLiteral("1003");
    QTest::newRow("batchSize 0") << QStringLiteral("/rest/v1/lists/1001/leads.json") << QStringLiteral("batchSize=0")
                                 << QStringLiteral("1003");
    QTest::newRow("batchSize text") << QStringLiteral("/rest/v1/lists/1001/leads.json")
                                    << QStringLiteral("batchSize=ten") << QStringLiteral("1003");
    QTest::newRow("unknown field") << QStringLiteral("/rest/v1/lists/1001/leads.json")
                                   << QStringLiteral("fields=email,shoeSize") << QStringLiteral("1003");
    QTest::newRow("soap-only field") << QStringLiteral("/rest/v1/lists/1001/leads.json")
                                     << QStringLiteral("fields=Cookies") << QStringLiteral("1003");
    QTest::newRow("bad page token") << QStringLiteral("/rest/v1/lists/1001/leads.json")
                                    << QStringLiteral("nextPageToken=NOTATOKEN%21") << QStringLiteral("1003");
    QTest::newRow("no filterType") << QStringLiteral("/rest/v1/leads.json")
                                   << QStringLiteral("filterValues=a%40b.example") << QStringLiteral("1003");
    QTest::newRow("bad filterType") << QStringLiteral("/rest/v1/leads.json")
                                    << QStringLiteral("filterType=shoeSize&filterValues=9") << QStringLiteral("1003");
    QTest::newRow("no filterValues") << QStringLiteral("/rest/v1/leads.json") << QStringLiteral("filterType=email")
                                     << QStringLiteral("1003");
    QTest::newRow("filter batchSize") << QStringLiteral("/rest/v1/leads.json")
                                      << QStringLiteral("filterType=email&filterValues=a%40b.example&batchSize=1000")
                                      << QStringLiteral("1003");
}

void tst_SandboxMarketo::listErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QString, code);
    int status = 0;
    const QJsonObject reply = call(QStringLiteral("GET"), path, query, "Bearer " + token(), {}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(reply.value(QStringLiteral("success")), QJsonValue(false));
    QCOMPARE(errorCode(reply), code);
    QVERIFY(!reply.value(QStringLiteral("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .isEmpty());
    QVERIFY(!reply.contains(QStringLiteral("result")));
}

void tst_SandboxMarketo::pageTokenIsForItsOwnList()
{
    const QString nextPageToken =
        get(QStringLiteral("/rest/v1/lists/1001/leads.json"), {{QStringLiteral("batchSize"), QStringLiteral("1")}})
            .value(QStringLiteral("nextPageToken"))
            .toString();
    QVERIFY(!nextPageToken.isEmpty());
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/lists/1002/leads.json"),
                           {{QStringLiteral("nextPageToken"), nextPageToken}})),
             QStringLiteral("1003"));
    const QJsonObject second =
        get(QStringLiteral("/rest/v1/lists/1001/leads.json"),
            {{QStringLiteral("batchSize"), QStringLiteral("1")}, {QStringLiteral("nextPageToken"), nextPageToken}});
    QCOMPARE(second.value(QStringLiteral("result")).toArray().at(0).toObject().value(QStringLiteral("id")).toInt(),
             10002);
}

void tst_SandboxMarketo::programsPage()
{
    QJsonObject reply = get(QStringLiteral("/rest/asset/v1/programs.json"));
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    QCOMPARE(reply.value(QStringLiteral("result")).toArray().size(), 20);
    QVERIFY(reply.value(QStringLiteral("warnings")).toArray().isEmpty());
    QVERIFY(reply.value(QStringLiteral("errors")).toArray().isEmpty());

    QList<int> ids;
    for (int offset = 0;; offset += 10) {
        reply = get(
            QStringLiteral("/rest/asset/v1/programs.json"),
            {{QStringLiteral("maxReturn"), QStringLiteral("10")}, {QStringLiteral("offset"), QString::number(offset)}});
        QCOMPARE(errorCode(reply), QStringLiteral("success"));
        if (!reply.contains(QStringLiteral("result")))
            break;
        const QJsonArray result = reply.value(QStringLiteral("result")).toArray();
        for (const QJsonValue& program : result)
            ids.append(program.toObject().value(QStringLiteral("id")).toInt());
        QVERIFY(offset < 100);
    }
    QCOMPARE(ids.size(), SandboxMarketoData::programCount);
    QCOMPARE(ids.first(), 1001);
    QCOMPARE(ids.last(), 1035);

    const QJsonObject webinar =
        get(QStringLiteral("/rest/asset/v1/programs.json"), {{QStringLiteral("maxReturn"), QStringLiteral("200")}})
            .value(QStringLiteral("result"))
            .toArray()
            .at(0)
            .toObject();
    QCOMPARE(webinar.value(QStringLiteral("name")).toString(), QStringLiteral("Q4 Webinar"));
    QCOMPARE(webinar.value(QStringLiteral("type")).toString(), QStringLiteral("Event with Webinar"));
    QCOMPARE(webinar.value(QStringLiteral("folder")).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("Folder"));
    QCOMPARE(webinar.value(QStringLiteral("createdAt")).toString(), QStringLiteral("2023-02-06T10:00:00Z+0000"));
}

void tst_SandboxMarketo::programsPastTheEndWarn()
{
    const QJsonObject reply =
        get(QStringLiteral("/rest/asset/v1/programs.json"),
            {{QStringLiteral("maxReturn"), QStringLiteral("200")}, {QStringLiteral("offset"), QStringLiteral("35")}});
    QCOMPARE(reply.value(QStringLiteral("success")), QJsonValue(true));
    QVERIFY(!reply.contains(QStringLiteral("result")));
    QCOMPARE(reply.value(QStringLiteral("warnings")).toArray(),
             QJsonArray {QStringLiteral("No assets found for the given search criteria.")});
}

void tst_SandboxMarketo::programsMaxReturnOver200Is1003()
{
    const QJsonObject reply =
        get(QStringLiteral("/rest/asset/v1/programs.json"), {{QStringLiteral("maxReturn"), QStringLiteral("201")}});
    QCOMPARE(errorCode(reply), QStringLiteral("1003"));
    QVERIFY(reply.value(QStringLiteral("warnings")).isArray());
    QCOMPARE(errorCode(get(QStringLiteral("/rest/asset/v1/programs.json"),
                           {{QStringLiteral("offset"), QStringLiteral("-1")}})),
             QStringLiteral("1003"));
}

void tst_SandboxMarketo::tokensOfTheWebinar()
{
    const QJsonObject reply = get(QStringLiteral("/rest/asset/v1/folder/1001/tokens.json"),
                                  {{QStringLiteral("folderType"), QStringLiteral("Program")}});
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    const QJsonArray result = reply.value(QStringLiteral("result")).toArray();
    QCOMPARE(result.size(), 1);
    const QJsonObject entry = result.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("name")).toString(), QStringLiteral("Q4 Webinar"));
    QCOMPARE(entry.value(QStringLiteral("folder")).toObject(),
             (QJsonObject {{QStringLiteral("type"), QStringLiteral("Program")}, {QStringLiteral("value"), 1001}}));
    QHash<QString, QJsonObject> byName;
    QSet<QString> types;
    const QJsonArray tokens = entry.value(QStringLiteral("tokens")).toArray();
    for (const QJsonValue& value : tokens) {
        const QJsonObject token = value.toObject();
        byName.insert(token.value(QStringLiteral("name")).toString(), token);
        types.insert(token.value(QStringLiteral("type")).toString());
        QVERIFY(token.value(QStringLiteral("value")).isString());
        QVERIFY(token.value(QStringLiteral("computedUrl")).toString().startsWith(QLatin1String("https://")));
    }
    QCOMPARE(types,
             (QSet<QString> {QStringLiteral("text"),
                             QStringLiteral("number"),
                             QStringLiteral("date"),
                             QStringLiteral("score"),
                             QStringLiteral("rich text"),
                             QStringLiteral("sfdc campaign")}));
    QVERIFY(byName.contains(QStringLiteral("Begrüßung")));
    QVERIFY(byName.value(QStringLiteral("Registration Block"))
                .value(QStringLiteral("value"))
                .toString()
                .startsWith(QLatin1String("<p>")));
    QCOMPARE(byName.value(QStringLiteral("Event Date")).value(QStringLiteral("value")).toString(),
             QStringLiteral("2024-11-14"));

    // A program without My Tokens has an empty list.
    const QJsonObject empty = get(QStringLiteral("/rest/asset/v1/folder/1002/tokens.json"),
                                  {{QStringLiteral("folderType"), QStringLiteral("Program")}});
    QCOMPARE(empty.value(QStringLiteral("result"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("tokens"))
                 .toArray()
                 .size(),
             0);
}

void tst_SandboxMarketo::tokensErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown program") << QStringLiteral("/rest/asset/v1/folder/9999/tokens.json")
                                     << QStringLiteral("folderType=Program") << QStringLiteral("1013");
    QTest::newRow("not a program folder") << QStringLiteral("/rest/asset/v1/folder/1001/tokens.json")
                                          << QStringLiteral("folderType=Folder") << QStringLiteral("1013");
    QTest::newRow("no folderType") << QStringLiteral("/rest/asset/v1/folder/1001/tokens.json") << QString()
                                   << QStringLiteral("1013");
    QTest::newRow("bad folderType") << QStringLiteral("/rest/asset/v1/folder/1001/tokens.json")
                                    << QStringLiteral("folderType=Campaign") << QStringLiteral("1003");
    QTest::newRow("id not a number") << QStringLiteral("/rest/asset/v1/folder/x/tokens.json")
                                     << QStringLiteral("folderType=Program") << QStringLiteral("1003");
}

void tst_SandboxMarketo::tokensErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QString, code);
    const QJsonObject reply = call(QStringLiteral("GET"), path, query, "Bearer " + token());
    QCOMPARE(errorCode(reply), code);
    if (code == QLatin1String("1013"))
        QCOMPARE(reply.value(QStringLiteral("errors"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("Object not found"));
}

void tst_SandboxMarketo::missingTokenIs601()
{
    int status = 0;
    const QJsonObject reply =
        call(QStringLiteral("GET"), QStringLiteral("/rest/v1/leads/describe.json"), {}, {}, {}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(reply.value(QStringLiteral("success")), QJsonValue(false));
    QCOMPARE(reply.value(QStringLiteral("errors")).toArray(),
             (QJsonArray {QJsonObject {{QStringLiteral("code"), QStringLiteral("601")},
                                       {QStringLiteral("message"), QStringLiteral("Access token invalid")}}}));
    QVERIFY(reply.contains(QStringLiteral("requestId")));
    QCOMPARE(
        errorCode(call(QStringLiteral("GET"), QStringLiteral("/rest/v1/leads/describe.json"), {}, "Basic " + token())),
        QStringLiteral("601"));
}

void tst_SandboxMarketo::unknownTokenIs601()
{
    QCOMPARE(
        errorCode(call(QStringLiteral("GET"), QStringLiteral("/rest/v1/leads/describe.json"), {}, "Bearer nope:sbx")),
        QStringLiteral("601"));
}

void tst_SandboxMarketo::accessTokenInQueryIs601_data()
{
    QTest::addColumn<bool>("withHeader");
    QTest::addColumn<bool>("inBody");
    QTest::newRow("query only") << false << false;
    QTest::newRow("query and header") << true << false;
    QTest::newRow("form body") << true << true;
}

void tst_SandboxMarketo::accessTokenInQueryIs601()
{
    QFETCH(bool, withHeader);
    QFETCH(bool, inBody);
    const QString param =
        QStringLiteral("access_token=") + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(token())));
    const QJsonObject reply = inBody ? call(QStringLiteral("POST"),
                                            QStringLiteral("/rest/v1/leads/describe.json"),
                                            {},
                                            "Bearer " + token(),
                                            "_method=GET&" + param.toLatin1())
                                     : call(QStringLiteral("GET"),
                                            QStringLiteral("/rest/v1/leads/describe.json"),
                                            param,
                                            withHeader ? "Bearer " + token() : QByteArray());
    QCOMPARE(errorCode(reply), QStringLiteral("601"));
}

void tst_SandboxMarketo::expiredTokenIs602()
{
    m_marketo->setTokenLifetime(60);
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("success"));
    m_now += 59999;
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("success"));
    m_now += 1;
    const QJsonObject reply = get(QStringLiteral("/rest/v1/leads/describe.json"));
    QCOMPARE(errorCode(reply), QStringLiteral("602"));
    QCOMPARE(
        reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("message")).toString(),
        QStringLiteral("Access token expired"));
    m_token.clear();
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("success"));
}

void tst_SandboxMarketo::tokenExpiresMidPaging()
{
    m_marketo->setTokenCallLimit(2);
    QJsonObject reply = get(QStringLiteral("/rest/v1/lists/1001/leads.json"));
    const QString page2 = reply.value(QStringLiteral("nextPageToken")).toString();
    QVERIFY(page2.contains(QLatin1Char('='))); // padded base32, as Marketo's
    reply = get(QStringLiteral("/rest/v1/lists/1001/leads.json"), {{QStringLiteral("nextPageToken"), page2}});
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    const QString page3 = reply.value(QStringLiteral("nextPageToken")).toString();
    QCOMPARE(
        errorCode(get(QStringLiteral("/rest/v1/lists/1001/leads.json"), {{QStringLiteral("nextPageToken"), page3}})),
        QStringLiteral("602"));
    // A new token goes on with the same page token.
    const QByteArray old = m_token;
    m_token.clear();
    QVERIFY(token() != old);
    reply = get(QStringLiteral("/rest/v1/lists/1001/leads.json"), {{QStringLiteral("nextPageToken"), page3}});
    QCOMPARE(errorCode(reply), QStringLiteral("success"));
    QCOMPARE(reply.value(QStringLiteral("result")).toArray().size(), 150);
    QVERIFY(!reply.contains(QStringLiteral("nextPageToken")));
    QCOMPARE(m_marketo->tokensIssued(), 2);
}

void tst_SandboxMarketo::failNextAnswersWithTheCode_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("path");
    QTest::newRow("601") << 601 << QStringLiteral("Access token invalid")
                         << QStringLiteral("/rest/v1/leads/describe.json");
    QTest::newRow("602") << 602 << QStringLiteral("Access token expired")
                         << QStringLiteral("/rest/v1/leads/describe.json");
    QTest::newRow("603") << 603 << QStringLiteral("Access denied") << QStringLiteral("/rest/v1/lists/1001/leads.json");
    QTest::newRow("604") << 604 << QStringLiteral("Request timed out")
                         << QStringLiteral("/rest/v1/lists/1001/leads.json");
    QTest::newRow("606") << 606 << QStringLiteral("Max rate limit '100' exceeded with in '20' secs")
                         << QStringLiteral("/rest/v1/leads/describe.json");
    QTest::newRow("607") << 607 << QStringLiteral("Daily quota reached")
                         << QStringLiteral("/rest/v1/leads/describe.json");
    QTest::newRow("611") << 611 << QStringLiteral("System error") << QStringLiteral("/rest/asset/v1/programs.json");
    QTest::newRow("615") << 615 << QStringLiteral("Concurrent access limit reached")
                         << QStringLiteral("/rest/asset/v1/programs.json");
    QTest::newRow("1003") << 1003 << QStringLiteral("Invalid data") << QStringLiteral("/rest/v1/leads/describe.json");
    QTest::newRow("1013") << 1013 << QStringLiteral("Object not found")
                          << QStringLiteral("/rest/asset/v1/programs.json");
}

void tst_SandboxMarketo::failNextAnswersWithTheCode()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(QString, path);
    QCOMPARE(SandboxMarketo::errorMessage(code), message);
    m_marketo->failNext(code);
    int status = 0;
    const QJsonObject reply = get(path, {}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(reply.value(QStringLiteral("success")), QJsonValue(false));
    QCOMPARE(errorCode(reply), QString::number(code));
    QCOMPARE(
        reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("message")).toString(),
        message);
    QCOMPARE(errorCode(get(path)), QStringLiteral("success"));
}

void tst_SandboxMarketo::failNextCountsDown()
{
    m_marketo->failNext(604, 2);
    m_marketo->failNext(611);
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("604"));
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("604"));
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("611"));
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("success"));
    QCOMPARE(m_marketo->callCount(), 4);
}

void tst_SandboxMarketo::dailyQuotaIs607()
{
    m_marketo->setDailyQuotaExceeded(true);
    const QJsonObject reply = get(QStringLiteral("/rest/asset/v1/programs.json"));
    QCOMPARE(errorCode(reply), QStringLiteral("607"));
    QVERIFY(reply.value(QStringLiteral("warnings")).isArray()); // asset answers carry warnings
    m_marketo->setDailyQuotaExceeded(false);
    QCOMPARE(errorCode(get(QStringLiteral("/rest/asset/v1/programs.json"))), QStringLiteral("success"));
}

void tst_SandboxMarketo::rateLimitIs606()
{
    // 100 calls spread over 19.8 s are fine; the 101st inside the same 20 s is refused.
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("success"));
        if (i < 99)
            m_now += 200;
    }
    const QJsonObject reply = get(QStringLiteral("/rest/v1/leads/describe.json"));
    QCOMPARE(errorCode(reply), QStringLiteral("606"));
    QCOMPARE(
        reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("message")).toString(),
        QStringLiteral("Max rate limit '100' exceeded with in '20' secs"));
    // The first call leaves the window 20 s after it was made: one call fits again.
    m_now += 20000 - 99 * 200 - 1;
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("606"));
    m_now += 1;
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("success"));
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("606"));
    m_now += 20000;
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("success"));
}

void tst_SandboxMarketo::failedCallsDoNotCountAgainstTheRateLimit()
{
    for (int i = 0; i < 150; ++i)
        QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/lists/9999/leads.json"))), QStringLiteral("1013"));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("success"));
    QCOMPARE(errorCode(get(QStringLiteral("/rest/v1/leads/describe.json"))), QStringLiteral("606"));
}

void tst_SandboxMarketo::unknownPathIs610()
{
    int status = 0;
    QJsonObject reply =
        call(QStringLiteral("GET"), QStringLiteral("/rest/v1/campaigns.json"), {}, "Bearer " + token(), {}, &status);
    QCOMPARE(status, 404);
    QCOMPARE(errorCode(reply), QStringLiteral("610"));
    reply = call(QStringLiteral("GET"), QStringLiteral("/elsewhere"), {}, {}, {}, &status);
    QCOMPARE(status, 404);
    QCOMPARE(errorCode(reply), QStringLiteral("610"));
    call(QStringLiteral("GET"), QStringLiteral("/identity/oauth/other"), {}, {}, {}, &status);
    QCOMPARE(status, 404);
}

void tst_SandboxMarketo::logsEveryRequest()
{
    get(QStringLiteral("/rest/v1/lists/1002/leads.json"), {{QStringLiteral("fields"), QStringLiteral("email")}});
    const QList<SandboxMarketo::LoggedRequest> requests = m_marketo->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).path, QStringLiteral("/identity/oauth/token"));
    QVERIFY(requests.at(0).authorization.isEmpty());
    QCOMPARE(requests.at(1).method, QStringLiteral("GET"));
    QCOMPARE(requests.at(1).path, QStringLiteral("/rest/v1/lists/1002/leads.json"));
    QCOMPARE(requests.at(1).query, QStringLiteral("fields=email"));
    QCOMPARE(requests.at(1).authorization, "Bearer " + token());
    QCOMPARE(m_marketo->callCount(), 1);
    m_marketo->clearRequests();
    QVERIFY(m_marketo->requests().isEmpty());
    QCOMPARE(m_marketo->callCount(), 1);
}

void tst_SandboxMarketo::dataIsDeterministic()
{
    SandboxMarketo other;
    other.setClock([this] { return m_now; });
    const QByteArray a =
        m_marketo
            ->handle(
                QStringLiteral("GET"),
                QStringLiteral("/identity/oauth/token"),
                QStringLiteral("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret"),
                {},
                {})
            .body;
    const QByteArray b =
        other
            .handle(
                QStringLiteral("GET"),
                QStringLiteral("/identity/oauth/token"),
                QStringLiteral("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret"),
                {},
                {})
            .body;
    QCOMPARE(a, b);
    const QJsonObject lead = SandboxMarketoData::leads().at(42);
    QCOMPARE(lead.value(QStringLiteral("id")).toInt(), 10043);
    QCOMPARE(lead.value(QStringLiteral("email")).toString(), QStringLiteral("noah.obrien@northwind.example"));
    QCOMPARE(lead.value(QStringLiteral("lastName")).toString(), QStringLiteral("O'Brien"));
    QCOMPARE(SandboxMarketoData::leadIndexByEmail(lead.value(QStringLiteral("email")).toString().toUpper()), 42);
}

QTEST_GUILESS_MAIN(tst_SandboxMarketo)
#include "tst_sandboxmarketo.moc"
