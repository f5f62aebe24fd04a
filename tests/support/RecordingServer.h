#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <QTcpSocket>

// An HTTP/1.1 server for tests that keeps every request exactly as it arrived: method,
// request target, headers in order (names as sent) and body bytes (Content-Length or
// chunked). It answers each request 200 with a small JSON body and closes the
// connection. Listens on 127.0.0.1 port 0 only.
class RecordingServer : public QTcpServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        // The value of a header (names compared case-insensitively); empty when absent.
        QByteArray header(const QByteArray& name) const
        {
            for (const auto& h : headers) {
                if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                    return h.second;
                }
            }
            return QByteArray();
        }
        bool has(const QByteArray& name) const
        {
            for (const auto& h : headers) {
                if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                    return true;
                }
            }
            return false;
        }
    };

    RecordingServer()
    {
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
            }
        });
    }

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QByteArray base() const { return "http://127.0.0.1:" + QByteArray::number(serverPort()); }

    QList<Request> requests;

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
            }
        }
        QByteArray rest = buffer.mid(end + 4);
        if (request.header("Transfer-Encoding").toLower() == "chunked") {
            QByteArray body;
            qsizetype at = 0;
            for (;;) {
                const qsizetype lineEnd = rest.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    return;
                }
                bool ok = false;
                const qsizetype size = rest.mid(at, lineEnd - at).split(';').first().toLongLong(&ok, 16);
                if (!ok || rest.size() < lineEnd + 2 + size + 2) {
                    return;
                }
                if (size == 0) {
                    break;
                }
                body += rest.mid(lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            request.body = body;
        } else {
            const qsizetype length = request.header("Content-Length").toLongLong();
            if (rest.size() < length) {
                if (request.header("Expect").toLower() == "100-continue" && !m_continued.contains(socket)) {
                    m_continued.append(socket);
                    socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                }
                return;
            }
            request.body = rest.left(length);
        }
        m_buffers.remove(socket);
        requests.append(request);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
                      "Connection: close\r\n\r\n{\"ok\":true}");
        socket->disconnectFromHost();
    }

    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QTcpSocket*> m_continued;
};
