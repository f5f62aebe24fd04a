#pragma once

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>

// An HTTPS server for tests. By default it serves the self-signed certificate in
// tests/data (CN=localhost, for localhost and 127.0.0.1); `certificate` names another pair
// in tests/data, such as "tls/expired" (see tests/data/README.md). It answers every request
// with `body` (JSON) and closes the connection, so each call makes a new TLS handshake.
// Listen on 127.0.0.1 port 0.
class TlsTestServer : public QSslServer
{
public:
    explicit TlsTestServer(const QByteArray& body = QByteArrayLiteral("{\"tls\":true}"),
                           const QString& certificateName = QStringLiteral("live-selfsigned"))
        : m_body(body)
    {
        QFile certFile(QStringLiteral(WD_TEST_DATA "/") + certificateName + QStringLiteral(".crt"));
        QFile keyFile(QStringLiteral(WD_TEST_DATA "/") + certificateName + QStringLiteral(".key"));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return;
        certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        setSslConfiguration(configuration);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->peek(1 << 16).contains("\r\n\r\n"))
                        return;
                    socket->readAll();
                    ++answered;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: "
                                  + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QByteArray sha256() const { return certificate.digest(QCryptographicHash::Sha256); }

    QSslCertificate certificate;
    int answered = 0; // requests answered (each after a successful handshake)

private:
    QByteArray m_body;
};
