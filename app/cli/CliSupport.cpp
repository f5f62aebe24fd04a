#include "CliSupport.h"

#include "format/CsvImporter.h"
#include "format/WorkspaceFile.h"
#include "http/HttpClient.h"
#include "model/SecretKeys.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretResolver.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>
#include <QTimeZone>

void CliSupport::addWorkspaceArgument(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The .webhooks.json file."));
}

void CliSupport::addWebhookOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("webhook"), QStringLiteral("The webhook's name."), QStringLiteral("NAME")});
}

void CliSupport::addLeadOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("lead"),
                      QStringLiteral("The sample lead: an index from 0 or an email address (default: the first)."),
                      QStringLiteral("INDEX|EMAIL")});
}

int CliSupport::workspaceAndWebhook(const Command& command,
                                    const QCommandLineParser& parser,
                                    CliStreams& io,
                                    QString* path)
{
    if (const int code = workspacePath(command, parser, io, path)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("webhook"))) {
        return command.usageError(io, QStringLiteral("missing --webhook NAME"));
    }
    return Command::Success;
}

int CliSupport::loadWebhook(const Command& command,
                            const QCommandLineParser& parser,
                            const QString& path,
                            CliStreams& io,
                            Workspace* workspace,
                            int* index)
{
    if (const int code = loadWorkspace(path, workspace, io)) {
        return code;
    }
    return findWebhook(command, *workspace, parser.value(QStringLiteral("webhook")), io, index);
}

int CliSupport::workspacePath(const Command& command, const QCommandLineParser& parser, CliStreams& io, QString* path)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return command.usageError(io, QStringLiteral("missing WORKSPACE (a .webhooks.json file)"));
    }
    if (positional.size() > 1) {
        return command.usageError(
            io, QStringLiteral("unexpected argument \"%1\": give one WORKSPACE").arg(positional.at(1)));
    }
    *path = positional.first();
    return Command::Success;
}

int CliSupport::loadWorkspace(const QString& path, Workspace* workspace, CliStreams& io, bool warnPlainText)
{
    QString error;
    WorkspaceFileProblem problem;
    if (!WorkspaceFile::load(path, workspace, &error, &problem)) {
        // file:line:column: is what editors and CI annotations understand.
        QString location = path;
        if (problem.line > 0) {
            location += QStringLiteral(":%1:%2").arg(problem.line).arg(problem.column);
        }
        if (problem.line == 0) {
            io.err << "webhook-designer-cli: " << error << '\n';
        } else if (problem.path.isEmpty()) {
            io.err << "webhook-designer-cli: " << location << ": " << problem.message << '\n';
        } else {
            io.err << "webhook-designer-cli: " << location << ": " << error << '\n';
        }
        return Command::WorkspaceError;
    }
    if (warnPlainText && workspace->secretsInFile) {
        io.err << "webhook-designer-cli: warning: " << path << " holds secret values in plain text ("
               << SecretKeys::keysWithValues(*workspace).join(QStringLiteral(", "))
               << "); `webhook-designer-cli secret migrate " << path << "` moves them into the keychain\n";
    }
    return Command::Success;
}

bool CliSupport::lacksSecrets(const Command& command, const RenderedRequest& request, CliStreams& io)
{
    bool lacks = false;
    for (const Diagnostic& diagnostic : request.diagnostics) {
        if (diagnostic.code == QLatin1String("missing-secret")) {
            io.err << "webhook-designer-cli " << command.name() << ": " << diagnostic.where.toString() << ": "
                   << diagnostic.message << '\n';
            lacks = true;
        }
    }
    return lacks;
}

KeychainSecretStore& CliSupport::keychain()
{
    static KeychainSecretStore store;
    return store;
}

void CliSupport::resolveSecrets(Workspace* workspace, CliStreams& io)
{
    if (SecretKeys::keys(*workspace).isEmpty()) {
        return;
    }
    const bool wasReachable = keychain().unreachable().isEmpty();
    SecretResolver resolver(&keychain(), QProcessEnvironment::systemEnvironment());
    resolver.resolve(workspace);
    if (wasReachable && !resolver.storeProblem().isEmpty()) {
        io.err << "webhook-designer-cli: " << resolver.storeProblem()
               << "; secrets come from WD_SECRET_* environment variables only\n";
    }
}

