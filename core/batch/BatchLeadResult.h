#pragma once

#include "checks/CallVerdict.h"
#include "http/CallResult.h"
#include "response/MappingResult.h"

#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

// What one lead of a batch run got: the call (request as sent, response, error), what
// the webhook's response mappings would write, and how its checks and baseline judge it.
struct BatchLeadResult
{
    int index = -1; // the lead's position in the run's list
    CallResult call;
    MappingOutcome mapping;
    CallVerdict verdict; // without the response's shape, which a run does not keep

    // {"index","request","response" (null when none arrived),"error","mappings","lead"}:
    // the same keys as `send` prints, one line of `run --out`. The values of the headers
    // named in secretHeaderNames are masked.
    QJsonObject toJson(const QStringList& secretHeaderNames = {}) const;
};

Q_DECLARE_METATYPE(BatchLeadResult)
