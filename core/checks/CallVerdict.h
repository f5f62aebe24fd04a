#pragma once

#include "checks/CheckResult.h"
#include "checks/ShapeDifference.h"
#include "http/CallResult.h"
#include "model/ResponseShape.h"
#include "model/Webhook.h"
#include "response/MappingResult.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

// Everything a call is judged by: its checks and, when the webhook has a baseline, how the
// response's shape drifted from it. The window shows it after a Send, a batch run per
// lead, and the CLI's `test` prints it.
struct CallVerdict
{
    QList<CheckResult> checks;
    QList<ShapeDifference> drift;
    // The response's shape, when it was read (a baseline, and a 2xx body of its type).
    std::optional<ResponseShape> shape;
    // Why a 2xx answer's shape could not be compared with the baseline (not parseable,
    // cut at the size cap, another Response Type); empty when compared or not due. An
    // answer that cannot be compared fails: drift would go unnoticed.
    QString shapeProblem;

    // Every check passed, no drift is a failure and nothing kept the shape from compare.
    bool passed() const;
    int passedCount() const;
    int failedCount() const;
    // "3 of 4 checks passed", and the drift when there is any.
    QString summary() const;
    // {"passed","summary","checks":[CheckResult::toJson()],"drift":[ShapeDifference::toJson()],
    // "shapeProblem": string or null}
    QJsonObject toJson() const;

    static CallVerdict judge(const Webhook& webhook, const CallResult& call, const MappingOutcome& outcome);

    Q_DECLARE_TR_FUNCTIONS(CallVerdict) // last: it ends in private:
};
