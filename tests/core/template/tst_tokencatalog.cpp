#include "TemplateTestSupport.h"
#include "template/TokenCatalog.h"

#include <QTest>

namespace {

Workspace fixture()
{
    Workspace w = templateTestWorkspace({customField("Favorite Color", "favoriteColor")},
                                        {contextValue("apiKey", "s3cret", true), contextValue("greeting", "Hi")},
                                        {contextValue("name", "Q4 Webinar")});
    w.leads = {QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Ada")},
                            {QStringLiteral("favoriteColor"), QStringLiteral("blue")},
                            {QStringLiteral("Lead Score"), 42},
                            {QStringLiteral("Company Name"), QStringLiteral("Acme")}}};
    w.context.trigger.present = true;
    w.context.trigger.values = {{QStringLiteral("Name"), QStringLiteral("Fills Out Form"), false}};
    w.context.campaign.present = false;
    w.context.member.present = false;
    return w;
}

const TokenInfo* find(const QList<TokenInfo>& tokens, const QString& scope, const QString& name)
{
    for (const TokenInfo& t : tokens) {
        if (t.scope == scope && t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

} // namespace

class tst_TokenCatalog : public QObject
{
    Q_OBJECT

private slots:
    void contains_data();
    void contains();
    void absentScopesOffered_data();
    void absentScopesOffered();
    void everyLeadFieldOnce();
    void companyScopeHoldsCompanyFields();
    void triggerListIsFixed();
    void noSampleLead();
    void secretsAreMarked();
    void insertText();
    void providedScopesListTheirTokens();
};

void tst_TokenCatalog::contains_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("apiName");
    QTest::addColumn<QString>("sample");

    QTest::newRow("standard string") << "lead"
                                     << "First Name"
                                     << "string"
                                     << "firstName"
                                     << "Ada";
    QTest::newRow("standard integer") << "lead"
                                      << "Lead Score"
                                      << "integer"
                                      << "leadScore"
                                      << "42";
    QTest::newRow("standard email, no value") << "lead"
                                              << "Email Address"
                                              << "email"
                                              << "email"
                                              << "";
    QTest::newRow("custom by api key") << "lead"
                                       << "Favorite Color"
                                       << "string"
                                       << "favoriteColor"
                                       << "blue";
    QTest::newRow("company") << "company"
                             << "Company Name"
                             << "string"
                             << "company"
                             << "Acme";
    QTest::newRow("company currency") << "company"
                                      << "Annual Revenue"
                                      << "currency"
                                      << "annualRevenue"
                                      << "";
    QTest::newRow("system date") << "system"
                                 << "date"
                                 << "string"
                                 << ""
                                 << "Aug 08, 2013";
    QTest::newRow("system time") << "system"
                                 << "time"
                                 << "string"
                                 << ""
                                 << "04:34 PM (GMT -0700)";
    QTest::newRow("system dateTime") << "system"
                                     << "dateTime"
                                     << "string"
                                     << ""
                                     << "2013-08-08 16:34:13";
    QTest::newRow("unsubscribe link") << "system"
                                      << "unsubscribeLink"
                                      << "string"
                                      << ""
                                      << "https://go.example.com/UnsubscribePage.html?mkt_unsubscribe=1&mkt_tok="
                                         "SAMPLE-TOKEN";
    QTest::newRow("view as webpage") << "system"
                                     << "viewAsWebpageLink"
                                     << "string"
                                     << ""
                                     << "https://go.example.com/index.php/email/emailWebview?mkt_tok=SAMPLE-TOKEN";
    QTest::newRow("forward to friend") << "system"
                                       << "forwardToFriendLink"
                                       << "string"
                                       << ""
                                       << "https://go.example.com/index.php/email/forwardToFriend?mkt_tok=SAMPLE-TOKEN";
    QTest::newRow("my token") << "my"
                              << "greeting"
                              << "string"
                              << ""
                              << "Hi";
    QTest::newRow("program name") << "program"
                                  << "name"
                                  << "string"
                                  << ""
                                  << "Q4 Webinar";
    QTest::newRow("program id") << "program"
                                << "id"
                                << "string"
                                << ""
                                << "";
    QTest::newRow("program description") << "program"
                                         << "description"
                                         << "string"
                                         << ""
                                         << "";
    QTest::newRow("trigger name") << "trigger"
                                  << "Name"
                                  << "string"
                                  << ""
                                  << "Fills Out Form";
    QTest::newRow("trigger web page") << "trigger"
                                      << "Web Page"
                                      << "string"
                                      << ""
                                      << "";
}

void tst_TokenCatalog::contains()
{
    QFETCH(QString, scope);
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(QString, apiName);
    QFETCH(QString, sample);

    const TokenCatalog catalog(fixture(), 0, pinnedNow());
    const TokenInfo* t = find(catalog.tokens(), scope, name);
    QVERIFY2(t, qPrintable(scope + QLatin1Char('.') + name));
    QCOMPARE(t->type, type);
    QCOMPARE(t->apiName, apiName);
    QCOMPARE(t->sampleValue, sample);
    QVERIFY(!t->description.isEmpty());
}

void tst_TokenCatalog::absentScopesOffered_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("count");

    QTest::newRow("campaign not provided") << "campaign" << 0;
    QTest::newRow("member not provided") << "member" << 0;
    QTest::newRow("my provided") << "my" << 2;
    QTest::newRow("program provided") << "program" << 3;
    QTest::newRow("trigger provided") << "trigger" << 13;
    QTest::newRow("system always") << "system" << 6;
}

