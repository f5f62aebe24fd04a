#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// The headers Qt's HTTP/1.1 stack adds on its own to a request that does not set them:
// Connection, Accept-Encoding, Accept-Language and User-Agent (Host and Content-Length
// depend on the request and are worked out by HttpClient). Their values depend on how Qt
// was built (which decoders Accept-Encoding lists) and on the system locale, so they are
// not guessed: the first use sends one request to a throw-away loopback server in a
// worker thread and records what arrived. HttpClient uses this to report the request
// exactly as it went over the wire.
class QtRequestDefaults
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // In the order Qt writes them, after the request's own headers. Thread-safe; the
    // probe runs once per process.
    static const Headers& headers();

private:
    static Headers probe();
    static Headers fallback();
};
