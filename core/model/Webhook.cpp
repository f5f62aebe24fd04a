#include "Webhook.h"

#include <QCoreApplication>
#include <QStringList>

namespace WebhookEnums {

QString name(RequestType type)
{
    switch (type) {
    case RequestType::Get:
        return QStringLiteral("GET");
    case RequestType::Post:
        return QStringLiteral("POST");
    case RequestType::Put:
        return QStringLiteral("PUT");
    case RequestType::Patch:
        return QStringLiteral("PATCH");
    case RequestType::Delete:
        return QStringLiteral("DELETE");
    }
    return QStringLiteral("POST");
}

QString name(TokenEncoding encoding)
{
    switch (encoding) {
    case TokenEncoding::None:
        return QStringLiteral("none");
    case TokenEncoding::Json:
        return QStringLiteral("json");
    case TokenEncoding::FormUrl:
        return QStringLiteral("form-url");
    }
    return QStringLiteral("none");
}

QString name(ResponseType type)
{
    switch (type) {
    case ResponseType::None:
        return QStringLiteral("none");
    case ResponseType::Json:
        return QStringLiteral("json");
    case ResponseType::Xml:
        return QStringLiteral("xml");
    }
    return QStringLiteral("none");
}

QString label(TokenEncoding encoding)
{
    switch (encoding) {
    case TokenEncoding::None:
        return QCoreApplication::translate("WebhookEnums", "None");
    case TokenEncoding::Json:
        return QCoreApplication::translate("WebhookEnums", "JSON");
    case TokenEncoding::FormUrl:
        return QCoreApplication::translate("WebhookEnums", "Form/Url");
    }
    return {};
}

QString label(ResponseType type)
{
    switch (type) {
    case ResponseType::None:
        return QCoreApplication::translate("WebhookEnums", "None");
    case ResponseType::Json:
        return QCoreApplication::translate("WebhookEnums", "JSON");
    case ResponseType::Xml:
        return QCoreApplication::translate("WebhookEnums", "XML");
    }
    return {};
}

std::optional<RequestType> requestTypeFromName(const QString& n)
{
    for (auto t : {RequestType::Get, RequestType::Post, RequestType::Put, RequestType::Patch, RequestType::Delete}) {
        if (n.compare(name(t), Qt::CaseInsensitive) == 0) {
            return t;
        }
    }
    return std::nullopt;
}

std::optional<TokenEncoding> encodingFromName(const QString& n)
{
    for (auto e : {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl}) {
        if (n.compare(name(e), Qt::CaseInsensitive) == 0) {
            return e;
        }
    }
    return std::nullopt;
}

std::optional<ResponseType> responseTypeFromName(const QString& n)
{
    for (auto t : {ResponseType::None, ResponseType::Json, ResponseType::Xml}) {
        if (n.compare(name(t), Qt::CaseInsensitive) == 0) {
            return t;
        }
    }
    return std::nullopt;
}

QStringList requestTypeNames()
{
    return {QStringLiteral("GET"),
            QStringLiteral("POST"),
            QStringLiteral("PUT"),
            QStringLiteral("PATCH"),
            QStringLiteral("DELETE")};
}

QStringList encodingNames()
{
    return {QStringLiteral("none"), QStringLiteral("json"), QStringLiteral("form-url")};
}

QStringList responseTypeNames()
{
    return {QStringLiteral("none"), QStringLiteral("json"), QStringLiteral("xml")};
}

} // namespace WebhookEnums

QList<Check> Webhook::effectiveChecks() const
{
    if (!checks.isEmpty())
        return checks;
    return {Check::status(QStringLiteral("2xx"))};
}
