#include "FieldType.h"

#include <array>

namespace {
struct TypeName
{
    FieldType type;
    const char* name;
};

constexpr std::array<TypeName, 14> typeNames {{
    {FieldType::String, "string"},
    {FieldType::Text, "text"},
    {FieldType::Email, "email"},
    {FieldType::Phone, "phone"},
    {FieldType::Url, "url"},
    {FieldType::Date, "date"},
    {FieldType::DateTime, "datetime"},
    {FieldType::Reference, "reference"},
    {FieldType::Integer, "integer"},
    {FieldType::Float, "float"},
    {FieldType::Currency, "currency"},
    {FieldType::Score, "score"},
    {FieldType::Percent, "percent"},
    {FieldType::Boolean, "boolean"},
}};
} // namespace

namespace FieldTypes {

QString name(FieldType type)
{
    for (const auto& t : typeNames) {
        if (t.type == type) {
            return QString::fromLatin1(t.name);
        }
    }
    return QStringLiteral("string");
}

std::optional<FieldType> fromName(const QString& name)
{
    for (const auto& t : typeNames) {
        if (name.compare(QLatin1String(t.name), Qt::CaseInsensitive) == 0) {
            return t.type;
        }
    }
    return std::nullopt;
}

QStringList names()
{
    QStringList out;
    for (const auto& t : typeNames) {
        out << QString::fromLatin1(t.name);
    }
    return out;
}

bool isNumber(FieldType type)
{
    switch (type) {
    case FieldType::Integer:
    case FieldType::Float:
    case FieldType::Currency:
    case FieldType::Score:
    case FieldType::Percent:
        return true;
    default:
        return false;
    }
}

bool isInteger(FieldType type)
{
    return type == FieldType::Integer || type == FieldType::Score;
}

bool isString(FieldType type)
{
    return !isNumber(type) && type != FieldType::Boolean;
}

} // namespace FieldTypes
