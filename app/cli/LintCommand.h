#pragma once

#include "cli/Command.h"

// `lint WORKSPACE [--webhook NAME]`: prints {"diagnostics": [...]} for every webhook (or
// one), each diagnostic naming its webhook. Exits 1 when any diagnostic is an error.
class LintCommand : public Command
{
public:
    LintCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;
};
