#include "MarketoCommand.h"

#include "cli/CliSupport.h"
#include "format/WorkspaceFile.h"
#include "marketo/MarketoApi.h"
#include "marketo/MarketoClient.h"
#include "marketo/MarketoImport.h"
#include "secrets/KeychainSecretStore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTextStream>

#include <unistd.h>

namespace {

const QStringList kActions {QStringLiteral("connect"),
                            QStringLiteral("fields"),
                            QStringLiteral("leads"),
                            QStringLiteral("tokens"),
                            QStringLiteral("programs")};

// Runs `start` and waits in an event loop until it calls its callback.
template <typename Start>
void wait(Start start)
{
    QEventLoop loop;
    bool done = false;
    start([&] {
        done = true;
        loop.quit();
    });
    if (!done) {
        loop.exec();
    }
}

QString readSecret(CliStreams& io)
{
    if (isatty(STDIN_FILENO)) {
        io.err << "webhook-designer-cli marketo: give the client secret on standard input or in "
               << MarketoConnection::secretVariable() << '\n';
        return {};
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(in.readAll()).trimmed();
}

} // namespace

MarketoCommand::MarketoCommand()
    : Command({QStringLiteral("marketo"),
               QStringLiteral("Connect to a Marketo instance; import its fields, sample leads and My Tokens."),
               QStringLiteral("marketo connect|fields|leads|tokens|programs WORKSPACE [options]"),
               QStringLiteral(
                   "  connect WORKSPACE --endpoint URL --identity URL --client-id ID\n"
                   "      proves the connection by fetching an access token, stores endpoint, identity and\n"
                   "      client ID in the workspace and the secret (standard input, else\n"
                   "      WD_MARKETO_CLIENT_SECRET) in the keychain, never in the file.\n"
                   "  fields WORKSPACE            merges the instance's lead fields (custom fields added or\n"
                   "                             updated; fields the instance lacks are reported, kept).\n"
                   "  leads WORKSPACE (--email ADDRESS ... | --list ID) [--limit N]\n"
                   "                             adds or updates sample leads (personal data!).\n"
                   "  tokens WORKSPACE --program ID   a program's My Tokens into the context.\n"
                   "  programs WORKSPACE         prints {\"programs\": [{\"id\", \"name\", \"type\"}], \"calls\"}.\n"
                   "The imports print {\"added\", \"updated\", \"removed\", \"absent\", \"warnings\", \"calls\",\n"
                   "\"dryRun\"} and save the workspace atomically unless --dry-run. The secret comes from\n"
                   "WD_MARKETO_CLIENT_SECRET, then the keychain (key marketo.client-secret).\n"
                   "Exit codes: 0 done, 1 Marketo refused (the message names the code), 2 usage error,\n"
                   "3 invalid workspace, 4 transport error (no answer, HTTP error, TLS, timeout).\n")})
{
}

void MarketoCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral("connect, fields, leads, tokens or programs."));
    CliSupport::addWorkspaceArgument(parser);
    parser.addOption({QStringLiteral("endpoint"),
                      QStringLiteral("The REST endpoint, https://MUNCHKIN.mktorest.com/rest."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("identity"),
                      QStringLiteral("The identity URL, https://MUNCHKIN.mktorest.com/identity."),
                      QStringLiteral("URL")});
    parser.addOption(
        {QStringLiteral("client-id"), QStringLiteral("The LaunchPoint service's client ID."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("email"),
                      QStringLiteral("A lead's email address (repeat for more)."),
                      QStringLiteral("ADDRESS")});
    parser.addOption({QStringLiteral("list"), QStringLiteral("A static list's id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("At most N leads from the list (default 1000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("program"), QStringLiteral("The program's id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the summary; do not save the workspace.")});
    parser.addOption({QStringLiteral("timeout-ms"),
                      QStringLiteral("Give up a call after N milliseconds, 1000 to 300000 (default: 30000)."),
                      QStringLiteral("N")});
}

int MarketoCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        return usageError(io, QStringLiteral("missing ACTION (connect, fields, leads, tokens or programs)"));
    }
    const QString action = args.first();
    if (!kActions.contains(action)) {
        return usageError(
            io,
            QStringLiteral("unknown action \"%1\" (expected connect, fields, leads, tokens or programs)").arg(action));
    }
    if (args.size() < 2) {
        return usageError(io, QStringLiteral("missing WORKSPACE (a .webhooks.json file)"));
    }
    if (args.size() > 2) {
        return usageError(io, QStringLiteral("unexpected argument \"%1\"").arg(args.at(2)));
    }
    const QString path = args.at(1);
    Workspace workspace;
    if (action == QLatin1String("connect") && !QFile::exists(path)) {
        return usageError(io, QStringLiteral("%1 does not exist").arg(path));
    }
    if (const int code = CliSupport::loadWorkspace(path, &workspace, io)) {
        return code;
    }
    if (action == QLatin1String("connect")) {
        return connect(parser, path, workspace, io);
    }
    if (!workspace.marketo.isSet()) {
        return usageError(io,
                          QStringLiteral("%1 is not connected to Marketo: run `webhook-designer-cli marketo connect %1 "
                                         "--endpoint URL --identity URL --client-id ID` first")
                              .arg(path));
    }
    if (action == QLatin1String("fields")) {
        return fields(parser, path, workspace, io);
    }
    if (action == QLatin1String("leads")) {
        return leads(parser, path, workspace, io);
    }
    if (action == QLatin1String("tokens")) {
        return tokens(parser, path, workspace, io);
    }
    return programs(workspace, io);
}

int MarketoCommand::failure(const MarketoProblem& problem, CliStreams& io) const
{
    io.err << "webhook-designer-cli marketo: " << problem.toString() << '\n';
    return problem.kind == MarketoProblem::Kind::Refused ? CheckFailed : 4;
}

int MarketoCommand::clientSecret(const Workspace& workspace, CliStreams& io, QString* secret) const
{
    *secret = QProcessEnvironment::systemEnvironment().value(MarketoConnection::secretVariable());
    if (!secret->isEmpty()) {
        return Success;
    }
    QString problem;
    if (!workspace.id.isEmpty()) {
        if (const auto stored = CliSupport::keychain().read(workspace.id, MarketoConnection::secretKey(), &problem)) {
            *secret = *stored;
            return Success;
        }
    }
    io.err << "webhook-designer-cli marketo: no client secret: set " << MarketoConnection::secretVariable()
           << " or run `marketo connect` again"
           << (problem.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(problem)) << '\n';
    return UsageError;
}

int MarketoCommand::prepare(const Workspace& workspace, MarketoClient* client, CliStreams& io) const
{
    QString secret;
    if (const int code = clientSecret(workspace, io, &secret)) {
        return code;
    }
    client->setConnection(workspace.marketo, secret);
    HttpClient::Options options;
    options.trust(workspace.trustedCertificate);
    client->setHttpOptions(options);
    return Success;
}

int MarketoCommand::connect(const QCommandLineParser& parser, const QString& path, Workspace& workspace, CliStreams& io)
{
    MarketoConnection connection = workspace.marketo;
    for (const auto& [option, target] : {std::pair {QStringLiteral("endpoint"), &connection.endpoint},
                                         std::pair {QStringLiteral("identity"), &connection.identity},
                                         std::pair {QStringLiteral("client-id"), &connection.clientId}}) {
        if (parser.isSet(option)) {
            *target = parser.value(option).trimmed();
        }
        if (target->isEmpty()) {
            return usageError(io, QStringLiteral("missing --%1").arg(option));
        }
    }
    for (const QString& url : {connection.endpoint, connection.identity}) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty()
            || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))) {
            return usageError(io, QStringLiteral("\"%1\" is not an http:// or https:// address").arg(url));
        }
    }
    while (connection.endpoint.endsWith(QLatin1Char('/'))) {
        connection.endpoint.chop(1);
    }
    while (connection.identity.endsWith(QLatin1Char('/'))) {
        connection.identity.chop(1);
    }
    QString secret = QProcessEnvironment::systemEnvironment().value(MarketoConnection::secretVariable());
    const bool fromEnvironment = !secret.isEmpty();
    if (!fromEnvironment) {
        secret = readSecret(io);
    }
    if (secret.isEmpty()) {
        return usageError(
            io, QStringLiteral("no client secret on standard input or in %1").arg(MarketoConnection::secretVariable()));
    }
    QNetworkAccessManager manager;
    MarketoClient client(&manager);
    client.setConnection(connection, secret);
    HttpClient::Options options;
    options.trust(workspace.trustedCertificate);
    client.setHttpOptions(options);
    MarketoProblem problem;
    wait([&](auto done) {
        client.authenticate([&, done](const MarketoClient::Reply& reply) {
            problem = reply.problem;
            done();
        });
    });
    if (!problem.isNone()) {
        return failure(problem, io);
    }
    workspace.marketo.endpoint = connection.endpoint;
    workspace.marketo.identity = connection.identity;
    workspace.marketo.clientId = connection.clientId;
    if (workspace.id.isEmpty()) {
        workspace.id = Workspace::newId();
    }
    QJsonArray warnings;
    if (!fromEnvironment) {
        QString error;
        if (!CliSupport::keychain().write(workspace.id, MarketoConnection::secretKey(), secret, &error)) {
            warnings.append(QStringLiteral("the client secret is not stored (%1): set %2 for later commands")
                                .arg(error, MarketoConnection::secretVariable()));
        }
    }
    return finish(parser,
                  path,
                  workspace,
                  {{QStringLiteral("connected"), true},
                   {QStringLiteral("endpoint"), connection.endpoint},
                   {QStringLiteral("warnings"), warnings}},
                  client.callCount(),
                  io);
}

