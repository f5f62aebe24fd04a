#pragma once

#include "cli/Command.h"
#include "history/SecretRedactor.h"
#include "model/Workspace.h"
#include "template/RenderedRequest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

class KeychainSecretStore;
class QCommandLineParser;

// What the workspace-based commands share: loading the workspace, picking the webhook
// and the sample lead, reading --now, and printing the JSON result. Each lookup prints
// its own message on standard error and returns the exit code to use when it fails.
class CliSupport
{
public:
    // The arguments the commands about one webhook share, as --help lists them.
    static void addWorkspaceArgument(QCommandLineParser& parser);
    static void addWebhookOption(QCommandLineParser& parser);
    static void addLeadOption(QCommandLineParser& parser);

    // The single WORKSPACE positional argument; 2 when missing or when there are more.
    static int workspacePath(const Command& command, const QCommandLineParser& parser, CliStreams& io, QString* path);
    // workspacePath(), and 2 when --webhook is missing.
    static int
    workspaceAndWebhook(const Command& command, const QCommandLineParser& parser, CliStreams& io, QString* path);
    // 3 with the reason (file:line:column: path: message) when unreadable or invalid. A
    // file that still holds secret values in plain text gets a warning naming the keys,
    // unless the command is the one that moves them.
    static int loadWorkspace(const QString& path, Workspace* workspace, CliStreams& io, bool warnPlainText = true);
    // Fills in the workspace's secret values for a command that sends or prints them:
    // from WD_SECRET_<KEY>, then the keychain, then the file (see SecretResolver). When
    // the keychain cannot be reached, says so once and goes on with the environment.
    static void resolveSecrets(Workspace* workspace, CliStreams& io);
    // Whether the request uses a secret found nowhere; prints each such diagnostic as
    // "webhook-designer-cli COMMAND: where: message". Such a request is not sent.
    static bool lacksSecrets(const Command& command, const RenderedRequest& request, CliStreams& io);
    // The keychain, made on first use; one per process, so its "cannot be reached" is
    // said once.
    static KeychainSecretStore& keychain();
    // loadWorkspace(), then findWebhook() for --webhook.
    static int loadWebhook(const Command& command,
                           const QCommandLineParser& parser,
                           const QString& path,
                           CliStreams& io,
                           Workspace* workspace,
                           int* index);
    // The webhook named by --webhook (exact name); 2 when unknown.
    static int
    findWebhook(const Command& command, const Workspace& workspace, const QString& name, CliStreams& io, int* index);
    // --lead as an index from 0 or an email address; without it the first lead, or an
    // empty lead when the workspace has none. 2 when not found.
    static int findLead(const Command& command,
                        const Workspace& workspace,
                        const std::optional<QString>& indexOrEmail,
                        CliStreams& io,
                        QJsonObject* lead);
    // --now as ISO 8601; without an offset it is a time in the workspace's time zone (2
    // when that time does not exist there, as in the hour clocks skip in spring).
    // Without --now, the current time. 2 when invalid.
    static int parseNow(const Command& command,
                        const Workspace& workspace,
                        const std::optional<QString>& text,
                        CliStreams& io,
                        QDateTime* now);
    // The leads of the CSV file `csv` (--leads), rows it skips and its warnings reported on
    // standard error as "webhook-designer-cli COMMAND: FILE: ..."; 2 when it cannot be read.
    static int importLeads(const Command& command,
                           const QString& csv,
                           const FieldCatalog& catalog,
                           CliStreams& io,
                           QList<QJsonObject>* leads);
    // --timeout-ms into *timeoutMs when given; 2 when it is not 1000 to 300000.
    static int readTimeout(const Command& command, const QCommandLineParser& parser, CliStreams& io, int* timeoutMs);
    // An option's value, or nullopt when the option is not given: "--lead ''" is a value,
    // and a wrong one, not the same as no --lead.
    static std::optional<QString> value(const QCommandLineParser& parser, const QString& name);
    // Masks what the user marked secret, for output that ends up in CI logs: the values of
    // secret My Tokens wherever a render put them (secret headers are masked by name).
    static SecretRedactor markedSecrets(const Workspace& workspace);
    // The request as rendered, with markedSecrets() and secret headers masked.
    static RenderedRequest masked(const RenderedRequest& request, const Workspace& workspace);
    // Indented JSON with sorted keys: stable output a CI script can diff.
    static void printJson(CliStreams& io, const QJsonObject& object);
};
