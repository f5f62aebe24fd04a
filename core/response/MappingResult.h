#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// What one response mapping would do.
struct MappingResult
{
    QString attribute;
    QString field; // API name
    bool applied = false;
    QJsonValue value; // the value written (applied) or found but refused; Null when none
    QString reason;   // why not applied, for the user; empty when applied

    QJsonObject toJson() const; // {"attribute","field","applied","value","reason"}
};

// The outcome of evaluating all of a webhook's mappings against one response.
struct MappingOutcome
{
    QList<MappingResult> mappings;
    QJsonObject leadBefore;
    QJsonObject leadAfter; // the lead as it would be after Marketo's update
    // False when the status or response type means nothing is applied at all (non-2xx,
    // response type None); `reason` then says why.
    bool statusApplies = true;
    QString reason;

    int appliedCount() const;
};
