#include "BatchLeadResult.h"

#include <QJsonArray>

QJsonObject BatchLeadResult::toJson(const QStringList& secretHeaderNames) const
{
    QJsonArray mappings;
    for (const MappingResult& result : mapping.mappings)
        mappings.append(result.toJson());
    return QJsonObject {
        {QStringLiteral("index"), index},
        {QStringLiteral("request"), call.requestJson(secretHeaderNames)},
        {QStringLiteral("response"), call.status > 0 ? QJsonValue(call.responseJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("error"), call.errorJson()},
        {QStringLiteral("mappings"), mappings},
        {QStringLiteral("lead"), mapping.leadAfter},
    };
}
