#include "CallHistoryEntry.h"

QJsonObject CallHistoryEntry::toJson() const
{
    return QJsonObject {
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("webhook"), webhook},
        {QStringLiteral("source"), source},
        {QStringLiteral("lead"), lead.isUndefined() ? QJsonValue(QJsonValue::Null) : lead},
        {QStringLiteral("request"), request},
        {QStringLiteral("response"), response.isUndefined() ? QJsonValue(QJsonValue::Null) : response},
        {QStringLiteral("error"), error.isUndefined() ? QJsonValue(QJsonValue::Null) : error},
        {QStringLiteral("mappings"), mappings},
    };
}

bool CallHistoryEntry::fromJson(const QJsonObject& object, CallHistoryEntry* entry)
{
    const QDateTime time = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (!time.isValid() || !object.value(QStringLiteral("webhook")).isString()
        || !object.value(QStringLiteral("request")).isObject()) {
        return false;
    }
    entry->time = time;
    entry->webhook = object.value(QStringLiteral("webhook")).toString();
    entry->source = object.value(QStringLiteral("source")).toString();
    entry->lead = object.value(QStringLiteral("lead"));
    entry->request = object.value(QStringLiteral("request")).toObject();
    entry->response = object.value(QStringLiteral("response"));
    entry->error = object.value(QStringLiteral("error"));
    entry->mappings = object.value(QStringLiteral("mappings")).toArray();
    return true;
}
