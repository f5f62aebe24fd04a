#pragma once

#include "model/Check.h"

#include <QJsonObject>
#include <QString>

// How one check fared on one call.
struct CheckResult
{
    Check check;
    bool passed = false;
    // What the call gave, as text: the status, the value written, the value at the path,
    // the time; "not written" or "missing" when there was none.
    QString actual;
    // Expected versus actual in a marketer's words: "Expected status 2xx, got 404 Not Found."
    QString message;

    // {"check": the check's title, "passed", "actual", "message"}
    QJsonObject toJson() const;
};
