#include "SecretTool.h"
#include "secrets/KeychainSecretStore.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

// KeychainSecretStore against a real Secret Service: the private, unlocked gnome-keyring
// that with-keyring.sh starts. secret-tool looks into the keyring from outside.
class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void names();
    void writeReadRemoveRoundTrip();
    void valuesKeepEveryCharacter_data();
    void valuesKeepEveryCharacter();
    void absentEntry();
    void workspacesAreApart();

private:
    // What secret-tool finds under the attributes QtKeychain gives the entry; nullopt when
    // it finds nothing.
    static std::optional<QByteArray> lookup(const QString& workspaceId, const QString& key);

    KeychainSecretStore m_store;
    QString m_id;
};

std::optional<QByteArray> tst_KeychainSecretStore::lookup(const QString& workspaceId, const QString& key)
{
    return secretToolLookup(workspaceId, key);
}

void tst_KeychainSecretStore::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through tests/support/with-keyring.sh");
    m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    QVERIFY2(m_store.probe(&error), qPrintable(error));
    QVERIFY(m_store.unreachable().isEmpty());
}

void tst_KeychainSecretStore::names()
{
    QCOMPARE(KeychainSecretStore::serviceName(), QStringLiteral("webhook-designer"));
    QCOMPARE(KeychainSecretStore::entryKey(QStringLiteral("ID"), QStringLiteral("my.apiKey")),
             QStringLiteral("ID/my.apiKey"));
    QVERIFY(m_store.backendName().startsWith(QStringLiteral("Secret Service")));
}

void tst_KeychainSecretStore::writeReadRemoveRoundTrip()
{
    const QString key = QStringLiteral("my.apiKey");
    QString error;
    QVERIFY2(m_store.write(m_id, key, QStringLiteral("sk_keyring_1"), &error), qPrintable(error));
    QCOMPARE(m_store.read(m_id, key, &error), std::optional<QString>(QStringLiteral("sk_keyring_1")));
    QVERIFY(error.isEmpty());
    QCOMPARE(lookup(m_id, key), std::optional<QByteArray>("sk_keyring_1"));

    // Writing again replaces the value; there is still one entry.
    QVERIFY2(m_store.write(m_id, key, QStringLiteral("sk_keyring_2"), &error), qPrintable(error));
    QCOMPARE(m_store.read(m_id, key), std::optional<QString>(QStringLiteral("sk_keyring_2")));
    QCOMPARE(lookup(m_id, key), std::optional<QByteArray>("sk_keyring_2"));

    QVERIFY2(m_store.remove(m_id, key, &error), qPrintable(error));
    QCOMPARE(m_store.read(m_id, key, &error), std::nullopt);
    QVERIFY(error.isEmpty());
    QCOMPARE(lookup(m_id, key), std::nullopt);
    // Removing what is gone is no failure.
    QVERIFY2(m_store.remove(m_id, key, &error), qPrintable(error));
    QVERIFY(m_store.unreachable().isEmpty());
}

void tst_KeychainSecretStore::valuesKeepEveryCharacter_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("header key with spaces")
        << QStringLiteral("header.Enrich lead (JSON).Authorization") << QStringLiteral("Bearer {{my.apiKey}}");
    QTest::newRow("non-ASCII and emoji") << QStringLiteral("my.cl\u00e9")
                                         << QStringLiteral("Gr\u00fcn \U0001F511 \u5149");
    QTest::newRow("line breaks and quotes")
        << QStringLiteral("my.multi") << QStringLiteral("line1\nline2\r\n\"q\" \\ end ");
}

void tst_KeychainSecretStore::valuesKeepEveryCharacter()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QString error;
    QVERIFY2(m_store.write(m_id, key, value, &error), qPrintable(error));
    QCOMPARE(m_store.read(m_id, key, &error), std::optional<QString>(value));
    QCOMPARE(lookup(m_id, key), std::optional<QByteArray>(value.toUtf8()));
    QVERIFY(m_store.remove(m_id, key, &error));
}

void tst_KeychainSecretStore::absentEntry()
{
    QString error = QStringLiteral("stale");
    error.clear();
    QCOMPARE(m_store.read(m_id, QStringLiteral("my.never"), &error), std::nullopt);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_store.unreachable().isEmpty());
    QVERIFY(m_store.probe(&error));
}

void tst_KeychainSecretStore::workspacesAreApart()
{
    const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString key = QStringLiteral("my.shared");
    QVERIFY(m_store.write(m_id, key, QStringLiteral("first")));
    QVERIFY(m_store.write(other, key, QStringLiteral("second")));
    QCOMPARE(m_store.read(m_id, key), std::optional<QString>(QStringLiteral("first")));
    QCOMPARE(m_store.read(other, key), std::optional<QString>(QStringLiteral("second")));
    QVERIFY(m_store.remove(other, key));
    QCOMPARE(m_store.read(m_id, key), std::optional<QString>(QStringLiteral("first")));
    QCOMPARE(lookup(other, key), std::nullopt);
    QVERIFY(m_store.remove(m_id, key));
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
