#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One step of a JSON path: an object key, or an array index when index >= 0.
struct JsonPathPart
{
    QString key;
    int index = -1;
};

// Where a problem in a JSON document is, said the way a user can find it.
namespace JsonLocation {

// The path as text: "webhooks[2].requestType"; a key that is not a plain word goes in
// brackets as a JSON string (lead keys are display names with spaces).
QString pathString(const QList<JsonPathPart>& path);

// Line and column (1-based; the column counts characters, not bytes) of a byte offset.
void lineColumn(const QByteArray& bytes, qsizetype offset, int* line, int* column);

// Where the value at `path` starts in a document QJsonDocument has already accepted, or,
// when part of the path is missing, where its deepest existing part starts.
qsizetype offsetOf(const QByteArray& bytes, const QList<JsonPathPart>& path);

} // namespace JsonLocation
