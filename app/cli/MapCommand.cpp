#include "MapCommand.h"

#include "cli/CliSupport.h"
#include "response/MappingEvaluator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QTextStream>

MapCommand::MapCommand()
    : Command({QStringLiteral("map"),
               QStringLiteral("Show what a webhook's response mappings write to the lead."),
               QStringLiteral("map WORKSPACE --webhook NAME --status CODE --response FILE [--lead INDEX|EMAIL]"),
               QStringLiteral(
                   "Evaluates the webhook's response mappings against a response body (FILE, or - for\n"
                   "standard input) with the given HTTP status, and prints {\"mappings\": [{\"attribute\",\n"
                   "\"field\", \"applied\", \"value\", \"reason\"}], \"lead\": {...}} with the lead as it would be\n"
                   "after Marketo's update.\n"
                   "Exit codes: 0 evaluated, 1 nothing applied because of the status or response type,\n"
                   "2 usage error (also an unreadable FILE), 3 invalid workspace.\n")})
{
}

void MapCommand::addOptions(QCommandLineParser& parser) const
{
    CliSupport::addWorkspaceArgument(parser);
    CliSupport::addWebhookOption(parser);
    parser.addOption({QStringLiteral("status"), QStringLiteral("The response's HTTP status."), QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("response"),
                      QStringLiteral("The response body, or - for standard input."),
                      QStringLiteral("FILE")});
    CliSupport::addLeadOption(parser);
}

int MapCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    QString path;
    if (const int code = CliSupport::workspaceAndWebhook(*this, parser, io, &path)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("status"))) {
        return usageError(io, QStringLiteral("missing --status CODE"));
    }
    bool isNumber = false;
    const int status = parser.value(QStringLiteral("status")).toInt(&isNumber);
    if (!isNumber || status < 100 || status > 999) {
        return usageError(io,
                          QStringLiteral("invalid --status \"%1\" (expected an HTTP status such as 200)")
                              .arg(parser.value(QStringLiteral("status"))));
    }
    if (!parser.isSet(QStringLiteral("response"))) {
        return usageError(io, QStringLiteral("missing --response FILE"));
    }

    Workspace workspace;
    int webhook = -1;
    QJsonObject lead;
    if (const int code = CliSupport::loadWebhook(*this, parser, path, io, &workspace, &webhook)) {
        return code;
    }
    if (const int code =
            CliSupport::findLead(*this, workspace, CliSupport::value(parser, QStringLiteral("lead")), io, &lead)) {
        return code;
    }

    const QString responseName = parser.value(QStringLiteral("response"));
    QFile response(responseName);
    const bool opened = responseName == QLatin1String("-") ? response.open(stdin, QIODevice::ReadOnly)
                                                           : response.open(QIODevice::ReadOnly);
    if (!opened) {
        return usageError(io, QStringLiteral("cannot read %1: %2").arg(responseName, response.errorString()));
    }
    const QByteArray body = response.readAll();

    const MappingOutcome outcome =
        MappingEvaluator::evaluate(workspace, workspace.webhooks.at(webhook), lead, status, body);
    QJsonArray mappings;
    for (const MappingResult& m : outcome.mappings) {
        mappings.append(m.toJson());
    }
    CliSupport::printJson(
        io, QJsonObject {{QStringLiteral("mappings"), mappings}, {QStringLiteral("lead"), outcome.leadAfter}});
    if (!outcome.statusApplies) {
        io.err << "webhook-designer-cli map: nothing applied: " << outcome.reason << '\n';
    }
    // Exit 1 is documented as "no mapping applied because of the status": scripts gate
    // on it, so an empty or unparsable 2xx body (reported above and in each mapping's
    // reason) does not change the exit code.
    const bool success = status >= 200 && status <= 299;
    return success ? Success : CheckFailed;
}
