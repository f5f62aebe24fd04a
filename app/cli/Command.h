#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

// Where a command writes: standard output for its result, standard error for messages.
// Tests and the dispatcher hand in their own streams.
struct CliStreams
{
    QTextStream& out;
    QTextStream& err;
};

// One subcommand of webhook-designer-cli. A command declares its
// options on a QCommandLineParser and runs on the parsed result; run() does the parsing,
// answers --help and reports option errors, so every command behaves the same.
//
// Exit codes are shared by all commands: 0 success; 1 the check failed (lint errors, a
// render with errors, no mapping applied because of the status); 2 a usage error
// (unknown option, missing or invalid value, unknown webhook or lead, unreadable input
// file); 3 an unreadable or invalid workspace.
class Command
{
public:
    enum ExitCode { Success = 0, CheckFailed = 1, UsageError = 2, WorkspaceError = 3 };

    // What the tool's help and the command's --help say about it.
    struct Texts
    {
        QString name;        // "render"
        QString summary;     // one line for the tool's help
        QString synopsis;    // after the program name: "render WORKSPACE --webhook NAME [...]"
        QString description; // a paragraph after the synopsis in --help: output, exit codes
    };

    explicit Command(Texts texts);
    virtual ~Command();

    const QString& name() const { return m_texts.name; }
    const QString& summary() const { return m_texts.summary; }

    // The full --help text.
    QString helpText() const;
    // `arguments` are those after the command's name. Returns the exit code.
    int run(const QStringList& arguments, CliStreams& io);

    // Prints "webhook-designer-cli NAME: message" and a hint to use --help; returns 2.
    int usageError(CliStreams& io, const QString& message) const;

protected:
    // Declares the command's options and positional arguments (not --help).
    virtual void addOptions(QCommandLineParser& parser) const = 0;
    // Runs with options already parsed and --help handled.
    virtual int execute(const QCommandLineParser& parser, CliStreams& io) = 0;

private:
    Texts m_texts;
};