void tst_TokenCatalog::absentScopesOffered()
{
    QFETCH(QString, scope);
    QFETCH(int, count);
    const TokenCatalog catalog(fixture(), 0, pinnedNow());
    QCOMPARE(int(catalog.tokens(scope).size()), count);
}

void tst_TokenCatalog::everyLeadFieldOnce()
{
    const Workspace w = fixture();
    const TokenCatalog catalog(w, 0, pinnedNow());
    const QList<TokenInfo> lead = catalog.tokens(QStringLiteral("lead"));
    QCOMPARE(lead.size(), w.catalog().fields().size());
    QSet<QString> names;
    for (const TokenInfo& t : lead) {
        names.insert(t.name.toCaseFolded());
        QVERIFY(!t.apiName.isEmpty());
    }
    QCOMPARE(names.size(), lead.size());
}

void tst_TokenCatalog::companyScopeHoldsCompanyFields()
{
    const Workspace w = fixture();
    const TokenCatalog catalog(w, 0, pinnedNow());
    int companyFields = 0;
    const FieldCatalog fields = w.catalog();
    for (const Field& f : fields.fields()) {
        companyFields += f.company ? 1 : 0;
        QCOMPARE(find(catalog.tokens(), QStringLiteral("company"), f.name) != nullptr, f.company);
    }
    QCOMPARE(int(catalog.tokens(QStringLiteral("company")).size()), companyFields);
}

void tst_TokenCatalog::triggerListIsFixed()
{
    const TokenCatalog catalog(fixture(), 0, pinnedNow());
    QStringList names;
    for (const TokenInfo& t : catalog.tokens(QStringLiteral("trigger"))) {
        names << t.name;
    }
    QCOMPARE(names.join(QLatin1Char(',')),
             QStringLiteral("Name,Link,Subject,Category,Details,Web Page,Client IP Address,Sent By,Received By,"
                            "Referrer,Search Engine,Search Query,Trigger Name"));
}

void tst_TokenCatalog::noSampleLead()
{
    for (int index : {-1, 5}) {
        const TokenCatalog catalog(fixture(), index, pinnedNow());
        const TokenInfo* t = find(catalog.tokens(), QStringLiteral("lead"), QStringLiteral("First Name"));
        QVERIFY(t);
        QVERIFY(t->sampleValue.isEmpty());
        // Context and system values do not depend on the lead.
        QCOMPARE(find(catalog.tokens(), QStringLiteral("program"), QStringLiteral("name"))->sampleValue,
                 QStringLiteral("Q4 Webinar"));
    }
}

void tst_TokenCatalog::secretsAreMarked()
{
    const TokenCatalog catalog(fixture(), 0, pinnedNow());
    QVERIFY(find(catalog.tokens(), QStringLiteral("my"), QStringLiteral("apiKey"))->secret);
    QVERIFY(!find(catalog.tokens(), QStringLiteral("my"), QStringLiteral("greeting"))->secret);
}

void tst_TokenCatalog::insertText()
{
    const TokenCatalog catalog(fixture(), 0, pinnedNow());
    QCOMPARE(find(catalog.tokens(), QStringLiteral("lead"), QStringLiteral("Email Address"))->insertText(),
             QStringLiteral("{{lead.Email Address}}"));
    QCOMPARE(find(catalog.tokens(), QStringLiteral("trigger"), QStringLiteral("Web Page"))->insertText(),
             QStringLiteral("{{trigger.Web Page}}"));
    QCOMPARE(TokenCatalog::scopes().size(), 8);
}

void tst_TokenCatalog::providedScopesListTheirTokens()
{
    // Campaign offers name, id and description; member offers the program
    // member fields the context defines, e.g. "webinar url". Both only when provided.
    Workspace w = fixture();
    w.context.campaign.present = true;
    w.context.campaign.values = {{QStringLiteral("name"), QStringLiteral("Enrich on create"), false}};
    w.context.member.present = true;
    w.context.member.values = {{QStringLiteral("webinar url"), QStringLiteral("https://example.com/w/1"), false}};
    const TokenCatalog catalog(w, 0, pinnedNow());

    QStringList campaign;
    for (const TokenInfo& t : catalog.tokens(QStringLiteral("campaign"))) {
        campaign << t.name;
    }
    QCOMPARE(campaign, QStringList({QStringLiteral("name"), QStringLiteral("id"), QStringLiteral("description")}));
    QCOMPARE(find(catalog.tokens(), QStringLiteral("campaign"), QStringLiteral("name"))->sampleValue,
             QStringLiteral("Enrich on create"));
    QVERIFY(find(catalog.tokens(), QStringLiteral("campaign"), QStringLiteral("id"))->sampleValue.isEmpty());

    const QList<TokenInfo> member = catalog.tokens(QStringLiteral("member"));
    QCOMPARE(member.size(), 1);
    QCOMPARE(member.first().name, QStringLiteral("webinar url"));
    QCOMPARE(member.first().sampleValue, QStringLiteral("https://example.com/w/1"));
    QCOMPARE(member.first().insertText(), QStringLiteral("{{member.webinar url}}"));
}

QTEST_GUILESS_MAIN(tst_TokenCatalog)
#include "tst_tokencatalog.moc"
