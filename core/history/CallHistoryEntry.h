#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// One line of a workspace's call history: a call as the history keeps it, secrets
// already replaced (see SecretRedactor). The JSON objects have the shapes `send` prints.
struct CallHistoryEntry
{
    QDateTime time; // UTC, when the call started
    QString webhook;
    QString source;      // "designer", "send"
    QJsonValue lead;     // the lead's index or email, when known; null otherwise
    QJsonObject request; // {"method","url","headers","body"}
    QJsonValue response; // {"status",...} or null when none arrived
    QJsonValue error;    // {"kind","message"} or null
    QJsonArray mappings; // [{"attribute","field","applied","value","reason"}]

    int status() const { return response.toObject().value(QStringLiteral("status")).toInt(); }

    QJsonObject toJson() const;
    // False when `object` lacks the time, webhook or request.
    static bool fromJson(const QJsonObject& object, CallHistoryEntry* entry);
};
