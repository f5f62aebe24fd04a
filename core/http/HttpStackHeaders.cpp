#include "HttpStackHeaders.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>

HttpStackHeaders::HttpStackHeaders()
    : m_trailing({
        {QStringLiteral("Connection"), QStringLiteral("Keep-Alive")},
        // Qt's minimum; the decoders a build adds (br, zstd) come in through learn().
        {QStringLiteral("Accept-Encoding"), QStringLiteral("gzip, deflate")},
        {QStringLiteral("Accept-Language"), acceptLanguage()},
        {QStringLiteral("User-Agent"), QStringLiteral("Mozilla/5.0")},
    })
{
}

QList<WireHeader>
HttpStackHeaders::predict(const QString& host, const QList<WireHeader>& own, bool hasBody, qsizetype bodySize) const
{
    const auto hasOwn = [&own](const QString& name) {
        return std::any_of(own.begin(), own.end(), [&name](const WireHeader& h) {
            return h.name.trimmed().compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    QList<WireHeader> result;
    result.reserve(own.size() + 6);
    if (!host.isEmpty() && !hasOwn(QStringLiteral("Host")))
        result.append({QStringLiteral("Host"), host, true, false});
    result.append(own);
    if (hasBody && !hasOwn(QStringLiteral("Content-Length")))
        result.append({QStringLiteral("Content-Length"), QString::number(bodySize), true, false});
    for (const auto& pair : m_trailing) {
        if (!hasOwn(pair.first))
            result.append({pair.first, pair.second, true, false});
    }
    return result;
}

HttpStackHeaders::Headers
HttpStackHeaders::onWire(const QUrl& url, const Headers& own, bool hasBody, qsizetype bodySize) const
{
    QList<WireHeader> ownRows;
    ownRows.reserve(own.size());
    for (const auto& header : own)
        ownRows.append({QString::fromLatin1(header.first), QString::fromUtf8(header.second), false, false});
    Headers result;
    for (const WireHeader& header : predict(hostHeader(url), ownRows, hasBody, bodySize))
        result.append({header.name.toLatin1(), header.value.toUtf8()});
    return result;
}

QList<WireHeader> HttpStackHeaders::rows(const RenderedRequest& request) const
{
    QList<WireHeader> own;
    own.reserve(request.headers.size());
    for (const RenderedHeader& header : request.headers)
        own.append({header.name, header.value, false, header.secret});
    return predict(hostHeader(request.url), own, request.hasBody, request.body.size());
}

void HttpStackHeaders::learn(const Headers& sentHeaders)
{
    for (auto& pair : m_trailing) {
        for (const auto& sent : sentHeaders) {
            if (QString::fromLatin1(sent.first).compare(pair.first, Qt::CaseInsensitive) == 0)
                pair.second = QString::fromLatin1(sent.second);
        }
    }
}

const HttpStackHeaders::Headers& HttpStackHeaders::probed()
{
    static const Headers cached = [] {
        const Headers found = probe();
        if (!found.isEmpty())
            return found;
        Headers defaults;
        for (const auto& pair : HttpStackHeaders().m_trailing)
            defaults.append({pair.first.toLatin1(), pair.second.toLatin1()});
        return defaults;
    }();
    return cached;
}

HttpStackHeaders::Headers HttpStackHeaders::probe()
{
    Headers result;
    // A thread of its own: the caller may be inside a GUI slot, and a nested event loop
    // there could re-enter the caller's code.
    QThread* thread = QThread::create([&result] {
        QEventLoop loop;
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return;
        QByteArray raw;
        QObject::connect(&server, &QTcpServer::newConnection, &loop, [&server, &raw] {
            QTcpSocket* socket = server.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, &raw] {
                raw += socket->readAll();
                if (raw.contains("\r\n\r\n")) {
                    socket->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                }
            });
        });
        QNetworkAccessManager manager;
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(server.serverPort());
        url.setPath(QStringLiteral("/"));
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        QNetworkReply* reply = manager.sendCustomRequest(request, QByteArrayLiteral("GET"));
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        delete reply;

        const int end = raw.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = raw.left(end).split('\n');
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const int colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            if (name.compare("Host", Qt::CaseInsensitive) == 0)
                continue;
            result.append({name, line.mid(colon + 1).trimmed()});
        }
    });
    thread->start();
    thread->wait();
    delete thread;
    return result;
}

QString HttpStackHeaders::acceptLanguage()
{
    // Mirrors QHttpNetworkConnectionPrivate::prepareRequest.
    QString locale = QLocale::system().name();
    if (locale == QLatin1String("C"))
        return QStringLiteral("en,*");
    locale.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (locale.startsWith(QLatin1String("en-")))
        return locale + QStringLiteral(",*");
    return locale + QStringLiteral(",en,*");
}

QString HttpStackHeaders::hostHeader(const QString& url)
{
    return hostHeader(QUrl(url));
}

QString HttpStackHeaders::hostHeader(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    // EncodeUnicode gives the punycode form Qt sends for an international domain name.
    QString host = url.host(QUrl::EncodeUnicode);
    if (host.contains(QLatin1Char(':')))
        host = QStringLiteral("[%1]").arg(host); // IPv6 literal
    if (url.port() != -1)
        host += QStringLiteral(":%1").arg(url.port());
    return host;
}
