#include "HttpStackHeaders.h"

#include <QLocale>
#include <QUrl>

HttpStackHeaders::HttpStackHeaders()
    : m_trailing({
        {QStringLiteral("Connection"), QStringLiteral("Keep-Alive")},
        // Qt's minimum; the decoders a build adds (br, zstd) come in through learn() from
        // QtRequestDefaults' probe or from a real call.
        {QStringLiteral("Accept-Encoding"), QStringLiteral("gzip, deflate")},
        {QStringLiteral("Accept-Language"), acceptLanguage()},
        {QStringLiteral("User-Agent"), QStringLiteral("Mozilla/5.0")},
    })
{
}

QList<WireHeader> HttpStackHeaders::rows(const RenderedRequest& request) const
{
    const auto hasCustom = [&request](const QString& name) {
        return std::any_of(request.headers.begin(), request.headers.end(), [&name](const RenderedHeader& h) {
            return h.name.trimmed().compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    QList<WireHeader> result;
    result.reserve(request.headers.size() + 6);
    const QString host = hostHeader(request.url);
    if (!host.isEmpty() && !hasCustom(QStringLiteral("Host")))
        result.append({QStringLiteral("Host"), host, true, false});
    for (const RenderedHeader& header : request.headers)
        result.append({header.name, header.value, false, header.secret});
    if (request.hasBody && !hasCustom(QStringLiteral("Content-Length")))
        result.append({QStringLiteral("Content-Length"), QString::number(request.body.size()), true, false});
    for (const auto& pair : m_trailing) {
        if (!hasCustom(pair.first))
            result.append({pair.first, pair.second, true, false});
    }
    return result;
}

void HttpStackHeaders::learn(const QList<QPair<QByteArray, QByteArray>>& sentHeaders)
{
    for (auto& pair : m_trailing) {
        for (const auto& sent : sentHeaders) {
            if (QString::fromLatin1(sent.first).compare(pair.first, Qt::CaseInsensitive) == 0)
                pair.second = QString::fromLatin1(sent.second);
        }
    }
}

QString HttpStackHeaders::acceptLanguage()
{
    // Mirrors QHttpNetworkConnectionPrivate::prepareRequest.
    QString locale = QLocale::system().name();
    if (locale == QLatin1String("C"))
        return QStringLiteral("en,*");
    locale.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (locale.startsWith(QLatin1String("en-")))
        return locale + QStringLiteral(",*");
    return locale + QStringLiteral(",en,*");
}

QString HttpStackHeaders::hostHeader(const QString& url)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    // EncodeUnicode gives the punycode form Qt sends for an international domain name.
    QString host = parsed.host(QUrl::EncodeUnicode);
    if (host.contains(QLatin1Char(':')))
        host = QStringLiteral("[%1]").arg(host); // IPv6 literal
    if (parsed.port() != -1)
        host += QStringLiteral(":%1").arg(parsed.port());
    return host;
}
