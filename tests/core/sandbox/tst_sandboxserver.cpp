#include "sandbox/SandboxMarketo.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

// Every sandbox endpoint, spoken to with a plain QNetworkAccessManager (not HttpClient,
// which is tested against this server in its own test).
class tst_SandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listensOnLoopback();
    void listenTriesTheNextPorts();
    void echoReportsTheRequest();
    void echoParsesAForm();
    void enrichIsDeterministic_data();
    void enrichIsDeterministic();
    void enrichWithoutEmailIs400();
    void enrichXmlHasTheSameData();
    void statusAnswersWithTheCode_data();
    void statusAnswersWithTheCode();
    void delayDoesNotBlockOtherConnections();
    void redirectCountsDown();
    void redirectToAnotherUrl();
    void largeHasTheExactSize_data();
    void largeHasTheExactSize();
    void largeGzipDecodes();
    void flakyFailsEveryOtherCall();
    void authNeedsTheToken();
    void closeDropsTheConnectionMidBody();
    void countsConcurrentConnections();
    void unknownPathIsStill404();

    void marketoTokenFromAFormPost();
    void marketoBadCredentialsAre401();
    void marketoPagesAListToTheEnd();
    void marketoPostWithMethodGet();
    void marketoRefusesAnAccessTokenInTheQuery();
    void marketoTokenExpiresMidPaging();
    void marketoHooksReachTheRoute();
    void marketoUnknownPathIs404();

private:
    // A token from /marketo/identity, fetched as a client does: a form POST.
    QByteArray marketoToken();
    // A GET below /marketo/rest with the token; the body parsed.
    QJsonObject marketoGet(const QString& pathAndQuery, const QByteArray& token);
    QNetworkReply* send(const QByteArray& verb,
                        const QString& pathAndQuery,
                        const QByteArray& body = {},
                        const QList<QPair<QByteArray, QByteArray>>& headers = {},
                        QNetworkAccessManager* manager = nullptr);
    // Sends and waits; the reply is owned by the test's manager.
    QNetworkReply* fetch(const QByteArray& verb,
                         const QString& pathAndQuery,
                         const QByteArray& body = {},
                         const QList<QPair<QByteArray, QByteArray>>& headers = {});
    static int status(QNetworkReply* reply);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

void tst_SandboxServer::init()
{
    m_server = std::make_unique<SandboxServer>();
    QString error;
    QVERIFY2(m_server->listen(0, 1, &error), qPrintable(error));
    m_manager = std::make_unique<QNetworkAccessManager>();
}

void tst_SandboxServer::cleanup()
{
    m_manager.reset();
    m_server.reset();
}

