#include "SandboxServer.h"

#include "format/FormBody.h"
#include "sandbox/GzipEncoder.h"
#include "sandbox/SandboxEnrichment.h"
#include "sandbox/SandboxLargeBody.h"
#include "sandbox/SandboxMarketo.h"
#include "sandbox/SandboxTcpServer.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

// Every endpoint writes its answer on the socket itself instead of through
// QHttpServerResponder: Qt 6.4's responder cannot write a status it has no enum value for,
// stream a generated body at the socket's pace, answer later from a timer safely once the
// client has gone, or stop in the middle of a body. QHttpServer still parses the requests
// and routes them.

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 303:
        return QByteArrayLiteral("See Other");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 308:
        return QByteArrayLiteral("Permanent Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status ") + QByteArray::number(status);
    }
}

QString methodName(const QHttpServerRequest& request)
{
    const QMetaEnum meta = QMetaEnum::fromType<QHttpServerRequest::Method>();
    const char* key = meta.valueToKey(static_cast<int>(request.method()));
    return key ? QString::fromLatin1(key).toUpper() : QStringLiteral("UNKNOWN");
}

QByteArray headerValue(const QHttpServerRequest& request, const QByteArray& name)
{
    const auto headers = request.headers();
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool isFormBody(const QHttpServerRequest& request)
{
    return headerValue(request, "Content-Type").toLower().contains("application/x-www-form-urlencoded");
}

QJsonObject parseForm(const QByteArray& body)
{
    QJsonObject form;
    for (const auto& field : FormBody::decode(body))
        form.insert(QString::fromUtf8(field.first), QString::fromUtf8(field.second));
    return form;
}

QJsonObject error(const QString& message)
{
    return QJsonObject {{QStringLiteral("error"), message}};
}

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

SandboxServer::SandboxServer(QObject* parent)
    : QObject(parent), m_http(new QHttpServer(this)), m_marketo(std::make_unique<SandboxMarketo>())
{
    setUpRoutes();
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(quint16 preferred, int tries, QString* error)
{
    if (m_tcp) {
        if (error)
            *error = QStringLiteral("The sandbox is already listening on port %1.").arg(port());
        return false;
    }
    tries = qMax(1, tries);
    for (int i = 0; i < tries; ++i) {
        const int candidate = preferred == 0 ? 0 : preferred + i;
        if (candidate > 65535)
            break;
        auto* tcp = new SandboxTcpServer(this);
        if (tcp->listen(QHostAddress::LocalHost, static_cast<quint16>(candidate))) {
            m_tcp = tcp;
            // QHttpServer takes the TCP server over, and only accepts one that listens.
            m_http->bind(m_tcp);
            return true;
        }
        if (error)
            *error = QStringLiteral("Could not listen on 127.0.0.1:%1: %2").arg(candidate).arg(tcp->errorString());
        delete tcp;
        if (preferred == 0)
            break;
    }
    return false;
}

bool SandboxServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 SandboxServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl SandboxServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

int SandboxServer::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

int SandboxServer::maxConcurrentConnections() const
{
    return m_tcp ? m_tcp->maxOpenConnections() : 0;
}

qint64 SandboxServer::totalConnections() const
{
    return m_tcp ? m_tcp->totalConnections() : 0;
}

void SandboxServer::resetStatistics()
{
    if (m_tcp)
        m_tcp->resetMaximum();
    m_requests = 0;
    m_flakyCalls = 0;
}

void SandboxServer::writeHead(QTcpSocket* socket, int status, const Headers& headers)
{
    QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reasonPhrase(status)
                      + QByteArrayLiteral("\r\n");
    for (const auto& header : headers)
        head += header.first + QByteArrayLiteral(": ") + header.second + QByteArrayLiteral("\r\n");
    head += QByteArrayLiteral("\r\n");
    socket->write(head);
}

void SandboxServer::served(const QHttpServerRequest& request, int status)
{
    ++m_requests;
    emit requestServed(methodName(request), request.url().path(), status);
}

void SandboxServer::respond(QTcpSocket* socket,
                            const QHttpServerRequest& request,
                            int status,
                            const QByteArray& body,
                            const QByteArray& contentType,
                            const Headers& extraHeaders)
{
    Headers headers;
    if (!contentType.isEmpty())
        headers.append({QByteArrayLiteral("Content-Type"), contentType});
    headers.append(extraHeaders);
    const bool noBody = status == 204 || status == 304;
    if (!noBody)
        headers.append({QByteArrayLiteral("Content-Length"), QByteArray::number(body.size())});
    const bool close = headerValue(request, "Connection").toLower() == "close";
    if (close)
        headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
    writeHead(socket, status, headers);
    if (!noBody && request.method() != QHttpServerRequest::Method::Head)
        socket->write(body);
    if (close)
        socket->disconnectFromHost();
    served(request, status);
}

QByteArray SandboxServer::echo(const QHttpServerRequest& request) const
{
    QJsonObject out;
    out.insert(QStringLiteral("method"), methodName(request));
    out.insert(QStringLiteral("path"), request.url().path(QUrl::FullyEncoded));
    out.insert(QStringLiteral("query"), request.url().query(QUrl::FullyEncoded));
    QJsonObject args;
    const auto items = request.query().queryItems(QUrl::FullyDecoded);
    for (const auto& item : items)
        args.insert(item.first, item.second);
    out.insert(QStringLiteral("args"), args);
    QJsonArray headers;
    const auto requestHeaders = request.headers();
    for (const auto& header : requestHeaders) {
        headers.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(header.first)},
                                    {QStringLiteral("value"), QString::fromUtf8(header.second)}});
    }
    out.insert(QStringLiteral("headers"), headers);
    const QByteArray body = request.body();
    out.insert(QStringLiteral("body"), QString::fromUtf8(body));
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && !body.trimmed().isEmpty())
        out.insert(QStringLiteral("json"), json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()));
    else
        out.insert(QStringLiteral("json"), QJsonValue::Null);
    out.insert(QStringLiteral("form"), isFormBody(request) ? QJsonValue(parseForm(body)) : QJsonValue::Null);
    return QJsonDocument(out).toJson(QJsonDocument::Indented);
}

