// Hostile servers and hostile responses: HttpClient against a raw QTcpServer
// that lies, never ends or sends invalid bytes, and MappingEvaluator against documents
// built to exhaust a parser. Each case asserts the precise outcome, never a duration.

#include "http/CallResult.h"
#include "http/HttpClient.h"
#include "response/MappingEvaluator.h"
#include "response/XmlPathScanner.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {
// Answers each request with a scripted raw HTTP response, as a broken or hostile server
// would: `head` and `body` once, then either closes, goes silent, or (endless) keeps
// sending `body` for as long as the client reads.
class RawServer : public QObject
{
public:
    enum class After { Close, StaySilent, SendForever };

    RawServer(QByteArray head, QByteArray body, After after) : m_head(head), m_body(body), m_after(after)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    quint16 listen() { return m_server.listen(QHostAddress::LocalHost, 0) ? m_server.serverPort() : 0; }
    qint64 bytesSent() const { return m_sent; }

private:
    void onReadyRead(QTcpSocket* socket)
    {
        QByteArray& request = m_requests[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n") || socket->property("answered").toBool()) {
            return;
        }
        socket->setProperty("answered", true);
        write(socket, m_head + m_body);
        switch (m_after) {
        case After::Close:
            socket->disconnectFromHost();
            break;
        case After::StaySilent:
            break;
        case After::SendForever:
            // Refill whenever the kernel took the last chunk, until the client hangs up.
            connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
                if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() == 0) {
                    write(socket, m_body);
                }
            });
            break;
        }
    }

    void write(QTcpSocket* socket, const QByteArray& bytes) { m_sent += socket->write(bytes); }

    QTcpServer m_server;
    QByteArray m_head;
    QByteArray m_body;
    After m_after;
    qint64 m_sent = 0;
    QHash<QTcpSocket*, QByteArray> m_requests;
};

RenderedRequest getRequest(quint16 port)
{
    RenderedRequest request;
    request.method = QStringLiteral("GET");
    request.url = QStringLiteral("http://127.0.0.1:%1/hostile").arg(port);
    return request;
}

// A workspace webhook that maps `attributes` to firstName, lastName, ... in order.
Webhook mappingWebhook(ResponseType type, const QStringList& attributes)
{
    static const QStringList fields {
        QStringLiteral("firstName"), QStringLiteral("lastName"), QStringLiteral("leadScore")};
    Webhook webhook;
    webhook.name = QStringLiteral("hostile");
    webhook.responseType = type;
    for (int i = 0; i < attributes.size(); ++i) {
        webhook.responseMappings.append({attributes.at(i), fields.at(i % fields.size()), {}});
    }
    return webhook;
}

MappingOutcome evaluate(ResponseType type, const QStringList& attributes, const QByteArray& body)
{
    const Workspace workspace;
    return MappingEvaluator::evaluate(workspace, mappingWebhook(type, attributes), QJsonObject(), 200, body);
}

QByteArray repeated(const QByteArray& piece, int times)
{
    QByteArray out;
    out.reserve(piece.size() * times);
    for (int i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}
} // namespace

class tst_Hostile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void hugeContentLengthWithTinyBody();
    void endlessResponseStopsAtTheCap();
    void stalledResponseTimesOut();
    void invalidUtf8ResponseArrivesIntactAndIsRefused();

    void deeplyNestedJson();
    void unbalancedDeepJson();
    void deeplyNestedXml();
    void billionLaughs();
    void invalidUtf8_data();
    void invalidUtf8();

private:
    std::unique_ptr<QNetworkAccessManager> m_manager;
    std::unique_ptr<HttpClient> m_client;
};

void tst_Hostile::init()
{
    m_manager = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<HttpClient>(m_manager.get());
}

void tst_Hostile::cleanup()
{
    m_client.reset();
    m_manager.reset();
}

void tst_Hostile::hugeContentLengthWithTinyBody()
{
    RawServer server(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                       "Content-Length: 1073741824\r\n\r\n"),
                     QByteArrayLiteral("{\"a\":1}"),
                     RawServer::After::Close);
    const quint16 port = server.listen();
    QVERIFY(port != 0);

    const CallResult result = m_client->callAndWait(getRequest(port));
    QCOMPARE(result.error, CallResult::ErrorKind::ClosedEarly);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArrayLiteral("{\"a\":1}"));
    QCOMPARE(result.bodySize, 7);
    QVERIFY(!result.bodyTruncated);
    QCOMPARE(result.errorMessage,
             QStringLiteral("127.0.0.1 closed the connection before the response was complete (7 bytes arrived)."));
    // The announced gigabyte was never reserved: the body holds what arrived.
    QVERIFY2(result.body.capacity() < 1024 * 1024, qPrintable(QString::number(result.body.capacity())));
}

