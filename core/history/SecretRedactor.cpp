#include "SecretRedactor.h"

#include "template/TokenEncoder.h"

#include <QSet>
#include <QUrl>

#include <algorithm>

SecretRedactor::SecretRedactor(const Workspace& workspace, const Webhook& webhook)
{
    m_headerNames = {QStringLiteral("authorization"), QStringLiteral("proxy-authorization"), QStringLiteral("cookie")};
    for (const Header& header : webhook.headers) {
        if (header.secret && !m_headerNames.contains(header.name.trimmed().toLower()))
            m_headerNames.append(header.name.trimmed().toLower());
    }
    for (const ContextValue& value : workspace.context.my.values) {
        if (value.secret)
            addSecretValue(value.value);
    }
}

QString SecretRedactor::placeholder()
{
    return QStringLiteral("••••••");
}

bool SecretRedactor::isSecretHeader(const QByteArray& name) const
{
    return m_headerNames.contains(QString::fromLatin1(name).trimmed().toLower());
}

void SecretRedactor::addSecretValue(const QString& value)
{
    if (value.size() < minimumSecretLength)
        return;
    QSet<QByteArray> forms(m_needles.begin(), m_needles.end());
    const QByteArray json = TokenEncoder::jsonString(value);
    forms.insert(value.toUtf8());
    forms.insert(json.mid(1, json.size() - 2)); // without the quotes
    forms.insert(TokenEncoder::formUrl(value));
    forms.insert(TokenEncoder::urlComponent(value).toUtf8());
    forms.insert(QUrl::toPercentEncoding(value));
    forms.remove(QByteArray());
    m_needles = QList<QByteArray>(forms.begin(), forms.end());
    // Longest first, so that a form containing another is replaced whole.
    std::sort(m_needles.begin(), m_needles.end(), [](const QByteArray& a, const QByteArray& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
}

QByteArray SecretRedactor::redact(const QByteArray& text) const
{
    if (m_needles.isEmpty())
        return text;
    QByteArray out = text;
    const QByteArray mask = placeholder().toUtf8();
    for (const QByteArray& needle : m_needles)
        out.replace(needle, mask);
    return out;
}

QString SecretRedactor::redact(const QString& text) const
{
    return m_needles.isEmpty() ? text : QString::fromUtf8(redact(text.toUtf8()));
}

CallResult SecretRedactor::redact(const CallResult& call) const
{
    return withHeadersOf(call).redactWith(call);
}

SecretRedactor SecretRedactor::withHeadersOf(const CallResult& call) const
{
    // A secret header's value may come back elsewhere (an echo in the response body):
    // it is a secret value too, as is the credential after an auth scheme ("Bearer x").
    SecretRedactor all = *this;
    for (const auto& header : call.requestHeaders) {
        if (!isSecretHeader(header.first))
            continue;
        const QString value = QString::fromUtf8(header.second).trimmed();
        all.addSecretValue(value);
        const int space = value.indexOf(QLatin1Char(' '));
        if (space > 0)
            all.addSecretValue(value.mid(space + 1).trimmed());
    }
    return all;
}

CallResult SecretRedactor::redactWith(const CallResult& call) const
{
    CallResult out = call;
    out.url = redact(call.url);
    const QByteArray mask = placeholder().toUtf8();
    for (auto& header : out.requestHeaders)
        header.second = isSecretHeader(header.first) ? mask : redact(header.second);
    out.requestBody = redact(call.requestBody);
    for (auto& header : out.responseHeaders)
        header.second = header.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0 ? mask : redact(header.second);
    out.body = redact(call.body);
    for (RedirectHop& hop : out.redirects) {
        hop.location = redact(hop.location);
        hop.url = redact(hop.url);
    }
    out.errorMessage = redact(call.errorMessage);
    return out;
}