QString SandboxServer::emailOf(const QHttpServerRequest& request) const
{
    const QString fromQuery = request.query().queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded);
    if (!fromQuery.isEmpty())
        return fromQuery;
    const QByteArray body = request.body();
    if (isFormBody(request))
        return parseForm(body).value(QStringLiteral("email")).toString();
    const QJsonDocument json = QJsonDocument::fromJson(body);
    if (json.isObject()) {
        // Any spelling of "email" at the top level or in a "lead" object: templates
        // name it as they like ("Email", "email", "lead": {"email": ...}).
        const QJsonObject object = json.object();
        const QJsonObject lead = object.value(QStringLiteral("lead")).toObject();
        for (const QJsonObject& candidate : {object, lead}) {
            for (auto it = candidate.begin(); it != candidate.end(); ++it) {
                if (it.key().compare(QLatin1String("email"), Qt::CaseInsensitive) == 0
                    || it.key().compare(QLatin1String("emailAddress"), Qt::CaseInsensitive) == 0)
                    return it.value().toString();
            }
        }
        return {};
    }
    // No Content-Type: accept a form body too.
    if (body.contains('='))
        return parseForm(body).value(QStringLiteral("email")).toString();
    return {};
}

void SandboxServer::setUpRoutes()
{
    using Handler = void (SandboxServer::*)(const QHttpServerRequest&, QTcpSocket*);
    const auto route = [this](const QString& path, Handler handler) {
        m_http->route(path, [this, handler](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            (this->*handler)(request, responder.socket());
        });
    };
    using NumberHandler = void (SandboxServer::*)(int, const QHttpServerRequest&, QTcpSocket*);
    const auto routeNumber = [this](const QString& path, NumberHandler handler) {
        m_http->route(path,
                      [this, handler](int number, const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                          (this->*handler)(number, request, responder.socket());
                      });
    };
    route(QStringLiteral("/"), &SandboxServer::serveIndex);
    route(QStringLiteral("/echo"), &SandboxServer::serveEcho);
    route(QStringLiteral("/enrich"), &SandboxServer::serveEnrich);
    route(QStringLiteral("/enrich.xml"), &SandboxServer::serveEnrichXml);
    routeNumber(QStringLiteral("/status/<arg>"), &SandboxServer::serveStatus);
    routeNumber(QStringLiteral("/delay/<arg>"), &SandboxServer::serveDelay);
    routeNumber(QStringLiteral("/redirect/<arg>"), &SandboxServer::serveRedirect);
    route(QStringLiteral("/large"), &SandboxServer::serveLarge);
    route(QStringLiteral("/flaky"), &SandboxServer::serveFlaky);
    route(QStringLiteral("/auth"), &SandboxServer::serveAuth);
    route(QStringLiteral("/close"), &SandboxServer::serveClose);
    // Marketo's paths have any depth, which QHttpServer's rules cannot match; the rest
    // keep QHttpServer's own 404.
    m_http->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        const QString path = request.url().path();
        if (path == QLatin1String("/marketo") || path.startsWith(QLatin1String("/marketo/")))
            serveMarketo(request, responder.socket());
        else
            responder.write(QHttpServerResponder::StatusCode::NotFound);
    });
}