QNetworkReply* tst_SandboxServer::send(const QByteArray& verb,
                                       const QString& pathAndQuery,
                                       const QByteArray& body,
                                       const QList<QPair<QByteArray, QByteArray>>& headers,
                                       QNetworkAccessManager* manager)
{
    QNetworkRequest request(QUrl::fromEncoded(m_server->url().toEncoded() + pathAndQuery.toUtf8()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setDecompressedSafetyCheckThreshold(-1);
    for (const auto& header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkAccessManager* nam = manager ? manager : m_manager.get();
    return body.isNull() ? nam->sendCustomRequest(request, verb) : nam->sendCustomRequest(request, verb, body);
}

QNetworkReply* tst_SandboxServer::fetch(const QByteArray& verb,
                                        const QString& pathAndQuery,
                                        const QByteArray& body,
                                        const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkReply* reply = send(verb, pathAndQuery, body, headers);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    return reply;
}

int tst_SandboxServer::status(QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void tst_SandboxServer::listensOnLoopback()
{
    QVERIFY(m_server->isListening());
    QCOMPARE(m_server->url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_server->url().port(), int(m_server->port()));
    QNetworkReply* reply = fetch("GET", QStringLiteral("/"));
    QCOMPARE(status(reply), 200);
    QVERIFY(QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("endpoints")).isArray());
}

void tst_SandboxServer::listenTriesTheNextPorts()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    const quint16 busy = blocker.serverPort();
    SandboxServer second;
    QString error;
    QVERIFY2(second.listen(busy, 20, &error), qPrintable(error));
    const quint16 port = second.port();
    QVERIFY(port > busy);
    QVERIFY(port < busy + 20);

    SandboxServer third;
    QVERIFY(!third.listen(busy, 1, &error));
    QCOMPARE(third.port(), quint16(0));
    QVERIFY(error.contains(QString::number(busy)));
}

void tst_SandboxServer::echoReportsTheRequest()
{
    QNetworkReply* reply = fetch("POST",
                                 QStringLiteral("/echo?a=%26b&c=d"),
                                 QByteArrayLiteral("{\"name\": \"Jack & Jill\"}"),
                                 {{"Content-Type", "application/json"}, {"X-Custom", "value 1"}});
    QCOMPARE(status(reply), 200);
    const QJsonObject echo = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(echo.value(QStringLiteral("path")).toString(), QStringLiteral("/echo"));
    QCOMPARE(echo.value(QStringLiteral("query")).toString(), QStringLiteral("a=%26b&c=d"));
    QCOMPARE(echo.value(QStringLiteral("args")).toObject().value(QStringLiteral("a")).toString(), QStringLiteral("&b"));
    QCOMPARE(echo.value(QStringLiteral("body")).toString(), QStringLiteral("{\"name\": \"Jack & Jill\"}"));
    QCOMPARE(echo.value(QStringLiteral("json")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Jack & Jill"));
    QVERIFY(echo.value(QStringLiteral("form")).isNull());
    bool found = false;
    const QJsonArray headers = echo.value(QStringLiteral("headers")).toArray();
    for (const QJsonValue& header : headers) {
        if (header.toObject().value(QStringLiteral("name")).toString() == QLatin1String("X-Custom")) {
            QCOMPARE(header.toObject().value(QStringLiteral("value")).toString(), QStringLiteral("value 1"));
            found = true;
        }
    }
    QVERIFY(found);
}

void tst_SandboxServer::echoParsesAForm()
{
    QNetworkReply* reply = fetch("PUT",
                                 QStringLiteral("/echo"),
                                 QByteArrayLiteral("name=Jack+%26+Jill&email=a%40b.com"),
                                 {{"Content-Type", "application/x-www-form-urlencoded"}});
    const QJsonObject echo = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
    const QJsonObject form = echo.value(QStringLiteral("form")).toObject();
    QCOMPARE(form.value(QStringLiteral("name")).toString(), QStringLiteral("Jack & Jill"));
    QCOMPARE(form.value(QStringLiteral("email")).toString(), QStringLiteral("a@b.com"));
    QVERIFY(echo.value(QStringLiteral("json")).isNull());
}

void tst_SandboxServer::enrichIsDeterministic_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("json") << QByteArray("POST") << QStringLiteral("/enrich")
                          << QByteArray("{\"email\": \"jane@acme-robotics.com\"}") << QByteArray("application/json");
    QTest::newRow("json-lead") << QByteArray("POST") << QStringLiteral("/enrich")
                               << QByteArray("{\"lead\": {\"Email\": \"jane@acme-robotics.com\"}}")
                               << QByteArray("application/json");
    QTest::newRow("form") << QByteArray("POST") << QStringLiteral("/enrich")
                          << QByteArray("email=jane%40acme-robotics.com")
                          << QByteArray("application/x-www-form-urlencoded");
    QTest::newRow("query") << QByteArray("GET") << QStringLiteral("/enrich?email=jane%40acme-robotics.com")
                           << QByteArray() << QByteArray();
}

void tst_SandboxServer::enrichIsDeterministic()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    QNetworkReply* reply = fetch(verb, path, body, headers);
    QCOMPARE(status(reply), 200);
    const QJsonObject data =
        QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("domain")).toString(), QStringLiteral("acme-robotics.com"));
    QVERIFY(data.value(QStringLiteral("company")).toString().startsWith(QLatin1String("Acme Robotics ")));
    QCOMPARE(data.value(QStringLiteral("website")).toString(), QStringLiteral("https://www.acme-robotics.com"));
    QVERIFY(data.value(QStringLiteral("employees")).isDouble());
    QVERIFY(data.value(QStringLiteral("annualRevenue")).toDouble() > 0);
    QVERIFY(data.value(QStringLiteral("public")).isBool());
    QVERIFY(data.value(QStringLiteral("tags")).toArray().size() >= 2);
    QVERIFY(!data.value(QStringLiteral("industry")).toString().isEmpty());

    // The same email gives the same data, whichever way it arrives.
    QNetworkReply* again = fetch("GET", QStringLiteral("/enrich?email=someone.else%40acme-robotics.com"));
    QCOMPARE(QJsonDocument::fromJson(again->readAll()).object().value(QStringLiteral("data")).toObject(), data);
}

