#pragma once

#include "cli/Command.h"

#include <QJsonObject>

struct MarketoProblem;
class MarketoClient;
struct Workspace;

// `marketo connect|fields|leads|tokens|programs WORKSPACE ...`: connects a workspace to
// a Marketo instance and imports its lead fields, sample leads and a program's My Tokens
// (see MarketoClient, MarketoImport). Each import prints a JSON summary and saves the
// workspace atomically, unless --dry-run. The client secret is read from standard input
// (connect) or WD_MARKETO_CLIENT_SECRET, then the keychain; it is never written to the
// workspace, nor printed.
class MarketoCommand : public Command
{
public:
    MarketoCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;

private:
    int connect(const QCommandLineParser& parser, const QString& path, Workspace& workspace, CliStreams& io);
    int fields(const QCommandLineParser& parser, const QString& path, Workspace& workspace, CliStreams& io);
    int leads(const QCommandLineParser& parser, const QString& path, Workspace& workspace, CliStreams& io);
    int tokens(const QCommandLineParser& parser, const QString& path, Workspace& workspace, CliStreams& io);
    int programs(Workspace& workspace, CliStreams& io);

    // The secret for an existing connection: 2 with a message when there is none.
    int clientSecret(const Workspace& workspace, CliStreams& io, QString* secret) const;
    int prepare(const Workspace& workspace, MarketoClient* client, CliStreams& io) const;
    // 1 for a refusal (the message names the code), 4 for a transport problem.
    int failure(const MarketoProblem& problem, CliStreams& io) const;
    // Prints the summary with the call count, and saves unless --dry-run.
    int finish(const QCommandLineParser& parser,
               const QString& path,
               const Workspace& workspace,
               QJsonObject summary,
               int calls,
               CliStreams& io) const;
};
