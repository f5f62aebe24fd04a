#include "secrets/KeychainSecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// KeychainSecretStore on a machine with no Secret Service: no session bus to find. Runs
// outside with-keyring.sh, and takes away every way to a bus before the first job.
class tst_KeychainUnreachable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readFailsWithAMessage();
    void laterCallsFailWithTheSameMessage();

private:
    QTemporaryDir m_runtime;
    KeychainSecretStore m_store;
    QString m_problem;
    bool m_waited = false;
};

void tst_KeychainUnreachable::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    // No $XDG_RUNTIME_DIR/bus either, the bus D-Bus libraries try when no address is set.
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
}

void tst_KeychainUnreachable::readFailsWithAMessage()
{
    QVERIFY(m_store.unreachable().isEmpty());
    QString error;
    QCOMPARE(m_store.read(QStringLiteral("id"), QStringLiteral("my.apiKey"), &error), std::nullopt);
    QVERIFY2(!error.isEmpty(), "a failed read must say why");
    QVERIFY2(error.contains(QStringLiteral("keychain")), qPrintable(error));
    QCOMPARE(m_store.unreachable(), error);
    m_problem = error;
}

void tst_KeychainUnreachable::laterCallsFailWithTheSameMessage()
{
    QVERIFY(!m_problem.isEmpty());
    // At once: no job, so no event loop runs and a zero timer stays pending.
    m_waited = false;
    QTimer::singleShot(0, this, [this] { m_waited = true; });
    QString error;
    QCOMPARE(m_store.read(QStringLiteral("id"), QStringLiteral("my.other"), &error), std::nullopt);
    QCOMPARE(error, m_problem);
    error.clear();
    QVERIFY(!m_store.write(QStringLiteral("id"), QStringLiteral("my.apiKey"), QStringLiteral("v"), &error));
    QCOMPARE(error, m_problem);
    error.clear();
    QVERIFY(!m_store.remove(QStringLiteral("id"), QStringLiteral("my.apiKey"), &error));
    QCOMPARE(error, m_problem);
    error.clear();
    QVERIFY(!m_store.probe(&error));
    QCOMPARE(error, m_problem);
    QCOMPARE(m_store.unreachable(), m_problem);
    QVERIFY(!m_waited);
}

QTEST_GUILESS_MAIN(tst_KeychainUnreachable)
#include "tst_keychainunreachable.moc"
