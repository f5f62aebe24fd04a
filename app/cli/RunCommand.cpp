#include "RunCommand.h"

#include "batch/BatchRunner.h"
#include "cli/CliSupport.h"
#include "history/SecretRedactor.h"
#include "template/Renderer.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <limits>
#include <unistd.h>

namespace {

int positiveOption(const QCommandLineParser& parser, const QString& name, int min, int max, bool* ok)
{
    const int value = parser.value(name).toInt(ok);
    *ok = *ok && value >= min && value <= max;
    return value;
}

} // namespace

RunCommand::RunCommand()
    : Command({QStringLiteral("run"),
               QStringLiteral("Call a webhook for many leads, as a Marketo campaign would, and summarise."),
               QStringLiteral("run WORKSPACE --webhook NAME [--leads FILE.csv] [--concurrency N] [--limit N] "
                              "[--out FILE.jsonl] [--timeout-ms N]"),
               QStringLiteral("Calls the webhook once per lead of FILE.csv (else the workspace's sample leads), at\n"
                              "most N calls at once (default 20, Marketo's limit). Shows progress on standard error,\n"
                              "writes one JSON object per lead to FILE.jsonl ({\"index\", \"request\", \"response\",\n"
                              "\"error\", \"mappings\", \"lead\"}, secrets replaced) and prints a summary: counts by\n"
                              "outcome, status histogram, latency percentiles, throughput, how often each field\n"
                              "would be written, and how long Marketo would take for these leads and for 100,000.\n"
                              "A secret found nowhere (see `secret list`) stops the run before any call.\n"
                              "Exit codes: 0 every lead got a 2xx, 1 some did not or a secret is missing,\n"
                              "2 usage error (also an unreadable CSV), 3 invalid workspace.\n")})
{
}

