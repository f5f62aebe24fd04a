#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("webhook-designer-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WD_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliStreams io {out, err};
    CommandLine commandLine;
    const int code = commandLine.run(QCoreApplication::arguments(), io);
    out.flush();
    err.flush();
    return code;
}
