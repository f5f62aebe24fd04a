#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QTcpSocket;

// Generates a valid JSON document of an exact size, piece by piece, and streams it to a
// socket as the socket drains, so `/large?mb=500` costs a few hundred kilobytes of memory
// rather than 500 MB. The document is a list of small lead records padded at the end:
// {"size":N,"items":[{"id":..,"email":"..","score":..},...],"pad":"xxx"}.
class SandboxLargeBody : public QObject
{
    Q_OBJECT

public:
    // The smallest document this generator can produce.
    static constexpr qint64 minimumSize = 64;

    explicit SandboxLargeBody(qint64 size, QObject* parent = nullptr);
    ~SandboxLargeBody() override;

    qint64 size() const { return m_size; }
    bool atEnd() const { return m_produced >= m_size; }
    // The next at most `maxBytes` bytes of the document.
    QByteArray next(qint64 maxBytes);
    // The whole document at once (for the gzip variant, which is bounded in size).
    static QByteArray generate(qint64 size);

    // Writes the document to `socket` (whose headers are already written) as it drains;
    // the object deletes itself when done, or with the socket.
    void streamTo(QTcpSocket* socket);

private:
    void pump();
    QByteArray nextPiece();

    qint64 m_size = 0;
    qint64 m_produced = 0;
    qint64 m_item = 0;
    QByteArray m_pending; // generated but not yet handed out
    bool m_footerDone = false;
    QPointer<QTcpSocket> m_socket;
};
