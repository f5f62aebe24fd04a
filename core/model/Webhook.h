#pragma once

#include "model/Check.h"
#include "model/ResponseShape.h"
#include "model/WebhookTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// A custom header. Token values in `value` are inserted raw. A secret header's value is
// masked in the window, kept in the keychain rather than the workspace file, and kept out
// of history and exports.
struct Header
{
    QString name;
    QString value;
    bool secret = false;
    QJsonObject extra;    // unknown keys from the file, kept on save
    bool missing = false; // a secret whose value was found nowhere; see ContextValue
};

// One response mapping: a Marketo response attribute path and the API name of the lead
// field it writes.
struct ResponseMapping
{
    QString attribute;
    QString field;
    QJsonObject extra;
};

// One webhook as Marketo's admin defines it.
struct Webhook
{
    QString name;
    QString description;
    QString url;
    RequestType requestType = RequestType::Post;
    QString payloadTemplate;
    TokenEncoding requestTokenEncoding = TokenEncoding::None;
    ResponseType responseType = ResponseType::None;
    QList<Header> headers;
    QList<ResponseMapping> responseMappings;
    QList<Check> checks;
    // The shape of a response the user accepted; later responses are compared with it.
    std::optional<ResponseShape> baseline;
    QJsonObject extra;

    // Marketo sends the payload only for POST, PUT, PATCH and DELETE.
    bool sendsBody() const { return requestType != RequestType::Get; }
    // The checks a call is judged by: `checks`, or status 2xx when there are none.
    QList<Check> effectiveChecks() const;
};

// The workspace file's spellings of the enums: "GET", "json", "form-url", "xml", ...
namespace WebhookEnums {
QString name(RequestType type);
QString name(TokenEncoding encoding);
QString name(ResponseType type);
// What the window shows, translated when a translator is installed: "Form/Url",
// "JSON", "None", ...
QString label(TokenEncoding encoding);
QString label(ResponseType type);
std::optional<RequestType> requestTypeFromName(const QString& name);
std::optional<TokenEncoding> encodingFromName(const QString& name);
std::optional<ResponseType> responseTypeFromName(const QString& name);
QStringList requestTypeNames();
QStringList encodingNames();
QStringList responseTypeNames();
} // namespace WebhookEnums
