#include "SecretCommand.h"

#include "cli/CliSupport.h"
#include "format/WorkspaceFile.h"
#include "model/SecretKeys.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretMigration.h"
#include "secrets/SecretResolver.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

const QStringList kActions {
    QStringLiteral("set"), QStringLiteral("list"), QStringLiteral("delete"), QStringLiteral("migrate")};

// The value from standard input: all of it, less one line end. On a terminal the user
// is asked, without echo.
QString readValue(const QString& key, CliStreams& io)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        return {};
    }
    const bool terminal = isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        io.err << "Value for " << key << " (not shown): " << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QByteArray bytes = terminal ? in.readLine() : in.readAll();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        io.err << '\n';
    }
    if (bytes.endsWith('\n')) {
        bytes.chop(1);
        if (bytes.endsWith('\r')) {
            bytes.chop(1);
        }
    }
    return QString::fromUtf8(bytes);
}

} // namespace

SecretCommand::SecretCommand()
    : Command(
        {QStringLiteral("secret"),
         QStringLiteral("Keep the workspace's secrets in the keychain: set, list, delete, migrate."),
         QStringLiteral("secret set|list|delete|migrate WORKSPACE [KEY]"),
         QStringLiteral("Secret My Tokens and headers marked secret keep their values in the desktop's keychain\n"
                        "(service \"webhook-designer\", one entry per workspace id and key), never in the\n"
                        "workspace file. Keys are my.<token name> and header.<webhook name>.<header name>,\n"
                        "and marketo.client-secret for a workspace connected to Marketo\n"
                        "(WD_MARKETO_CLIENT_SECRET overrides it).\n"
                        "  set WORKSPACE KEY      stores the value read from standard input (one trailing line\n"
                        "                         end is dropped); gives the workspace an \"id\" if it has none.\n"
                        "                         Prints {\"key\", \"workspace\"}.\n"
                        "  list WORKSPACE         prints {\"workspace\", \"keychain\": {\"backend\", \"reachable\",\n"
                        "                         \"problem\"}, \"secrets\": [{\"key\", \"source\", \"variable\",\n"
                        "                         \"inFile\"}]}: where each value comes from (environment,\n"
                        "                         keychain, file or missing), never the value.\n"
                        "  delete WORKSPACE KEY   removes the keychain entry. Prints {\"key\", \"workspace\"}.\n"
                        "  migrate WORKSPACE      moves the values a file holds in plain text into the keychain\n"
                        "                         and rewrites the file without them. Prints {\"migrated\": [keys],\n"
                        "                         \"workspace\"}.\n"
                        "Every command that sends or prints a request reads WD_SECRET_<KEY> first (KEY upper-cased,\n"
                        "each character outside A-Z and 0-9 replaced by _), then the keychain.\n"
                        "Exit codes: 0 done, 1 the keychain failed or cannot be reached, 2 usage error (also an\n"
                        "unknown key or an empty value), 3 invalid workspace.\n")})
{
}

void SecretCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("set, list, delete or migrate."));
    CliSupport::addWorkspaceArgument(parser);
    parser.addPositionalArgument(QStringLiteral("KEY"), QStringLiteral("The secret: my.NAME or header.WEBHOOK.NAME."));
}

int SecretCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        return usageError(io, QStringLiteral("missing ACTION (set, list, delete or migrate)"));
    }
    const QString action = args.first();
    if (!kActions.contains(action)) {
        return usageError(io,
                          QStringLiteral("unknown action \"%1\" (expected set, list, delete or migrate)").arg(action));
    }
    const bool needsKey = action == QLatin1String("set") || action == QLatin1String("delete");
    if (args.size() < 2) {
        return usageError(io, QStringLiteral("missing WORKSPACE (a .webhooks.json file)"));
    }
    if (needsKey && args.size() < 3) {
        return usageError(io, QStringLiteral("missing KEY (my.NAME or header.WEBHOOK.NAME)"));
    }
    const int expected = needsKey ? 3 : 2;
    if (args.size() > expected) {
        return usageError(io, QStringLiteral("unexpected argument \"%1\"").arg(args.at(expected)));
    }
    const QString path = args.at(1);
    if (action == QLatin1String("migrate")) {
        return migrate(path, io);
    }
    Workspace workspace;
    if (const int code = CliSupport::loadWorkspace(path, &workspace, io)) {
        return code;
    }
    if (action == QLatin1String("set")) {
        return set(path, workspace, args.at(2), io);
    }
    if (action == QLatin1String("delete")) {
        return remove(workspace, args.at(2), io);
    }
    return list(path, workspace, io);
}

int SecretCommand::keychainError(CliStreams& io, const QString& message) const
{
    io.err << "webhook-designer-cli secret: " << message << '\n';
    return CheckFailed;
}