int CliSupport::findWebhook(
    const Command& command, const Workspace& workspace, const QString& name, CliStreams& io, int* index)
{
    if (name.isEmpty()) {
        return command.usageError(io, QStringLiteral("missing --webhook NAME"));
    }
    *index = workspace.webhookIndex(name);
    if (*index < 0) {
        QStringList names;
        for (const Webhook& h : workspace.webhooks) {
            if (names.size() == 20) {
                names << QStringLiteral("...");
                break;
            }
            names << QLatin1Char('"') + h.name + QLatin1Char('"');
        }
        return command.usageError(
            io,
            QStringLiteral("no webhook named \"%1\" (the workspace has: %2)")
                .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
    }
    return Command::Success;
}

int CliSupport::findLead(const Command& command,
                         const Workspace& workspace,
                         const std::optional<QString>& given,
                         CliStreams& io,
                         QJsonObject* lead)
{
    if (!given) {
        *lead = workspace.leads.isEmpty() ? QJsonObject() : workspace.leads.first();
        return Command::Success;
    }
    const QString& indexOrEmail = *given;
    const int index = indexOrEmail.trimmed().isEmpty() ? -1 : workspace.leadIndex(indexOrEmail);
    if (index < 0) {
        return command.usageError(
            io,
            workspace.leads.isEmpty()
                ? QStringLiteral("no lead \"%1\": the workspace has no sample leads").arg(indexOrEmail)
                : QStringLiteral("no lead \"%1\": give an index from 0 to %2 or a lead's email address")
                      .arg(indexOrEmail)
                      .arg(workspace.leads.size() - 1));
    }
    *lead = workspace.leads.at(index);
    return Command::Success;
}

int CliSupport::parseNow(const Command& command,
                         const Workspace& workspace,
                         const std::optional<QString>& given,
                         CliStreams& io,
                         QDateTime* now)
{
    if (!given) {
        *now = QDateTime::currentDateTimeUtc();
        return Command::Success;
    }
    const QString& text = *given;
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return command.usageError(
            io, QStringLiteral("invalid --now \"%1\" (expected ISO 8601, e.g. 2024-03-01T09:30:00Z)").arg(text));
    }
    if (parsed.timeSpec() == Qt::LocalTime) {
        // No offset given: the time as the workspace's time zone shows it, not as this
        // machine's does, so a CI run renders the same on any server.
        const QTimeZone zone(workspace.timeZone.toUtf8());
        const QTimeZone used = zone.isValid() ? zone : QTimeZone::utc();
        const QDateTime local = QDateTime(parsed.date(), parsed.time(), used);
        // In the hour clocks skip, that wall-clock time never happens: say so rather than
        // guess which instant was meant (Qt gives an invalid or shifted time there).
        if (!local.isValid() || local.time() != parsed.time() || local.date() != parsed.date()) {
            // The offset in force before the jump, the one the user most likely means.
            const int offset = used.offsetFromUtc(QDateTime(parsed.date(), QTime(0, 0), used));
            const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
            const QString offsetText = QStringLiteral("%1%2:%3")
                                           .arg(sign)
                                           .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
                                           .arg(qAbs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
            return command.usageError(io,
                                      QStringLiteral("--now \"%1\" does not exist in %2 (the clocks skip it); give "
                                                     "an offset, e.g. %1%3")
                                          .arg(text, QString::fromUtf8(used.id()), offsetText));
        }
        parsed = local;
    }
    *now = parsed;
    return Command::Success;
}

int CliSupport::importLeads(
    const Command& command, const QString& csv, const FieldCatalog& catalog, CliStreams& io, QList<QJsonObject>* leads)
{
    CsvImportResult imported;
    QString error;
    if (!CsvImporter::importFile(csv, catalog, &imported, &error))
        return command.usageError(io, QStringLiteral("cannot import %1: %2").arg(csv, error));
    const QString prefix = QStringLiteral("webhook-designer-cli %1: %2: ").arg(command.name(), csv);
    for (const CsvRowError& row : imported.errors)
        io.err << prefix << row.toString() << " (skipped)\n";
    for (const QString& warning : imported.warnings)
        io.err << prefix << warning << '\n';
    *leads = imported.leads;
    return Command::Success;
}

int CliSupport::readTimeout(const Command& command, const QCommandLineParser& parser, CliStreams& io, int* timeoutMs)
{
    const QString name = QStringLiteral("timeout-ms");
    if (!parser.isSet(name)) {
        return Command::Success;
    }
    bool isNumber = false;
    const int timeout = parser.value(name).toInt(&isNumber);
    if (!isNumber || timeout < HttpClient::Options::minTimeoutMs || timeout > HttpClient::Options::maxTimeoutMs) {
        return command.usageError(
            io, QStringLiteral("invalid --timeout-ms \"%1\" (expected 1000 to 300000)").arg(parser.value(name)));
    }
    *timeoutMs = timeout;
    return Command::Success;
}

std::optional<QString> CliSupport::value(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return parser.value(name);
}

SecretRedactor CliSupport::markedSecrets(const Workspace& workspace)
{
    SecretRedactor redactor;
    for (const ContextValue& value : workspace.context.my.values) {
        if (value.secret)
            redactor.addSecretValue(value.value);
    }
    return redactor;
}

RenderedRequest CliSupport::masked(const RenderedRequest& request, const Workspace& workspace)
{
    const SecretRedactor redactor = markedSecrets(workspace);
    RenderedRequest out = request;
    out.url = redactor.redact(out.url);
    for (RenderedHeader& header : out.headers)
        header.value = header.secret ? SecretRedactor::placeholder() : redactor.redact(header.value);
    out.body = redactor.redact(out.body);
    return out;
}

void CliSupport::printJson(CliStreams& io, const QJsonObject& object)
{
    io.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}
