#include "CallVerdict.h"

#include "checks/CheckEvaluator.h"
#include "checks/ShapeDrift.h"
#include "checks/ShapeExtractor.h"

#include <QJsonArray>

#include <algorithm>

bool CallVerdict::passed() const
{
    return shapeProblem.isEmpty()
           && std::all_of(checks.cbegin(), checks.cend(), [](const CheckResult& r) { return r.passed; })
           && std::none_of(drift.cbegin(), drift.cend(), [](const ShapeDifference& d) { return d.isFailure(); });
}

int CallVerdict::passedCount() const
{
    return int(std::count_if(checks.cbegin(), checks.cend(), [](const CheckResult& r) { return r.passed; }));
}

int CallVerdict::failedCount() const
{
    return int(checks.size()) - passedCount();
}

QString CallVerdict::summary() const
{
    QString text = checks.size() == 1 ? tr("%1 of 1 check passed").arg(passedCount())
                                      : tr("%1 of %2 checks passed").arg(passedCount()).arg(checks.size());
    if (!drift.isEmpty()) {
        const int failures =
            int(std::count_if(drift.cbegin(), drift.cend(), [](const ShapeDifference& d) { return d.isFailure(); }));
        text +=
            failures > 0
                ? tr("; the response's shape changed: %1 of %2 changes break a mapping").arg(failures).arg(drift.size())
                : tr("; the response's shape changed in %1 places no mapping reads").arg(drift.size());
    }
    if (!shapeProblem.isEmpty())
        text += tr("; the response's shape was not compared: %1").arg(shapeProblem);
    return text;
}

QJsonObject CallVerdict::toJson() const
{
    QJsonArray checkArray;
    for (const CheckResult& r : checks) {
        checkArray.append(r.toJson());
    }
    QJsonArray driftArray;
    for (const ShapeDifference& d : drift) {
        driftArray.append(d.toJson());
    }
    return QJsonObject {{QStringLiteral("passed"), passed()},
                        {QStringLiteral("summary"), summary()},
                        {QStringLiteral("checks"), checkArray},
                        {QStringLiteral("drift"), driftArray},
                        {QStringLiteral("shapeProblem"),
                         shapeProblem.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(shapeProblem)}};
}

CallVerdict CallVerdict::judge(const Webhook& webhook, const CallResult& call, const MappingOutcome& outcome)
{
    CallVerdict verdict;
    verdict.checks = CheckEvaluator::evaluate(webhook, call, outcome);
    // Only an answer Marketo would map is compared: a 2xx, complete, of the baseline's type.
    const int status = call.mappingStatus();
    if (!webhook.baseline || status < 200 || status >= 300 || call.isEmpty2xx())
        return verdict;
    if (webhook.responseType != webhook.baseline->syntax) {
        verdict.shapeProblem =
            tr("the webhook's Response Type is %1 but its baseline is %2")
                .arg(WebhookEnums::label(webhook.responseType), WebhookEnums::label(webhook.baseline->syntax));
        return verdict;
    }
    if (call.bodyTruncated) {
        verdict.shapeProblem = tr("the response was cut at the size limit");
        return verdict;
    }
    QString error;
    verdict.shape = ShapeExtractor::extract(call.body, webhook.baseline->syntax, &error);
    if (verdict.shape)
        verdict.drift = ShapeDrift::compare(*webhook.baseline, *verdict.shape, webhook.responseMappings);
    else
        verdict.shapeProblem =
            error.isEmpty()
                ? tr("the response could not be read as %1").arg(WebhookEnums::label(webhook.baseline->syntax))
                : error;
    return verdict;
}
