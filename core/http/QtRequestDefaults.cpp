#include "QtRequestDefaults.h"

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

const QtRequestDefaults::Headers& QtRequestDefaults::headers()
{
    static const Headers cached = [] {
        const Headers probed = probe();
        return probed.isEmpty() ? fallback() : probed;
    }();
    return cached;
}

QtRequestDefaults::Headers QtRequestDefaults::probe()
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

QtRequestDefaults::Headers QtRequestDefaults::fallback()
{
    // What Qt 6.4 writes, in case loopback is unavailable: only Accept-Encoding's list of
    // decoders could differ from the truth.
    QString locale = QLocale::system().name().replace(QLatin1Char('_'), QLatin1Char('-'));
    QByteArray language;
    if (locale == QLatin1String("C"))
        language = QByteArrayLiteral("en,*");
    else if (locale.startsWith(QLatin1String("en-")))
        language = locale.toLatin1() + ",*";
    else
        language = locale.toLatin1() + ",en,*";
    return {{QByteArrayLiteral("Connection"), QByteArrayLiteral("Keep-Alive")},
            {QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("gzip, deflate")},
            {QByteArrayLiteral("Accept-Language"), language},
            {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Mozilla/5.0")}};
}
