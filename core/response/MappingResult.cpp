#include "MappingResult.h"

QJsonObject MappingResult::toJson() const
{
    return QJsonObject {
        {QStringLiteral("attribute"), attribute},
        {QStringLiteral("field"), field},
        {QStringLiteral("applied"), applied},
        {QStringLiteral("value"), value.isUndefined() ? QJsonValue(QJsonValue::Null) : value},
        {QStringLiteral("reason"), reason},
    };
}

int MappingOutcome::appliedCount() const
{
    int n = 0;
    for (const MappingResult& m : mappings) {
        if (m.applied) {
            ++n;
        }
    }
    return n;
}
