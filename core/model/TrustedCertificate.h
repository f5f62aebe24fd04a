#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// The one self-signed certificate a workspace trusts, for one host: the host name as it
// appears in a webhook's URL and the SHA-256 digest of the certificate's DER form. Plain
// data; the workspace file spells the digest as a fingerprint ("AB:CD:...", 32 pairs).
//
// Trust is explicit and narrow: HttpClient accepts a TLS error only when the URL's host
// is `host` (case-insensitively) and the server's certificate has exactly this digest.
struct TrustedCertificate
{
    QString host;
    QByteArray sha256; // 32 raw bytes
    QJsonObject extra; // unknown keys in the file, kept on save

    bool isSet() const { return !host.isEmpty() && sha256.size() == digestSize; }
    // Whether a call to `urlHost` (as QUrl::host() gives it) is covered.
    bool appliesTo(const QString& urlHost) const;

    bool operator==(const TrustedCertificate& other) const
    {
        return host == other.host && sha256 == other.sha256 && extra == other.extra;
    }
    bool operator!=(const TrustedCertificate& other) const { return !(*this == other); }

    static constexpr int digestSize = 32;
    // "AB:CD:..." (upper case, colon-separated) for 32 bytes; empty for anything else.
    static QString fingerprintText(const QByteArray& sha256);
    // 64 hexadecimal digits in either case, either all run together or as 32 pairs
    // separated by colons; surrounding spaces are ignored. Empty when the text is not that.
    static QByteArray parseFingerprint(const QString& text);
    // Why a host cannot be trusted as written, or an empty string. A host is a name or an
    // address as in a URL, without scheme, port, path or brackets.
    static QString hostProblem(const QString& host);

    Q_DECLARE_TR_FUNCTIONS(TrustedCertificate) // last: it ends in private:
};