void SandboxServer::respondError(QTcpSocket* socket,
                                 const QHttpServerRequest& request,
                                 int status,
                                 const QString& message,
                                 const Headers& extraHeaders)
{
    respond(socket, request, status, toJson(error(message)), kJson, extraHeaders);
}

void SandboxServer::serveIndex(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QJsonArray endpoints = {QStringLiteral("/echo"),
                                  QStringLiteral("/enrich"),
                                  QStringLiteral("/enrich.xml"),
                                  QStringLiteral("/status/{code}"),
                                  QStringLiteral("/delay/{ms}"),
                                  QStringLiteral("/redirect/{n}"),
                                  QStringLiteral("/large?mb=N"),
                                  QStringLiteral("/flaky"),
                                  QStringLiteral("/auth"),
                                  QStringLiteral("/close"),
                                  QStringLiteral("/marketo/identity/oauth/token"),
                                  QStringLiteral("/marketo/rest/v1/leads/describe.json"),
                                  QStringLiteral("/marketo/rest/v1/leads.json"),
                                  QStringLiteral("/marketo/rest/v1/lists/{id}/leads.json"),
                                  QStringLiteral("/marketo/rest/asset/v1/programs.json"),
                                  QStringLiteral("/marketo/rest/asset/v1/folder/{id}/tokens.json")};
    respond(socket,
            request,
            200,
            toJson({{QStringLiteral("service"), QStringLiteral("Webhook Designer sandbox")},
                    {QStringLiteral("endpoints"), endpoints}}),
            kJson);
}

void SandboxServer::serveEcho(const QHttpServerRequest& request, QTcpSocket* socket)
{
    respond(socket, request, 200, echo(request), kJson);
}

void SandboxServer::serveEnrich(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString email = emailOf(request);
    if (email.isEmpty()) {
        respondError(socket,
                     request,
                     400,
                     QStringLiteral("No email: send {\"email\": \"...\"} as JSON, email=... as a form, or ?email=..."));
        return;
    }
    const QJsonObject data = SandboxEnrichment::forEmail(email);
    if (data.isEmpty()) {
        respondError(socket, request, 422, QStringLiteral("Not an email address: %1").arg(email));
        return;
    }
    const bool v2 = QUrlQuery(request.url()).queryItemValue(QStringLiteral("shape")) == QLatin1String("v2");
    respond(
        socket, request, 200, toJson({{QStringLiteral("data"), v2 ? SandboxEnrichment::shapeV2(data) : data}}), kJson);
}

void SandboxServer::serveEnrichXml(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QJsonObject data = SandboxEnrichment::forEmail(emailOf(request));
    if (data.isEmpty()) {
        const QByteArray xml = QByteArrayLiteral("<?xml version=\"1.0\"?>\n<error>No valid email in "
                                                 "the request.</error>\n");
        respond(socket, request, 400, xml, QByteArrayLiteral("application/xml"));
        return;
    }
    respond(socket, request, 200, SandboxEnrichment::toXml(data), QByteArrayLiteral("application/xml"));
}

void SandboxServer::serveStatus(int code, const QHttpServerRequest& request, QTcpSocket* socket)
{
    if (code < 200 || code > 599) {
        respondError(socket, request, 400, QStringLiteral("The status must be between 200 and 599."));
        return;
    }
    respond(socket, request, code, toJson({{QStringLiteral("status"), code}}), kJson);
}

void SandboxServer::serveDelay(int ms, const QHttpServerRequest& request, QTcpSocket* socket)
{
    const int delay = qBound(0, ms, 300000);
    const QByteArray body = toJson({{QStringLiteral("delayedMs"), delay}});
    const bool close = headerValue(request, "Connection").toLower() == "close";
    const QString path = request.url().path();
    const QString method = methodName(request);
    // The request object dies with this call; the timer needs only the socket, and is
    // cancelled with it when the client gives up.
    QPointer<QTcpSocket> alive = socket;
    // Precise: /delay/ms answers no sooner than asked, so timeout tests mean what they say.
    QTimer::singleShot(delay, Qt::PreciseTimer, socket, [this, alive, body, close, path, method] {
        if (!alive)
            return;
        Headers headers = {{QByteArrayLiteral("Content-Type"), kJson},
                           {QByteArrayLiteral("Content-Length"), QByteArray::number(body.size())}};
        if (close)
            headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
        writeHead(alive, 200, headers);
        alive->write(body);
        if (close)
            alive->disconnectFromHost();
        ++m_requests;
        emit requestServed(method, path, 200);
    });
}

