#include "RenderCommand.h"

#include "cli/CliSupport.h"
#include "template/Renderer.h"

#include <QCommandLineParser>

QString RenderCommand::name() const
{
    return QStringLiteral("render");
}

QString RenderCommand::summary() const
{
    return QStringLiteral("Print the request a webhook sends for a sample lead.");
}

QString RenderCommand::synopsis() const
{
    return QStringLiteral("render WORKSPACE --webhook NAME [--lead INDEX|EMAIL] [--now ISO-8601] [--show-secrets]");
}

QString RenderCommand::description() const
{
    return QStringLiteral("Renders the webhook for a sample lead and the workspace's context, as Marketo would\n"
                          "send it, and prints {\"method\", \"url\", \"headers\": [{\"name\", \"value\"}], \"body\",\n"
                          "\"diagnostics\": [{\"severity\", \"where\", \"line\", \"column\", \"message\"}]}.\n"
                          "Exit codes: 0 rendered, 1 rendered with errors, 2 usage error, 3 invalid workspace.\n");
}

void RenderCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The .webhooks.json file."));
    parser.addOption({QStringLiteral("webhook"), QStringLiteral("The webhook's name."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("lead"),
                      QStringLiteral("The sample lead: an index from 0 or an email address (default: the first)."),
                      QStringLiteral("INDEX|EMAIL")});
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
    if (const int code = CliSupport::workspacePath(*this, parser, io, &path)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("webhook"))) {
        return usageError(io, QStringLiteral("missing --webhook NAME"));
    }
    if (const int code = CliSupport::loadWorkspace(path, &workspace, io)) {
        return code;
    }
    if (const int code =
            CliSupport::findWebhook(*this, workspace, parser.value(QStringLiteral("webhook")), io, &webhook)) {
        return code;
    }
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