int MarketoCommand::fields(const QCommandLineParser& parser, const QString& path, Workspace& workspace, CliStreams& io)
{
    QNetworkAccessManager manager;
    MarketoClient client(&manager);
    if (const int code = prepare(workspace, &client, io)) {
        return code;
    }
    MarketoApi api(&client);
    QList<MarketoField> read;
    MarketoProblem problem;
    wait([&](auto done) {
        api.fields([&, done](const QList<MarketoField>& items, const MarketoProblem& p) {
            read = items;
            problem = p;
            done();
        });
    });
    if (!problem.isNone()) {
        return failure(problem, io);
    }
    const MarketoImportSummary summary = MarketoImport::mergeFields(&workspace, read);
    return finish(parser, path, workspace, summary.toJson(), client.callCount(), io);
}

int MarketoCommand::leads(const QCommandLineParser& parser, const QString& path, Workspace& workspace, CliStreams& io)
{
    const QStringList emails = parser.values(QStringLiteral("email"));
    const bool byList = parser.isSet(QStringLiteral("list"));
    if (emails.isEmpty() == !byList) {
        return usageError(io, QStringLiteral("give either --email ADDRESS (one or more) or --list ID"));
    }
    bool ok = true;
    const qint64 listId = byList ? parser.value(QStringLiteral("list")).toLongLong(&ok) : 0;
    if (!ok || (byList && listId <= 0)) {
        return usageError(
            io, QStringLiteral("invalid --list \"%1\" (expected a list id)").arg(parser.value(QStringLiteral("list"))));
    }
    int limit = 1000;
    if (parser.isSet(QStringLiteral("limit"))) {
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1) {
            return usageError(io,
                              QStringLiteral("invalid --limit \"%1\" (expected at least 1)")
                                  .arg(parser.value(QStringLiteral("limit"))));
        }
    }
    QNetworkAccessManager manager;
    MarketoClient client(&manager);
    if (const int code = prepare(workspace, &client, io)) {
        return code;
    }
    MarketoApi api(&client);
    QList<QJsonObject> read;
    MarketoProblem problem;
    QStringList fieldNames = MarketoImport::leadFields(workspace);
    if (workspace.marketo.instanceFields.isEmpty()) {
        // Marketo refuses a request naming a field it lacks: learn which it has first.
        QList<MarketoField> instance;
        wait([&](auto done) {
            api.fields([&, done](const QList<MarketoField>& items, const MarketoProblem& p) {
                instance = items;
                problem = p;
                done();
            });
        });
        if (!problem.isNone()) {
            return failure(problem, io);
        }
        fieldNames = MarketoImport::leadFields(workspace, instance);
    }
    const bool terminal = isatty(STDERR_FILENO);
    wait([&](auto done) {
        const auto finished = [&, done](const QList<QJsonObject>& items, const MarketoProblem& p) {
            read = items;
            problem = p;
            done();
        };
        if (byList) {
            api.leadsByList(
                listId,
                fieldNames,
                limit,
                [&](int count) {
                    if (terminal) {
                        io.err << "\rread " << count << " leads" << Qt::flush;
                    }
                },
                finished);
        } else {
            api.leadsByEmail(emails, fieldNames, finished);
        }
    });
    if (terminal && byList) {
        io.err << '\n';
    }
    if (!problem.isNone()) {
        return failure(problem, io);
    }
    MarketoImportSummary summary = MarketoImport::mergeLeads(&workspace, read);
    summary.warnings.prepend(QStringLiteral("the workspace now holds %1 lead(s) from Marketo: personal data; keep it "
                                            "out of shared repositories")
                                 .arg(read.size()));
    if (fieldNames.isEmpty()) {
        summary.warnings.append(QStringLiteral("no field import yet, so only Marketo's default fields came: run "
                                               "`webhook-designer-cli marketo fields %1` first for the others")
                                    .arg(path));
    }
    return finish(parser, path, workspace, summary.toJson(), client.callCount(), io);
}