void SandboxServer::serveRedirect(int n, const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QUrlQuery query = request.query();
    const QString to = query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded);
    if (n <= 0) {
        respond(socket, request, 200, toJson({{QStringLiteral("redirected"), true}}), kJson);
        return;
    }
    int status = query.queryItemValue(QStringLiteral("status")).toInt();
    if (status != 301 && status != 303 && status != 307 && status != 308)
        status = 302;
    QByteArray location;
    if (n == 1 && !to.isEmpty()) {
        location = to.toUtf8();
    } else {
        location = QByteArrayLiteral("/redirect/") + QByteArray::number(n - 1);
        const QByteArray rest = request.url().query(QUrl::FullyEncoded).toUtf8();
        if (!rest.isEmpty())
            location += '?' + rest;
    }
    respond(socket,
            request,
            status,
            toJson({{QStringLiteral("location"), QString::fromUtf8(location)}}),
            kJson,
            {{QByteArrayLiteral("Location"), location}});
}

void SandboxServer::serveLarge(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QUrlQuery query = request.query();
    qint64 size = query.queryItemValue(QStringLiteral("bytes")).toLongLong();
    if (size <= 0)
        size = qMax<qint64>(1, query.queryItemValue(QStringLiteral("mb")).toLongLong()) * 1024 * 1024;
    const bool gzip = query.queryItemValue(QStringLiteral("gzip")) == QLatin1String("1");
    constexpr qint64 maxPlain = 4LL * 1024 * 1024 * 1024;
    constexpr qint64 maxGzip = 64LL * 1024 * 1024;
    if (size > (gzip ? maxGzip : maxPlain) || size < SandboxLargeBody::minimumSize) {
        respondError(socket,
                     request,
                     400,
                     QStringLiteral("The size must be between %1 bytes and %2 MiB.")
                         .arg(SandboxLargeBody::minimumSize)
                         .arg((gzip ? maxGzip : maxPlain) / (1024 * 1024)));
        return;
    }
    if (gzip) {
        respond(socket,
                request,
                200,
                GzipEncoder::compress(SandboxLargeBody::generate(size)),
                kJson,
                {{QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip")}});
        return;
    }
    writeHead(
        socket,
        200,
        {{QByteArrayLiteral("Content-Type"), kJson}, {QByteArrayLiteral("Content-Length"), QByteArray::number(size)}});
    if (request.method() != QHttpServerRequest::Method::Head)
        (new SandboxLargeBody(size))->streamTo(socket);
    served(request, 200);
}

void SandboxServer::serveFlaky(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const qint64 call = ++m_flakyCalls;
    if (call % 2 == 1) {
        respond(socket,
                request,
                503,
                toJson({{QStringLiteral("error"), QStringLiteral("Temporarily unavailable, try again.")},
                        {QStringLiteral("call"), call}}),
                kJson);
        return;
    }
    respond(socket, request, 200, toJson({{QStringLiteral("ok"), true}, {QStringLiteral("call"), call}}), kJson);
}

void SandboxServer::serveAuth(const QHttpServerRequest& request, QTcpSocket* socket)
{
    if (headerValue(request, "Authorization") == m_expectedAuthorization) {
        respond(socket, request, 200, toJson({{QStringLiteral("authenticated"), true}}), kJson);
        return;
    }
    respondError(socket,
                 request,
                 401,
                 QStringLiteral("Missing or wrong Authorization header."),
                 {{QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"sandbox\"")}});
}

void SandboxServer::serveClose(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QByteArray part = QByteArrayLiteral("{\"data\": {\"company\": \"Half");
    writeHead(socket, 200, {{QByteArrayLiteral("Content-Type"), kJson}, {QByteArrayLiteral("Content-Length"), "1000"}});
    socket->write(part);
    // disconnectFromHost() sends what is buffered first, then closes: the client sees part
    // of the promised 1000 bytes and then the end of the connection.
    socket->disconnectFromHost();
    served(request, 200);
}

void SandboxServer::serveMarketo(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString path = request.url().path(QUrl::FullyDecoded).mid(int(qstrlen("/marketo")));
    const SandboxMarketo::Response response = m_marketo->handle(
        methodName(request), path, request.url().query(QUrl::FullyEncoded), request.headers(), request.body());
    respond(socket, request, response.status, response.body, QByteArrayLiteral("application/json;charset=UTF-8"));
}
