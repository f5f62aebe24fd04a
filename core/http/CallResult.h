#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

// One hop of a redirect chain.
struct RedirectHop
{
    int status = 0;
    QString location; // as the server wrote it
    QString url;      // the absolute URL the next request went to
    // Credentials not forwarded because the next request went to another host.
    QStringList droppedHeaders;
};

// The server's certificate when a call failed its TLS check: what a user needs to decide
// whether to trust it (see TrustedCertificate). Empty (sha256 empty) when there was none.
struct PeerCertificate
{
    QString host;      // the host the call went to (of the redirect hop that failed)
    QByteArray sha256; // SHA-256 of the DER form, 32 raw bytes
    QString subject;   // e.g. "CN=localhost, O=Example"
    QString issuer;
    QDateTime notBefore; // UTC
    QDateTime notAfter;  // UTC
    // Whether trusting this certificate for this host would let the call through: false
    // when the TLS check failed for another reason too (expired, revoked, ...).
    bool trustable = false;

    bool isNull() const { return sha256.isEmpty(); }
    // {"host","sha256" ("AB:CD:..."),"subject","issuer","notBefore","notAfter" (ISO 8601
    // UTC),"trustable"}
    QJsonObject toJson() const;
};

// A live call's outcome: the request as actually sent (with the headers Qt added), the
// response, timings, and a transport error kind when there was no complete response.
struct CallResult
{
    enum class ErrorKind {
        None,
        Timeout,
        ConnectionRefused,
        HostNotFound,
        Tls,
        TooManyRedirects,
        Cancelled,
        ResponseTooLarge,
        ClosedEarly,
        InvalidRequest, // e.g. CR/LF in a header: refused before sending
        Other,
    };

    // The request as sent.
    QString method;
    QString url;
    QList<QPair<QByteArray, QByteArray>> requestHeaders; // including Qt's own
    QByteArray requestBody;

    // The response.
    int status = 0; // 0 when there was none
    QString reason;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QByteArray body;
    qint64 bodySize = 0; // bytes received, even past the cap
    bool bodyTruncated = false;
    QList<RedirectHop> redirects;

    // Timings in milliseconds; -1 where Qt does not tell.
    double connectMs = -1;
    double firstByteMs = -1;
    double totalMs = 0;

    ErrorKind error = ErrorKind::None;
    QString errorMessage; // for a marketer, e.g. "The server did not answer within 30 s."
    // TLS details when error == Tls: reason, certificate subject, issuer, validity dates.
    QString tlsDetails;
    // The server's certificate when error == Tls and the server sent one.
    PeerCertificate tlsCertificate;

    QDateTime startedAt;

    bool isSuccess() const { return error == ErrorKind::None && status >= 200 && status < 300; }
    // The status response mappings go by: 0 unless a complete answer arrived, since a
    // body cut short by a timeout or a dropped connection is not what the server meant.
    int mappingStatus() const { return error == ErrorKind::None ? status : 0; }
    // Marketo's error 1001: a 2xx with an empty body. Whitespace only counts as empty, as in
    // MappingEvaluator: there is nothing in it to map.
    bool isEmpty2xx() const;

    static QString errorKindName(ErrorKind kind); // "timeout", "connection-refused", ...
    // "response": {"status","reason","headers":[{"name","value"}],"body","bodyTruncated",
    // "bodySize","emptyBody2xx","redirects":[{"status","location","url"}],
    // "timings":{"connectMs","firstByteMs","totalMs"}} (status 0 when none arrived).
    QJsonObject responseJson() const;
    // "request": {"method","url","headers":[{"name","value"}],"body"}; the values of the
    // headers named in secretHeaderNames (case-insensitively) are masked.
    QJsonObject requestJson(const QStringList& secretHeaderNames = {}) const;
    // {"kind","message"} or null; a TLS error adds "tls" (the details) and "certificate"
    // (PeerCertificate::toJson()) when the server sent one.
    QJsonValue errorJson() const;
};

Q_DECLARE_METATYPE(CallResult)
