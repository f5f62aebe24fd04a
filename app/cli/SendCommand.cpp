#include "SendCommand.h"

#include "cli/CliSupport.h"
#include "history/CallHistory.h"
#include "http/HttpClient.h"
#include "response/MappingEvaluator.h"
#include "template/Renderer.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTextStream>

SendCommand::SendCommand()
    : Command(
        {QStringLiteral("send"),
         QStringLiteral("Call a webhook for real for one lead and show what happened."),
         QStringLiteral("send WORKSPACE --webhook NAME [--lead INDEX|EMAIL] [--timeout-ms N] [--now ISO-8601] "
                        "[--show-secrets] [--no-history]"),
         QStringLiteral(
             "Renders the webhook for the lead, sends the request, evaluates the response mappings\n"
             "and prints {\"request\": the request as sent (with the headers Qt adds), \"response\":\n"
             "{\"status\", \"reason\", \"headers\", \"body\", \"bodyTruncated\", \"timings\": {\"totalMs\", ...}}\n"
             "or null, \"mappings\", \"lead\": the lead after the mappings, \"error\": {\"kind\",\n"
             "\"message\"} or null}. Secret headers and secret My Tokens are masked unless\n"
             "--show-secrets is given.\n"
             "A TLS error adds \"error.certificate\": {\"host\", \"sha256\", \"subject\", \"issuer\",\n"
             "\"notBefore\", \"notAfter\", \"trustable\"}; to trust that self-signed certificate, add\n"
             "\"trustedCertificate\": {\"host\": HOST, \"sha256\": SHA256} to the workspace.\n"
             "The call is kept in WORKSPACE.history.jsonl (secrets replaced) unless --no-history.\n"
             "Secret values come from WD_SECRET_<KEY>, then the keychain; a secret found nowhere is\n"
             "not sent as empty: the request is refused and the exit code is 1.\n"
             "Exit codes: 0 a 2xx answer, 1 another status or a missing secret, 2 usage error,\n"
             "3 invalid workspace,\n"
             "4 no answer (timeout, connection refused, host not found, TLS, ...).\n")})
{
}

void SendCommand::addOptions(QCommandLineParser& parser) const
{
    CliSupport::addWorkspaceArgument(parser);
    CliSupport::addWebhookOption(parser);
    CliSupport::addLeadOption(parser);
    parser.addOption({QStringLiteral("timeout-ms"),
                      QStringLiteral("Give up after N milliseconds, 1000 to 300000 (default: 30000, like Marketo)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("now"),
                      QStringLiteral("The time for system tokens, ISO 8601 (default: now)."),
                      QStringLiteral("ISO-8601")});
    parser.addOption(
        {QStringLiteral("show-secrets"), QStringLiteral("Print the values of secret headers and secret My Tokens.")});
    parser.addOption({QStringLiteral("no-history"), QStringLiteral("Do not record the call in the history.")});
}

int SendCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    QString path;
    HttpClient::Options options;
    if (const int code = CliSupport::workspaceAndWebhook(*this, parser, io, &path))
        return code;
    if (const int code = CliSupport::readTimeout(*this, parser, io, &options.timeoutMs))
        return code;

    Workspace workspace;
    int webhookIndex = -1;
    QJsonObject lead;
    QDateTime now;
    if (const int code = CliSupport::loadWebhook(*this, parser, path, io, &workspace, &webhookIndex))
        return code;
    CliSupport::resolveSecrets(&workspace, io);
    if (const int code =
            CliSupport::findLead(*this, workspace, CliSupport::value(parser, QStringLiteral("lead")), io, &lead))
        return code;
    if (const int code =
            CliSupport::parseNow(*this, workspace, CliSupport::value(parser, QStringLiteral("now")), io, &now))
        return code;
    const Webhook& webhook = workspace.webhooks.at(webhookIndex);
    options.trust(workspace.trustedCertificate);

    const Renderer renderer(workspace, webhook);
    const RenderedRequest request = renderer.render(lead, now);
    QNetworkAccessManager manager;
    HttpClient client(&manager);
    client.setOptions(options);
    const CallResult call = client.callAndWait(request);

    MappingOutcome mapping = MappingEvaluator::evaluate(workspace, webhook, lead, call.mappingStatus(), call.body);
    if (call.error != CallResult::ErrorKind::None)
        mapping.reason = call.errorMessage;
    const Sent sent {workspace, webhook, request, call, mapping};
    printResult(parser, io, sent);
    if (!parser.isSet(QStringLiteral("no-history")))
        recordHistory(parser, io, path, sent);
    // Refused rather than sent with an empty token: the run fails like a check, as the
    // fix is in the set-up (a variable or a keychain entry), not the network.
    if (CliSupport::lacksSecrets(*this, request, io))
        return CheckFailed;
    return reportOutcome(io, workspace, call);
}

