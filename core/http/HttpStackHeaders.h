#pragma once

#include "http/WireHeader.h"
#include "template/RenderedRequest.h"

#include <QByteArray>
#include <QList>
#include <QPair>

// Predicts the headers Qt's HTTP stack (QNetworkAccessManager over HTTP/1.1) adds to a
// request when it is sent, so the preview shows the request as it goes on the wire.
//
// Qt adds Host (first), then after the custom headers Content-Length (when a body is
// sent, even an empty one), Connection, Accept-Encoding, Accept-Language and User-Agent;
// a custom header of the same name replaces Qt's. The initial values are Qt 6.4's defaults;
// learn() replaces them with what went over the wire (QtRequestDefaults' probe, or a real
// call's CallResult::requestHeaders), since Accept-Encoding depends on the decoders Qt was
// built with.
class HttpStackHeaders
{
public:
    HttpStackHeaders();

    // The whole header list in wire order: custom headers marked addedByStack = false.
    QList<WireHeader> rows(const RenderedRequest& request) const;
    // Takes Connection, Accept-Encoding, Accept-Language and User-Agent from the headers
    // of a request as actually sent.
    void learn(const QList<QPair<QByteArray, QByteArray>>& sentHeaders);

    // Qt's Accept-Language for the system locale: "en,*" for C, "en-GB,*", "de-DE,en,*".
    static QString acceptLanguage();
    // "host" or "host:port" as Qt writes it for a URL; empty when the URL has no host.
    static QString hostHeader(const QString& url);

private:
    QList<QPair<QString, QString>> m_trailing; // Connection ... User-Agent, in wire order
};