void tst_SandboxServer::enrichWithoutEmailIs400()
{
    QNetworkReply* reply =
        fetch("POST", QStringLiteral("/enrich"), QByteArrayLiteral("{}"), {{"Content-Type", "application/json"}});
    QCOMPARE(status(reply), 400);
    QVERIFY(QJsonDocument::fromJson(reply->readAll())
                .object()
                .value(QStringLiteral("error"))
                .toString()
                .contains(QLatin1String("email")));
    QNetworkReply* notAnEmail = fetch("GET", QStringLiteral("/enrich?email=nobody"));
    QCOMPARE(status(notAnEmail), 422);
}

void tst_SandboxServer::enrichXmlHasTheSameData()
{
    QNetworkReply* json = fetch("GET", QStringLiteral("/enrich?email=x%40globex.io"));
    const QJsonObject data = QJsonDocument::fromJson(json->readAll()).object().value(QStringLiteral("data")).toObject();
    QNetworkReply* xml = fetch("GET", QStringLiteral("/enrich.xml?email=x%40globex.io"));
    QCOMPARE(status(xml), 200);
    QVERIFY(xml->header(QNetworkRequest::ContentTypeHeader).toString().contains(QLatin1String("xml")));
    QXmlStreamReader reader(xml->readAll());
    QStringList path;
    QHash<QString, QString> values;
    QStringList tags;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            path.append(reader.name().toString());
        } else if (reader.isEndElement()) {
            path.removeLast();
        } else if (reader.isCharacters() && !reader.isWhitespace()) {
            if (path.size() == 4 && path.at(2) == QLatin1String("tags"))
                tags.append(reader.text().toString());
            else if (path.size() == 3)
                values.insert(path.join(QLatin1Char('.')), reader.text().toString());
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(values.value(QStringLiteral("enrichment.data.company")), data.value(QStringLiteral("company")).toString());
    QCOMPARE(values.value(QStringLiteral("enrichment.data.employees")).toInt(),
             data.value(QStringLiteral("employees")).toInt());
    QCOMPARE(values.value(QStringLiteral("enrichment.data.public")),
             data.value(QStringLiteral("public")).toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    QCOMPARE(tags.size(), data.value(QStringLiteral("tags")).toArray().size());
}

void tst_SandboxServer::statusAnswersWithTheCode_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("expected");
    for (int code : {200, 201, 204, 400, 404, 418, 429, 500, 503})
        QTest::addRow("%d", code) << code << code;
    QTest::newRow("out of range") << 99 << 400;
    QTest::newRow("too big") << 600 << 400;
}

void tst_SandboxServer::statusAnswersWithTheCode()
{
    QFETCH(int, code);
    QFETCH(int, expected);
    QNetworkReply* reply = fetch("GET", QStringLiteral("/status/%1").arg(code));
    QCOMPARE(status(reply), expected);
    if (expected != 204 && expected == code)
        QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("status")).toInt(), code);
}

void tst_SandboxServer::delayDoesNotBlockOtherConnections()
{
    QNetworkReply* slow = send("GET", QStringLiteral("/delay/3000"));
    QSignalSpy slowFinished(slow, &QNetworkReply::finished);
    // On a second connection (the first one is busy) the echo answers while the delay runs.
    QNetworkReply* quick = fetch("GET", QStringLiteral("/echo"));
    QCOMPARE(status(quick), 200);
    QCOMPARE(slowFinished.count(), 0);
    QVERIFY(slowFinished.wait(20000));
    QCOMPARE(status(slow), 200);
    QCOMPARE(QJsonDocument::fromJson(slow->readAll()).object().value(QStringLiteral("delayedMs")).toInt(), 3000);
}

void tst_SandboxServer::redirectCountsDown()
{
    QNetworkReply* reply = fetch("GET", QStringLiteral("/redirect/3"));
    QCOMPARE(status(reply), 302);
    QCOMPARE(reply->rawHeader("Location"), QByteArrayLiteral("/redirect/2"));
    QNetworkReply* permanent = fetch("GET", QStringLiteral("/redirect/2?status=308"));
    QCOMPARE(status(permanent), 308);
    QCOMPARE(permanent->rawHeader("Location"), QByteArrayLiteral("/redirect/1?status=308"));
    QNetworkReply* last = fetch("GET", QStringLiteral("/redirect/0"));
    QCOMPARE(status(last), 200);
}

