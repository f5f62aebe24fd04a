#pragma once

#include "cli/Command.h"

#include <QStringList>

#include <memory>
#include <vector>

// The webhook-designer-cli dispatcher: the registry of commands and the tool-level
// options (--help, --version, `help COMMAND`). The registry is the list built in the
// constructor; adding a command is one line there.
class CommandLine
{
public:
    CommandLine();
    ~CommandLine();

    void add(std::unique_ptr<Command> command);
    const std::vector<std::unique_ptr<Command>>& commands() const { return m_commands; }
    Command* find(const QString& name) const;

    // `arguments` as QCoreApplication::arguments() gives them (the program first).
    // Returns the process exit code (see Command::ExitCode).
    int run(const QStringList& arguments, CliStreams& io);
    QString helpText() const;

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};
