#pragma once

#include "cli/Command.h"

// `map WORKSPACE --webhook NAME --status CODE --response FILE [--lead INDEX|EMAIL]`:
// evaluates the webhook's response mappings against a saved response and prints
// {"mappings": [{"attribute","field","applied","value","reason"}], "lead": {...}} with the
// lead as Marketo would leave it. Exits 1 when nothing is applied because of the status
// (or a response type of None); the reason goes to standard error.
class MapCommand : public Command
{
public:
    MapCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;
};
