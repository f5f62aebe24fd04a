#include "ImportCommand.h"

#include "cli/CliSupport.h"
#include "exchange/CurlImport.h"
#include "exchange/PostmanImport.h"
#include "exchange/TokenSuggestions.h"
#include "format/WorkspaceFile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonObject>
#include <QTextStream>

ImportCommand::ImportCommand()
    : Command({QStringLiteral("import"),
               QStringLiteral("Create webhooks from a curl command or a Postman collection."),
               QStringLiteral("import WORKSPACE --from curl|postman [--name NAME] [--file FILE] [--tokenize]"),
               QStringLiteral(
                   "Reads a curl command or a Postman Collection v2.1 from standard input (or --file)\n"
                   "and adds a webhook for each request to the workspace, which is created when it does\n"
                   "not exist and saved atomically. Prints {\"webhooks\": [names], \"notes\": [...],\n"
                   "\"suggestions\": [{\"webhook\", \"where\", \"value\", \"token\"}]}: sample values found in the\n"
                   "request, and the token that would take their place (--tokenize puts them in).\n"
                   "Exit codes: 0 imported, 1 the input cannot become a webhook (the reason on standard\n"
                   "error), 2 usage error, 3 invalid workspace.\n")})
{
}

void ImportCommand::addOptions(QCommandLineParser& parser) const
{
    CliSupport::addWorkspaceArgument(parser);
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("What the input is: curl or postman."),
                      QStringLiteral("curl|postman")});
    parser.addOption({QStringLiteral("name"),
                      QStringLiteral("The webhook's name (curl); a prefix for the requests' names (postman)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("file"),
                      QStringLiteral("Read the input from FILE instead of standard input."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tokenize"),
                      QStringLiteral("Replace the sample values found in the request with their tokens.")});
}

QString
ImportCommand::add(Workspace* workspace, Webhook webhook, bool tokenize, QJsonArray* suggestions, QJsonArray* notes)
{
    const QString base = webhook.name;
    for (int n = 2; workspace->webhookIndex(webhook.name) >= 0; ++n) {
        webhook.name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    }
    const QList<TokenSuggestion> found = TokenSuggestions::find(*workspace, webhook);
    for (const TokenSuggestion& s : found) {
        suggestions->append(QJsonObject {{QStringLiteral("webhook"), webhook.name},
                                         {QStringLiteral("where"), s.where},
                                         {QStringLiteral("value"), s.value},
                                         {QStringLiteral("token"), s.token}});
    }
    if (tokenize && !found.isEmpty()) {
        QStringList applied;
        TokenSuggestions::apply(&webhook, found, &applied);
        for (const QString& note : applied) {
            notes->append(QStringLiteral("%1: %2").arg(webhook.name, note));
        }
    }
    workspace->webhooks.append(webhook);
    return webhook.name;
}

int ImportCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    QString path;
    if (const int code = CliSupport::workspacePath(*this, parser, io, &path)) {
        return code;
    }
    const std::optional<QString> from = CliSupport::value(parser, QStringLiteral("from"));
    if (!from) {
        return usageError(io, QStringLiteral("missing --from curl|postman"));
    }
    if (*from != QLatin1String("curl") && *from != QLatin1String("postman")) {
        return usageError(io, QStringLiteral("--from must be curl or postman, not \"%1\"").arg(*from));
    }
    const std::optional<QString> name = CliSupport::value(parser, QStringLiteral("name"));
    if (name && name->trimmed().isEmpty()) {
        return usageError(io, QStringLiteral("--name must not be empty"));
    }
    Workspace workspace;
    if (QFile::exists(path)) {
        if (const int code = CliSupport::loadWorkspace(path, &workspace, io)) {
            return code;
        }
    }

    QByteArray input;
    const std::optional<QString> fileName = CliSupport::value(parser, QStringLiteral("file"));
    QFile file;
    const bool opened = fileName ? (file.setFileName(*fileName), file.open(QIODevice::ReadOnly))
                                 : file.open(stdin, QIODevice::ReadOnly);
    if (!opened) {
        return usageError(io,
                          QStringLiteral("cannot read %1: %2")
                              .arg(fileName ? *fileName : QStringLiteral("standard input"), file.errorString()));
    }
    input = file.readAll();

    const bool tokenize = parser.isSet(QStringLiteral("tokenize"));
    QJsonArray names;
    QJsonArray notes;
    QJsonArray suggestions;
    QString error;
    if (*from == QLatin1String("curl")) {
        CurlImport import;
        if (!import.parse(QString::fromUtf8(input), &error)) {
            io.err << "webhook-designer-cli import: " << error << '\n';
            return CheckFailed;
        }
        for (const QString& note : import.notes()) {
            notes.append(note);
        }
        Webhook webhook = import.webhook();
        if (name) {
            webhook.name = name->trimmed();
        }
        names.append(add(&workspace, webhook, tokenize, &suggestions, &notes));
    } else {
        PostmanImport import;
        if (!import.parse(input, &error)) {
            io.err << "webhook-designer-cli import: " << error << '\n';
            return CheckFailed;
        }
        for (const QString& note : import.notes()) {
            notes.append(note);
        }
        // Collection variables become My Tokens; values the workspace has stay.
        for (const ContextValue& token : import.myTokens()) {
            if (!workspace.context.my.find(token.name)) {
                workspace.context.my.values.append(token);
            }
        }
        if (!import.myTokens().isEmpty()) {
            workspace.context.my.present = true;
        }
        for (Webhook webhook : import.webhooks()) {
            if (name) {
                webhook.name = name->trimmed() + QStringLiteral(" / ") + webhook.name;
            }
            names.append(add(&workspace, webhook, tokenize, &suggestions, &notes));
        }
    }
    if (!WorkspaceFile::save(workspace, path, &error)) {
        io.err << "webhook-designer-cli import: " << error << '\n';
        return UsageError;
    }
    CliSupport::printJson(io,
                          QJsonObject {{QStringLiteral("webhooks"), names},
                                       {QStringLiteral("notes"), notes},
                                       {QStringLiteral("suggestions"), suggestions}});
    return Success;
}
