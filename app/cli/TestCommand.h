#pragma once

#include "batch/BatchRunner.h"
#include "checks/CallVerdict.h"
#include "cli/Command.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// `test WORKSPACE [--webhook NAME] [--lead INDEX|EMAIL] [--leads FILE.csv] [--junit FILE]
// [--timeout-ms N] [--concurrency N]`: calls every webhook (or the one named) for every
// sample lead (or the one named, or the CSV's), judges each call by the webhook's checks
// and its shape baseline (CallVerdict), and prints
// {"passed": N, "failed": M, "webhooks": [{"name", "leads": [{"lead", "status", "checks":
// [{"check", "passed", "actual", "message"}]}]}]}, N and M counting webhook-and-lead
// pairs. --junit writes the same as JUnit XML. Exit 0 when every check passed, 1 when a
// check or a call failed, 2 usage, 3 workspace.
class TestCommand : public Command
{
public:
    TestCommand();

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, CliStreams& io) override;

private:
    // One webhook and lead's outcome, as printed and written to JUnit.
    struct LeadOutcome
    {
        int index = -1;
        QString lead; // the email address, else the index
        CallResult call;
        CallVerdict verdict;

        // The checks passed and the call itself did not fail: a transport error after a
        // status (a body cut short, too large, too many redirects) fails the lead too.
        bool passed() const { return verdict.passed() && call.error == CallResult::ErrorKind::None; }
    };
    struct WebhookOutcome
    {
        QString name;
        QList<LeadOutcome> leads;
        double seconds = 0;
    };

    int readOptions(const QCommandLineParser& parser, CliStreams& io, BatchRunner::Options* options) const;
    int readLeads(const QCommandLineParser& parser,
                  CliStreams& io,
                  const Workspace& workspace,
                  QList<QJsonObject>* leads,
                  QList<int>* indexes) const;
    WebhookOutcome testWebhook(const Workspace& workspace,
                               const Webhook& webhook,
                               const BatchRunner::Options& options,
                               const QList<QJsonObject>& leads,
                               const QList<int>& indexes,
                               CliStreams& io);
    static QJsonObject toJson(const QList<WebhookOutcome>& outcomes);
    static bool writeJUnit(const QString& fileName, const QList<WebhookOutcome>& outcomes, QString* error);
};
