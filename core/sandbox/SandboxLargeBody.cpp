#include "SandboxLargeBody.h"

#include <QTcpSocket>

namespace {
const QByteArray kFooterStart = QByteArrayLiteral("],\"pad\":\"");
const QByteArray kFooterEnd = QByteArrayLiteral("\"}");
constexpr qint64 kSocketChunk = 256 * 1024;
} // namespace

SandboxLargeBody::SandboxLargeBody(qint64 size, QObject* parent) : QObject(parent), m_size(qMax(size, minimumSize)) { }

SandboxLargeBody::~SandboxLargeBody() = default;

QByteArray SandboxLargeBody::nextPiece()
{
    if (m_produced == 0 && m_item == 0 && m_pending.isEmpty()) {
        ++m_item; // the prefix counts as the first step
        return QByteArrayLiteral("{\"size\":") + QByteArray::number(m_size) + QByteArrayLiteral(",\"items\":[");
    }
    const qint64 footerMin = kFooterStart.size() + kFooterEnd.size();
    const qint64 remaining = m_size - m_produced - m_pending.size();
    const qint64 id = m_item - 1;
    QByteArray item = (id > 0 ? QByteArrayLiteral(",") : QByteArray()) + QByteArrayLiteral("{\"id\":")
                      + QByteArray::number(id) + QByteArrayLiteral(",\"email\":\"lead")
                      + QByteArray::number(id).rightJustified(8, '0') + QByteArrayLiteral("@example.com\",\"score\":")
                      + QByteArray::number(id % 1000) + QByteArrayLiteral("}");
    if (remaining - item.size() >= footerMin) {
        ++m_item;
        return item;
    }
    // The padding makes the size exact whatever room the last item left.
    m_footerDone = true;
    return kFooterStart + QByteArray(remaining - footerMin, 'x') + kFooterEnd;
}

QByteArray SandboxLargeBody::next(qint64 maxBytes)
{
    while (m_pending.size() < maxBytes && !m_footerDone)
        m_pending += nextPiece();
    const QByteArray out = m_pending.left(maxBytes);
    m_pending.remove(0, out.size());
    m_produced += out.size();
    return out;
}

QByteArray SandboxLargeBody::generate(qint64 size)
{
    SandboxLargeBody body(size);
    return body.next(body.size());
}

void SandboxLargeBody::streamTo(QTcpSocket* socket)
{
    m_socket = socket;
    setParent(socket);
    connect(socket, &QTcpSocket::bytesWritten, this, &SandboxLargeBody::pump);
    pump();
}

void SandboxLargeBody::pump()
{
    if (!m_socket)
        return;
    // Keep about one chunk queued: enough to keep the socket busy, little memory.
    while (!atEnd() && m_socket->bytesToWrite() < kSocketChunk)
        m_socket->write(next(kSocketChunk));
    if (atEnd())
        deleteLater();
}
