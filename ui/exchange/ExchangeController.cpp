#include "ExchangeController.h"

#include "document/AddWebhookCommand.h"
#include "document/EditContextCommand.h"
#include "document/LeadModel.h"
#include "document/WorkspaceDocument.h"
#include "exchange/CurlExport.h"
#include "exchange/CurlImportDialog.h"
#include "exchange/ExportDialog.h"
#include "exchange/ExportRenderer.h"
#include "exchange/HttpFileExport.h"
#include "exchange/PostmanExport.h"
#include "exchange/PostmanImport.h"
#include "exchange/SetupSheet.h"
#include "exchange/SetupSheetDialog.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUndoStack>

namespace {

// The first error that keeps the request from being sent, in words; empty when none.
QString firstError(const Workspace& workspace, int webhook, const RenderedRequest& request)
{
    for (const Diagnostic& d : request.diagnostics) {
        if (d.severity == Diagnostic::Severity::Error) {
            return QObject::tr("%1: %2: %3").arg(workspace.webhooks.at(webhook).name, d.where.toString(), d.message);
        }
    }
    return QString();
}

} // namespace

ExchangeController::ExchangeController(WorkspaceDocument* document, MessageBar* messageBar, QWidget* window)
    : QObject(window), m_document(document), m_messageBar(messageBar), m_window(window)
{
}

ExchangeController::~ExchangeController() = default;

bool ExchangeController::isCurlCommand(const QString& text)
{
    static const QRegularExpression curl(QStringLiteral("^\\s*curl(\\.exe)?\\s"));
    return curl.match(text).hasMatch();
}

bool ExchangeController::newFromCurl(const QString& command)
{
    const QString base =
        m_document->filePath().isEmpty() ? QString() : QFileInfo(m_document->filePath()).absolutePath();
    CurlImportDialog dialog(m_document->workspace(), command, base, m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.isValid()) {
        return false;
    }
    Webhook webhook = dialog.webhook();
    webhook.name = m_document->uniqueWebhookName(webhook.name);
    const int index = m_document->workspace().webhooks.size();
    m_document->undoStack()->push(new AddWebhookCommand(m_document, index, webhook, tr("New webhook from cURL")));
    emit statusText(tr("Added the webhook %1 from a curl command").arg(webhook.name));
    return true;
}

bool ExchangeController::importPostman()
{
    const QString start =
        m_document->filePath().isEmpty() ? QDir::homePath() : QFileInfo(m_document->filePath()).absolutePath();
    const QString fileName = QFileDialog::getOpenFileName(
        m_window, tr("Import Postman Collection"), start, tr("Postman collections (*.json);;All files (*)"));
    return !fileName.isEmpty() && importPostmanFile(fileName);
}

bool ExchangeController::importPostmanFile(const QString& fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString()));
        return false;
    }
    PostmanImport import;
    QString error;
    if (!import.parse(file.readAll(), &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("%1 cannot be imported: %2").arg(QFileInfo(fileName).fileName(), error));
        return false;
    }
    if (import.webhooks().isEmpty() && import.myTokens().isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("%1 holds no request a webhook can send. %2")
                                      .arg(QFileInfo(fileName).fileName(), import.notes().join(QLatin1Char(' '))));
        return false;
    }

    // One step on the undo stack: the My Tokens, then each webhook.
    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(tr("Import Postman collection"));
    Context context = m_document->workspace().context;
    bool added = false;
    for (const ContextValue& token : import.myTokens()) {
        // Values the workspace has stay.
        if (!context.my.find(token.name)) {
            context.my.values.append(token);
            added = true;
        }
    }
    if (added || (!import.myTokens().isEmpty() && !context.my.present)) {
        context.my.present = true;
        stack->push(new EditContextCommand(m_document, context, m_document->workspace().timeZone));
    }
    QStringList names;
    for (Webhook webhook : import.webhooks()) {
        webhook.name = m_document->uniqueWebhookName(webhook.name);
        names.append(webhook.name);
        stack->push(new AddWebhookCommand(m_document, m_document->workspace().webhooks.size(), webhook, QString()));
    }
    stack->endMacro();

    QString text = tr("Imported %1 from %2: %3.")
                       .arg(names.size() == 1 ? tr("1 webhook") : tr("%1 webhooks").arg(names.size()),
                            QFileInfo(fileName).fileName(),
                            names.join(QStringLiteral(", ")));
    if (!import.myTokens().isEmpty()) {
        QStringList tokens;
        for (const ContextValue& token : import.myTokens()) {
            tokens.append(QStringLiteral("{{my.%1}}").arg(token.name));
        }
        text += QLatin1Char(' ') + tr("My Tokens: %1.").arg(tokens.join(QStringLiteral(", ")));
    }
    if (!import.notes().isEmpty()) {
        text += QLatin1Char(' ') + tr("Not carried over: %1").arg(import.notes().join(QLatin1Char(' ')));
    }
    m_messageBar->showMessage(import.notes().isEmpty() ? MessageBar::Kind::Info : MessageBar::Kind::Warning, text);
    return true;
}