void tst_SandboxServer::redirectToAnotherUrl()
{
    QNetworkReply* reply = fetch("GET", QStringLiteral("/redirect/1?to=http%3A%2F%2Fexample.invalid%2Fx"));
    QCOMPARE(status(reply), 302);
    QCOMPARE(reply->rawHeader("Location"), QByteArrayLiteral("http://example.invalid/x"));
}

void tst_SandboxServer::largeHasTheExactSize_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<qint64>("size");
    QTest::newRow("bytes=64") << QStringLiteral("bytes=64") << qint64(64);
    QTest::newRow("bytes=5000") << QStringLiteral("bytes=5000") << qint64(5000);
    QTest::newRow("mb=3") << QStringLiteral("mb=3") << qint64(3 * 1024 * 1024);
}

void tst_SandboxServer::largeHasTheExactSize()
{
    QFETCH(QString, query);
    QFETCH(qint64, size);
    QNetworkReply* reply = fetch("GET", QStringLiteral("/large?") + query);
    QCOMPARE(status(reply), 200);
    const QByteArray body = reply->readAll();
    QCOMPARE(qint64(body.size()), size);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(document.object().value(QStringLiteral("size")).toDouble(), double(size));
}

void tst_SandboxServer::largeGzipDecodes()
{
    QNetworkReply* reply = fetch("GET", QStringLiteral("/large?mb=2&gzip=1"));
    QCOMPARE(status(reply), 200);
    QCOMPARE(reply->rawHeader("Content-Encoding"), QByteArrayLiteral("gzip"));
    QVERIFY(reply->rawHeader("Content-Length").toLongLong() < 2 * 1024 * 1024);
    const QByteArray body = reply->readAll();
    QCOMPARE(body.size(), 2 * 1024 * 1024);
    QVERIFY(QJsonDocument::fromJson(body).isObject());
}

void tst_SandboxServer::flakyFailsEveryOtherCall()
{
    QList<int> statuses;
    for (int i = 0; i < 4; ++i)
        statuses.append(status(fetch("POST", QStringLiteral("/flaky"), QByteArrayLiteral("{}"))));
    QCOMPARE(statuses, (QList<int> {503, 200, 503, 200}));
}

void tst_SandboxServer::authNeedsTheToken()
{
    QCOMPARE(status(fetch("GET", QStringLiteral("/auth"))), 401);
    QCOMPARE(status(fetch("GET", QStringLiteral("/auth"), {}, {{"Authorization", "Bearer wrong"}})), 401);
    QCOMPARE(status(fetch("GET", QStringLiteral("/auth"), {}, {{"Authorization", "Bearer sandbox-token"}})), 200);
    m_server->setExpectedAuthorization("Basic abc");
    QCOMPARE(status(fetch("GET", QStringLiteral("/auth"), {}, {{"Authorization", "Basic abc"}})), 200);
}

void tst_SandboxServer::closeDropsTheConnectionMidBody()
{
    QNetworkReply* reply = fetch("GET", QStringLiteral("/close"));
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(reply->rawHeader("Content-Length"), QByteArrayLiteral("1000"));
    QVERIFY(reply->readAll().size() < 1000);
}

void tst_SandboxServer::countsConcurrentConnections()
{
    // One manager opens at most 6 connections to a host; three give room for 8.
    QNetworkAccessManager a, b, c;
    QList<QNetworkReply*> replies;
    for (int i = 0; i < 8; ++i)
        replies.append(send("GET", QStringLiteral("/delay/1500"), {}, {}, i < 3 ? &a : i < 6 ? &b : &c));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 8, 10000);
    QCOMPARE(m_server->maxConcurrentConnections(), 8);
    for (QNetworkReply* reply : replies)
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
    QCOMPARE(m_server->maxConcurrentConnections(), 8);
    QVERIFY(m_server->requestCount() >= 8);
}

void tst_SandboxServer::unknownPathIsStill404()
{
    QCOMPARE(status(fetch("GET", QStringLiteral("/no/such/path"))), 404);
    QCOMPARE(status(fetch("GET", QStringLiteral("/marketoo"))), 404);
}

