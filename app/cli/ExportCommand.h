#pragma once

#include "cli/Command.h"

// `export WORKSPACE --format curl|http|postman|sheet [--webhook NAME] [--lead INDEX|EMAIL]
// [--out FILE]`: writes a webhook as a curl command, a .http file or a Postman collection
// rendered for the sample lead, or its Marketo setup sheet (Markdown). curl and sheet take
// one webhook; http and postman take every webhook without --webhook. Secrets never
// appear: curl reads "$WD_SECRET_<KEY>", the others have empty {{WD_SECRET_<KEY>}}
// variables. Exits 1 when a request has errors and so would not be sent (nothing is
// written).
class ExportCommand : public Command
{
public:
    ExportCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;
};
