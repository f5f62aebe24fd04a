#pragma once

#include "cli/Command.h"

// `lint WORKSPACE [--webhook NAME]`: prints {"diagnostics": [...]} for every webhook (or
// one), each diagnostic naming its webhook. Exits 1 when any diagnostic is an error.
class LintCommand : public Command
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
