#pragma once

#include "model/Webhook.h"

#include <QString>

// One place in an imported webhook where a literal equals a sample value, and the token
// that would take its place.
struct TokenSuggestion
{
    QString where;  // "url", "template" or "headers[i].value", as diagnostics name them
    int offset = 0; // in that property's text, in characters
    int length = 0; // the characters the token replaces (a JSON string with its quotes)
    QString value;  // the sample value found
    QString token;  // "{{lead.Email Address}}"
    // The Request Token Encoding the body needs once the token is in: JSON for a JSON
    // body, Form/Url for a form body; None elsewhere.
    TokenEncoding encoding = TokenEncoding::None;
};
