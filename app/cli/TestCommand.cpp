#include "TestCommand.h"

#include "cli/CliSupport.h"
#include "history/SecretRedactor.h"
#include "template/Renderer.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QSaveFile>
#include <QTextStream>
#include <QXmlStreamWriter>

#include <algorithm>

namespace {

// How a lead is named in the output: its email address, as --lead takes it, else its
// index.
QString leadLabel(const Workspace& workspace, const QJsonObject& lead, int index)
{
    const FieldCatalog catalog = workspace.catalog();
    if (const Field* email = catalog.findByApiName(QStringLiteral("email"))) {
        const QString address = FieldCatalog::value(lead, *email).toString();
        if (!address.isEmpty())
            return address;
    }
    return QString::number(index);
}

// The output ends up in CI logs: a response that echoes a secret (a header, a My Token)
// must not carry it into a check's actual value or message.
CallVerdict redacted(CallVerdict verdict, const SecretRedactor& redactor)
{
    for (CheckResult& result : verdict.checks) {
        result.actual = redactor.redact(result.actual);
        result.message = redactor.redact(result.message);
    }
    return verdict;
}

// XML 1.0 cannot carry most control characters, U+FFFE/U+FFFF or a lone surrogate, and
// QXmlStreamWriter gives up on them: a response that holds one must still yield a report
// a CI dashboard can read.
QString xmlSafe(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
            continue;
        }
        const char16_t u = c.unicode();
        const bool allowed =
            (u >= 0x20 || u == 0x09 || u == 0x0A || u == 0x0D) && !c.isSurrogate() && u != 0xFFFE && u != 0xFFFF;
        out.append(allowed ? c : QChar(QChar::ReplacementCharacter));
    }
    return out;
}

int positiveOption(const QCommandLineParser& parser, const QString& name, int min, int max, bool* ok)
{
    const int value = parser.value(name).toInt(ok);
    *ok = *ok && value >= min && value <= max;
    return value;
}

QString seconds(double value)
{
    return QString::number(value, 'f', 3);
}

} // namespace

TestCommand::TestCommand()
    : Command(
        {QStringLiteral("test"),
         QStringLiteral("Call webhooks for sample leads and judge each call by the webhook's checks."),
         QStringLiteral("test WORKSPACE [--webhook NAME] [--lead INDEX|EMAIL] [--leads FILE.csv] "
                        "[--junit FILE] [--timeout-ms N] [--concurrency N]"),
         QStringLiteral("Calls every webhook (or the one named) once for every sample lead (or the one\n"
                        "named, or each lead of FILE.csv) and judges each call by the webhook's checks (a\n"
                        "webhook without checks is judged by one: status 2xx) and, when it has a shape\n"
                        "baseline, by how the response's shape drifted from it: a removed or retyped path a\n"
                        "mapping reads fails the call. Prints {\"passed\", \"failed\", \"webhooks\": [{\"name\",\n"
                        "\"leads\": [{\"lead\", \"status\", \"checks\": [{\"check\", \"passed\", \"actual\",\n"
                        "\"message\"}], \"drift\", ...}]}]}, passed and failed counting webhook-and-lead pairs.\n"
                        "--junit writes JUnit XML: a testsuite per webhook, a testcase per lead, a failure\n"
                        "per failed check. Secret values never appear in the output.\n"
                        "Exit codes: 0 every check passed, 1 a check or a call failed, 2 usage error (also\n"
                        "an unreadable CSV or an unwritable --junit file), 3 invalid workspace.\n")})
{
}

