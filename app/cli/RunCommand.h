#pragma once

#include "cli/Command.h"

// `run WORKSPACE --webhook NAME [--leads FILE.csv] [--concurrency N] [--limit N]
// [--out FILE.jsonl] [--timeout-ms N]`: calls the webhook once per lead (the CSV's, else
// the workspace's), at most N at once (default 20, Marketo's cap), shows a progress line
// on standard error, writes one JSON line per lead to --out (secrets replaced) and prints
// the BatchSummary JSON on standard output. Exit 0 when every lead got a 2xx, 1 when
// some did not, 2 usage (also an unreadable CSV), 3 workspace.
class RunCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;
};
