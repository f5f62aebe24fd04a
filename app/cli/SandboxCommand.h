#pragma once

#include "cli/Command.h"

// `sandbox [--port N]`: runs the built-in sandbox service on 127.0.0.1 until the process
// is killed. Prints its URL on standard output first (one line, flushed) and one line per
// request served on standard error.
class SandboxCommand : public Command
{
public:
    SandboxCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;
};
