#pragma once

#include "checks/CallVerdict.h"
#include "http/CallResult.h"
#include "model/Workspace.h"
#include "response/MappingResult.h"

#include <QCoreApplication>
#include <QJsonObject>

// What the designer makes of one response: the webhook's mappings evaluated (what would
// be written, or why not) and the verdict of its checks and baseline. Both read the whole
// body, so CallController makes a review on a worker thread.
struct CallReview
{
    MappingOutcome outcome;
    CallVerdict verdict;

    // Evaluates `webhook`'s mappings for `lead` against `result`, then judges the call. A
    // call that did not complete says why in the outcome's reason.
    static CallReview
    review(const Workspace& workspace, const Webhook& webhook, const QJsonObject& lead, const CallResult& result);
    // The outcome of a call that belongs to no webhook: nothing applies, and why.
    static CallReview incomplete(const CallResult& result);

    Q_DECLARE_TR_FUNCTIONS(CallReview) // last: it ends in private:
};
