#include "http/HttpClient.h"
#include "http/HttpStackHeaders.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

// The preview's prediction of the headers Qt adds, checked against what a real call
// through HttpClient delivers to the sandbox's /echo: the same names, values and order.
class tst_HttpStackHeaders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void previewMatchesWhatArrived_data();
    void previewMatchesWhatArrived();

private:
    SandboxServer m_server;
};

using Rows = QList<QPair<QString, QString>>;

void tst_HttpStackHeaders::initTestCase()
{
    QString error;
    QVERIFY2(m_server.listen(0, 1, &error), qPrintable(error));
}

void tst_HttpStackHeaders::previewMatchesWhatArrived_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Rows>("custom");
    QTest::newRow("POST json") << QStringLiteral("POST") << QByteArray("{\"a\": \"Jack & Jill\"}")
                               << Rows {{QStringLiteral("Content-Type"), QStringLiteral("application/json")},
                                        {QStringLiteral("X-Api-Key"), QStringLiteral("k1")}};
    QTest::newRow("GET no body") << QStringLiteral("GET") << QByteArray() << Rows {};
    QTest::newRow("PUT empty body") << QStringLiteral("PUT") << QByteArray() << Rows {};
    QTest::newRow("own user agent") << QStringLiteral("POST") << QByteArray("x")
                                    << Rows {{QStringLiteral("user-agent"), QStringLiteral("Marketo/1")},
                                             {QStringLiteral("Accept-Encoding"), QStringLiteral("identity")}};
    QTest::newRow("non-ASCII value") << QStringLiteral("PATCH") << QByteArray("raw")
                                     << Rows {{QStringLiteral("X-Name"), QStringLiteral("Zo\u00eb")}};
}

void tst_HttpStackHeaders::previewMatchesWhatArrived()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, body);
    QFETCH(Rows, custom);
    RenderedRequest request;
    request.method = method;
    request.url = m_server.url().toString() + QStringLiteral("/echo");
    request.hasBody = method != QLatin1String("GET");
    request.body = body;
    for (const auto& header : custom)
        request.headers.append({header.first, header.second, false});

    QNetworkAccessManager manager;
    HttpClient client(&manager);
    QSignalSpy finished(&client, &HttpClient::finished);
    client.call(request);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const CallResult result = finished.at(0).at(1).value<CallResult>();
    QCOMPARE(result.status, 200);

    Rows arrived;
    const QJsonArray echoed = QJsonDocument::fromJson(result.body).object().value(QStringLiteral("headers")).toArray();
    for (const QJsonValue& header : echoed) {
        arrived.append({header.toObject().value(QStringLiteral("name")).toString(),
                        header.toObject().value(QStringLiteral("value")).toString()});
    }

    // As the preview pane does: Qt 6.4's defaults corrected by the probe.
    HttpStackHeaders stack;
    stack.learn(HttpStackHeaders::probed());
    Rows predicted;
    for (const WireHeader& header : stack.rows(request))
        predicted.append({header.name, header.value});
    QCOMPARE(predicted, arrived);
}

QTEST_GUILESS_MAIN(tst_HttpStackHeaders)
#include "tst_httpstackheaders.moc"
