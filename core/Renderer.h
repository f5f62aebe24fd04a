#pragma once

#include "RenderedRequest.h"
#include "TemplateParser.h"
#include "Workspace.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

// Renders one webhook into the request Marketo would send (semantics reference, 2-4).
// Construct once per webhook (it parses the URL, payload and headers and resolves the
// tokens' fields up front), then render() for each lead: the batch runner and the
// benchmark render 100,000 leads with one Renderer.
class Renderer
{
public:
    Renderer(const Workspace& workspace, const Webhook& webhook);
    ~Renderer();

    // `now` is the clock for system tokens, interpreted in the workspace's time zone.
    // `encoding` overrides the webhook's Request Token Encoding (the window's comparison
    // of the three encodings).
    RenderedRequest render(const QJsonObject& lead,
                           const QDateTime& now,
                           std::optional<TokenEncoding> encoding = std::nullopt) const;

private:
    struct Private;
    Private* d;
    Q_DISABLE_COPY(Renderer)
};
