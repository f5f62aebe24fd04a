#pragma once

#include "cli/Command.h"

// `send WORKSPACE --webhook NAME [--lead INDEX|EMAIL] [--timeout-ms N]`: renders the
// webhook for the lead, calls it for real, evaluates the response mappings, records the
// call in the workspace's history and prints {"request" (as sent, Qt's headers included),
// "response" (null when none arrived), "mappings", "lead" (after the mappings), "error"
// ({"kind","message"} or null)}. Exit 0 on a 2xx, 1 on another status, 4 on a transport
// error (timeout, refused, TLS, ...), 2 usage, 3 workspace.
class SendCommand : public Command
{
public:
    enum { TransportError = 4 };

    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;
};