QByteArray tst_SandboxServer::marketoToken()
{
    QNetworkReply* reply =
        fetch("POST",
              QStringLiteral("/marketo/identity/oauth/token"),
              QByteArrayLiteral("grant_type=client_credentials&client_id=sandbox-client&client_secret="
                                "sandbox-secret"),
              {{"Content-Type", "application/x-www-form-urlencoded"}});
    return QJsonDocument::fromJson(reply->readAll())
        .object()
        .value(QStringLiteral("access_token"))
        .toString()
        .toLatin1();
}

QJsonObject tst_SandboxServer::marketoGet(const QString& pathAndQuery, const QByteArray& token)
{
    QNetworkReply* reply =
        fetch("GET", QStringLiteral("/marketo/rest") + pathAndQuery, {}, {{"Authorization", "Bearer " + token}});
    if (status(reply) != 200)
        qWarning("HTTP %d for %s", status(reply), qPrintable(pathAndQuery));
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void tst_SandboxServer::marketoTokenFromAFormPost()
{
    QNetworkReply* reply =
        fetch("POST",
              QStringLiteral("/marketo/identity/oauth/token"),
              QByteArrayLiteral("grant_type=client_credentials&client_id=sandbox-client&client_secret="
                                "sandbox-secret"),
              {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(status(reply), 200);
    QVERIFY(reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QLatin1String("application/json")));
    const QJsonObject token = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(token.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    QVERIFY(token.value(QStringLiteral("expires_in")).toInt() > 0);

    const QJsonObject describe = marketoGet(QStringLiteral("/v1/leads/describe.json"),
                                            token.value(QStringLiteral("access_token")).toString().toLatin1());
    QCOMPARE(describe.value(QStringLiteral("success")), QJsonValue(true));
    QVERIFY(describe.value(QStringLiteral("result")).toArray().size() > 40);
}

void tst_SandboxServer::marketoBadCredentialsAre401()
{
    QNetworkReply* reply = fetch(
        "GET",
        QStringLiteral(
            "/marketo/identity/oauth/token?grant_type=client_credentials&client_id=sandbox-client&client_secret=no"));
    QCOMPARE(status(reply), 401);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("error")).toString(),
             QStringLiteral("unauthorized"));
    reply = fetch(
        "GET",
        QStringLiteral(
            "/marketo/identity/oauth/token?grant_type=implicit&client_id=sandbox-client&client_secret=sandbox-secret"));
    QCOMPARE(status(reply), 400);
}

void tst_SandboxServer::marketoPagesAListToTheEnd()
{
    const QByteArray token = marketoToken();
    QList<int> pages;
    QSet<int> ids;
    QString nextPageToken;
    do {
        QString pathAndQuery =
            QStringLiteral("/v1/lists/1001/leads.json?fields=email,firstName,lastName&batchSize=300");
        if (!nextPageToken.isEmpty())
            pathAndQuery +=
                QStringLiteral("&nextPageToken=") + QString::fromLatin1(QUrl::toPercentEncoding(nextPageToken));
        const QJsonObject reply = marketoGet(pathAndQuery, token);
        QCOMPARE(reply.value(QStringLiteral("success")), QJsonValue(true));
        const QJsonArray result = reply.value(QStringLiteral("result")).toArray();
        pages.append(result.size());
        for (const QJsonValue& lead : result)
            ids.insert(lead.toObject().value(QStringLiteral("id")).toInt());
        nextPageToken = reply.value(QStringLiteral("nextPageToken")).toString();
        QVERIFY(pages.size() < 10);
    } while (!nextPageToken.isEmpty());
    QCOMPARE(pages, (QList<int> {300, 300, 150}));
    QCOMPARE(ids.size(), 750);
    QCOMPARE(m_server->marketo().callCount(), 3);
}

void tst_SandboxServer::marketoPostWithMethodGet()
{
    const QByteArray token = marketoToken();
    QNetworkReply* reply =
        fetch("POST",
              QStringLiteral("/marketo/rest/v1/leads.json"),
              QByteArrayLiteral("_method=GET&filterType=email&filterValues=zoe.ngo-mueller%2Bvip%40fjord-"
                                "analytics.example%2Crenee.dangelo%40acme-rockets.example&fields=email%"
                                "2CfirstName%2CcompanySizeBand"),
              {{"Content-Type", "application/x-www-form-urlencoded"}, {"Authorization", "Bearer " + token}});
    QCOMPARE(status(reply), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value(QStringLiteral("success")), QJsonValue(true));
    const QJsonArray result = body.value(QStringLiteral("result")).toArray();
    QCOMPARE(result.size(), 2);
    QCOMPARE(result.at(0).toObject().value(QStringLiteral("firstName")).toString(), QStringLiteral("Zoë"));
    QCOMPARE(result.at(0).toObject().value(QStringLiteral("companySizeBand")).toString(), QStringLiteral("51–200"));
    QCOMPARE(result.at(1).toObject().value(QStringLiteral("firstName")).toString(), QStringLiteral("Renée"));
    const SandboxMarketo::LoggedRequest logged = m_server->marketo().requests().last();
    QCOMPARE(logged.method, QStringLiteral("POST"));
    QCOMPARE(logged.path, QStringLiteral("/rest/v1/leads.json"));
    QVERIFY(logged.body.startsWith("_method=GET&"));
}

void tst_SandboxServer::marketoRefusesAnAccessTokenInTheQuery()
{
    const QByteArray token = marketoToken();
    QNetworkReply* reply = fetch("GET",
                                 QStringLiteral("/marketo/rest/v1/leads/describe.json?access_token=")
                                     + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(token))));
    QCOMPARE(status(reply), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value(QStringLiteral("success")), QJsonValue(false));
    QCOMPARE(body.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("601"));
    QVERIFY(m_server->marketo().requests().last().query.startsWith(QLatin1String("access_token=")));
}

