#include "PostmanImport.h"

#include "exchange/CurlImport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

// Postman keeps auth parameters as [{"key", "value"}].
QString authValue(const QJsonObject& auth, const QString& type, const QString& key)
{
    const QJsonValue params = auth.value(type);
    if (params.isObject()) { // v2.0
        return params.toObject().value(key).toVariant().toString();
    }
    for (const QJsonValue& p : params.toArray()) {
        if (p.toObject().value(QStringLiteral("key")).toString() == key) {
            return p.toObject().value(QStringLiteral("value")).toVariant().toString();
        }
    }
    return QString();
}

bool enabled(const QJsonObject& entry)
{
    return !entry.value(QStringLiteral("disabled")).toBool(false);
}

bool hasHeader(const Webhook& webhook, const QString& name)
{
    for (const Header& h : webhook.headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

PostmanImport::PostmanImport() = default;

bool PostmanImport::parse(const QByteArray& bytes, QString* error)
{
    m_webhooks.clear();
    m_myTokens.clear();
    m_notes.clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error) {
            *error =
                parseError.error != QJsonParseError::NoError
                    ? tr("the file is not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset)
                    : tr("the file is not a Postman collection: it is not a JSON object");
        }
        return false;
    }
    const QJsonObject root = document.object();
    const QString schema = root.value(QStringLiteral("info")).toObject().value(QStringLiteral("schema")).toString();
    if (!root.value(QStringLiteral("item")).isArray()
        || (!schema.isEmpty() && !schema.contains(QLatin1String("collection/v2")))) {
        if (error) {
            *error = tr("the file is not a Postman collection (v2.1): it has no \"item\" list");
        }
        return false;
    }
    for (const QJsonValue& v : root.value(QStringLiteral("variable")).toArray()) {
        const QJsonObject variable = v.toObject();
        const QString key = variable.value(QStringLiteral("key")).toString();
        if (!key.isEmpty() && !key.startsWith(QLatin1Char('$'))) {
            m_myTokens.append({key, variable.value(QStringLiteral("value")).toVariant().toString(), false, false});
        }
    }
    if (root.contains(QStringLiteral("event"))) {
        m_notes.append(tr("the collection's scripts are not carried: a Marketo webhook runs no scripts"));
    }
    readItems(root.value(QStringLiteral("item")).toArray(), QString(), root.value(QStringLiteral("auth")).toObject());
    if (m_webhooks.isEmpty()) {
        if (error) {
            *error = tr("the collection has no request a Marketo webhook can send");
        }
        return false;
    }
    return true;
}

void PostmanImport::readItems(const QJsonArray& items, const QString& prefix, const QJsonObject& auth)
{
    for (const QJsonValue& v : items) {
        const QJsonObject item = v.toObject();
        const QString name = prefix + item.value(QStringLiteral("name")).toString();
        const QJsonObject itemAuth = item.value(QStringLiteral("auth")).toObject();
        const QJsonObject ownAuth =
            itemAuth.isEmpty() || itemAuth.value(QStringLiteral("type")).toString() == QLatin1String("inherit")
                ? auth
                : itemAuth;
        if (item.contains(QStringLiteral("event"))) {
            m_notes.append(tr("%1: scripts are not carried: a Marketo webhook runs no scripts").arg(name));
        }
        if (item.value(QStringLiteral("item")).isArray()) {
            readItems(item.value(QStringLiteral("item")).toArray(), name + QStringLiteral(" / "), ownAuth);
        } else if (item.contains(QStringLiteral("request"))) {
            readRequest(item, name, ownAuth);
        }
    }
}

QString PostmanImport::tokens(const QString& text, const QString& where)
{
    static const QRegularExpression variable(QStringLiteral("\\{\\{([^{}]+)\\}\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        const QString name = match.captured(1).trimmed();
        if (name.startsWith(QLatin1Char('$'))) {
            m_notes.append(
                tr("%1: the dynamic variable {{%2}} is not carried; it is left as written").arg(where, name));
            out += match.captured(0);
            continue;
        }
        const bool known = std::any_of(m_myTokens.cbegin(), m_myTokens.cend(), [&](const ContextValue& value) {
            return value.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (!known) {
            m_myTokens.append({name, QString(), false, false});
        }
        out += QStringLiteral("{{my.") + name + QStringLiteral("}}");
    }
    out += text.mid(last);
    return out;
}

QString PostmanImport::formBody(const QJsonArray& pairs, const QString& where)
{
    // Literal text is encoded as Postman sends it; {{variables}} stay tokens, which
    // Form/Url encoding encodes when Marketo sends them.
    static const QRegularExpression variable(QStringLiteral("\\{\\{[^{}]+\\}\\}"));
    const auto encode = [&](const QString& text) {
        QString out;
        qsizetype last = 0;
        for (auto it = variable.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            out +=
                QString::fromLatin1(CurlImport::percentEncode(text.mid(last, match.capturedStart() - last).toUtf8()));
            out += tokens(match.captured(0), where);
            last = match.capturedEnd();
        }
        out += QString::fromLatin1(CurlImport::percentEncode(text.mid(last).toUtf8()));
        return out;
    };
    QStringList parts;
    for (const QJsonValue& v : pairs) {
        const QJsonObject pair = v.toObject();
        if (enabled(pair)) {
            parts.append(encode(pair.value(QStringLiteral("key")).toString()) + QLatin1Char('=')
                         + encode(pair.value(QStringLiteral("value")).toVariant().toString()));
        }
    }
    return parts.join(QLatin1Char('&'));
}

void PostmanImport::addAuth(Webhook* webhook, const QJsonObject& auth, const QString& where)
{
    const QString type = auth.value(QStringLiteral("type")).toString();
    if (type.isEmpty() || type == QLatin1String("noauth") || type == QLatin1String("inherit")) {
        return;
    }
    if (type == QLatin1String("bearer")) {
        webhook->headers.append(
            {QStringLiteral("Authorization"),
             QStringLiteral("Bearer ") + tokens(authValue(auth, type, QStringLiteral("token")), where),
             false,
             {},
             false});
    } else if (type == QLatin1String("basic")) {
        const QString user = authValue(auth, type, QStringLiteral("username"));
        const QString password = authValue(auth, type, QStringLiteral("password"));
        if ((user + password).contains(QStringLiteral("{{"))) {
            m_notes.append(tr("%1: basic auth with {{variables}} is not carried: Marketo cannot "
                              "Base64-encode a token; write the Authorization header by hand")
                               .arg(where));
            return;
        }
        webhook->headers.append(
            {QStringLiteral("Authorization"),
             QStringLiteral("Basic ") + QString::fromLatin1((user + QLatin1Char(':') + password).toUtf8().toBase64()),
             false,
             {},
             false});
    } else if (type == QLatin1String("apikey")) {
        const QString key = tokens(authValue(auth, type, QStringLiteral("key")), where);
        const QString value = tokens(authValue(auth, type, QStringLiteral("value")), where);
        if (authValue(auth, type, QStringLiteral("in")) == QLatin1String("query")) {
            webhook->url += (webhook->url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + key
                            + QLatin1Char('=') + value;
        } else {
            webhook->headers.append({key, value, false, {}, false});
        }
    } else {
        m_notes.append(tr("%1: auth of type %2 is not carried (a Marketo webhook sends fixed headers, "
                          "no OAuth flow or signature): add the header it produces by hand")
                           .arg(where, type));
    }
}

void PostmanImport::readRequest(const QJsonObject& item, const QString& name, const QJsonObject& inherited)
{
    const QJsonValue requestValue = item.value(QStringLiteral("request"));
    const QJsonObject request = requestValue.toObject();
    Webhook webhook;
    webhook.name = name.isEmpty() ? tr("Request %1").arg(m_webhooks.size() + 1) : name;
    const QString method = requestValue.isString()
                               ? QStringLiteral("GET")
                               : request.value(QStringLiteral("method")).toString(QStringLiteral("GET")).toUpper();
    const std::optional<RequestType> type = WebhookEnums::requestTypeFromName(method);
    if (!type) {
        m_notes.append(tr("%1: not imported: a Marketo webhook cannot send %2 (only GET, POST, PUT, PATCH "
                          "and DELETE)")
                           .arg(webhook.name, method));
        return;
    }
    webhook.requestType = *type;
    const QJsonValue url = requestValue.isString() ? requestValue : request.value(QStringLiteral("url"));
    QString rawUrl = url.isString() ? url.toString() : url.toObject().value(QStringLiteral("raw")).toString();
    // Marketo percent-encodes a token's value in the URL, so a variable that holds the
    // scheme and host ({{baseUrl}}/path) is written out with its value.
    static const QRegularExpression leading(QStringLiteral("^\\{\\{([^{}$]+)\\}\\}"));
    if (const QRegularExpressionMatch match = leading.match(rawUrl); match.hasMatch()) {
        for (const ContextValue& value : std::as_const(m_myTokens)) {
            if (value.name == match.captured(1).trimmed() && !value.value.isEmpty()) {
                rawUrl.replace(0, match.capturedLength(), value.value);
                m_notes.append(tr("%1: {{%2}} is written out in the URL, since Marketo would "
                                  "percent-encode a token's value there")
                                   .arg(webhook.name, value.name));
                break;
            }
        }
    }
    webhook.url = tokens(rawUrl, webhook.name);
    for (const QJsonValue& v : request.value(QStringLiteral("header")).toArray()) {
        const QJsonObject header = v.toObject();
        if (enabled(header)) {
            webhook.headers.append({tokens(header.value(QStringLiteral("key")).toString(), webhook.name),
                                    tokens(header.value(QStringLiteral("value")).toString(), webhook.name),
                                    false,
                                    {},
                                    false});
        }
    }
    const QJsonObject body = request.value(QStringLiteral("body")).toObject();
    const QString mode = body.value(QStringLiteral("mode")).toString();
    QString contentType;
    if (mode == QLatin1String("raw")) {
        const QString text = body.value(QStringLiteral("raw")).toString();
        webhook.payloadTemplate = tokens(CurlImport::templateText(text), webhook.name);
        const QString language = body.value(QStringLiteral("options"))
                                     .toObject()
                                     .value(QStringLiteral("raw"))
                                     .toObject()
                                     .value(QStringLiteral("language"))
                                     .toString();
        static const QList<QPair<QString, QString>> types = {
            {QStringLiteral("json"), QStringLiteral("application/json")},
            {QStringLiteral("xml"), QStringLiteral("application/xml")},
            {QStringLiteral("html"), QStringLiteral("text/html")},
            {QStringLiteral("javascript"), QStringLiteral("application/javascript")},
            {QStringLiteral("text"), QStringLiteral("text/plain")},
        };
        for (const auto& [lang, mime] : types) {
            if (language == lang) {
                contentType = mime;
            }
        }
    } else if (mode == QLatin1String("urlencoded")) {
        webhook.payloadTemplate = formBody(body.value(QStringLiteral("urlencoded")).toArray(), webhook.name);
        webhook.requestTokenEncoding = TokenEncoding::FormUrl;
        contentType = QStringLiteral("application/x-www-form-urlencoded");
    } else if (!mode.isEmpty()) {
        m_notes.append(tr("%1: the %2 body is not carried: a Marketo webhook sends one text body (no "
                          "multipart form, file or GraphQL)")
                           .arg(webhook.name, mode));
    }
    if (!contentType.isEmpty() && !hasHeader(webhook, QStringLiteral("Content-Type"))) {
        webhook.headers.append({QStringLiteral("Content-Type"), contentType, false, {}, false});
    }
    if (!webhook.sendsBody() && !webhook.payloadTemplate.isEmpty()) {
        m_notes.append(tr("%1: the body of a GET request is not sent by Marketo").arg(webhook.name));
    }
    const QJsonObject own = request.value(QStringLiteral("auth")).toObject();
    const bool inherits = own.isEmpty() || own.value(QStringLiteral("type")).toString() == QLatin1String("inherit");
    addAuth(&webhook, inherits ? inherited : own, webhook.name);
    m_webhooks.append(webhook);
}
