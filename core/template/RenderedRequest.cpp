#include "RenderedRequest.h"

#include <QJsonArray>

QJsonObject RenderedRequest::toJson(bool maskSecrets) const
{
    QJsonArray headerArray;
    for (const RenderedHeader& h : headers) {
        headerArray.append(QJsonObject {
            {QStringLiteral("name"), h.name},
            {QStringLiteral("value"), maskSecrets && h.secret ? QStringLiteral("••••••") : h.value},
        });
    }
    QJsonArray diagnosticArray;
    for (const Diagnostic& d : diagnostics) {
        diagnosticArray.append(d.toJson());
    }
    return QJsonObject {
        {QStringLiteral("method"), method},
        {QStringLiteral("url"), url},
        {QStringLiteral("headers"), headerArray},
        // A method that sends no body shows null, so "no body" and "empty body" differ.
        {QStringLiteral("body"), hasBody ? QJsonValue(QString::fromUtf8(body)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("diagnostics"), diagnosticArray},
    };
}
