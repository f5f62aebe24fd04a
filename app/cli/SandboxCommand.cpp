#include "SandboxCommand.h"

#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QTextStream>

namespace {
constexpr int kTries = 10;
}

SandboxCommand::SandboxCommand()
    : Command({QStringLiteral("sandbox"),
               QStringLiteral("Run the built-in sandbox web service until killed."),
               QStringLiteral("sandbox [--port N]"),
               QStringLiteral("Serves /echo, /enrich, /enrich.xml, /status/{code}, /delay/{ms}, /redirect/{n},\n"
                              "/large?mb=N, /flaky, /auth and /close on 127.0.0.1 (see README). Without --port it\n"
                              "tries %1 and the next %2 ports; --port 0 picks any free port. Prints the URL on\n"
                              "standard output, then one line per request on standard error.\n"
                              "/marketo/... emulates Marketo: /marketo/identity and /marketo/rest.\n"
                              "Exit codes: 1 when it cannot listen, 2 usage error.\n")
                   .arg(SandboxServer::defaultPort)
                   .arg(kTries - 1)})
{
}

void SandboxCommand::addOptions(QCommandLineParser& parser) const
{
    parser.addOption({QStringLiteral("port"),
                      QStringLiteral("The port to listen on, 0 for any (default: %1 or the next free one).")
                          .arg(SandboxServer::defaultPort),
                      QStringLiteral("N")});
}

int SandboxCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(io, QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    quint16 port = SandboxServer::defaultPort;
    int tries = kTries;
    if (parser.isSet(QStringLiteral("port"))) {
        bool isNumber = false;
        const int value = parser.value(QStringLiteral("port")).toInt(&isNumber);
        if (!isNumber || value < 0 || value > 65535)
            return usageError(io,
                              QStringLiteral("invalid --port \"%1\" (expected 0 to 65535)")
                                  .arg(parser.value(QStringLiteral("port"))));
        port = static_cast<quint16>(value);
        tries = 1; // a port asked for explicitly is that port or nothing
    }
    SandboxServer server;
    QString error;
    if (!server.listen(port, tries, &error)) {
        io.err << "webhook-designer-cli sandbox: " << error << '\n';
        return CheckFailed;
    }
    QObject::connect(
        &server, &SandboxServer::requestServed, &server, [&io](const QString& method, const QString& path, int status) {
            io.err << method << ' ' << path << ' ' << status << '\n';
            io.err.flush();
        });
    io.out << server.url().toString() << '\n';
    io.out.flush();
    QEventLoop loop;
    loop.exec(); // until the process is killed
    return Success;
}
