#include "ExportCommand.h"

#include "cli/CliSupport.h"
#include "exchange/CurlExport.h"
#include "exchange/ExportRenderer.h"
#include "exchange/HttpFileExport.h"
#include "exchange/PostmanExport.h"
#include "exchange/SetupSheet.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

ExportCommand::ExportCommand()
    : Command({QStringLiteral("export"),
               QStringLiteral("Write webhooks as curl, .http, Postman, or a Marketo setup sheet."),
               QStringLiteral("export WORKSPACE --format curl|http|postman|sheet [--webhook NAME] [--lead INDEX|EMAIL] "
                              "[--out FILE]"),
               QStringLiteral("curl: one bash command that sends exactly the request `send` sends for the lead.\n"
                              "http: a .http file (JetBrains HTTP Client, VS Code REST Client, httpyac).\n"
                              "postman: a Postman Collection v2.1. sheet: the Marketo setup sheet in Markdown.\n"
                              "curl and sheet need --webhook; http and postman export every webhook without it.\n"
                              "Secrets stay out: curl reads \"$WD_SECRET_<KEY>\" from the environment, http\n"
                              "declares @WD_SECRET_<KEY> = {{$processEnv WD_SECRET_<KEY>}}, postman has a\n"
                              "{{WD_SECRET_<KEY>}} variable defined empty. Writes to standard output\n"
                              "unless --out. Exit codes: 0 written, 1 a request has errors and would not be sent\n"
                              "(they are listed; nothing is written), 2 usage error, 3 invalid workspace.\n")})
{
}

void ExportCommand::addOptions(QCommandLineParser& parser) const
{
    CliSupport::addWorkspaceArgument(parser);
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("curl, http, postman or sheet."),
                      QStringLiteral("curl|http|postman|sheet")});
    CliSupport::addWebhookOption(parser);
    CliSupport::addLeadOption(parser);
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Write to FILE (atomically) instead of standard output."),
                      QStringLiteral("FILE")});
}

int ExportCommand::execute(const QCommandLineParser& parser, CliStreams& io)
{
    QString path;
    if (const int code = CliSupport::workspacePath(*this, parser, io, &path)) {
        return code;
    }
    const std::optional<QString> format = CliSupport::value(parser, QStringLiteral("format"));
    if (!format) {
        return usageError(io, QStringLiteral("missing --format curl|http|postman|sheet"));
    }
    const QStringList formats {
        QStringLiteral("curl"), QStringLiteral("http"), QStringLiteral("postman"), QStringLiteral("sheet")};
    if (!formats.contains(*format)) {
        return usageError(io, QStringLiteral("--format must be curl, http, postman or sheet, not \"%1\"").arg(*format));
    }
    const std::optional<QString> webhookName = CliSupport::value(parser, QStringLiteral("webhook"));
    const bool single = *format == QLatin1String("curl") || *format == QLatin1String("sheet");
    if (single && !webhookName) {
        return usageError(io, QStringLiteral("--format %1 needs --webhook NAME").arg(*format));
    }
    Workspace workspace;
    if (const int code = CliSupport::loadWorkspace(path, &workspace, io)) {
        return code;
    }
    QList<int> indexes;
    if (webhookName) {
        int index = -1;
        if (const int code = CliSupport::findWebhook(*this, workspace, *webhookName, io, &index)) {
            return code;
        }
        indexes.append(index);
    } else {
        for (int i = 0; i < workspace.webhooks.size(); ++i) {
            indexes.append(i);
        }
    }
    QJsonObject lead;
    const std::optional<QString> leadText = CliSupport::value(parser, QStringLiteral("lead"));
    if (const int code = CliSupport::findLead(*this, workspace, leadText, io, &lead)) {
        return code;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();

    QByteArray output;
    if (*format == QLatin1String("sheet")) {
        const int leadIndex = leadText ? workspace.leadIndex(*leadText) : -1;
        output = SetupSheet(workspace, indexes.first(), now, leadIndex).markdown().toUtf8();
    } else {
        const ExportRenderer renderer(workspace);
        bool errors = false;
        for (const int index : indexes) {
            for (const Diagnostic& d : renderer.render(index, lead, now).diagnostics) {
                if (d.severity == Diagnostic::Severity::Error) {
                    io.err << "webhook-designer-cli export: " << workspace.webhooks.at(index).name << ": "
                           << d.where.toString() << ": " << d.message << '\n';
                    errors = true;
                }
            }
        }
        if (errors) {
            return CheckFailed;
        }
        if (*format == QLatin1String("curl")) {
            output = CurlExport::command(renderer.render(indexes.first(), lead, now), renderer);
        } else if (*format == QLatin1String("http")) {
            output = HttpFileExport::file(renderer, indexes, lead, now);
        } else {
            output = PostmanExport::collection(
                renderer, QFileInfo(path).fileName().section(QLatin1Char('.'), 0, 0), indexes, lead, now);
        }
    }

    const std::optional<QString> out = CliSupport::value(parser, QStringLiteral("out"));
    if (!out) {
        io.out << QString::fromUtf8(output);
        io.out.flush();
        return Success;
    }
    QSaveFile file(*out);
    if (!file.open(QIODevice::WriteOnly) || file.write(output) != output.size() || !file.commit()) {
        io.err << "webhook-designer-cli export: cannot write " << *out << ": " << file.errorString() << '\n';
        return UsageError;
    }
    return Success;
}
