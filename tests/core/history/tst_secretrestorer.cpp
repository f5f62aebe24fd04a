#include "history/SecretRedactor.h"
#include "history/SecretRestorer.h"

#include <QTest>

// Re-sending a call from the history: which secrets come back, and when a request must
// not go out because a placeholder would be sent in place of a secret.
class tst_SecretRestorer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void maskedSecretHeadersComeBack_data();
    void maskedSecretHeadersComeBack();
    void aHeaderTheWebhookNoLongerHoldsStaysMasked();
    void placeholdersAreFound_data();
    void placeholdersAreFound();

private:
    RenderedRequest recorded() const;

    Workspace m_workspace;
    Webhook m_webhook;
    RenderedRequest m_current;
};

void tst_SecretRestorer::init()
{
    m_workspace = Workspace();
    m_webhook = Webhook();
    m_webhook.name = QStringLiteral("Enrich");
    m_webhook.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer now"), false, {}},
                         {QStringLiteral("X-Key"), QStringLiteral("key-now"), true, {}},
                         {QStringLiteral("X-Plain"), QStringLiteral("plain-now"), false, {}}};
    m_workspace.webhooks = {m_webhook};
    m_current.method = QStringLiteral("POST");
    m_current.url = QStringLiteral("http://127.0.0.1:1/hook");
    m_current.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer now"), false},
                         {QStringLiteral("X-Key"), QStringLiteral("key-now"), true},
                         {QStringLiteral("X-Plain"), QStringLiteral("plain-now"), false}};
}

RenderedRequest tst_SecretRestorer::recorded() const
{
    RenderedRequest request;
    request.method = QStringLiteral("POST");
    request.url = QStringLiteral("http://127.0.0.1:1/hook");
    request.headers = {{QStringLiteral("authorization"), SecretRedactor::placeholder(), false},
                       {QStringLiteral(" X-KEY "), SecretRedactor::placeholder(), false},
                       {QStringLiteral("X-Plain"), QStringLiteral("plain-then"), false}};
    request.body = "{\"email\": \"a@b.com\"}";
    request.hasBody = true;
    return request;
}

void tst_SecretRestorer::maskedSecretHeadersComeBack_data()
{
    QTest::addColumn<int>("header");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Authorization, secret by name") << 0 << QStringLiteral("Bearer now");
    QTest::newRow("a header marked secret, other case and spaces") << 1 << QStringLiteral("key-now");
    QTest::newRow("a plain header keeps what was sent") << 2 << QStringLiteral("plain-then");
}

void tst_SecretRestorer::maskedSecretHeadersComeBack()
{
    QFETCH(int, header);
    QFETCH(QString, expected);
    const RenderedRequest restored = SecretRestorer(m_workspace, m_webhook, m_current).restore(recorded());
    QCOMPARE(restored.headers.at(header).value, expected);
    QCOMPARE(restored.url, recorded().url);
    QCOMPARE(restored.body, recorded().body);
    QVERIFY(!SecretRestorer::holdsPlaceholder(restored));
}

void tst_SecretRestorer::aHeaderTheWebhookNoLongerHoldsStaysMasked()
{
    // X-Key is no longer secret, and Authorization is gone: nothing is guessed.
    m_webhook.headers = {{QStringLiteral("X-Key"), QStringLiteral("key-now"), false, {}}};
    m_current.headers = {{QStringLiteral("X-Key"), QStringLiteral("key-now"), false}};
    const RenderedRequest restored = SecretRestorer(m_workspace, m_webhook, m_current).restore(recorded());
    QCOMPARE(restored.headers.at(0).value, SecretRedactor::placeholder());
    QCOMPARE(restored.headers.at(1).value, SecretRedactor::placeholder());
    QVERIFY(SecretRestorer::holdsPlaceholder(restored));
}

void tst_SecretRestorer::placeholdersAreFound_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("holds");
    const QString mask = SecretRedactor::placeholder();
    const QString url = QStringLiteral("http://127.0.0.1:1/hook");
    QTest::newRow("none") << url << QStringLiteral("v") << QByteArray("{}") << false;
    QTest::newRow("in the URL") << url + QStringLiteral("?key=") + mask << QStringLiteral("v") << QByteArray("{}")
                                << true;
    QTest::newRow("inside a header") << url << QStringLiteral("Token ") + mask << QByteArray("{}") << true;
    QTest::newRow("in the body") << url << QStringLiteral("v") << QByteArray("{\"k\": \"") + mask.toUtf8() + "\"}"
                                 << true;
}

void tst_SecretRestorer::placeholdersAreFound()
{
    QFETCH(QString, url);
    QFETCH(QString, header);
    QFETCH(QByteArray, body);
    QFETCH(bool, holds);
    RenderedRequest request;
    request.url = url;
    request.headers = {{QStringLiteral("X-Any"), header, false}};
    request.body = body;
    QCOMPARE(SecretRestorer::holdsPlaceholder(request), holds);
}

QTEST_GUILESS_MAIN(tst_SecretRestorer)
#include "tst_secretrestorer.moc"
