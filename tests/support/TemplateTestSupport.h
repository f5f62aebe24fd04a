#pragma once

#include "model/Workspace.h"

#include <QDateTime>

// Building blocks of the workspaces the template tests render with.

inline Field customField(const char* name, const char* apiName, FieldType type = FieldType::String)
{
    Field field;
    field.name = QString::fromUtf8(name);
    field.apiName = QString::fromUtf8(apiName);
    field.type = type;
    return field;
}

inline ContextValue contextValue(const char* name, const char* text, bool secret = false)
{
    return ContextValue {QString::fromUtf8(name), QString::fromUtf8(text), secret, false};
}

// A workspace on Los Angeles time (a day boundary away from UTC) with these custom fields,
// My Tokens and program values; both scopes are provided by the flow step.
inline Workspace templateTestWorkspace(const QList<Field>& fields,
                                       const QList<ContextValue>& myTokens,
                                       const QList<ContextValue>& program)
{
    Workspace workspace;
    workspace.timeZone = QStringLiteral("America/Los_Angeles");
    workspace.fields = fields;
    workspace.context.my.present = true;
    workspace.context.my.values = myTokens;
    workspace.context.program.present = true;
    workspace.context.program.values = program;
    return workspace;
}

// The moment the tests render at, so that the system tokens have known values.
inline QDateTime pinnedNow()
{
    return QDateTime(QDate(2013, 8, 8), QTime(23, 34, 13), Qt::UTC);
}
