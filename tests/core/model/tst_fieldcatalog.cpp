#include "model/FieldCatalog.h"
#include "model/Workspace.h"

#include <QTest>

class tst_FieldCatalog : public QObject
{
    Q_OBJECT

private slots:
    void findsByDisplayAndApiName_data();
    void findsByDisplayAndApiName();
    void customFieldExtendsCatalog();
    void leadValueByAnyKey();
    void leadIndexByEmail();
};

void tst_FieldCatalog::findsByDisplayAndApiName_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("apiName");
    QTest::addColumn<QString>("type");
    QTest::newRow("display") << "Email Address"
                             << "email"
                             << "email";
    QTest::newRow("display any case") << "email address"
                                      << "email"
                                      << "email";
    QTest::newRow("api name") << "firstName"
                              << "firstName"
                              << "string";
    QTest::newRow("api any case") << "FIRSTNAME"
                                  << "firstName"
                                  << "string";
    QTest::newRow("currency") << "Annual Revenue"
                              << "annualRevenue"
                              << "currency";
    QTest::newRow("boolean") << "Unsubscribed"
                             << "unsubscribed"
                             << "boolean";
    QTest::newRow("datetime") << "Created At"
                              << "createdAt"
                              << "datetime";
    QTest::newRow("unknown") << "Shoe Size"
                             << ""
                             << "";
}

void tst_FieldCatalog::findsByDisplayAndApiName()
{
    QFETCH(QString, query);
    QFETCH(QString, apiName);
    QFETCH(QString, type);
    FieldCatalog catalog;
    const Field* f = catalog.find(query);
    if (apiName.isEmpty()) {
        QVERIFY(!f);
        return;
    }
    QVERIFY(f);
    QCOMPARE(f->apiName, apiName);
    QCOMPARE(FieldTypes::name(f->type), type);
}

void tst_FieldCatalog::customFieldExtendsCatalog()
{
    Field color {
        QStringLiteral("Favorite Color"), QStringLiteral("favoriteColor"), FieldType::String, false, false, {}};
    FieldCatalog catalog({color});
    QVERIFY(catalog.find(QStringLiteral("favorite color")));
    QVERIFY(catalog.find(QStringLiteral("favoriteColor"))->custom);
    QVERIFY(catalog.find(QStringLiteral("Email Address")));
    QCOMPARE(catalog.fields().size(), FieldCatalog::standardFields().size() + 1);
}

void tst_FieldCatalog::leadValueByAnyKey()
{
    FieldCatalog catalog;
    const Field* email = catalog.find(QStringLiteral("email"));
    QVERIFY(email);
    QJsonObject byDisplay {{QStringLiteral("Email Address"), QStringLiteral("a@x.com")}};
    QJsonObject byApi {{QStringLiteral("email"), QStringLiteral("b@x.com")}};
    QJsonObject byOddCase {{QStringLiteral("EMAIL address"), QStringLiteral("c@x.com")}};
    QCOMPARE(FieldCatalog::value(byDisplay, *email).toString(), QStringLiteral("a@x.com"));
    QCOMPARE(FieldCatalog::value(byApi, *email).toString(), QStringLiteral("b@x.com"));
    QCOMPARE(FieldCatalog::value(byOddCase, *email).toString(), QStringLiteral("c@x.com"));
    QVERIFY(FieldCatalog::value(QJsonObject {}, *email).isUndefined());
    FieldCatalog::setValue(byApi, *email, QStringLiteral("new@x.com"));
    QCOMPARE(byApi.size(), 1);
    QCOMPARE(byApi.value(QStringLiteral("email")).toString(), QStringLiteral("new@x.com"));
}

void tst_FieldCatalog::leadIndexByEmail()
{
    Workspace w;
    w.leads = {QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("ada@example.com")}},
               QJsonObject {{QStringLiteral("email"), QStringLiteral("bob@example.com")}}};
    QCOMPARE(w.leadIndex(QStringLiteral("1")), 1);
    QCOMPARE(w.leadIndex(QStringLiteral("BOB@example.com")), 1);
    QCOMPARE(w.leadIndex(QStringLiteral("5")), -1);
    QCOMPARE(w.leadIndex(QStringLiteral("nobody@example.com")), -1);
}

QTEST_GUILESS_MAIN(tst_FieldCatalog)
#include "tst_fieldcatalog.moc"