void SendCommand::printResult(const QCommandLineParser& parser, CliStreams& io, const Sent& sent) const
{
    const Workspace& workspace = sent.workspace;
    const CallResult& call = sent.call;
    const bool show = parser.isSet(QStringLiteral("show-secrets"));
    QStringList secretHeaders;
    if (!show) {
        for (const Header& header : sent.webhook.headers) {
            if (header.secret)
                secretHeaders.append(header.name.trimmed());
        }
    }
    QJsonArray mappings;
    for (const MappingResult& result : sent.mapping.mappings)
        mappings.append(result.toJson());
    // A request refused before sending has no wire form: show what was rendered.
    // Secret My Tokens are masked wherever they went (URL, headers, body, an echo in the
    // response), as in the history: this output often ends up in a CI log.
    const CallResult shown = show ? call : CliSupport::markedSecrets(workspace).redact(call);
    const QJsonObject requestJson =
        call.error == CallResult::ErrorKind::InvalidRequest
            ? (show ? sent.request : CliSupport::masked(sent.request, workspace)).toJson(!show)
            : shown.requestJson(secretHeaders);
    CliSupport::printJson(io,
                          QJsonObject {
                              {QStringLiteral("request"), requestJson},
                              {QStringLiteral("response"),
                               call.status > 0 ? QJsonValue(shown.responseJson()) : QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("mappings"), mappings},
                              {QStringLiteral("lead"), sent.mapping.leadAfter},
                              {QStringLiteral("error"), call.errorJson()},
                          });
}

void SendCommand::recordHistory(const QCommandLineParser& parser,
                                CliStreams& io,
                                const QString& path,
                                const Sent& sent) const
{
    const Workspace& workspace = sent.workspace;
    CallHistory history(path);
    QString error;
    const QString leadText = parser.value(QStringLiteral("lead"));
    const int leadIndex = leadText.isEmpty() ? (workspace.leads.isEmpty() ? -1 : 0) : workspace.leadIndex(leadText);
    const QJsonValue leadValue = leadIndex >= 0 ? QJsonValue(leadIndex) : QJsonValue(QJsonValue::Null);
    if (!history.record(workspace, sent.webhook, sent.call, sent.mapping, QStringLiteral("send"), leadValue, &error))
        io.err << "webhook-designer-cli send: " << error << '\n';
    for (const QString& warning : history.warnings())
        io.err << "webhook-designer-cli send: " << warning << '\n';
}

int SendCommand::reportOutcome(CliStreams& io, const Workspace& workspace, const CallResult& call) const
{
    if (call.error != CallResult::ErrorKind::None) {
        io.err << "webhook-designer-cli send: " << call.errorMessage << '\n';
        const PeerCertificate& certificate = call.tlsCertificate;
        if (call.error == CallResult::ErrorKind::Tls && certificate.trustable) {
            // A workspace trusts one certificate: if it names another one (the server's was
            // renewed, or it is another host), the user replaces it rather than adds.
            const TrustedCertificate& trusted = workspace.trustedCertificate;
            if (trusted.isSet())
                io.err << "webhook-designer-cli send: the workspace trusts a different certificate (" << trusted.host
                       << ", " << TrustedCertificate::fingerprintText(trusted.sha256) << ")\n";
            io.err << "webhook-designer-cli send: if you know this self-signed certificate is the server's, trust it "
                   << (trusted.isSet() ? "by replacing" : "by adding")
                   << " in the workspace: \"trustedCertificate\": {\"host\": \"" << certificate.host
                   << "\", \"sha256\": \"" << TrustedCertificate::fingerprintText(certificate.sha256) << "\"}\n";
        }
        return TransportError;
    }
    if (!call.isSuccess()) {
        io.err << "webhook-designer-cli send: the server answered " << call.status << ' ' << call.reason
               << "; Marketo would apply no response mapping.\n";
        return CheckFailed;
    }
    if (call.isEmpty2xx())
        io.err << "webhook-designer-cli send: the answer is empty: Marketo logs error 1001 for it.\n";
    return Success;
}
