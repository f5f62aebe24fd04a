#pragma once

#include <QSet>
#include <QTcpServer>

// The listening socket behind the sandbox's QHttpServer. It exists to count connections:
// QHttpServer does not say how many clients are connected, and the batch runner's tests
// need the largest number of simultaneously open connections the server has seen.
class SandboxTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit SandboxTcpServer(QObject* parent = nullptr);
    ~SandboxTcpServer() override;

    int openConnections() const { return m_open; }
    int maxOpenConnections() const { return m_max; }
    qint64 totalConnections() const { return m_total; }
    // Restarts the maximum from the connections open now.
    void resetMaximum() { m_max = m_open; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void release(QObject* socket);

    QSet<QObject*> m_sockets; // open, counted sockets
    int m_open = 0;
    int m_max = 0;
    qint64 m_total = 0;
};