int SecretCommand::set(const QString& path, Workspace& workspace, const QString& key, CliStreams& io)
{
    QStringList keys = SecretKeys::keys(workspace);
    if (workspace.marketo.isSet()) {
        keys.append(MarketoConnection::secretKey());
    }
    if (!keys.contains(key)) {
        return usageError(io,
                          QStringLiteral("%1 has no secret \"%2\"; its secrets are: %3")
                              .arg(path,
                                   key,
                                   keys.isEmpty() ? QStringLiteral("none (mark a My Token or a header secret first)")
                                                  : keys.join(QStringLiteral(", "))));
    }
    const QString value = readValue(key, io);
    if (value.isEmpty()) {
        return usageError(io, QStringLiteral("no value for %1 on standard input").arg(key));
    }
    QString error;
    // The keychain entry is named by the id, so a file without one needs one to find its
    // secrets again. The value is stored first: a keychain that fails leaves the file as
    // it was. Everything else in the file is written back as it was.
    const bool newId = workspace.id.isEmpty();
    if (newId) {
        workspace.id = Workspace::newId();
    }
    if (!CliSupport::keychain().write(workspace.id, key, value, &error)) {
        return keychainError(io, error);
    }
    if (newId) {
        if (!WorkspaceFile::save(workspace, path, &error)) {
            CliSupport::keychain().remove(workspace.id, key);
            return keychainError(io, error);
        }
        io.err << "webhook-designer-cli secret: gave " << path << " the id " << workspace.id << '\n';
    }
    CliSupport::printJson(io, {{QStringLiteral("key"), key}, {QStringLiteral("workspace"), workspace.id}});
    return Success;
}

int SecretCommand::list(const QString& path, Workspace& workspace, CliStreams& io)
{
    const QStringList inFile = SecretKeys::keysWithValues(workspace);
    QString problem;
    const bool reachable = CliSupport::keychain().probe(&problem);
    SecretResolver resolver(&CliSupport::keychain(), QProcessEnvironment::systemEnvironment());
    const QList<SecretStatus> statuses = resolver.resolve(&workspace);
    QJsonArray secrets;
    for (const SecretStatus& status : statuses) {
        secrets.append(QJsonObject {
            {QStringLiteral("key"), status.key},
            {QStringLiteral("source"), SecretStatus::sourceName(status.source)},
            {QStringLiteral("variable"), status.variable},
            {QStringLiteral("inFile"), workspace.secretsInFile && inFile.contains(status.key)},
        });
    }
    if (workspace.marketo.isSet()) {
        // The connection's secret: its own variable, as `marketo` reads it.
        const QString variable = MarketoConnection::secretVariable();
        QString source = QStringLiteral("missing");
        if (!QProcessEnvironment::systemEnvironment().value(variable).isEmpty()) {
            source = QStringLiteral("environment");
        } else if (reachable && !workspace.id.isEmpty()
                   && CliSupport::keychain().read(workspace.id, MarketoConnection::secretKey())) {
            source = QStringLiteral("keychain");
        }
        secrets.append(QJsonObject {{QStringLiteral("key"), MarketoConnection::secretKey()},
                                    {QStringLiteral("source"), source},
                                    {QStringLiteral("variable"), variable},
                                    {QStringLiteral("inFile"), false}});
    }
    CliSupport::printJson(
        io,
        {{QStringLiteral("workspace"),
          QJsonObject {{QStringLiteral("file"), path},
                       {QStringLiteral("id"), workspace.id.isEmpty() ? QJsonValue() : QJsonValue(workspace.id)}}},
         {QStringLiteral("keychain"),
          QJsonObject {{QStringLiteral("backend"), CliSupport::keychain().backendName()},
                       {QStringLiteral("reachable"), reachable},
                       {QStringLiteral("problem"), reachable ? QJsonValue() : QJsonValue(problem)}}},
         {QStringLiteral("secrets"), secrets}});
    return Success;
}

int SecretCommand::remove(Workspace& workspace, const QString& key, CliStreams& io)
{
    // Any key may go, also one the workspace no longer names (a renamed header's old
    // entry).
    if (!workspace.id.isEmpty()) {
        QString error;
        if (!CliSupport::keychain().remove(workspace.id, key, &error)) {
            return keychainError(io, error);
        }
    }
    CliSupport::printJson(
        io,
        {{QStringLiteral("key"), key},
         {QStringLiteral("workspace"), workspace.id.isEmpty() ? QJsonValue() : QJsonValue(workspace.id)}});
    return Success;
}

int SecretCommand::migrate(const QString& path, CliStreams& io)
{
    Workspace workspace;
    if (const int code = CliSupport::loadWorkspace(path, &workspace, io, false)) {
        return code;
    }
    QStringList moved;
    QString id;
    QString error;
    if (!SecretMigration::migrateFile(path, &CliSupport::keychain(), &moved, &id, &error)) {
        return keychainError(io, error + QStringLiteral("; ") + path + QStringLiteral(" is unchanged"));
    }
    CliSupport::printJson(io,
                          {{QStringLiteral("migrated"), QJsonArray::fromStringList(moved)},
                           {QStringLiteral("workspace"), id.isEmpty() ? QJsonValue() : QJsonValue(id)}});
    return Success;
}