void RunCommand::addOptions(QCommandLineParser& parser) const
{
    CliSupport::addWorkspaceArgument(parser);
    CliSupport::addWebhookOption(parser);
    parser.addOption({QStringLiteral("leads"),
                      QStringLiteral("Leads as CSV with a header of field names (default: the workspace's)."),
                      QStringLiteral("FILE.csv")});
    parser.addOption(
        {QStringLiteral("concurrency"),
         QStringLiteral("Calls in flight at most, 1 to %1 (default: 20).").arg(BatchRunner::maxConcurrency),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("Call only the first N leads."), QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Write one JSON line per lead."), QStringLiteral("FILE.jsonl")});
    parser.addOption({QStringLiteral("timeout-ms"),
                      QStringLiteral("Give up a call after N milliseconds, 1000 to 300000 (default: 30000)."),
                      QStringLiteral("N")});
}

int RunCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    QString path;
    BatchRunner::Options options;
    options.keepResults = false;
    int limit = -1;
    if (const int code = CliSupport::workspaceAndWebhook(*this, parser, io, &path))
        return code;
    if (const int code = readOptions(parser, io, &options, &limit))
        return code;

    Workspace workspace;
    int webhookIndex = -1;
    if (const int code = CliSupport::loadWebhook(*this, parser, path, io, &workspace, &webhookIndex))
        return code;
    CliSupport::resolveSecrets(&workspace, io);
    const Webhook webhook = workspace.webhooks.at(webhookIndex);
    options.http.trust(workspace.trustedCertificate);
    // A missing secret is the same for every lead: refuse the whole run before any call.
    if (CliSupport::lacksSecrets(*this, Renderer(workspace, webhook).render(QJsonObject(), QDateTime()), io))
        return CheckFailed;

    QList<QJsonObject> leads = workspace.leads;
    if (const int code = readLeads(parser, io, workspace, &leads))
        return code;
    if (limit > 0 && leads.size() > limit)
        leads = leads.mid(0, limit);
    QFile out;
    if (const int code = openOut(parser, io, &out))
        return code;
    return runBatch(workspace, webhook, options, leads, &out, io);
}

int RunCommand::readOptions(const QCommandLineParser& parser,
                            CliStreams& io,
                            BatchRunner::Options* options,
                            int* limit) const
{
    bool ok = true;
    if (parser.isSet(QStringLiteral("concurrency"))) {
        options->concurrency =
            positiveOption(parser, QStringLiteral("concurrency"), 1, BatchRunner::maxConcurrency, &ok);
        if (!ok)
            return usageError(io,
                              QStringLiteral("invalid --concurrency \"%1\" (expected 1 to %2)")
                                  .arg(parser.value(QStringLiteral("concurrency")))
                                  .arg(BatchRunner::maxConcurrency));
    }
    if (parser.isSet(QStringLiteral("limit"))) {
        *limit = positiveOption(parser, QStringLiteral("limit"), 1, std::numeric_limits<int>::max(), &ok);
        if (!ok)
            return usageError(io,
                              QStringLiteral("invalid --limit \"%1\" (expected a number of leads, at least 1)")
                                  .arg(parser.value(QStringLiteral("limit"))));
    }
    return CliSupport::readTimeout(*this, parser, io, &options->http.timeoutMs);
}

int RunCommand::readLeads(const QCommandLineParser& parser,
                          CliStreams& io,
                          const Workspace& workspace,
                          QList<QJsonObject>* leads) const
{
    if (parser.isSet(QStringLiteral("leads"))) {
        if (const int code =
                CliSupport::importLeads(*this, parser.value(QStringLiteral("leads")), workspace.catalog(), io, leads))
            return code;
    }
    return Success;
}

int RunCommand::openOut(const QCommandLineParser& parser, CliStreams& io, QFile* out) const
{
    if (parser.isSet(QStringLiteral("out"))) {
        const QString file = parser.value(QStringLiteral("out"));
        if (file.isEmpty())
            return usageError(io, QStringLiteral("--out needs a file name"));
        // Standard output carries the summary; lines mixed into it would break both.
        if (file == QLatin1String("-"))
            return usageError(io, QStringLiteral("--out - is not supported: standard output carries the summary"));
        out->setFileName(file);
        if (!out->open(QIODevice::WriteOnly | QIODevice::Truncate))
            return usageError(io, QStringLiteral("cannot write %1: %2").arg(out->fileName(), out->errorString()));
    }
    return Success;
}

int RunCommand::runBatch(const Workspace& workspace,
                         const Webhook& webhook,
                         const BatchRunner::Options& options,
                         const QList<QJsonObject>& leads,
                         QFile* out,
                         CliStreams& io)
{
    const SecretRedactor redactor(workspace, webhook);
    BatchRunner runner(workspace, webhook);
    runner.setOptions(options);
    QEventLoop loop;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    // On a terminal the progress line rewrites itself; in a CI log, a line now and then.
    const bool terminal = isatty(fileno(stderr));
    const qint64 progressEveryMs = terminal ? 100 : 2000;
    int failed = 0;
    // A full disk or a file that takes no writes: the lines users' scripts read would be
    // lost, so the run stops rather than make calls whose results go nowhere.
    QString writeError;
    const auto stopOnWriteError = [&] {
        if (writeError.isEmpty() && out->error() != QFileDevice::NoError) {
            writeError = QStringLiteral("cannot write %1: %2").arg(out->fileName(), out->errorString());
            runner.cancel();
        }
    };
    QObject::connect(&runner, &BatchRunner::leadFinished, &loop, [&](const BatchLeadResult& result) {
        if (!result.call.isSuccess())
            ++failed;
        if (out->isOpen() && writeError.isEmpty()) {
            BatchLeadResult safe = result;
            safe.call = redactor.redact(result.call);
            QByteArray line = QJsonDocument(safe.toJson(redactor.secretHeaderNames())).toJson(QJsonDocument::Compact);
            line += '\n';
            if (out->write(line) != line.size() || !out->flush())
                stopOnWriteError();
        }
    });
    QObject::connect(&runner, &BatchRunner::progress, &loop, [&](int done, int total) {
        if (done != total && sinceProgress.elapsed() < progressEveryMs)
            return;
        sinceProgress.restart();
        io.err << (terminal ? "\r" : "") << "run: " << done << '/' << total << " leads, " << done - failed << " ok, "
               << failed << " not 2xx or failed" << (terminal && done != total ? "" : "\n");
        io.err.flush();
    });
    QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
    runner.start(leads);
    if (runner.isRunning())
        loop.exec();
    if (out->isOpen()) {
        out->close();
        stopOnWriteError();
    }

    CliSupport::printJson(io, runner.summary().toJson());
    if (!writeError.isEmpty()) {
        io.err << "webhook-designer-cli run: " << writeError << '\n';
        return UsageError; // as when --out cannot be opened at all
    }
    return runner.summary().ok() == leads.size() ? Success : CheckFailed;
}
