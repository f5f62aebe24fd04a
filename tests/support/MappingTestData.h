#pragma once

#include "response/MappingResult.h"

// Mapping results as the evaluator reports them, for the tests of the views that show them.

inline MappingResult appliedMapping(const char* attribute, const char* field, const QJsonValue& value)
{
    MappingResult result;
    result.attribute = QString::fromUtf8(attribute);
    result.field = QString::fromUtf8(field);
    result.applied = true;
    result.value = value;
    return result;
}

inline MappingResult
refusedMapping(const char* attribute, const char* field, const char* reason, const QJsonValue& value = QJsonValue::Null)
{
    MappingResult result;
    result.attribute = QString::fromUtf8(attribute);
    result.field = QString::fromUtf8(field);
    result.value = value;
    result.reason = QString::fromUtf8(reason);
    return result;
}
