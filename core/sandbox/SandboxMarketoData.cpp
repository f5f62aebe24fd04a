#include "SandboxMarketoData.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <QTimeZone>

namespace {

const QString kAppUrl = QStringLiteral("https://app-sandbox.marketo.example/");

struct Person
{
    QString name;  // as shown
    QString ascii; // as it appears in an email address
};

struct Company
{
    QString name;
    QString domain;
    QString street;
    QString city;
    QString state;
    QString postalCode;
    QString country;
    QString phonePrefix;
    QString industry;
    int employees;
    double revenue;
};

const QList<Person>& firstNames()
{
    // 29 names and 31 last names: index i -> (i % 29, (i / 29 * 26 + i % 29 * 3) % 31) never
    // repeats a pair below 29 * 31 leads, so emails stay unique without a counter.
    static const QList<Person> names = {{QStringLiteral("Ada"), QStringLiteral("ada")},
                                        {QStringLiteral("Zoë"), QStringLiteral("zoe")},
                                        {QStringLiteral("José"), QStringLiteral("jose")},
                                        {QStringLiteral("Björn"), QStringLiteral("bjorn")},
                                        {QStringLiteral("Søren"), QStringLiteral("soren")},
                                        {QStringLiteral("Łukasz"), QStringLiteral("lukasz")},
                                        {QStringLiteral("Mei"), QStringLiteral("mei")},
                                        {QStringLiteral("Hina"), QStringLiteral("hina")},
                                        {QStringLiteral("Priya"), QStringLiteral("priya")},
                                        {QStringLiteral("Liam"), QStringLiteral("liam")},
                                        {QStringLiteral("Chloé"), QStringLiteral("chloe")},
                                        {QStringLiteral("Mateo"), QStringLiteral("mateo")},
                                        {QStringLiteral("Amara"), QStringLiteral("amara")},
                                        {QStringLiteral("Noah"), QStringLiteral("noah")},
                                        {QStringLiteral("Ingrid"), QStringLiteral("ingrid")},
                                        {QStringLiteral("Kenji"), QStringLiteral("kenji")},
                                        {QStringLiteral("Fatima"), QStringLiteral("fatima")},
                                        {QStringLiteral("Olivia"), QStringLiteral("olivia")},
                                        {QStringLiteral("Rafael"), QStringLiteral("rafael")},
                                        {QStringLiteral("Siobhán"), QStringLiteral("siobhan")},
                                        {QStringLiteral("Tomás"), QStringLiteral("tomas")},
                                        {QStringLiteral("Yuki"), QStringLiteral("yuki")},
                                        {QStringLiteral("Anaïs"), QStringLiteral("anais")},
                                        {QStringLiteral("Emeka"), QStringLiteral("emeka")},
                                        {QStringLiteral("Grace"), QStringLiteral("grace")},
                                        {QStringLiteral("Henrik"), QStringLiteral("henrik")},
                                        {QStringLiteral("Isabel"), QStringLiteral("isabel")},
                                        {QStringLiteral("Jamal"), QStringLiteral("jamal")},
                                        {QStringLiteral("Katarzyna"), QStringLiteral("katarzyna")}};
    return names;
}

const QList<Person>& lastNames()
{
    static const QList<Person> names = {{QStringLiteral("Lovelace"), QStringLiteral("lovelace")},
                                        {QStringLiteral("Müller"), QStringLiteral("mueller")},
                                        {QStringLiteral("García"), QStringLiteral("garcia")},
                                        {QStringLiteral("O'Brien"), QStringLiteral("obrien")},
                                        {QStringLiteral("Nguyễn"), QStringLiteral("nguyen")},
                                        {QStringLiteral("Smith"), QStringLiteral("smith")},
                                        {QStringLiteral("Kowalski"), QStringLiteral("kowalski")},
                                        {QStringLiteral("Tanaka"), QStringLiteral("tanaka")},
                                        {QStringLiteral("Dubois"), QStringLiteral("dubois")},
                                        {QStringLiteral("Johansson"), QStringLiteral("johansson")},
                                        {QStringLiteral("Rossi"), QStringLiteral("rossi")},
                                        {QStringLiteral("Okafor"), QStringLiteral("okafor")},
                                        {QStringLiteral("Patel"), QStringLiteral("patel")},
                                        {QStringLiteral("Schröder"), QStringLiteral("schroeder")},
                                        {QStringLiteral("Fernández"), QStringLiteral("fernandez")},
                                        {QStringLiteral("Chen"), QStringLiteral("chen")},
                                        {QStringLiteral("Nakamura"), QStringLiteral("nakamura")},
                                        {QStringLiteral("Van der Berg"), QStringLiteral("vanderberg")},
                                        {QStringLiteral("Novák"), QStringLiteral("novak")},
                                        {QStringLiteral("Haddad"), QStringLiteral("haddad")},
                                        {QStringLiteral("Larsen"), QStringLiteral("larsen")},
                                        {QStringLiteral("Moreau"), QStringLiteral("moreau")},
                                        {QStringLiteral("Silva"), QStringLiteral("silva")},
                                        {QStringLiteral("Kim"), QStringLiteral("kim")},
                                        {QStringLiteral("Wójcik"), QStringLiteral("wojcik")},
                                        {QStringLiteral("Brown"), QStringLiteral("brown")},
                                        {QStringLiteral("Eriksen"), QStringLiteral("eriksen")},
                                        {QStringLiteral("Yamamoto"), QStringLiteral("yamamoto")},
                                        {QStringLiteral("Mensah"), QStringLiteral("mensah")},
                                        {QStringLiteral("Ruiz"), QStringLiteral("ruiz")},
                                        {QStringLiteral("Fischer"), QStringLiteral("fischer")}};
    return names;
}

const QList<Company>& companies()
{
    static const QList<Company> list = {{QStringLiteral("Northwind Traders"),
                                         QStringLiteral("northwind.example"),
                                         QStringLiteral("500 Market Street"),
                                         QStringLiteral("San Francisco"),
                                         QStringLiteral("CA"),
                                         QStringLiteral("94105"),
                                         QStringLiteral("United States"),
                                         QStringLiteral("+1 415 555 "),
                                         QStringLiteral("Retail"),
                                         1200,
                                         250000000.0},
                                        {QStringLiteral("Fjord Analytics AS"),
                                         QStringLiteral("fjord-analytics.example"),
                                         QStringLiteral("Karl Johans gate 12"),
                                         QStringLiteral("Oslo"),
                                         QString(),
                                         QStringLiteral("0154"),
                                         QStringLiteral("Norway"),
                                         QStringLiteral("+47 22 55 "),
                                         QStringLiteral("Software"),
                                         85,
                                         12500000.0},
                                        {QStringLiteral("Müller & Söhne GmbH"),
                                         QStringLiteral("mueller-soehne.example"),
                                         QStringLiteral("Friedrichstraße 68\n3. OG"),
                                         QStringLiteral("Berlin"),
                                         QStringLiteral("Berlin"),
                                         QStringLiteral("10117"),
                                         QStringLiteral("Germany"),
                                         QStringLiteral("+49 30 5550 "),
                                         QStringLiteral("Manufacturing"),
                                         430,
                                         98000000.0},
                                        {QStringLiteral("Sakura Robotics 株式会社"),
                                         QStringLiteral("sakura-robotics.example"),
                                         QStringLiteral("1-2-3 Marunouchi"),
                                         QStringLiteral("東京"),
                                         QStringLiteral("Tokyo"),
                                         QStringLiteral("100-0005"),
                                         QStringLiteral("Japan"),
                                         QStringLiteral("+81 3 5550 "),
                                         QStringLiteral("Manufacturing"),
                                         5200,
                                         1800000000.0},
                                        {QStringLiteral("Soluciones Ibéricas S.L."),
                                         QStringLiteral("soluciones-ibericas.example"),
                                         QStringLiteral("Calle de Alcalá 45"),
                                         QStringLiteral("Madrid"),
                                         QStringLiteral("Madrid"),
                                         QStringLiteral("28014"),
                                         QStringLiteral("Spain"),
                                         QStringLiteral("+34 91 555 "),
                                         QStringLiteral("Financial Services"),
                                         240,
                                         31000000.0},
                                        {QStringLiteral("Acme Health Partners"),
                                         QStringLiteral("acmehealth.example"),
                                         QStringLiteral("77 Beacon Street"),
                                         QStringLiteral("Boston"),
                                         QStringLiteral("MA"),
                                         QStringLiteral("02108"),
                                         QStringLiteral("United States"),
                                         QStringLiteral("+1 617 555 "),
                                         QStringLiteral("Healthcare"),
                                         3100,
                                         640000000.0},
                                        {QStringLiteral("Lumière Média SA"),
                                         QStringLiteral("lumiere-media.example"),
                                         QStringLiteral("8 Rue de Rivoli"),
                                         QStringLiteral("Paris"),
                                         QStringLiteral("Île-de-France"),
                                         QStringLiteral("75004"),
                                         QStringLiteral("France"),
                                         QStringLiteral("+33 1 55 55 "),
                                         QStringLiteral("Media & Entertainment"),
                                         150,
                                         22000000.0},
                                        {QStringLiteral("Maple Leaf Learning"),
                                         QStringLiteral("mapleleaf-learning.example"),
                                         QStringLiteral("200 Bay Street"),
                                         QStringLiteral("Toronto"),
                                         QStringLiteral("ON"),
                                         QStringLiteral("M5J 2J1"),
                                         QStringLiteral("Canada"),
                                         QStringLiteral("+1 416 555 "),
                                         QStringLiteral("Education"),
                                         60,
                                         4800000.0},
                                        {QStringLiteral("Kangaroo Logistics Pty Ltd"),
                                         QStringLiteral("kangaroo-logistics.example"),
                                         QStringLiteral("1 Macquarie Place"),
                                         QStringLiteral("Sydney"),
                                         QStringLiteral("NSW"),
                                         QStringLiteral("2000"),
                                         QStringLiteral("Australia"),
                                         QStringLiteral("+61 2 5550 "),
                                         QStringLiteral("Transportation"),
                                         780,
                                         150000000.0},
                                        {QStringLiteral("Nordlicht Energie AG"),
                                         QStringLiteral("nordlicht-energie.example"),
                                         QStringLiteral("Bahnhofstrasse 3"),
                                         QStringLiteral("Zürich"),
                                         QStringLiteral("ZH"),
                                         QStringLiteral("8001"),
                                         QStringLiteral("Switzerland"),
                                         QStringLiteral("+41 44 555 "),
                                         QStringLiteral("Energy"),
                                         2600,
                                         920000000.0},
                                        {QStringLiteral("Bright Path Consulting"),
                                         QStringLiteral("brightpath.example"),
                                         QStringLiteral("10 Downing Lane"),
                                         QStringLiteral("London"),
                                         QString(),
                                         QStringLiteral("EC2A 4BX"),
                                         QStringLiteral("United Kingdom"),
                                         QStringLiteral("+44 20 5550 "),
                                         QStringLiteral("Professional Services"),
                                         35,
                                         3200000.0},
                                        {QStringLiteral("Saúde Viva Ltda."),
                                         QStringLiteral("saude-viva.example"),
                                         QStringLiteral("Av. Paulista 1000"),
                                         QStringLiteral("São Paulo"),
                                         QStringLiteral("SP"),
                                         QStringLiteral("01310-100"),
                                         QStringLiteral("Brazil"),
                                         QStringLiteral("+55 11 5555 "),
                                         QStringLiteral("Healthcare"),
                                         410,
                                         57000000.0}};
    return list;
}

QString pick(const QStringList& values, int i)
{
    return values.at(i % values.size());
}

// Lead datetimes as Marketo sends them: "2015-05-01T16:47:30Z".
QString iso(const QDateTime& time)
{
    return time.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

// Marketo's asset API writes times as "2015-05-21T22:45:13Z+0000".
QString assetTime(const QDateTime& time)
{
    return time.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z+0000'"));
}

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

QString companySizeBand(int employees)
{
    if (employees <= 10)
        return QStringLiteral("1–10");
    if (employees <= 50)
        return QStringLiteral("11–50");
    if (employees <= 200)
        return QStringLiteral("51–200");
    if (employees <= 1000)
        return QStringLiteral("201–1000");
    return QStringLiteral("1000+");
}

// A lead of the generated population: index 0..749 are the webinar attendees.
QJsonObject generatedLead(int i)
{
    const Person& first = firstNames().at(i % firstNames().size());
    const Person& last =
        lastNames().at((i / firstNames().size() * 26 + i % firstNames().size() * 3) % lastNames().size());
    const Company& company = companies().at((i * 5 + i / 7) % companies().size());

    QJsonObject lead;
    lead.insert(QStringLiteral("id"), 10001 + i);
    lead.insert(QStringLiteral("email"),
                first.ascii + QLatin1Char('.') + last.ascii + QLatin1Char('@') + company.domain);
    lead.insert(QStringLiteral("firstName"), first.name);
    lead.insert(QStringLiteral("lastName"), last.name);
    if (i % 4 != 3)
        lead.insert(
            QStringLiteral("salutation"),
            pick({QStringLiteral("Ms."), QStringLiteral("Mr."), QStringLiteral("Dr."), QStringLiteral("Mx.")}, i));
    lead.insert(QStringLiteral("title"),
                pick({QStringLiteral("Marketing Operations Manager"),
                      QStringLiteral("VP Marketing"),
                      QStringLiteral("Demand Generation Lead"),
                      QStringLiteral("CRM Administrator"),
                      QStringLiteral("Head of Growth"),
                      QStringLiteral("Marketing Technologist"),
                      QStringLiteral("Chief Executive Officer"),
                      QStringLiteral("Product Marketing Manager")},
                     i * 3));
    lead.insert(QStringLiteral("company"), company.name);
    lead.insert(QStringLiteral("phone"), company.phonePrefix + QStringLiteral("%1").arg(1000 + (i * 37) % 9000, 4));
    if (i % 3 != 0)
        lead.insert(QStringLiteral("mobilePhone"), QStringLiteral("+1 650 555 %1").arg(1000 + (i * 53) % 9000, 4));
    if (i % 10 == 0)
        lead.insert(QStringLiteral("fax"), company.phonePrefix + QStringLiteral("0199"));
    lead.insert(QStringLiteral("website"), QStringLiteral("https://www.") + company.domain);
    lead.insert(QStringLiteral("address"), company.street);
    lead.insert(QStringLiteral("city"), company.city);
    if (!company.state.isEmpty())
        lead.insert(QStringLiteral("state"), company.state);
    lead.insert(QStringLiteral("postalCode"), company.postalCode);
    lead.insert(QStringLiteral("country"), company.country);
    lead.insert(QStringLiteral("industry"), company.industry);
    lead.insert(QStringLiteral("annualRevenue"), company.revenue);
    lead.insert(QStringLiteral("numberOfEmployees"), company.employees);
    lead.insert(QStringLiteral("leadSource"),
                pick({QStringLiteral("Webinar"),
                      QStringLiteral("Website"),
                      QStringLiteral("Trade Show"),
                      QStringLiteral("Paid Search"),
                      QStringLiteral("Partner"),
                      QStringLiteral("List Import")},
                     i));
    lead.insert(QStringLiteral("leadStatus"),
                pick({QStringLiteral("New"),
                      QStringLiteral("Working"),
                      QStringLiteral("Nurture"),
                      QStringLiteral("Qualified"),
                      QStringLiteral("Disqualified")},
                     i * 7));
    if (i % 5 != 0)
        lead.insert(QStringLiteral("rating"),
                    pick({QStringLiteral("Hot"), QStringLiteral("Warm"), QStringLiteral("Cold")}, i));
    lead.insert(QStringLiteral("leadScore"), (i * 37) % 151);
    lead.insert(QStringLiteral("urgency"), ((i * 13) % 100) / 10.0 + 0.25);
    lead.insert(QStringLiteral("priority"), (i * 7) % 100);
    lead.insert(QStringLiteral("relativeScore"), 1 + i % 5);
    if (i % 3 == 1)
        lead.insert(QStringLiteral("dateOfBirth"), QDate(1960, 1, 1).addDays((i * 397) % 15000).toString(Qt::ISODate));
    const bool unsubscribed = i % 17 == 0;
    lead.insert(QStringLiteral("unsubscribed"), unsubscribed);
    if (unsubscribed)
        lead.insert(QStringLiteral("unsubscribedReason"), QStringLiteral("Too many emails"));
    lead.insert(QStringLiteral("doNotCall"), i % 11 == 0);
    lead.insert(
        QStringLiteral("department"),
        pick({QStringLiteral("Marketing"), QStringLiteral("Sales"), QStringLiteral("IT"), QStringLiteral("Operations")},
             i * 5));
    lead.insert(QStringLiteral("anonymousIP"), QStringLiteral("203.0.113.%1").arg(1 + i % 254));
    lead.insert(
        QStringLiteral("originalSourceType"),
        pick({QStringLiteral("Web form fillout"), QStringLiteral("List import"), QStringLiteral("Salesforce.com")}, i));
    const QDateTime created = utc(2022, 1, 3, 8).addSecs(qint64(i) * 83820);
    lead.insert(QStringLiteral("createdAt"), iso(created));
    lead.insert(QStringLiteral("updatedAt"), iso(created.addSecs(qint64(i % 90) * 86400 + 3600)));

    lead.insert(QStringLiteral("companySizeBand"), companySizeBand(company.employees));
    if (i % 4 != 0)
        lead.insert(QStringLiteral("codigoDeCampana"),
                    QStringLiteral("ES-2024-Q%1-%2").arg(1 + i % 4).arg(i % 30, 2, 10, QLatin1Char('0')));
    lead.insert(QStringLiteral("kokyakuRank"),
                pick({QStringLiteral("ゴールド"), QStringLiteral("シルバー"), QStringLiteral("ブロンズ")}, i));
    lead.insert(QStringLiteral("engagementRate"), ((i * 29) % 1000) / 10.0);
    lead.insert(QStringLiteral("accountOwnerId"), 501 + i % 6);
    lead.insert(QStringLiteral("leadFunction"),
                pick({QStringLiteral("Decision Maker"), QStringLiteral("Influencer"), QStringLiteral("End User")}, i));
    lead.insert(QStringLiteral("customerHealth"), ((i * 41) % 100) / 100.0);
    lead.insert(QStringLiteral("renewalDate"), QDate(2025, 1, 1).addDays((i * 11) % 365).toString(Qt::ISODate));
    if (i < SandboxMarketoData::webinarListSize)
        lead.insert(QStringLiteral("lastWebinarAttendedAt"), iso(utc(2024, 11, 14, 17).addSecs(qint64(i % 55) * 60)));
    lead.insert(QStringLiteral("newsletterOptIn"), i % 3 != 1);
    if (i % 9 == 0)
        lead.insert(QStringLiteral("internalNotes"),
                    QStringLiteral("Asked about SSO during the webinar.\nFollow up after \"Q4 Webinar\"."));
    const bool customer = i % 4 == 2;
    if (customer) {
        lead.insert(QStringLiteral("contractValue"), 12000.0 + (i * 173) % 50000);
        lead.insert(QStringLiteral("seatsLicensed"), 5 + (i * 3) % 200);
        lead.insert(QStringLiteral("lifetimeValue"), 36000.0 + (i * 311) % 150000);
    }
    if (i % 8 == 0)
        lead.insert(QStringLiteral("partnerPortalUrl"),
                    QStringLiteral("https://partners.example.com/p/%1").arg(10001 + i));
    if (i % 6 == 0)
        lead.insert(QStringLiteral("secondaryEmail"), first.ascii + QStringLiteral("@private-mail.example"));
    return lead;
}

// The three VIP leads, each with values a template must cope with.
QList<QJsonObject> vipLeads()
{
    const int base = SandboxMarketoData::webinarListSize;
    QJsonObject zoe;
    zoe.insert(QStringLiteral("id"), 10001 + base);
    zoe.insert(QStringLiteral("email"), QStringLiteral("zoe.ngo-mueller+vip@fjord-analytics.example"));
    zoe.insert(QStringLiteral("firstName"), QStringLiteral("Zoë"));
    zoe.insert(QStringLiteral("lastName"), QStringLiteral("Ngô-Müller"));
    zoe.insert(QStringLiteral("title"), QStringLiteral("Directrice générale"));
    zoe.insert(QStringLiteral("company"), QStringLiteral("Fjord Analytics AS"));
    zoe.insert(QStringLiteral("phone"), QStringLiteral("+47 22 55 0101"));
    zoe.insert(QStringLiteral("mobilePhone"), QStringLiteral("+47 900 55 123"));
    zoe.insert(QStringLiteral("website"), QStringLiteral("https://www.fjord-analytics.example"));
    zoe.insert(QStringLiteral("city"), QStringLiteral("Tromsø"));
    zoe.insert(QStringLiteral("country"), QStringLiteral("Norway"));
    zoe.insert(QStringLiteral("industry"), QStringLiteral("Software"));
    zoe.insert(QStringLiteral("annualRevenue"), 12500000.5);
    zoe.insert(QStringLiteral("numberOfEmployees"), 85);
    zoe.insert(QStringLiteral("leadSource"), QStringLiteral("Partner"));
    zoe.insert(QStringLiteral("leadStatus"), QStringLiteral("Qualified"));
    zoe.insert(QStringLiteral("leadScore"), 150);
    zoe.insert(QStringLiteral("urgency"), 9.75);
    zoe.insert(QStringLiteral("dateOfBirth"), QStringLiteral("1984-02-29"));
    zoe.insert(QStringLiteral("unsubscribed"), false);
    zoe.insert(QStringLiteral("createdAt"), QStringLiteral("2021-12-31T23:59:59Z"));
    zoe.insert(QStringLiteral("updatedAt"), QStringLiteral("2024-12-01T09:15:00Z"));
    zoe.insert(QStringLiteral("companySizeBand"), QStringLiteral("51–200"));
    zoe.insert(QStringLiteral("codigoDeCampana"), QStringLiteral("VIP-ÑANDÚ-01"));
    zoe.insert(QStringLiteral("kokyakuRank"), QStringLiteral("プラチナ"));
    zoe.insert(QStringLiteral("engagementRate"), 100.0);
    zoe.insert(QStringLiteral("accountOwnerId"), 501);
    zoe.insert(QStringLiteral("leadFunction"), QStringLiteral("Decision Maker"));
    zoe.insert(QStringLiteral("customerHealth"), 0.98);
    zoe.insert(QStringLiteral("renewalDate"), QStringLiteral("2025-12-31"));
    zoe.insert(QStringLiteral("newsletterOptIn"), true);
    zoe.insert(QStringLiteral("contractValue"), 250000.0);
    zoe.insert(QStringLiteral("seatsLicensed"), 400);
    zoe.insert(QStringLiteral("lifetimeValue"), 1200000.0);

    // Almost nothing filled in: a template's defaults and empty-value handling show here.
    QJsonObject sparse;
    sparse.insert(QStringLiteral("id"), 10002 + base);
    sparse.insert(QStringLiteral("email"), QStringLiteral("siobhan.obrien@brightpath.example"));
    sparse.insert(QStringLiteral("firstName"), QStringLiteral("Siobhán"));
    sparse.insert(QStringLiteral("lastName"), QStringLiteral("O'Brien"));
    sparse.insert(QStringLiteral("unsubscribed"), false);
    sparse.insert(QStringLiteral("createdAt"), QStringLiteral("2024-06-01T12:00:00Z"));
    sparse.insert(QStringLiteral("updatedAt"), QStringLiteral("2024-06-01T12:00:00Z"));

    // Characters that break naive JSON, form and URL encoding.
    QJsonObject awkward;
    awkward.insert(QStringLiteral("id"), 10003 + base);
    awkward.insert(QStringLiteral("email"), QStringLiteral("renee.dangelo@acme-rockets.example"));
    awkward.insert(QStringLiteral("firstName"), QStringLiteral("Renée"));
    awkward.insert(QStringLiteral("lastName"), QStringLiteral("\"The Boss\" D'Angelo"));
    awkward.insert(QStringLiteral("title"), QStringLiteral("VP, R&D <Europe>"));
    awkward.insert(QStringLiteral("company"), QStringLiteral("Acme \"Rockets\" & Co. 🚀"));
    awkward.insert(QStringLiteral("phone"), QStringLiteral("(555) 010-9999 ext. 42"));
    awkward.insert(QStringLiteral("website"), QStringLiteral("https://acme-rockets.example/a path?x=1&y=ü#top"));
    awkward.insert(QStringLiteral("address"), QStringLiteral("Line 1\nLine 2\tTabbed"));
    awkward.insert(QStringLiteral("city"), QStringLiteral("Zürich"));
    awkward.insert(QStringLiteral("country"), QStringLiteral("Switzerland"));
    awkward.insert(QStringLiteral("annualRevenue"), 0.0);
    awkward.insert(QStringLiteral("numberOfEmployees"), 0);
    awkward.insert(QStringLiteral("leadScore"), -5);
    awkward.insert(QStringLiteral("unsubscribed"), true);
    awkward.insert(QStringLiteral("unsubscribedReason"), QStringLiteral("Said \"stop\" \\ twice"));
    awkward.insert(QStringLiteral("createdAt"), QStringLiteral("2023-03-26T01:30:00Z"));
    awkward.insert(QStringLiteral("updatedAt"), QStringLiteral("2023-10-29T01:30:00Z"));
    awkward.insert(QStringLiteral("internalNotes"), QStringLiteral("C:\\temp\\notes.txt — 100% {{not a token}} 🚀"));
    awkward.insert(QStringLiteral("engagementRate"), 0.5);
    awkward.insert(QStringLiteral("customerHealth"), 0.0);
    awkward.insert(QStringLiteral("newsletterOptIn"), false);
    return {zoe, sparse, awkward};
}

QJsonObject fieldJson(const SandboxMarketoData::Field& field)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), field.id);
    object.insert(QStringLiteral("displayName"), field.displayName);
    object.insert(QStringLiteral("dataType"), field.dataType);
    if (field.length > 0)
        object.insert(QStringLiteral("length"), field.length);
    if (!field.restName.isEmpty()) {
        object.insert(
            QStringLiteral("rest"),
            QJsonObject {{QStringLiteral("name"), field.restName}, {QStringLiteral("readOnly"), field.readOnly}});
    }
    object.insert(QStringLiteral("soap"),
                  QJsonObject {{QStringLiteral("name"), field.soapName}, {QStringLiteral("readOnly"), field.readOnly}});
    return object;
}