bool ExchangeController::copyAsCurl(int webhook)
{
    const Workspace& workspace = m_document->workspace();
    if (webhook < 0 || webhook >= workspace.webhooks.size()) {
        return false;
    }
    const ExportRenderer renderer(workspace);
    const RenderedRequest request =
        renderer.render(webhook, m_document->currentLeadObject(), QDateTime::currentDateTimeUtc());
    const QString error = firstError(workspace, webhook, request);
    if (!error.isEmpty()) {
        m_messageBar->showMessage(
            MessageBar::Kind::Error,
            tr("Nothing was copied: the request has an error and would not be sent. %1").arg(error));
        return false;
    }
    QApplication::clipboard()->setText(QString::fromUtf8(CurlExport::command(request, renderer)));
    emit statusText(tr("Copied the curl command for %1 (%2)").arg(workspace.webhooks.at(webhook).name, leadName()));
    return true;
}

bool ExchangeController::exportFile(int webhook)
{
    const Workspace& workspace = m_document->workspace();
    if (webhook < 0 || webhook >= workspace.webhooks.size()) {
        return false;
    }
    ExportDialog dialog(
        workspace.webhooks.at(webhook).name, workspace.webhooks.size(), leadName(), exportBaseName(webhook), m_window);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    QString error;
    if (!writeExport(dialog.format(), webhook, dialog.fileName(), &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error, error);
        return false;
    }
    emit statusText(tr("Exported to %1").arg(QDir::toNativeSeparators(dialog.fileName())));
    return true;
}

bool ExchangeController::writeExport(const QString& format, int webhook, const QString& fileName, QString* error)
{
    const Workspace& workspace = m_document->workspace();
    const QJsonObject lead = m_document->currentLeadObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool single = format == QLatin1String("curl") || format == QLatin1String("sheet");
    if (webhook < 0 || webhook >= workspace.webhooks.size()) {
        if (error) {
            *error = tr("Choose a webhook to export.");
        }
        return false;
    }
    QList<int> indexes;
    if (single) {
        indexes.append(webhook);
    } else {
        for (int i = 0; i < workspace.webhooks.size(); ++i) {
            indexes.append(i);
        }
    }

    QByteArray output;
    if (format == QLatin1String("sheet")) {
        output = SetupSheet(workspace, webhook, now, m_document->currentLead()).markdown().toUtf8();
    } else {
        const ExportRenderer renderer(workspace);
        for (const int index : std::as_const(indexes)) {
            const QString problem = firstError(workspace, index, renderer.render(index, lead, now));
            if (!problem.isEmpty()) {
                if (error) {
                    *error = tr("Nothing was exported: a request has an error and would not be sent. %1").arg(problem);
                }
                return false;
            }
        }
        if (format == QLatin1String("curl")) {
            output = CurlExport::command(renderer.render(webhook, lead, now), renderer);
        } else if (format == QLatin1String("http")) {
            output = HttpFileExport::file(renderer, indexes, lead, now);
        } else if (format == QLatin1String("postman")) {
            const QString name = m_document->filePath().isEmpty()
                                     ? tr("Webhooks")
                                     : QFileInfo(m_document->filePath()).fileName().section(QLatin1Char('.'), 0, 0);
            output = PostmanExport::collection(renderer, name, indexes, lead, now);
        } else {
            if (error) {
                *error = tr("Unknown export format \"%1\".").arg(format);
            }
            return false;
        }
    }

    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(output) != output.size() || !file.commit()) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
        }
        return false;
    }
    return true;
}

void ExchangeController::showSetupSheet(int webhook)
{
    const Workspace& workspace = m_document->workspace();
    if (webhook < 0 || webhook >= workspace.webhooks.size()) {
        return;
    }
    SetupSheetDialog dialog(SetupSheet(workspace, webhook, QDateTime::currentDateTimeUtc(), m_document->currentLead()),
                            workspace.webhooks.at(webhook).name,
                            m_window);
    connect(&dialog, &SetupSheetDialog::copied, this, [this](const QString& what) {
        emit statusText(tr("Copied %1").arg(what));
    });
    dialog.exec();
}

QString ExchangeController::exportBaseName(int webhook) const
{
    const QString path = m_document->filePath();
    const QString folder = path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                          : QFileInfo(path).absolutePath();
    QString name = m_document->workspace().webhooks.at(webhook).name;
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    name.replace(unsafe, QStringLiteral("-"));
    if (name.isEmpty() || name == QLatin1String("-")) {
        name = QStringLiteral("webhook");
    }
    return QDir(folder).filePath(name);
}

QString ExchangeController::leadName() const
{
    const int lead = m_document->currentLead();
    return lead < 0 ? QString() : LeadModel::describe(m_document->workspace(), lead);
}
