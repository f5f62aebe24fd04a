#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

// What one run of webhook-designer-cli gave: the exit code (-1 when it did not start,
// crashed or hung), standard output and standard error.
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Variables to change for one run; a null value removes the variable.
using CliEnvironment = QList<QPair<QString, QString>>;

inline QProcessEnvironment cliEnvironment(const CliEnvironment& changes,
                                          QProcessEnvironment base = QProcessEnvironment::systemEnvironment())
{
    for (const auto& [name, value] : changes) {
        if (value.isNull()) {
            base.remove(name);
        } else {
            base.insert(name, value);
        }
    }
    return base;
}

// Runs the CLI binary with `input` on its standard input. The event loop keeps running
// meanwhile, so a server the test runs in-process (the sandbox) answers the CLI's calls.
inline CliResult runCli(const QStringList& arguments,
                        const QByteArray& input = {},
                        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(WD_CLI_PATH), arguments);
    CliResult result;
    if (!process.waitForStarted(30000)) {
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
