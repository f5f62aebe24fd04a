#include "CommandLine.h"

#include "cli/ExportCommand.h"
#include "cli/ImportCommand.h"
#include "cli/LintCommand.h"
#include "cli/MapCommand.h"
#include "cli/MarketoCommand.h"
#include "cli/RenderCommand.h"
#include "cli/RunCommand.h"
#include "cli/SandboxCommand.h"
#include "cli/SecretCommand.h"
#include "cli/SendCommand.h"
#include "cli/TestCommand.h"

#include <QTextStream>

CommandLine::CommandLine()
{
    // The registry: one line per command, in the order --help lists them.
    add(std::make_unique<RenderCommand>());
    add(std::make_unique<LintCommand>());
    add(std::make_unique<MapCommand>());
    add(std::make_unique<SendCommand>());
    add(std::make_unique<RunCommand>());
    add(std::make_unique<TestCommand>());
    add(std::make_unique<MarketoCommand>());
    add(std::make_unique<SandboxCommand>());
    add(std::make_unique<SecretCommand>());
    add(std::make_unique<ImportCommand>());
    add(std::make_unique<ExportCommand>());
}

CommandLine::~CommandLine() = default;

void CommandLine::add(std::unique_ptr<Command> command)
{
    m_commands.push_back(std::move(command));
}

Command* CommandLine::find(const QString& name) const
{
    for (const auto& command : m_commands) {
        if (command->name() == name) {
            return command.get();
        }
    }
    return nullptr;
}

QString CommandLine::helpText() const
{
    QString text =
        QStringLiteral("Usage: webhook-designer-cli COMMAND [options]\n\n"
                       "Checks Marketo webhooks designed with Webhook Designer, without a display, for CI.\n\n"
                       "Commands:\n");
    int width = 0;
    for (const auto& command : m_commands) {
        width = qMax(width, int(command->name().size()));
    }
    for (const auto& command : m_commands) {
        text += QStringLiteral("  %1  %2\n").arg(command->name().leftJustified(width), command->summary());
    }
    text += QStringLiteral("\nOptions:\n"
                           "  -h, --help     Show this help; COMMAND --help shows a command's.\n"
                           "  -v, --version  Show the version.\n\n"
                           "Exit codes: 0 success; 1 the check failed (lint errors, a render with errors, no\n"
                           "mapping applied because of the status); 2 usage error; 3 unreadable or invalid\n"
                           "workspace (the reason on standard error).\n");
    return text;
}

int CommandLine::run(const QStringList& arguments, CliStreams& io)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        io.err << helpText();
        return Command::UsageError;
    }
    const QString first = args.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        if (first == QLatin1String("help") && args.size() > 1) {
            if (Command* command = find(args.at(1))) {
                io.out << command->helpText();
                return Command::Success;
            }
            io.err << "webhook-designer-cli: unknown command \"" << args.at(1) << "\"\n";
            return Command::UsageError;
        }
        io.out << helpText();
        return Command::Success;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        io.out << "webhook-designer-cli " << WD_VERSION << '\n';
        return Command::Success;
    }
    Command* command = find(first);
    if (!command) {
        io.err << "webhook-designer-cli: unknown command \"" << first << "\"\n"
               << "Try 'webhook-designer-cli --help'.\n";
        return Command::UsageError;
    }
    return command->run(args.mid(1), io);
}
