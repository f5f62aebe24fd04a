#pragma once

#include "model/FieldType.h"

#include <QJsonObject>
#include <QString>

// A lead field: its display name (what tokens use), its API name (what response
// mappings and the REST API use) and its type.
struct Field
{
    QString name;
    QString apiName;
    FieldType type = FieldType::String;
    // True for fields a lead's company holds; they are also reachable as {{company.Name}}.
    bool company = false;
    // True for fields the workspace adds to Marketo's standard ones.
    bool custom = false;
    QJsonObject extra; // unknown keys from the workspace file, kept on save
};