void tst_SandboxServer::marketoTokenExpiresMidPaging()
{
    m_server->marketo().setTokenCallLimit(1);
    QByteArray token = marketoToken();
    const QJsonObject first = marketoGet(QStringLiteral("/v1/lists/1001/leads.json"), token);
    const QString page2 =
        QString::fromLatin1(QUrl::toPercentEncoding(first.value(QStringLiteral("nextPageToken")).toString()));
    QJsonObject reply = marketoGet(QStringLiteral("/v1/lists/1001/leads.json?nextPageToken=") + page2, token);
    QCOMPARE(reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("602"));
    token = marketoToken();
    reply = marketoGet(QStringLiteral("/v1/lists/1001/leads.json?nextPageToken=") + page2, token);
    QCOMPARE(reply.value(QStringLiteral("success")), QJsonValue(true));
    QCOMPARE(reply.value(QStringLiteral("result")).toArray().at(0).toObject().value(QStringLiteral("id")).toInt(),
             10301);
}

void tst_SandboxServer::marketoHooksReachTheRoute()
{
    SandboxMarketo& marketo = m_server->marketo();
    qint64 now = 0;
    marketo.setClock([&now] { return now; });
    const QByteArray token = marketoToken();
    marketo.failNext(611);
    QJsonObject reply = marketoGet(QStringLiteral("/asset/v1/programs.json?maxReturn=200"), token);
    QCOMPARE(reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("611"));
    marketo.setDailyQuotaExceeded(true);
    reply = marketoGet(QStringLiteral("/asset/v1/programs.json"), token);
    QCOMPARE(reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("607"));
    marketo.setDailyQuotaExceeded(false);
    reply = marketoGet(QStringLiteral("/asset/v1/folder/1001/tokens.json?folderType=Program"), token);
    QCOMPARE(reply.value(QStringLiteral("result")).toArray().at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Q4 Webinar"));
    reply = marketoGet(QStringLiteral("/v1/lists/4242/leads.json"), token);
    QCOMPARE(reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("1013"));
    const SandboxMarketo::LoggedRequest logged = marketo.requests().last();
    QCOMPARE(logged.path, QStringLiteral("/rest/v1/lists/4242/leads.json"));
    QCOMPARE(logged.authorization, "Bearer " + token);
    now += 3601 * 1000;
    reply = marketoGet(QStringLiteral("/v1/leads/describe.json"), token);
    QCOMPARE(reply.value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("602"));
    marketo.setClock(nullptr);
}

void tst_SandboxServer::marketoUnknownPathIs404()
{
    QNetworkReply* reply = fetch("GET", QStringLiteral("/marketo/rest/v1/opportunities.json"));
    QCOMPARE(status(reply), 404);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll())
                 .object()
                 .value(QStringLiteral("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("610"));
}

QTEST_GUILESS_MAIN(tst_SandboxServer)
#include "tst_sandboxserver.moc"
