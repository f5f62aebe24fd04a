#include "Command.h"

#include <QCommandLineParser>
#include <QTextStream>

Command::Command(Texts texts) : m_texts(std::move(texts)) { }

Command::~Command() = default;

QString Command::helpText() const
{
    QCommandLineParser parser;
    parser.addHelpOption();
    addOptions(parser);
    // QCommandLineParser starts its text with "Usage: <path of the binary> [options] ...";
    // the synopsis says it better and does not depend on how the tool was started.
    QString text = parser.helpText();
    const auto firstLineEnd = text.indexOf(QLatin1Char('\n'));
    text = text.mid(firstLineEnd + 1);
    return QStringLiteral("Usage: webhook-designer-cli %1\n\n%2%3").arg(m_texts.synopsis, m_texts.description, text);
}

int Command::run(const QStringList& arguments, CliStreams& io)
{
    QCommandLineParser parser;
    const QCommandLineOption help = parser.addHelpOption();
    addOptions(parser);
    if (!parser.parse(QStringList {name()} + arguments)) {
        return usageError(io, parser.errorText());
    }
    // Qt adds --help-all beside --help; the commands have no Qt options to add to it.
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        io.out << helpText();
        return Success;
    }
    return execute(parser, io);
}

int Command::usageError(CliStreams& io, const QString& message) const
{
    io.err << "webhook-designer-cli " << name() << ": " << message << '\n'
           << "Try 'webhook-designer-cli " << name() << " --help'.\n";
    return UsageError;
}
