#pragma once

#include "model/Workspace.h"
#include "template/RenderedRequest.h"
#include "template/TemplateParser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

#include <optional>

// Renders one webhook into the request Marketo would send: tokens, escapes, encodings.
// Construct once per webhook (it parses the URL, payload and headers and resolves the
// tokens' fields up front), then render() for each lead: the batch runner and the
// benchmark render 100,000 leads with one Renderer. render() is const and may be called
// from several threads at once.
//
// What the request holds:
// - url: the literal text exactly as written; token values percent-encoded as a URL
//   component (A-Z a-z 0-9 - . _ ~ kept, space %20), whatever the body encoding.
// - headers: names and values with token values inserted raw.
// - body: only when the method sends one (not GET); the payload template's literal text
//   after backslash-escape processing, token values in the Request Token Encoding.
// - diagnostics, located by property ("url", "template", "headers[i].name",
//   "headers[i].value", "timeZone"), 1-based line and column, offset and length:
//     unknown-scope        error    {{foo.x}}; renders as a missing value
//     unknown-field        error    the scope has no such name; renders as missing
//     invalid-escape       error    a backslash sequence Marketo rejects (payload only)
//     header-line-break    error    CR or LF in a rendered header name or value; the
//                                   request must not be sent
//     malformed-token      warning  token-like text that is not a token; sent literally
//     scope-not-in-context warning  a context scope the flow step does not provide;
//                                   renders empty (or its default)
//     empty-token          warning  empty or missing value and no :default=; renders
//                                   empty, or null under JSON encoding
//     unsupported-value    warning  the lead holds a list or object; treated as missing
//     invalid-number       warning  number field holding text; sent as a JSON string
//     invalid-boolean      warning  boolean field holding text; sent as a JSON string
//     unknown-time-zone    warning  system date/time tokens fall back to UTC
//   A payload on GET is not rendered, so it adds no diagnostics (the linter reports it).
class Renderer
{
public:
    Renderer(const Workspace& workspace, const Webhook& webhook);
    ~Renderer();

    // `now` is the clock for system tokens, interpreted in the workspace's time zone.
    // `encoding` overrides the webhook's Request Token Encoding (the window's comparison
    // of the three encodings).
    RenderedRequest
    render(const QJsonObject& lead, const QDateTime& now, std::optional<TokenEncoding> encoding = std::nullopt) const;

private:
    struct Private;
    Private* d;
    Q_DISABLE_COPY(Renderer)

    Q_DECLARE_TR_FUNCTIONS(Renderer) // last: it ends in private:
};
