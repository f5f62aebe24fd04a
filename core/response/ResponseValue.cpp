#include "ResponseValue.h"

QString ResponseValue::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral("missing");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Number:
        return QStringLiteral("number");
    case Kind::Bool:
        return QStringLiteral("boolean");
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Object:
        return QStringLiteral("object");
    case Kind::Array:
        return QStringLiteral("array");
    }
    return QStringLiteral("missing");
}