struct ProgramSpec
{
    QString name;
    QString type;
    QString channel;
    QString folder;
};

const QList<ProgramSpec>& programSpecs()
{
    static const QList<ProgramSpec> specs = {{QStringLiteral("Q4 Webinar"),
                                              QStringLiteral("Event with Webinar"),
                                              QStringLiteral("Webinar"),
                                              QStringLiteral("Webinars")},
                                             {QStringLiteral("2024 Nurture – EMEA"),
                                              QStringLiteral("Engagement"),
                                              QStringLiteral("Nurture"),
                                              QStringLiteral("Nurture")},
                                             {QStringLiteral("Newsletter – November"),
                                              QStringLiteral("Email"),
                                              QStringLiteral("Email Send"),
                                              QStringLiteral("Newsletters")},
                                             {QStringLiteral("Trade Show Berlin 2024"),
                                              QStringLiteral("Event"),
                                              QStringLiteral("Tradeshow"),
                                              QStringLiteral("Events")},
                                             {QStringLiteral("Kundenevent München"),
                                              QStringLiteral("Event"),
                                              QStringLiteral("Roadshow"),
                                              QStringLiteral("Events")},
                                             {QStringLiteral("ウェビナー: 製品アップデート"),
                                              QStringLiteral("Event with Webinar"),
                                              QStringLiteral("Webinar"),
                                              QStringLiteral("Webinars")},
                                             {QStringLiteral("Webinario: Novedades Q3"),
                                              QStringLiteral("Event with Webinar"),
                                              QStringLiteral("Webinar"),
                                              QStringLiteral("Webinars")},
                                             {QStringLiteral("Content Syndication – Analyst Report"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Content"),
                                              QStringLiteral("Content")},
                                             {QStringLiteral("Paid Search – Brand"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Online Advertising"),
                                              QStringLiteral("Advertising")},
                                             {QStringLiteral("Paid Social – LinkedIn"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Online Advertising"),
                                              QStringLiteral("Advertising")},
                                             {QStringLiteral("Product Launch: Fjord 3.0"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Content"),
                                              QStringLiteral("Content")},
                                             {QStringLiteral("Customer Onboarding"),
                                              QStringLiteral("Engagement"),
                                              QStringLiteral("Nurture"),
                                              QStringLiteral("Nurture")},
                                             {QStringLiteral("Renewal Reminders"),
                                              QStringLiteral("Engagement"),
                                              QStringLiteral("Nurture"),
                                              QStringLiteral("Nurture")},
                                             {QStringLiteral("Partner Referral Program"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Referral"),
                                              QStringLiteral("Partners")},
                                             {QStringLiteral("Newsletter – Dezember"),
                                              QStringLiteral("Email"),
                                              QStringLiteral("Email Send"),
                                              QStringLiteral("Newsletters")},
                                             {QStringLiteral("Lead Scoring"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Operational"),
                                              QStringLiteral("Operational")},
                                             {QStringLiteral("Data Management – Normalisation"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Operational"),
                                              QStringLiteral("Operational")},
                                             {QStringLiteral("Field Event: Paris Breakfast"),
                                              QStringLiteral("Event"),
                                              QStringLiteral("Roadshow"),
                                              QStringLiteral("Events")},
                                             {QStringLiteral("Ebook: Webhooks for Marketers"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Content"),
                                              QStringLiteral("Content")},
                                             {QStringLiteral("Free Trial Sign-ups"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Website"),
                                              QStringLiteral("Website")},
                                             {QStringLiteral("Contact Us Form"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Website"),
                                              QStringLiteral("Website")},
                                             {QStringLiteral("Q1 Webinar"),
                                              QStringLiteral("Event with Webinar"),
                                              QStringLiteral("Webinar"),
                                              QStringLiteral("Webinars")},
                                             {QStringLiteral("Q2 Webinar"),
                                              QStringLiteral("Event with Webinar"),
                                              QStringLiteral("Webinar"),
                                              QStringLiteral("Webinars")},
                                             {QStringLiteral("Q3 Webinar"),
                                              QStringLiteral("Event with Webinar"),
                                              QStringLiteral("Webinar"),
                                              QStringLiteral("Webinars")},
                                             {QStringLiteral("Win-back Campaign"),
                                              QStringLiteral("Engagement"),
                                              QStringLiteral("Nurture"),
                                              QStringLiteral("Nurture")},
                                             {QStringLiteral("Customer Advisory Board"),
                                              QStringLiteral("Event"),
                                              QStringLiteral("Roadshow"),
                                              QStringLiteral("Events")},
                                             {QStringLiteral("Survey – NPS 2024"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Content"),
                                              QStringLiteral("Content")},
                                             {QStringLiteral("Retargeting – Display"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Online Advertising"),
                                              QStringLiteral("Advertising")},
                                             {QStringLiteral("Case Study: Nordlicht Energie"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Content"),
                                              QStringLiteral("Content")},
                                             {QStringLiteral("Holiday Greeting"),
                                              QStringLiteral("Email"),
                                              QStringLiteral("Email Send"),
                                              QStringLiteral("Newsletters")},
                                             {QStringLiteral("Sales Kickoff Invite"),
                                              QStringLiteral("Email"),
                                              QStringLiteral("Email Send"),
                                              QStringLiteral("Newsletters")},
                                             {QStringLiteral("Podcast Sponsorship"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Sponsorship"),
                                              QStringLiteral("Advertising")},
                                             {QStringLiteral("Community Meetup Lisbon"),
                                              QStringLiteral("Event"),
                                              QStringLiteral("Roadshow"),
                                              QStringLiteral("Events")},
                                             {QStringLiteral("Zertifizierungsprogramm"),
                                              QStringLiteral("Default"),
                                              QStringLiteral("Content"),
                                              QStringLiteral("Content")},
                                             {QStringLiteral("Archived – 2022 Roadshow"),
                                              QStringLiteral("Event"),
                                              QStringLiteral("Roadshow"),
                                              QStringLiteral("Events")}};
    return specs;
}

int folderId(const QString& folder)
{
    static const QStringList folders = {QStringLiteral("Webinars"),
                                        QStringLiteral("Nurture"),
                                        QStringLiteral("Newsletters"),
                                        QStringLiteral("Events"),
                                        QStringLiteral("Content"),
                                        QStringLiteral("Advertising"),
                                        QStringLiteral("Partners"),
                                        QStringLiteral("Operational"),
                                        QStringLiteral("Website")};
    return 2001 + qMax(0, folders.indexOf(folder));
}

QJsonObject token(int programId, const QString& name, const QString& type, const QString& value)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("type"), type},
            {QStringLiteral("value"), value},
            {QStringLiteral("computedUrl"), kAppUrl + QStringLiteral("#PG%1C3").arg(programId)}};
}

} // namespace

const QList<SandboxMarketoData::Field>& SandboxMarketoData::fields()
{
    static const QList<Field> list = [] {
        QList<Field> fields = {
            {0, QStringLiteral("Id"), QStringLiteral("integer"), 0, QStringLiteral("id"), QStringLiteral("Id"), true},
            {0,
             QStringLiteral("Email Address"),
             QStringLiteral("email"),
             255,
             QStringLiteral("email"),
             QStringLiteral("Email"),
             false},
            {0,
             QStringLiteral("First Name"),
             QStringLiteral("string"),
             255,
             QStringLiteral("firstName"),
             QStringLiteral("FirstName"),
             false},
            {0,
             QStringLiteral("Last Name"),
             QStringLiteral("string"),
             255,
             QStringLiteral("lastName"),
             QStringLiteral("LastName"),
             false},
            {0,
             QStringLiteral("Salutation"),
             QStringLiteral("string"),
             255,
             QStringLiteral("salutation"),
             QStringLiteral("Salutation"),
             false},
            {0,
             QStringLiteral("Job Title"),
             QStringLiteral("string"),
             255,
             QStringLiteral("title"),
             QStringLiteral("Title"),
             false},
            {0,
             QStringLiteral("Company Name"),
             QStringLiteral("string"),
             255,
             QStringLiteral("company"),
             QStringLiteral("Company"),
             false},
            {0,
             QStringLiteral("Phone Number"),
             QStringLiteral("phone"),
             255,
             QStringLiteral("phone"),
             QStringLiteral("Phone"),
             false},
            {0,
             QStringLiteral("Mobile Phone Number"),
             QStringLiteral("phone"),
             255,
             QStringLiteral("mobilePhone"),
             QStringLiteral("MobilePhone"),
             false},
            {0,
             QStringLiteral("Fax Number"),
             QStringLiteral("phone"),
             255,
             QStringLiteral("fax"),
             QStringLiteral("Fax"),
             false},
            {0,
             QStringLiteral("Website"),
             QStringLiteral("url"),
             255,
             QStringLiteral("website"),
             QStringLiteral("Website"),
             false},
            {0,
             QStringLiteral("Address"),
             QStringLiteral("text"),
             0,
             QStringLiteral("address"),
             QStringLiteral("Address"),
             false},
            {0,
             QStringLiteral("City"),
             QStringLiteral("string"),
             255,
             QStringLiteral("city"),
             QStringLiteral("City"),
             false},
            {0,
             QStringLiteral("State"),
             QStringLiteral("string"),
             255,
             QStringLiteral("state"),
             QStringLiteral("State"),
             false},
            {0,
             QStringLiteral("Postal Code"),
             QStringLiteral("string"),
             255,
             QStringLiteral("postalCode"),
             QStringLiteral("PostalCode"),
             false},
            {0,
             QStringLiteral("Country"),
             QStringLiteral("string"),
             255,
             QStringLiteral("country"),
             QStringLiteral("Country"),
             false},
            {0,
             QStringLiteral("Industry"),
             QStringLiteral("string"),
             255,
             QStringLiteral("industry"),
             QStringLiteral("Industry"),
             false},
            {0,
             QStringLiteral("Annual Revenue"),
             QStringLiteral("currency"),
             0,
             QStringLiteral("annualRevenue"),
             QStringLiteral("AnnualRevenue"),
             false},
            {0,
             QStringLiteral("Num Employees"),
             QStringLiteral("integer"),
             0,
             QStringLiteral("numberOfEmployees"),
             QStringLiteral("NumberOfEmployees"),
             false},
            {0,
             QStringLiteral("Lead Source"),
             QStringLiteral("string"),
             255,
             QStringLiteral("leadSource"),
             QStringLiteral("LeadSource"),
             false},
            {0,
             QStringLiteral("Lead Status"),
             QStringLiteral("string"),
             255,
             QStringLiteral("leadStatus"),
             QStringLiteral("LeadStatus"),
             false},
            {0,
             QStringLiteral("Lead Rating"),
             QStringLiteral("string"),
             255,
             QStringLiteral("rating"),
             QStringLiteral("Rating"),
             false},
            {0,
             QStringLiteral("Lead Score"),
             QStringLiteral("score"),
             0,
             QStringLiteral("leadScore"),
             QStringLiteral("LeadScore"),
             false},
            {0,
             QStringLiteral("Urgency"),
             QStringLiteral("float"),
             0,
             QStringLiteral("urgency"),
             QStringLiteral("Urgency"),
             false},
            {0,
             QStringLiteral("Priority"),
             QStringLiteral("integer"),
             0,
             QStringLiteral("priority"),
             QStringLiteral("Priority"),
             false},
            {0,
             QStringLiteral("Relative Score"),
             QStringLiteral("integer"),
             0,
             QStringLiteral("relativeScore"),
             QStringLiteral("RelativeScore"),
             false},
            {0,
             QStringLiteral("Date of Birth"),
             QStringLiteral("date"),
             0,
             QStringLiteral("dateOfBirth"),
             QStringLiteral("DateofBirth"),
             false},
            {0,
             QStringLiteral("Unsubscribed"),
             QStringLiteral("boolean"),
             0,
             QStringLiteral("unsubscribed"),
             QStringLiteral("Unsubscribed"),
             false},
            {0,
             QStringLiteral("Unsubscribed Reason"),
             QStringLiteral("text"),
             0,
             QStringLiteral("unsubscribedReason"),
             QStringLiteral("UnsubscribedReason"),
             false},
            {0,
             QStringLiteral("Do Not Call"),
             QStringLiteral("boolean"),
             0,
             QStringLiteral("doNotCall"),
             QStringLiteral("DoNotCall"),
             false},
            {0,
             QStringLiteral("Department"),
             QStringLiteral("string"),
             255,
             QStringLiteral("department"),
             QStringLiteral("Department"),
             false},
            {0,
             QStringLiteral("Anonymous IP"),
             QStringLiteral("string"),
             255,
             QStringLiteral("anonymousIP"),
             QStringLiteral("AnonymousIP"),
             false},
            {0,
             QStringLiteral("Original Source Type"),
             QStringLiteral("string"),
             255,
             QStringLiteral("originalSourceType"),
             QStringLiteral("OriginalSourceType"),
             true},
            {0,
             QStringLiteral("Created At"),
             QStringLiteral("datetime"),
             0,
             QStringLiteral("createdAt"),
             QStringLiteral("CreatedAt"),
             true},
            {0,
             QStringLiteral("Updated At"),
             QStringLiteral("datetime"),
             0,
             QStringLiteral("updatedAt"),
             QStringLiteral("UpdatedAt"),
             true},
            // SOAP only: Marketo sends no "rest" object for it.
            {0, QStringLiteral("Cookies"), QStringLiteral("string"), 255, QString(), QStringLiteral("Cookies"), false},
        };
        for (int i = 0; i < fields.size(); ++i)
            fields[i].id = i + 1;
        const QList<Field> custom = {
            {0,
             QStringLiteral("Größe des Unternehmens"),
             QStringLiteral("string"),
             255,
             QStringLiteral("companySizeBand"),
             QStringLiteral("companySizeBand"),
             false},
            {0,
             QStringLiteral("Código de campaña"),
             QStringLiteral("string"),
             255,
             QStringLiteral("codigoDeCampana"),
             QStringLiteral("codigoDeCampana"),
             false},
            {0,
             QStringLiteral("顧客ランク"),
             QStringLiteral("string"),
             255,
             QStringLiteral("kokyakuRank"),
             QStringLiteral("kokyakuRank"),
             false},
            {0,
             QStringLiteral("Engagement Rate"),
             QStringLiteral("percent"),
             0,
             QStringLiteral("engagementRate"),
             QStringLiteral("engagementRate"),
             false},
            {0,
             QStringLiteral("Account Owner"),
             QStringLiteral("reference"),
             0,
             QStringLiteral("accountOwnerId"),
             QStringLiteral("accountOwnerId"),
             false},
            {0,
             QStringLiteral("Lead Function"),
             QStringLiteral("lead_function"),
             0,
             QStringLiteral("leadFunction"),
             QStringLiteral("leadFunction"),
             false},
            {0,
             QStringLiteral("Customer Health"),
             QStringLiteral("float"),
             0,
             QStringLiteral("customerHealth"),
             QStringLiteral("customerHealth"),
             false},
            {0,
             QStringLiteral("Renewal Date"),
             QStringLiteral("date"),
             0,
             QStringLiteral("renewalDate"),
             QStringLiteral("renewalDate"),
             false},
            {0,
             QStringLiteral("Last Webinar Attended"),
             QStringLiteral("datetime"),
             0,
             QStringLiteral("lastWebinarAttendedAt"),
             QStringLiteral("lastWebinarAttendedAt"),
             false},
            {0,
             QStringLiteral("Newsletter Opt-in"),
             QStringLiteral("boolean"),
             0,
             QStringLiteral("newsletterOptIn"),
             QStringLiteral("newsletterOptIn"),
             false},
            {0,
             QStringLiteral("Internal Notes"),
             QStringLiteral("text"),
             0,
             QStringLiteral("internalNotes"),
             QStringLiteral("internalNotes"),
             false},
            {0,
             QStringLiteral("Contract Value"),
             QStringLiteral("currency"),
             0,
             QStringLiteral("contractValue"),
             QStringLiteral("contractValue"),
             false},
            {0,
             QStringLiteral("Seats Licensed"),
             QStringLiteral("integer"),
             0,
             QStringLiteral("seatsLicensed"),
             QStringLiteral("seatsLicensed"),
             false},
            {0,
             QStringLiteral("Lifetime Value"),
             QStringLiteral("currency"),
             0,
             QStringLiteral("lifetimeValue"),
             QStringLiteral("lifetimeValue"),
             true},
            {0,
             QStringLiteral("Partner Portal"),
             QStringLiteral("url"),
             255,
             QStringLiteral("partnerPortalUrl"),
             QStringLiteral("partnerPortalUrl"),
             false},
            {0,
             QStringLiteral("Secondary Email"),
             QStringLiteral("email"),
             255,
             QStringLiteral("secondaryEmail"),
             QStringLiteral("secondaryEmail"),
             false},
        };
        // Custom fields get ids of their own range, as in an instance where they were
        // added long after the standard ones.
        for (int i = 0; i < custom.size(); ++i) {
            Field field = custom.at(i);
            field.id = 3001 + i;
            fields.append(field);
        }
        return fields;
    }();
    return list;
}

QJsonArray SandboxMarketoData::describe()
{
    QJsonArray result;
    for (const Field& field : fields())
        result.append(fieldJson(field));
    return result;
}

QString SandboxMarketoData::restFieldName(const QString& name)
{
    static const QHash<QString, QString> byLowerName = [] {
        QHash<QString, QString> hash;
        for (const Field& field : fields()) {
            if (!field.restName.isEmpty())
                hash.insert(field.restName.toLower(), field.restName);
        }
        return hash;
    }();
    return byLowerName.value(name.trimmed().toLower());
}

const QList<QJsonObject>& SandboxMarketoData::leads()
{
    static const QList<QJsonObject> list = [] {
        QList<QJsonObject> leads;
        leads.reserve(leadCount);
        for (int i = 0; i < webinarListSize; ++i)
            leads.append(generatedLead(i));
        leads.append(vipLeads());
        return leads;
    }();
    return list;
}

int SandboxMarketoData::leadIndexByEmail(const QString& email)
{
    static const QHash<QString, int> byEmail = [] {
        QHash<QString, int> hash;
        const QList<QJsonObject>& all = leads();
        for (int i = 0; i < all.size(); ++i)
            hash.insert(all.at(i).value(QStringLiteral("email")).toString().toLower(), i);
        return hash;
    }();
    return byEmail.value(email.trimmed().toLower(), -1);
}

int SandboxMarketoData::leadIndexById(qint64 id)
{
    const qint64 index = id - 10001;
    return index >= 0 && index < leadCount ? int(index) : -1;
}

bool SandboxMarketoData::hasList(int listId)
{
    return listId == webinarListId || listId == vipListId || listId == emptyListId;
}

QList<int> SandboxMarketoData::listMembers(int listId)
{
    QList<int> members;
    if (listId == webinarListId) {
        for (int i = 0; i < webinarListSize; ++i)
            members.append(i);
    } else if (listId == vipListId) {
        for (int i = webinarListSize; i < leadCount; ++i)
            members.append(i);
    }
    return members;
}

const QList<QJsonObject>& SandboxMarketoData::programs()
{
    static const QList<QJsonObject> list = [] {
        QList<QJsonObject> programs;
        const QList<ProgramSpec>& specs = programSpecs();
        for (int i = 0; i < specs.size(); ++i) {
            const ProgramSpec& spec = specs.at(i);
            const int id = firstProgramId + i;
            const QDateTime created = utc(2023, 2, 6, 10).addSecs(qint64(i) * 7 * 86400 + i * 1234);
            QJsonObject program;
            program.insert(QStringLiteral("id"), id);
            program.insert(QStringLiteral("name"), spec.name);
            program.insert(QStringLiteral("description"),
                           i % 3 == 0 ? QJsonValue(QJsonValue::Null)
                                      : QJsonValue(spec.channel + QStringLiteral(" program: ") + spec.name));
            program.insert(QStringLiteral("createdAt"), assetTime(created));
            program.insert(QStringLiteral("updatedAt"), assetTime(created.addSecs(qint64(i % 40) * 86400)));
            program.insert(QStringLiteral("url"), kAppUrl + QStringLiteral("#PG%1A1").arg(id));
            program.insert(QStringLiteral("type"), spec.type);
            program.insert(QStringLiteral("channel"), spec.channel);
            program.insert(QStringLiteral("folder"),
                           QJsonObject {{QStringLiteral("type"), QStringLiteral("Folder")},
                                        {QStringLiteral("value"), folderId(spec.folder)},
                                        {QStringLiteral("folderName"), spec.folder}});
            program.insert(QStringLiteral("status"),
                           spec.type == QLatin1String("Engagement") ? QStringLiteral("on") : QString());
            program.insert(QStringLiteral("workspace"), QStringLiteral("Default"));
            QJsonArray tags;
            if (spec.channel == QLatin1String("Webinar")) {
                tags.append(QJsonObject {
                    {QStringLiteral("tagType"), QStringLiteral("Region")},
                    {QStringLiteral("tagValue"), i % 2 ? QStringLiteral("EMEA") : QStringLiteral("Global")}});
            }
            program.insert(QStringLiteral("tags"), tags);
            program.insert(QStringLiteral("costs"), QJsonValue(QJsonValue::Null));
            programs.append(program);
        }
        return programs;
    }();
    return list;
}

QJsonObject SandboxMarketoData::program(int programId)
{
    const int index = programId - firstProgramId;
    return index >= 0 && index < programs().size() ? programs().at(index) : QJsonObject();
}

QJsonArray SandboxMarketoData::tokens(int programId)
{
    const QJsonObject found = program(programId);
    if (found.isEmpty())
        return {};
    const QString name = found.value(QStringLiteral("name")).toString();
    const QString channel = found.value(QStringLiteral("channel")).toString();
    const auto t = [programId](const QString& tokenName, const QString& type, const QString& value) {
        return token(programId, tokenName, type, value);
    };
    if (programId == webinarProgramId) {
        return {
            t(QStringLiteral("Webinar Title"),
              QStringLiteral("text"),
              QStringLiteral("Q4 Product Webinar: What's new")),
            t(QStringLiteral("Event Date"), QStringLiteral("date"), QStringLiteral("2024-11-14")),
            t(QStringLiteral("Seats"), QStringLiteral("number"), QStringLiteral("250")),
            t(QStringLiteral("Webinar Fee"), QStringLiteral("number"), QStringLiteral("49.90")),
            t(QStringLiteral("Attendance Score"), QStringLiteral("score"), QStringLiteral("+15")),
            t(QStringLiteral("Registration Block"),
              QStringLiteral("rich text"),
              QStringLiteral("<p>Join us on <strong>14 November</strong> &ndash; <a "
                             "href=\"https://events.example.com/q4?utm_source=marketo&amp;utm_medium=email\">register "
                             "here</a>.</p>")),
            t(QStringLiteral("SFDC Campaign"), QStringLiteral("sfdc campaign"), QStringLiteral("Q4 Webinar – SFDC")),
            t(QStringLiteral("Begrüßung"), QStringLiteral("text"), QStringLiteral("Guten Tag und herzlich willkommen")),
            t(QStringLiteral("Disclaimer"),
              QStringLiteral("text"),
              QStringLiteral("Prices in \"EUR\" \\ excl. VAT; see {{my.Webinar Title}}"))};
    }
    if (found.value(QStringLiteral("type")).toString() == QLatin1String("Engagement") && programId % 2 == 0)
        return {}; // a program without My Tokens
    QJsonArray tokens = {t(QStringLiteral("Program Name"), QStringLiteral("text"), name),
                         t(QStringLiteral("Channel"), QStringLiteral("text"), channel)};
    if (channel == QLatin1String("Webinar") || channel == QLatin1String("Tradeshow")
        || channel == QLatin1String("Roadshow")) {
        tokens.append(t(QStringLiteral("Event Date"),
                        QStringLiteral("date"),
                        QDate(2024, 1, 15).addDays((programId * 13) % 330).toString(Qt::ISODate)));
    }
    if (programId == 1006)
        tokens.append(t(QStringLiteral("挨拶"), QStringLiteral("text"), QStringLiteral("ご参加ありがとうございます")));
    return tokens;
}
