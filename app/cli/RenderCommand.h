#pragma once

#include "cli/Command.h"

// `render WORKSPACE --webhook NAME [--lead INDEX|EMAIL] [--now ISO-8601]`: prints the
// request Marketo would send as {"method","url","headers","body","diagnostics"}. Exits 1
// when the render has error diagnostics. Secret header values are masked unless
// --show-secrets is given, so CI logs do not collect credentials.
class RenderCommand : public Command
{
public:
    RenderCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;
};
