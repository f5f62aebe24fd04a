#pragma once

#include "cli/Command.h"
#include "http/CallResult.h"
#include "model/Workspace.h"
#include "response/MappingEvaluator.h"
#include "template/RenderedRequest.h"

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

    SendCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;

private:
    // A finished call and what it was made from.
    struct Sent
    {
        const Workspace& workspace;
        const Webhook& webhook;
        const RenderedRequest& request;
        const CallResult& call;
        const MappingOutcome& mapping;
    };

    // The steps of execute() after the call.
    void printResult(const QCommandLineParser& parser, CliStreams& io, const Sent& sent) const;
    void recordHistory(const QCommandLineParser& parser, CliStreams& io, const QString& path, const Sent& sent) const;
    // Tells what went wrong on standard error; the exit code.
    int reportOutcome(CliStreams& io, const Workspace& workspace, const CallResult& call) const;
};
