#include "CallReview.h"

#include "response/MappingEvaluator.h"

namespace {

QString incompleteReason(const CallResult& result)
{
    return result.errorMessage.isEmpty() ? CallReview::tr("The call did not complete.") : result.errorMessage;
}

} // namespace

CallReview CallReview::review(const Workspace& workspace,
                              const Webhook& webhook,
                              const QJsonObject& lead,
                              const CallResult& result)
{
    CallReview review;
    // After a transport error the evaluator reads nothing (status 0) but still lists
    // every mapping with why it is not written.
    review.outcome = MappingEvaluator::evaluate(workspace, webhook, lead, result.mappingStatus(), result.body);
    if (result.error != CallResult::ErrorKind::None)
        review.outcome.reason = incompleteReason(result);
    review.verdict = CallVerdict::judge(webhook, result, review.outcome);
    return review;
}

CallReview CallReview::incomplete(const CallResult& result)
{
    CallReview review;
    review.outcome.statusApplies = false;
    review.outcome.reason = incompleteReason(result);
    return review;
}
