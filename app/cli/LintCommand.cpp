#include "LintCommand.h"

#include "cli/CliSupport.h"
#include "template/Linter.h"

#include <QCommandLineParser>
#include <QJsonArray>

LintCommand::LintCommand()
    : Command(
        {QStringLiteral("lint"),
         QStringLiteral("Check webhooks for the mistakes Marketo users make."),
         QStringLiteral("lint WORKSPACE [--webhook NAME]"),
         QStringLiteral("Lints every webhook of the workspace (or one) with its first sample lead and prints\n"
                        "{\"diagnostics\": [{\"severity\", \"where\", \"line\", \"column\", \"message\", \"code\",\n"
                        "\"webhook\"}]}.\n"
                        "Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage error, 3 invalid workspace.\n")})
{
}

void LintCommand::addOptions(QCommandLineParser& parser) const
{
    CliSupport::addWorkspaceArgument(parser);
    parser.addOption({QStringLiteral("webhook"), QStringLiteral("Lint only this webhook."), QStringLiteral("NAME")});
}

int LintCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    QString path;
    Workspace workspace;
    if (const int code = CliSupport::workspacePath(*this, parser, io, &path)) {
        return code;
    }
    if (const int code = CliSupport::loadWorkspace(path, &workspace, io)) {
        return code;
    }
    QList<Diagnostic> diagnostics;
    if (parser.isSet(QStringLiteral("webhook"))) {
        int webhook = -1;
        if (const int code =
                CliSupport::findWebhook(*this, workspace, parser.value(QStringLiteral("webhook")), io, &webhook)) {
            return code;
        }
        diagnostics = Linter::lint(workspace, workspace.webhooks.at(webhook));
    } else {
        diagnostics = Linter::lintAll(workspace);
    }
    QJsonArray array;
    for (const Diagnostic& d : std::as_const(diagnostics)) {
        array.append(d.toJson());
    }
    CliSupport::printJson(io, QJsonObject {{QStringLiteral("diagnostics"), array}});
    return Diagnostic::hasErrors(diagnostics) ? CheckFailed : Success;
}
