#pragma once

#include "http/WireHeader.h"
#include "template/RenderedRequest.h"

#include <QByteArray>
#include <QList>
#include <QPair>

class QUrl;

// The one prediction of the headers Qt's HTTP stack (QNetworkAccessManager over HTTP/1.1)
// adds to a request: the preview shows it, and HttpClient reports it as the request that
// went over the wire.
//
// Qt adds Host (first), then after the request's own headers Content-Length (when a body
// is sent, even an empty one), Connection, Accept-Encoding, Accept-Language and
// User-Agent; an own header of the same name replaces Qt's. The initial values are Qt
// 6.4's defaults; learn() replaces them with what went over the wire (probed(), or a real
// call's CallResult::requestHeaders), since Accept-Encoding depends on the decoders Qt was
// built with and Accept-Language on the system locale.
class HttpStackHeaders
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    HttpStackHeaders();

    // The whole header list in wire order for a request to `url` with these own headers.
    Headers onWire(const QUrl& url, const Headers& own, bool hasBody, qsizetype bodySize) const;
    // The same for a rendered request, as rows: its own headers marked addedByStack = false.
    QList<WireHeader> rows(const RenderedRequest& request) const;
    // Takes Connection, Accept-Encoding, Accept-Language and User-Agent from the headers
    // of a request as actually sent.
    void learn(const Headers& sentHeaders);

    // The headers this process's Qt adds, Host left out: the first use sends one request
    // to a throw-away loopback server in a worker thread and records what arrived (Qt
    // 6.4's defaults when that fails). Thread-safe; blocks only the first time.
    static const Headers& probed();

    // Qt's Accept-Language for the system locale: "en,*" for C, "en-GB,*", "de-DE,en,*".
    static QString acceptLanguage();
    // "host" or "host:port" as Qt writes it for a URL; empty when the URL has no host.
    static QString hostHeader(const QString& url);
    static QString hostHeader(const QUrl& url);

private:
    QList<WireHeader>
    predict(const QString& host, const QList<WireHeader>& own, bool hasBody, qsizetype bodySize) const;
    static Headers probe();

    QList<QPair<QString, QString>> m_trailing; // Connection ... User-Agent, in wire order
};
