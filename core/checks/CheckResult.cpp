#include "CheckResult.h"

QJsonObject CheckResult::toJson() const
{
    return QJsonObject {{QStringLiteral("check"), check.title()},
                        {QStringLiteral("passed"), passed},
                        {QStringLiteral("actual"), actual},
                        {QStringLiteral("message"), message}};
}