int MarketoCommand::tokens(const QCommandLineParser& parser, const QString& path, Workspace& workspace, CliStreams& io)
{
    bool ok = false;
    const qint64 programId = parser.value(QStringLiteral("program")).toLongLong(&ok);
    if (!ok || programId <= 0) {
        return usageError(io, QStringLiteral("missing or invalid --program ID"));
    }
    QNetworkAccessManager manager;
    MarketoClient client(&manager);
    if (const int code = prepare(workspace, &client, io)) {
        return code;
    }
    MarketoApi api(&client);
    QList<MarketoProgram> programs;
    QList<MarketoToken> read;
    MarketoProblem problem;
    wait([&](auto done) {
        api.programs([&, done](const QList<MarketoProgram>& items, const MarketoProblem& p) {
            programs = items;
            problem = p;
            if (!problem.isNone()) {
                done();
                return;
            }
            api.tokens(programId, [&, done](const QList<MarketoToken>& tokens, const MarketoProblem& q) {
                read = tokens;
                problem = q;
                done();
            });
        });
    });
    if (!problem.isNone()) {
        return failure(problem, io);
    }
    MarketoProgram program {programId, QString(), QString()};
    for (const MarketoProgram& p : std::as_const(programs)) {
        if (p.id == programId) {
            program = p;
        }
    }
    const MarketoImportSummary summary = MarketoImport::mergeTokens(&workspace, program, read);
    return finish(parser, path, workspace, summary.toJson(), client.callCount(), io);
}

