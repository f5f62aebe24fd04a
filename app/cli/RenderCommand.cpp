#include "RenderCommand.h"

#include "cli/CliSupport.h"
#include "template/Renderer.h"

#include <QCommandLineParser>

RenderCommand::RenderCommand()
    : Command(
        {QStringLiteral("render"),
         QStringLiteral("Print the request a webhook sends for a sample lead."),
         QStringLiteral("render WORKSPACE --webhook NAME [--lead INDEX|EMAIL] [--now ISO-8601] [--show-secrets]"),
         QStringLiteral("Renders the webhook for a sample lead and the workspace's context, as Marketo would\n"
                        "send it, and prints {\"method\", \"url\", \"headers\": [{\"name\", \"value\"}], \"body\",\n"
                        "\"diagnostics\": [{\"severity\", \"where\", \"line\", \"column\", \"message\"}]}.\n"
                        "Exit codes: 0 rendered, 1 rendered with errors, 2 usage error, 3 invalid workspace.\n")})
{
}

void RenderCommand::addOptions(QCommandLineParser& parser) const
{
    CliSupport::addWorkspaceArgument(parser);
    CliSupport::addWebhookOption(parser);
    CliSupport::addLeadOption(parser);
    parser.addOption({QStringLiteral("now"),
                      QStringLiteral("The clock for system tokens, ISO 8601; without an offset it is in the "
                                     "workspace's time zone (default: now)."),
                      QStringLiteral("ISO-8601")});
    parser.addOption({QStringLiteral("show-secrets"),
                      QStringLiteral("Print the values of secret headers and secret My Tokens unmasked.")});
}

int RenderCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    QString path;
    Workspace workspace;
    int webhook = -1;
    QJsonObject lead;
    QDateTime now;
    if (const int code = CliSupport::workspaceAndWebhook(*this, parser, io, &path)) {
        return code;
    }
    if (const int code = CliSupport::loadWebhook(*this, parser, path, io, &workspace, &webhook)) {
        return code;
    }
    CliSupport::resolveSecrets(&workspace, io);
    if (const int code =
            CliSupport::findLead(*this, workspace, CliSupport::value(parser, QStringLiteral("lead")), io, &lead)) {
        return code;
    }
    if (const int code =
            CliSupport::parseNow(*this, workspace, CliSupport::value(parser, QStringLiteral("now")), io, &now)) {
        return code;
    }
    const Renderer renderer(workspace, workspace.webhooks.at(webhook));
    const RenderedRequest request = renderer.render(lead, now);
    const bool show = parser.isSet(QStringLiteral("show-secrets"));
    CliSupport::printJson(io, (show ? request : CliSupport::masked(request, workspace)).toJson(!show));
    return request.hasErrors() ? CheckFailed : Success;
}