void TestCommand::addOptions(QCommandLineParser& parser) const
{
    CliSupport::addWorkspaceArgument(parser);
    parser.addOption({QStringLiteral("webhook"),
                      QStringLiteral("Test only this webhook (default: every webhook)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("lead"),
                      QStringLiteral("Only this sample lead: an index from 0 or an email address (default: every "
                                     "sample lead)."),
                      QStringLiteral("INDEX|EMAIL")});
    parser.addOption({QStringLiteral("leads"),
                      QStringLiteral("Leads as CSV with a header of field names (default: the workspace's)."),
                      QStringLiteral("FILE.csv")});
    parser.addOption(
        {QStringLiteral("junit"), QStringLiteral("Write the results as JUnit XML."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("timeout-ms"),
                      QStringLiteral("Give up a call after N milliseconds, 1000 to 300000 (default: 30000)."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("concurrency"),
         QStringLiteral("Calls in flight at most, 1 to %1 (default: 20).").arg(BatchRunner::maxConcurrency),
         QStringLiteral("N")});
}

int TestCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    QString path;
    BatchRunner::Options options;
    if (const int code = CliSupport::workspacePath(*this, parser, io, &path))
        return code;
    if (const int code = readOptions(parser, io, &options))
        return code;
    const std::optional<QString> junit = CliSupport::value(parser, QStringLiteral("junit"));
    if (junit && junit->isEmpty())
        return usageError(io, QStringLiteral("--junit needs a file name"));

    Workspace workspace;
    if (const int code = CliSupport::loadWorkspace(path, &workspace, io))
        return code;
    QList<int> webhookIndexes;
    if (parser.isSet(QStringLiteral("webhook"))) {
        int index = -1;
        if (const int code =
                CliSupport::findWebhook(*this, workspace, parser.value(QStringLiteral("webhook")), io, &index))
            return code;
        webhookIndexes.append(index);
    } else {
        for (int i = 0; i < workspace.webhooks.size(); ++i)
            webhookIndexes.append(i);
    }
    QList<QJsonObject> leads;
    QList<int> leadIndexes;
    if (const int code = readLeads(parser, io, workspace, &leads, &leadIndexes))
        return code;
    CliSupport::resolveSecrets(&workspace, io);
    options.http.trust(workspace.trustedCertificate);

    QList<WebhookOutcome> outcomes;
    for (const int index : std::as_const(webhookIndexes))
        outcomes.append(testWebhook(workspace, workspace.webhooks.at(index), options, leads, leadIndexes, io));

    const QJsonObject result = toJson(outcomes);
    CliSupport::printJson(io, result);
    if (junit) {
        QString error;
        if (!writeJUnit(*junit, outcomes, &error)) {
            io.err << "webhook-designer-cli test: " << error << '\n';
            return UsageError;
        }
    }
    return result.value(QStringLiteral("failed")).toInt() == 0 ? Success : CheckFailed;
}

int TestCommand::readOptions(const QCommandLineParser& parser, CliStreams& io, BatchRunner::Options* options) const
{
    if (parser.isSet(QStringLiteral("lead")) && parser.isSet(QStringLiteral("leads")))
        return usageError(io, QStringLiteral("give --lead or --leads, not both"));
    if (parser.isSet(QStringLiteral("concurrency"))) {
        bool ok = true;
        options->concurrency =
            positiveOption(parser, QStringLiteral("concurrency"), 1, BatchRunner::maxConcurrency, &ok);
        if (!ok)
            return usageError(io,
                              QStringLiteral("invalid --concurrency \"%1\" (expected 1 to %2)")
                                  .arg(parser.value(QStringLiteral("concurrency")))
                                  .arg(BatchRunner::maxConcurrency));
    }
    return CliSupport::readTimeout(*this, parser, io, &options->http.timeoutMs);
}

int TestCommand::readLeads(const QCommandLineParser& parser,
                           CliStreams& io,
                           const Workspace& workspace,
                           QList<QJsonObject>* leads,
                           QList<int>* indexes) const
{
    if (parser.isSet(QStringLiteral("leads"))) {
        const QString csv = parser.value(QStringLiteral("leads"));
        if (const int code = CliSupport::importLeads(*this, csv, workspace.catalog(), io, leads))
            return code;
        // Testing nothing must not look like a pass in CI.
        if (leads->isEmpty())
            return usageError(io, QStringLiteral("%1 gives no leads to test").arg(csv));
    } else if (const std::optional<QString> given = CliSupport::value(parser, QStringLiteral("lead"))) {
        QJsonObject lead;
        if (const int code = CliSupport::findLead(*this, workspace, given, io, &lead))
            return code;
        leads->append(lead);
        indexes->append(workspace.leadIndex(*given));
        return Success;
    } else {
        *leads = workspace.leads;
    }
    // A workspace without sample leads still tests its webhooks, with an empty lead, as
    // `send` does.
    if (leads->isEmpty() && !parser.isSet(QStringLiteral("leads")))
        leads->append(QJsonObject());
    for (int i = 0; i < leads->size(); ++i)
        indexes->append(i);
    return Success;
}

TestCommand::WebhookOutcome TestCommand::testWebhook(const Workspace& workspace,
                                                     const Webhook& webhook,
                                                     const BatchRunner::Options& options,
                                                     const QList<QJsonObject>& leads,
                                                     const QList<int>& indexes,
                                                     CliStreams& io)
{
    WebhookOutcome outcome;
    outcome.name = webhook.name;
    const SecretRedactor redactor(workspace, webhook);
    QList<BatchLeadResult> results(leads.size());
    QElapsedTimer timer;
    timer.start();
    // A secret found nowhere is the same for every lead: no call is made, and each lead
    // fails with the reason.
    if (CliSupport::lacksSecrets(*this, Renderer(workspace, webhook).render(QJsonObject(), QDateTime()), io)) {
        for (int i = 0; i < leads.size(); ++i) {
            results[i].call.error = CallResult::ErrorKind::InvalidRequest;
            results[i].call.errorMessage =
                QStringLiteral("Not sent: a secret the webhook uses was found nowhere (see `secret list`).");
            results[i].mapping.statusApplies = false;
        }
    } else if (!leads.isEmpty()) {
        BatchRunner runner(workspace, webhook);
        BatchRunner::Options runOptions = options;
        runOptions.keepResults = false;
        runner.setOptions(runOptions);
        QEventLoop loop;
        // Results arrive in completion order; the output keeps the leads' order.
        QObject::connect(&runner, &BatchRunner::leadFinished, &loop, [&results](const BatchLeadResult& result) {
            if (result.index >= 0 && result.index < results.size())
                results[result.index] = result;
        });
        QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
        runner.start(leads);
        if (runner.isRunning())
            loop.exec();
    }
    outcome.seconds = double(timer.elapsed()) / 1000.0;
    for (int i = 0; i < leads.size(); ++i) {
        LeadOutcome lead;
        lead.index = indexes.value(i, i);
        lead.lead = leadLabel(workspace, leads.at(i), lead.index);
        lead.call = results.at(i).call;
        const SecretRedactor forCall = redactor.withHeadersOf(lead.call);
        lead.verdict = redacted(CallVerdict::judge(webhook, lead.call, results.at(i).mapping), forCall);
        lead.call.errorMessage = forCall.redact(lead.call.errorMessage);
        outcome.leads.append(lead);
    }
    return outcome;
}

QJsonObject TestCommand::toJson(const QList<WebhookOutcome>& outcomes)
{
    int passed = 0;
    int failed = 0;
    QJsonArray webhooks;
    for (const WebhookOutcome& webhook : outcomes) {
        QJsonArray leads;
        for (const LeadOutcome& lead : webhook.leads) {
            const bool ok = lead.passed();
            (ok ? passed : failed) += 1;
            const QJsonObject verdict = lead.verdict.toJson();
            leads.append(QJsonObject {{QStringLiteral("lead"), lead.lead},
                                      {QStringLiteral("index"), lead.index},
                                      {QStringLiteral("status"), lead.call.status},
                                      {QStringLiteral("passed"), ok},
                                      {QStringLiteral("summary"), lead.verdict.summary()},
                                      {QStringLiteral("timeMs"), qRound64(lead.call.totalMs)},
                                      {QStringLiteral("error"), lead.call.errorJson()},
                                      {QStringLiteral("checks"), verdict.value(QStringLiteral("checks"))},
                                      {QStringLiteral("drift"), verdict.value(QStringLiteral("drift"))}});
        }
        webhooks.append(QJsonObject {{QStringLiteral("name"), webhook.name}, {QStringLiteral("leads"), leads}});
    }
    return QJsonObject {
        {QStringLiteral("passed"), passed}, {QStringLiteral("failed"), failed}, {QStringLiteral("webhooks"), webhooks}};
}

bool TestCommand::writeJUnit(const QString& fileName, const QList<WebhookOutcome>& outcomes, QString* error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    const auto failedCase = [](const LeadOutcome& lead) { return !lead.passed(); };
    int tests = 0;
    int failures = 0;
    double total = 0;
    for (const WebhookOutcome& webhook : outcomes) {
        tests += int(webhook.leads.size());
        failures += int(std::count_if(webhook.leads.cbegin(), webhook.leads.cend(), failedCase));
        total += webhook.seconds;
    }
    QXmlStreamWriter xml(&file);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("webhook-designer-cli test"));
    xml.writeAttribute(QStringLiteral("tests"), QString::number(tests));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("time"), seconds(total));
    for (const WebhookOutcome& webhook : outcomes) {
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), xmlSafe(webhook.name));
        xml.writeAttribute(QStringLiteral("tests"), QString::number(webhook.leads.size()));
        xml.writeAttribute(QStringLiteral("failures"),
                           QString::number(std::count_if(webhook.leads.cbegin(), webhook.leads.cend(), failedCase)));
        xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("time"), seconds(webhook.seconds));
        for (const LeadOutcome& lead : webhook.leads) {
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("classname"), xmlSafe(webhook.name));
            xml.writeAttribute(QStringLiteral("name"), xmlSafe(lead.lead));
            xml.writeAttribute(QStringLiteral("time"), seconds(lead.call.totalMs / 1000.0));
            if (lead.call.error != CallResult::ErrorKind::None) {
                xml.writeStartElement(QStringLiteral("failure"));
                xml.writeAttribute(QStringLiteral("message"), xmlSafe(lead.call.errorMessage));
                xml.writeAttribute(QStringLiteral("type"), QStringLiteral("call"));
                xml.writeCharacters(
                    QStringLiteral("%1: %2\n").arg(CallResult::errorKindName(lead.call.error), lead.call.errorMessage));
                xml.writeEndElement();
            }
            for (const CheckResult& check : lead.verdict.checks) {
                if (check.passed)
                    continue;
                xml.writeStartElement(QStringLiteral("failure"));
                xml.writeAttribute(QStringLiteral("message"), xmlSafe(check.message));
                xml.writeAttribute(QStringLiteral("type"), QStringLiteral("check"));
                xml.writeCharacters(xmlSafe(QStringLiteral("%1\nactual: %2\n").arg(check.check.title(), check.actual)));
                xml.writeEndElement();
            }
            for (const ShapeDifference& difference : lead.verdict.drift) {
                if (!difference.isFailure())
                    continue;
                xml.writeStartElement(QStringLiteral("failure"));
                xml.writeAttribute(QStringLiteral("message"), xmlSafe(difference.description()));
                xml.writeAttribute(QStringLiteral("type"), QStringLiteral("drift"));
                const QString none = QStringLiteral("none");
                xml.writeCharacters(xmlSafe(QStringLiteral("%1: %2 (baseline: %3, response: %4)\n")
                                                .arg(difference.path,
                                                     ShapeDifference::changeName(difference.change),
                                                     difference.before.isEmpty() ? none : difference.before,
                                                     difference.after.isEmpty() ? none : difference.after)));
                xml.writeEndElement();
            }
            if (!lead.verdict.shapeProblem.isEmpty()) {
                xml.writeStartElement(QStringLiteral("failure"));
                xml.writeAttribute(QStringLiteral("message"), xmlSafe(lead.verdict.shapeProblem));
                xml.writeAttribute(QStringLiteral("type"), QStringLiteral("drift"));
                xml.writeCharacters(xmlSafe(lead.verdict.shapeProblem + QLatin1Char('\n')));
                xml.writeEndElement();
            }
            xml.writeTextElement(QStringLiteral("system-out"), xmlSafe(lead.verdict.summary()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    if (xml.hasError()) {
        *error = QStringLiteral("cannot write %1: the report could not be written as XML").arg(fileName);
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}
