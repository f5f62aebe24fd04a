#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// The type of a lead field, as Marketo knows it. The type decides how a token value is
// encoded (JSON strings versus bare numbers) and which response values a mapping may
// write into the field.
enum class FieldType {
    String,
    Text,
    Email,
    Phone,
    Url,
    Date,
    DateTime,
    Reference,
    Integer,
    Float,
    Currency,
    Score,
    Percent,
    Boolean,
};

namespace FieldTypes {
// The workspace file's spelling: "string", "datetime", "boolean", ...
QString name(FieldType type);
std::optional<FieldType> fromName(const QString& name);
QStringList names();
// Number-type fields are sent bare under JSON encoding.
bool isNumber(FieldType type);
// Integer-like fields accept only whole numbers from a response.
bool isInteger(FieldType type);
bool isString(FieldType type);
} // namespace FieldTypes