void tst_Hostile::endlessResponseStopsAtTheCap()
{
    RawServer server(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"),
                     QByteArray(16 * 1024, 'x'),
                     RawServer::After::SendForever);
    const quint16 port = server.listen();
    QVERIFY(port != 0);
    HttpClient::Options options;
    options.maxBodyBytes = 64 * 1024;
    m_client->setOptions(options);

    const CallResult result = m_client->callAndWait(getRequest(port));
    QCOMPARE(result.error, CallResult::ErrorKind::ResponseTooLarge);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body.size(), 64 * 1024);
    QCOMPARE(result.body, QByteArray(64 * 1024, 'x'));
    QVERIFY(result.bodyTruncated);
    QVERIFY(result.bodySize > 64 * 1024);
    QCOMPARE(result.errorMessage,
             QStringLiteral("The response is larger than 0.0625 MB; only the first 0.0625 MB were kept."));
}

void tst_Hostile::stalledResponseTimesOut()
{
    RawServer server(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"),
                     QByteArrayLiteral("0123456789"),
                     RawServer::After::StaySilent);
    const quint16 port = server.listen();
    QVERIFY(port != 0);
    HttpClient::Options options;
    options.timeoutMs = HttpClient::Options::minTimeoutMs;
    m_client->setOptions(options);

    const CallResult result = m_client->callAndWait(getRequest(port));
    QCOMPARE(result.error, CallResult::ErrorKind::Timeout);
    QCOMPARE(result.body, QByteArrayLiteral("0123456789"));
    QVERIFY(!result.isSuccess());
    QVERIFY2(result.errorMessage.startsWith(QStringLiteral("127.0.0.1 did not answer within 1 s.")),
             qPrintable(result.errorMessage));
}

void tst_Hostile::invalidUtf8ResponseArrivesIntactAndIsRefused()
{
    const QByteArray body = QByteArrayLiteral("{\"name\": \"Ada \xff\xfe\xc3\"}");
    RawServer server(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ")
                         + QByteArray::number(body.size()) + "\r\n\r\n",
                     body,
                     RawServer::After::Close);
    const quint16 port = server.listen();
    QVERIFY(port != 0);

    const CallResult result = m_client->callAndWait(getRequest(port));
    QCOMPARE(result.error, CallResult::ErrorKind::None);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, body);
    QVERIFY(result.responseJson().value(QLatin1String("body")).isString());

    const MappingOutcome outcome = evaluate(ResponseType::Json, {QStringLiteral("name")}, result.body);
    QCOMPARE(outcome.appliedCount(), 0);
    QCOMPARE(outcome.mappings.constFirst().applied, false);
    QVERIFY2(outcome.mappings.constFirst().reason.startsWith(
                 QStringLiteral("The response is not valid JSON, so nothing is written.")),
             qPrintable(outcome.mappings.constFirst().reason));
    QVERIFY2(outcome.mappings.constFirst().reason.contains(QStringLiteral("UTF-8")),
             qPrintable(outcome.mappings.constFirst().reason));
}

void tst_Hostile::deeplyNestedJson()
{
    constexpr int depth = 10000;
    const QByteArray body = "{\"ok\": \"yes\", \"deep\": " + repeated("{\"a\": ", depth) + "\"bottom\""
                            + repeated("}", depth) + ", \"list\": " + repeated("[", depth) + repeated("]", depth) + "}";
    const QStringList paths {QStringLiteral("ok"), QStringLiteral("deep.a.a")};
    const MappingOutcome outcome = evaluate(ResponseType::Json, paths, body);
    QCOMPARE(outcome.mappings.size(), 2);
    QVERIFY2(outcome.mappings.at(0).applied, qPrintable(outcome.mappings.at(0).reason));
    QCOMPARE(outcome.mappings.at(0).value, QJsonValue(QStringLiteral("yes")));
    QCOMPARE(outcome.mappings.at(1).applied, false);
    QVERIFY2(!outcome.mappings.at(1).reason.isEmpty(), "an object must not be written");

    // The innermost value, through a path as deep as the document.
    QStringList steps(depth, QStringLiteral("a"));
    steps.prepend(QStringLiteral("deep"));
    const MappingOutcome bottom = evaluate(ResponseType::Json, {steps.join(QLatin1Char('.'))}, body);
    QVERIFY2(bottom.mappings.constFirst().applied, qPrintable(bottom.mappings.constFirst().reason));
    QCOMPARE(bottom.mappings.constFirst().value, QJsonValue(QStringLiteral("bottom")));
}

void tst_Hostile::unbalancedDeepJson()
{
    const QByteArray body = "{\"ok\": \"yes\", \"deep\": " + repeated("[{\"a\": ", 10000);
    const MappingOutcome outcome = evaluate(ResponseType::Json, {QStringLiteral("ok")}, body);
    QCOMPARE(outcome.appliedCount(), 0);
    QVERIFY2(outcome.mappings.constFirst().reason.startsWith(
                 QStringLiteral("The response is not valid JSON, so nothing is written.")),
             qPrintable(outcome.mappings.constFirst().reason));
}

