#include "TrustedCertificate.h"

#include <QUrl>

bool TrustedCertificate::appliesTo(const QString& urlHost) const
{
    if (!isSet() || urlHost.isEmpty())
        return false;
    // The ASCII form makes "bücher.example" and "xn--bcher-kva.example" one host.
    return QUrl::toAce(host).compare(QUrl::toAce(urlHost), Qt::CaseInsensitive) == 0
           || host.compare(urlHost, Qt::CaseInsensitive) == 0;
}

QString TrustedCertificate::fingerprintText(const QByteArray& sha256)
{
    if (sha256.size() != digestSize)
        return {};
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QByteArray TrustedCertificate::parseFingerprint(const QString& text)
{
    const QString trimmed = text.trimmed();
    QString digits;
    if (trimmed.contains(QLatin1Char(':'))) {
        // Pairs only: "A:BC:..." is more likely a typo than a fingerprint.
        const QStringList pairs = trimmed.split(QLatin1Char(':'));
        if (pairs.size() != digestSize)
            return {};
        for (const QString& pair : pairs) {
            if (pair.size() != 2)
                return {};
        }
        digits = pairs.join(QString());
    } else {
        digits = trimmed;
    }
    if (digits.size() != 2 * digestSize)
        return {};
    for (const QChar c : qAsConst(digits)) {
        const bool hex = (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                         || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
                         || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
        if (!hex)
            return {};
    }
    return QByteArray::fromHex(digits.toLatin1());
}

QString TrustedCertificate::hostProblem(const QString& host)
{
    if (host.trimmed().isEmpty())
        return tr("a trusted certificate needs a host (e.g. \"dev.example.com\")");
    if (host.contains(QLatin1String("://")))
        return tr("expected a host name without the scheme (e.g. \"dev.example.com\"), found \"%1\"").arg(host);
    for (const QChar c : host) {
        if (c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char('[')
            || c == QLatin1Char(']') || c == QLatin1Char('?') || c == QLatin1Char('#')) {
            return tr("expected a host name without path or brackets (e.g. \"dev.example.com\"), found "
                      "\"%1\"")
                .arg(host);
        }
    }
    // One colon is a port; an IPv6 address has at least two.
    if (host.count(QLatin1Char(':')) == 1)
        return tr("expected a host name without the port (e.g. \"dev.example.com\"), found \"%1\"").arg(host);
    return {};
}
