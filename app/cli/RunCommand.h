#pragma once

#include "batch/BatchRunner.h"
#include "cli/Command.h"

#include <QJsonObject>
#include <QList>

class QFile;

// `run WORKSPACE --webhook NAME [--leads FILE.csv] [--concurrency N] [--limit N]
// [--out FILE.jsonl] [--timeout-ms N]`: calls the webhook once per lead (the CSV's, else
// the workspace's), at most N at once (default 20, Marketo's cap), shows a progress line
// on standard error, writes one JSON line per lead to --out (secrets replaced) and prints
// the BatchSummary JSON on standard output. Exit 0 when every lead got a 2xx, 1 when
// some did not, 2 usage (also an unreadable CSV), 3 workspace.
class RunCommand : public Command
{
public:
    RunCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;

private:
    // The steps of execute(); each returns an exit code, 0 to go on.
    int readOptions(const QCommandLineParser& parser, CliStreams& io, BatchRunner::Options* options, int* limit) const;
    int readLeads(const QCommandLineParser& parser,
                  CliStreams& io,
                  const Workspace& workspace,
                  QList<QJsonObject>* leads) const;
    int openOut(const QCommandLineParser& parser, CliStreams& io, QFile* out) const;
    // Runs the calls with progress on standard error and prints the summary.
    int runBatch(const Workspace& workspace,
                 const Webhook& webhook,
                 const BatchRunner::Options& options,
                 const QList<QJsonObject>& leads,
                 QFile* out,
                 CliStreams& io);
};
