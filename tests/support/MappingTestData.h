#pragma once

#include "response/MappingResult.h"

// Mapping results as the evaluator reports them, for the tests of the views that show them.

inline MappingResult appliedMapping(const char* attribute, const char* field, const QJsonValue& value)
{
    return MappingResult {QString::fromUtf8(attribute), QString::fromUtf8(field), true, value, QString()};
}

inline MappingResult
refusedMapping(const char* attribute, const char* field, const char* reason, const QJsonValue& value = QJsonValue::Null)
{
    return MappingResult {
        QString::fromUtf8(attribute), QString::fromUtf8(field), false, value, QString::fromUtf8(reason)};
}
