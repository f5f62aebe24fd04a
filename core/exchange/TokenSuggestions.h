#pragma once

#include "exchange/TokenSuggestion.h"
#include "model/Workspace.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

// Finds literals of an imported webhook that are sample values, and turns them into
// tokens the way Marketo needs them written.
//
// find() looks in the URL, the payload template and the header values for a value of the
// first sample lead or of a context scope the flow step provides (three characters or
// more, not inside a longer word): as written in the URL or percent-encoded, as written
// in a header, and in the body as the body's own encoding writes it: a whole JSON string
// (quotes included) or a bare JSON number of a number field in a JSON body, form-encoded
// in a form body. A value inside a longer JSON string is not offered, since JSON encoding
// would quote it. The longest value wins where two overlap.
//
// apply() writes the tokens: in a JSON body the quotes go and the Request Token Encoding
// becomes JSON; in a form body it becomes Form/Url; in the URL a note says that Marketo
// percent-encodes the token's value.
class TokenSuggestions
{
public:
    static QList<TokenSuggestion> find(const Workspace& workspace, const Webhook& webhook);
    // Applies the chosen suggestions (all of them from one find()); notes say what changed.
    static void apply(Webhook* webhook, const QList<TokenSuggestion>& chosen, QStringList* notes = nullptr);

    // Whether the template (as the import writes it) holds a JSON document, or a form body.
    static bool isJsonBody(const Webhook& webhook);
    static bool isFormBody(const Webhook& webhook);

    Q_DECLARE_TR_FUNCTIONS(TokenSuggestions) // last: it ends in private:
};
