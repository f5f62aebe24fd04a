#include "SandboxTcpServer.h"

#include <QTcpSocket>

SandboxTcpServer::SandboxTcpServer(QObject* parent) : QTcpServer(parent) { }

SandboxTcpServer::~SandboxTcpServer() = default;

void SandboxTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    m_sockets.insert(socket);
    ++m_open;
    ++m_total;
    m_max = qMax(m_max, m_open);
    // A socket is released when the peer goes away or when QHttpServer deletes it,
    // whichever comes first; the set makes sure it is counted down only once.
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { release(socket); });
    connect(socket, &QObject::destroyed, this, [this](QObject* object) { release(object); });
    addPendingConnection(socket);
}

void SandboxTcpServer::release(QObject* socket)
{
    if (m_sockets.remove(socket))
        --m_open;
}
