#include "CallReview.h"

#include "checks/ShapeExtractor.h"
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
    // The verdict reads the shape only to compare it with a baseline; the window also
    // needs it to save the first one. Only an answer Marketo would map has one to keep.
    const int status = result.mappingStatus();
    if (!review.verdict.shape && status >= 200 && status < 300 && !result.isEmpty2xx() && !result.bodyTruncated
        && webhook.responseType != ResponseType::None)
        review.verdict.shape = ShapeExtractor::extract(result.body, webhook.responseType);
    return review;
}

CallReview CallReview::incomplete(const CallResult& result)
{
    CallReview review;
    review.outcome.statusApplies = false;
    review.outcome.reason = incompleteReason(result);
    return review;
}
