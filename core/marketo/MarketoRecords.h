#pragma once

#include <QList>
#include <QString>

// What Marketo's REST API returns, as the imports use it.

// One lead field of GET /rest/v1/leads/describe.json.
struct MarketoField
{
    QString name;     // displayName: what tokens use
    QString apiName;  // rest.name: what mappings and the API use
    QString dataType; // "string", "email", "datetime", ... as Marketo names it
    bool readOnly = false;
};

// One program of GET /rest/asset/v1/programs.json.
struct MarketoProgram
{
    qint64 id = 0;
    QString name;
    QString type; // "Default", "Event", "Engagement", ...
};

// One My Token of GET /rest/asset/v1/folder/{id}/tokens.json.
struct MarketoToken
{
    QString name;
    QString type; // "text", "number", "date", "score", "rich text", "sfdc campaign"
    QString value;
};
