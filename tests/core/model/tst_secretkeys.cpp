#include "model/SecretKeys.h"
#include "model/Workspace.h"

#include <QTest>

namespace {

Header header(const char* name, const char* value, bool secret)
{
    Header h;
    h.name = QString::fromUtf8(name);
    h.value = QString::fromUtf8(value);
    h.secret = secret;
    return h;
}

// Two secret My Tokens around a plain one, a secret program value (not a secret: only My
// Tokens can be), and secret headers in two webhooks, one of them still without a value.
Workspace secrets()
{
    Workspace w;
    w.context.my.values = {{QStringLiteral("apiKey"), QStringLiteral("k-1"), true, false},
                           {QStringLiteral("region"), QStringLiteral("emea"), false, false},
                           {QStringLiteral("token"), QString(), true, false}};
    w.context.program.values = {{QStringLiteral("id"), QStringLiteral("1001"), true, false}};
    Webhook first;
    first.name = QStringLiteral("Enrich lead (JSON)");
    first.headers = {header("Content-Type", "application/json", false),
                     header("Authorization", "Bearer {{my.apiKey}}", true)};
    Webhook second;
    second.name = QStringLiteral("Ping");
    second.headers = {header("X-Key", "", true)};
    w.webhooks = {first, second};
    return w;
}

} // namespace

class tst_SecretKeys : public QObject
{
    Q_OBJECT

private slots:
    void keyNames();
    void environmentVariable_data();
    void environmentVariable();
    void listsEverySecretInOrder();
    void itemsPointIntoTheWorkspace();
};

void tst_SecretKeys::keyNames()
{
    QCOMPARE(SecretKeys::myToken(QStringLiteral("apiKey")), QStringLiteral("my.apiKey"));
    QCOMPARE(SecretKeys::header(QStringLiteral("Enrich lead (JSON)"), QStringLiteral("Authorization")),
             QStringLiteral("header.Enrich lead (JSON).Authorization"));
}

void tst_SecretKeys::environmentVariable_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("variable");
    QTest::newRow("my token") << QStringLiteral("my.apiKey") << QStringLiteral("WD_SECRET_MY_APIKEY");
    QTest::newRow("header with spaces and parentheses")
        << QStringLiteral("header.Enrich lead (JSON).Authorization")
        << QStringLiteral("WD_SECRET_HEADER_ENRICH_LEAD__JSON__AUTHORIZATION");
    QTest::newRow("digits stay") << QStringLiteral("my.key2024") << QStringLiteral("WD_SECRET_MY_KEY2024");
    QTest::newRow("dash and underscore") << QStringLiteral("marketo.client-secret_x")
                                         << QStringLiteral("WD_SECRET_MARKETO_CLIENT_SECRET_X");
    QTest::newRow("accented letter is not A-Z") << QStringLiteral("my.cl\u00e9") << QStringLiteral("WD_SECRET_MY_CL_");
    // One character outside the BMP is one "_", not one per UTF-16 half.
    QTest::newRow("emoji is one character") << QStringLiteral("my.a\U0001F511b") << QStringLiteral("WD_SECRET_MY_A_B");
    QTest::newRow("empty key") << QString() << QStringLiteral("WD_SECRET_");
}

void tst_SecretKeys::environmentVariable()
{
    QFETCH(QString, key);
    QFETCH(QString, variable);
    QCOMPARE(SecretKeys::environmentVariable(key), variable);
}

void tst_SecretKeys::listsEverySecretInOrder()
{
    const Workspace w = secrets();
    const QStringList expected {QStringLiteral("my.apiKey"),
                                QStringLiteral("my.token"),
                                QStringLiteral("header.Enrich lead (JSON).Authorization"),
                                QStringLiteral("header.Ping.X-Key")};
    QCOMPARE(SecretKeys::keys(w), expected);
    const QList<QPair<QString, QString>> values = SecretKeys::values(w);
    QCOMPARE(values.size(), 4);
    QCOMPARE(values.at(0), qMakePair(expected.at(0), QStringLiteral("k-1")));
    QCOMPARE(values.at(1), qMakePair(expected.at(1), QString()));
    QCOMPARE(values.at(2), qMakePair(expected.at(2), QStringLiteral("Bearer {{my.apiKey}}")));
    QCOMPARE(values.at(3), qMakePair(expected.at(3), QString()));
    QCOMPARE(SecretKeys::keysWithValues(w), (QStringList {expected.at(0), expected.at(2)}));

    QCOMPARE(SecretKeys::keys(Workspace()), QStringList());
}

void tst_SecretKeys::itemsPointIntoTheWorkspace()
{
    Workspace w = secrets();
    const QList<SecretItem> items = SecretKeys::items(&w);
    QCOMPARE(items.size(), 4);
    QCOMPARE(items.at(1).key, QStringLiteral("my.token"));
    *items.at(1).value = QStringLiteral("filled");
    *items.at(1).missing = true;
    QCOMPARE(w.context.my.values.at(2).value, QStringLiteral("filled"));
    QVERIFY(w.context.my.values.at(2).missing);
    *items.at(3).value = QStringLiteral("x");
    QCOMPARE(w.webhooks.at(1).headers.at(0).value, QStringLiteral("x"));
    QVERIFY(!w.webhooks.at(1).headers.at(0).missing);
}

QTEST_GUILESS_MAIN(tst_SecretKeys)
#include "tst_secretkeys.moc"
