#pragma once

#include "checks/CheckResult.h"
#include "http/CallResult.h"
#include "model/Webhook.h"
#include "response/MappingResult.h"

#include <QCoreApplication>
#include <QList>

// Judges a call by a webhook's checks (Webhook::effectiveChecks()), one result per check
// in their order:
// - status: "2xx" is a class (200 to 299), "201" an exact code;
// - field checks: the value the response mappings would write (MappingOutcome), or "not
//   written" with the reason; the last mapping that writes a field wins, as in Marketo;
//   "matches" finds the pattern anywhere in the value (anchor it with ^ and $);
// - path checks: the value at the response attribute, read from the body by the webhook's
//   Response Type with the same scanners and path rules as the mappings;
// - latency: the call's total time.
// A check with a problem() fails with it. A call that got no answer fails every check
// with the call's error.
class CheckEvaluator
{
public:
    static QList<CheckResult> evaluate(const Webhook& webhook, const CallResult& call, const MappingOutcome& outcome);

    Q_DECLARE_TR_FUNCTIONS(CheckEvaluator) // last: it ends in private:
};