int MarketoCommand::programs(Workspace& workspace, CliStreams& io)
{
    QNetworkAccessManager manager;
    MarketoClient client(&manager);
    if (const int code = prepare(workspace, &client, io)) {
        return code;
    }
    MarketoApi api(&client);
    QList<MarketoProgram> read;
    MarketoProblem problem;
    wait([&](auto done) {
        api.programs([&, done](const QList<MarketoProgram>& items, const MarketoProblem& p) {
            read = items;
            problem = p;
            done();
        });
    });
    if (!problem.isNone()) {
        return failure(problem, io);
    }
    QJsonArray list;
    for (const MarketoProgram& program : std::as_const(read)) {
        list.append(QJsonObject {{QStringLiteral("id"), program.id},
                                 {QStringLiteral("name"), program.name},
                                 {QStringLiteral("type"), program.type}});
    }
    CliSupport::printJson(io, {{QStringLiteral("programs"), list}, {QStringLiteral("calls"), client.callCount()}});
    return Success;
}

int MarketoCommand::finish(const QCommandLineParser& parser,
                           const QString& path,
                           const Workspace& workspace,
                           QJsonObject summary,
                           int calls,
                           CliStreams& io) const
{
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    summary.insert(QStringLiteral("calls"), calls);
    summary.insert(QStringLiteral("dryRun"), dryRun);
    if (!dryRun) {
        QString error;
        if (!WorkspaceFile::save(workspace, path, &error)) {
            io.err << "webhook-designer-cli marketo: " << error << '\n';
            return UsageError;
        }
    }
    CliSupport::printJson(io, summary);
    return Success;
}
