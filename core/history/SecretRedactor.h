#pragma once

#include "http/CallResult.h"
#include "model/Workspace.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Replaces a webhook's secrets by a placeholder before a call is written anywhere that
// outlives the session (the call history, `run --out`): the values of Authorization,
// Proxy-Authorization, Cookie and the headers marked secret, and the values of the `my.*`
// tokens marked secret wherever they appear (URL, any header, body, and the response,
// which may echo them), raw and in the forms a render gives them: URL-component,
// form/url and JSON-string encoded. Values shorter than minimumSecretLength are not
// searched for (masking every "1" would destroy the record and protect nothing).
class SecretRedactor
{
public:
    static constexpr int minimumSecretLength = 3;

    SecretRedactor() = default;
    SecretRedactor(const Workspace& workspace, const Webhook& webhook);

    static QString placeholder(); // "••••••"

    // Header names whose whole value is masked (lower-case).
    const QStringList& secretHeaderNames() const { return m_headerNames; }
    bool isSecretHeader(const QByteArray& name) const;
    void addSecretValue(const QString& value);

    QByteArray redact(const QByteArray& text) const;
    QString redact(const QString& text) const;
    // A copy with the request (URL, headers, body) and the response (headers, body)
    // redacted; the values of the call's secret headers are searched for too.
    CallResult redact(const CallResult& call) const;
    // A copy that also masks the values the call's secret headers were sent with, and the
    // credential after an auth scheme ("Bearer x"), wherever they appear.
    SecretRedactor withHeadersOf(const CallResult& call) const;

private:
    CallResult redactWith(const CallResult& call) const;

    QStringList m_headerNames;
    QList<QByteArray> m_needles; // every encoded form, longest first
};
