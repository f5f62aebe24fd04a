#pragma once

#include "cli/Command.h"

#include <QJsonArray>

struct Workspace;
struct Webhook;

// `import WORKSPACE --from curl|postman [--name NAME] [--file FILE] [--tokenize]`: turns a
// curl command or a Postman collection (standard input unless --file) into webhooks,
// creating the workspace file when it does not exist and saving atomically. Prints
// {"webhooks": [names], "notes": [...], "suggestions": [{"webhook", "where", "value",
// "token"}]}; --tokenize applies the suggestions. Exits 1 when the input cannot become a
// webhook (the reason on standard error).
class ImportCommand : public Command
{
public:
    ImportCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;

private:
    // Adds the webhook under a name not yet taken ("name (2)"), with its token
    // suggestions found (and applied with --tokenize); returns the name.
    static QString
    add(Workspace* workspace, Webhook webhook, bool tokenize, QJsonArray* suggestions, QJsonArray* notes);
};
