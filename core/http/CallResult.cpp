#include "CallResult.h"

#include "model/TrustedCertificate.h"

#include <QJsonArray>

#include <algorithm>

namespace {

QJsonArray headersJson(const QList<QPair<QByteArray, QByteArray>>& headers, const QStringList& masked = {})
{
    QJsonArray array;
    for (const auto& header : headers) {
        const QString name = QString::fromLatin1(header.first);
        const bool secret = masked.contains(name, Qt::CaseInsensitive);
        array.append(QJsonObject {
            {QStringLiteral("name"), name},
            {QStringLiteral("value"), secret ? QStringLiteral("••••••") : QString::fromUtf8(header.second)}});
    }
    return array;
}

QJsonValue msValue(double ms)
{
    // -1 means "Qt does not tell"; null says that in JSON.
    return ms < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(qRound(ms * 10) / 10.0);
}

} // namespace

QJsonObject PeerCertificate::toJson() const
{
    return QJsonObject {
        {QStringLiteral("host"), host},
        {QStringLiteral("sha256"), TrustedCertificate::fingerprintText(sha256)},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("notBefore"), notBefore.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("notAfter"), notAfter.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("trustable"), trustable},
    };
}

bool CallResult::isEmpty2xx() const
{
    if (!isSuccess())
        return false;
    // Scan rather than trimmed(): a body can be 100 MB, and a copy of it is not needed.
    return std::all_of(body.cbegin(),
                       body.cend(),
                       [](char c) {
                           // The bytes QByteArray::trimmed() drops, which is what MappingEvaluator goes by.
                           return c == ' ' || (c >= '\t' && c <= '\r');
                       })
           && bodySize <= body.size();
}

QString CallResult::errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case ErrorKind::HostNotFound:
        return QStringLiteral("host-not-found");
    case ErrorKind::Tls:
        return QStringLiteral("tls");
    case ErrorKind::TooManyRedirects:
        return QStringLiteral("too-many-redirects");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::ResponseTooLarge:
        return QStringLiteral("response-too-large");
    case ErrorKind::ClosedEarly:
        return QStringLiteral("closed-early");
    case ErrorKind::InvalidRequest:
        return QStringLiteral("invalid-request");
    case ErrorKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QJsonObject CallResult::responseJson() const
{
    QJsonArray hops;
    for (const RedirectHop& hop : redirects) {
        QJsonObject object {{QStringLiteral("status"), hop.status},
                            {QStringLiteral("location"), hop.location},
                            {QStringLiteral("url"), hop.url}};
        if (!hop.droppedHeaders.isEmpty())
            object.insert(QStringLiteral("droppedHeaders"), QJsonArray::fromStringList(hop.droppedHeaders));
        hops.append(object);
    }
    return QJsonObject {
        {QStringLiteral("status"), status},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("headers"), headersJson(responseHeaders)},
        {QStringLiteral("body"), QString::fromUtf8(body)},
        {QStringLiteral("bodyTruncated"), bodyTruncated},
        {QStringLiteral("bodySize"), static_cast<double>(bodySize)},
        {QStringLiteral("emptyBody2xx"), isEmpty2xx()},
        {QStringLiteral("redirects"), hops},
        {QStringLiteral("timings"),
         QJsonObject {{QStringLiteral("connectMs"), msValue(connectMs)},
                      {QStringLiteral("firstByteMs"), msValue(firstByteMs)},
                      {QStringLiteral("totalMs"), msValue(totalMs)}}},
    };
}

QJsonObject CallResult::requestJson(const QStringList& secretHeaderNames) const
{
    return QJsonObject {
        {QStringLiteral("method"), method},
        {QStringLiteral("url"), url},
        {QStringLiteral("headers"), headersJson(requestHeaders, secretHeaderNames)},
        {QStringLiteral("body"), QString::fromUtf8(requestBody)},
    };
}

QJsonValue CallResult::errorJson() const
{
    if (error == ErrorKind::None)
        return QJsonValue::Null;
    QJsonObject object {{QStringLiteral("kind"), errorKindName(error)}, {QStringLiteral("message"), errorMessage}};
    if (!tlsDetails.isEmpty())
        object.insert(QStringLiteral("tls"), tlsDetails);
    if (error == ErrorKind::Tls && !tlsCertificate.isNull())
        object.insert(QStringLiteral("certificate"), tlsCertificate.toJson());
    return object;
}
