#pragma once

#include "history/SecretRedactor.h"
#include "model/Workspace.h"
#include "template/RenderedRequest.h"

// Puts secrets back into a request read from the call history, so that it can be sent
// again. The history keeps SecretRedactor::placeholder() wherever a secret was.
//
// Contract:
// - A header masked whole (Authorization, Proxy-Authorization, Cookie, a header marked
//   secret) gets the value of the same header (by name, case-insensitively) in the
//   webhook's request as rendered now, when that header is secret there too.
// - A secret My Token inside the URL, the body or another header cannot be put back
//   without guessing: holdsPlaceholder() stays true, and such a request must not be sent.
class SecretRestorer
{
public:
    // `current` is the webhook's request rendered now, with the workspace's values.
    SecretRestorer(const Workspace& workspace, const Webhook& webhook, const RenderedRequest& current);

    RenderedRequest restore(const RenderedRequest& recorded) const;

    // Whether the placeholder is still in the URL, a header value or the body.
    static bool holdsPlaceholder(const RenderedRequest& request);

private:
    SecretRedactor m_redactor;
    QList<RenderedHeader> m_currentHeaders;
};