void tst_Hostile::deeplyNestedXml()
{
    constexpr int depth = 10000;
    const QByteArray body = "<r><ok>yes</ok>" + repeated("<d>", depth) + "bottom" + repeated("</d>", depth) + "</r>";
    QStringList steps(depth, QStringLiteral("d"));
    steps.prepend(QStringLiteral("r"));
    const MappingOutcome outcome = evaluate(
        ResponseType::Xml, {QStringLiteral("r.ok"), steps.join(QLatin1Char('.')), QStringLiteral("r.d")}, body);
    QCOMPARE(outcome.mappings.size(), 3);
    QVERIFY2(outcome.mappings.at(0).applied, qPrintable(outcome.mappings.at(0).reason));
    QCOMPARE(outcome.mappings.at(0).value, QJsonValue(QStringLiteral("yes")));
    QVERIFY2(outcome.mappings.at(1).applied, qPrintable(outcome.mappings.at(1).reason));
    QCOMPARE(outcome.mappings.at(1).value, QJsonValue(QStringLiteral("bottom")));
    QCOMPARE(outcome.mappings.at(2).applied, false);
    QVERIFY2(outcome.mappings.at(2).reason.startsWith(QStringLiteral("The element has child elements, not text")),
             qPrintable(outcome.mappings.at(2).reason));

    const QByteArray unbalanced = "<r><ok>yes</ok>" + repeated("<d>", depth);
    const MappingOutcome broken = evaluate(ResponseType::Xml, {QStringLiteral("r.ok")}, unbalanced);
    QCOMPARE(broken.appliedCount(), 0);
    QVERIFY2(broken.mappings.constFirst().reason.startsWith(
                 QStringLiteral("The response is not valid XML, so nothing is written.")),
             qPrintable(broken.mappings.constFirst().reason));
}

void tst_Hostile::billionLaughs()
{
    QByteArray body = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        body += "<!ENTITY lol" + QByteArray::number(i) + " \""
                + repeated("&lol" + (i > 1 ? QByteArray::number(i - 1) : QByteArray()) + ";", 10) + "\">\n";
    }
    body += "]>\n<lolz><ok>yes</ok><laugh>&lol9;</laugh></lolz>";

    XmlPathScanner scanner({ResponsePath::parse(QStringLiteral("lolz.ok"), ResponsePath::Syntax::Xml)});
    QVERIFY(!scanner.scan(body));
    QVERIFY2(scanner.errorString().contains(QStringLiteral("(an entity expansion attack), so it is not read")),
             qPrintable(scanner.errorString()));
    QVERIFY(!scanner.values().constFirst().found());

    const MappingOutcome outcome =
        evaluate(ResponseType::Xml, {QStringLiteral("lolz.ok"), QStringLiteral("lolz.laugh")}, body);
    QCOMPARE(outcome.appliedCount(), 0);
    for (const MappingResult& mapping : outcome.mappings) {
        QCOMPARE(mapping.reason,
                 QStringLiteral("The response is not valid XML, so nothing is written. %1").arg(scanner.errorString()));
    }
}

void tst_Hostile::invalidUtf8_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reasonStart");
    const QString notJson = QStringLiteral("The response is not valid JSON, so nothing is written.");
    const QString notXml = QStringLiteral("The response is not valid XML, so nothing is written.");
    QTest::newRow("json lone continuation byte")
        << int(ResponseType::Json) << QStringLiteral("a") << QByteArray("{\"a\": \"x\x80y\"}") << notJson;
    QTest::newRow("json overlong slash") << int(ResponseType::Json) << QStringLiteral("a")
                                         << QByteArray("{\"a\": \"\xc0\xaf\"}") << notJson;
    QTest::newRow("json surrogate as UTF-8")
        << int(ResponseType::Json) << QStringLiteral("a") << QByteArray("{\"a\": \"\xed\xa0\x80\"}") << notJson;
    QTest::newRow("json truncated sequence in key")
        << int(ResponseType::Json) << QStringLiteral("a") << QByteArray("{\"\xe2\x82\": 1, \"a\": \"x\"}") << notJson;
    QTest::newRow("xml invalid byte in text")
        << int(ResponseType::Xml) << QStringLiteral("r.a") << QByteArray("<r><a>x\xff\xfey</a></r>") << notXml;
}

void tst_Hostile::invalidUtf8()
{
    QFETCH(int, type);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, reasonStart);
    const MappingOutcome outcome = evaluate(ResponseType(type), {path}, body);
    QCOMPARE(outcome.appliedCount(), 0);
    QVERIFY2(outcome.mappings.constFirst().reason.startsWith(reasonStart),
             qPrintable(outcome.mappings.constFirst().reason));
}

QTEST_GUILESS_MAIN(tst_Hostile)
#include "tst_hostile.moc"
