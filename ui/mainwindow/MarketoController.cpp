#include "MarketoController.h"

#include "document/ApplyImportCommand.h"
#include "document/WorkspaceDocument.h"
#include "mainwindow/WorkspaceSecrets.h"
#include "marketo/MarketoClient.h"
#include "marketo/MarketoConnectDialog.h"
#include "widgets/MessageBar.h"

#include <QLabel>
#include <QUndoStack>
#include <QUrl>

#include <memory>

MarketoController::MarketoController(WorkspaceDocument* document,
                                     WorkspaceSecrets* secrets,
                                     QNetworkAccessManager* network,
                                     MessageBar* messageBar,
                                     QWidget* window)
    : QObject(window)
    , m_document(document)
    , m_secrets(secrets)
    , m_network(network)
    , m_messageBar(messageBar)
    , m_window(window)
    , m_status(new QLabel(window))
{
    m_status->setObjectName(QStringLiteral("marketoStatusLabel"));
    connect(m_document, &WorkspaceDocument::workspaceReset, this, [this] { updateStatus(); });
    connect(m_document, &WorkspaceDocument::marketoChanged, this, [this] { updateStatus(); });
    updateStatus();
}

MarketoController::~MarketoController() = default;

void MarketoController::updateStatus(const QString& problem)
{
    const MarketoConnection& connection = m_document->workspace().marketo;
    if (!connection.isSet()) {
        m_status->setText(tr("Marketo: not connected"));
        m_status->setToolTip(tr("Marketo > Connect… links this workspace to an instance."));
        return;
    }
    const QString host = QUrl(connection.endpoint).host();
    m_status->setText(problem.isEmpty() ? tr("Marketo: %1").arg(host) : tr("Marketo: %1 (failed)").arg(host));
    m_status->setToolTip(problem.isEmpty() ? connection.endpoint : problem);
}

MarketoClient* MarketoController::newClient(const QString& secret)
{
    auto* client = new MarketoClient(m_network, this);
    client->setConnection(m_document->workspace().marketo, secret);
    HttpClient::Options options = m_options;
    options.trust(m_document->workspace().trustedCertificate);
    client->setHttpOptions(options);
    return client;
}

bool MarketoController::connectInstance()
{
    std::unique_ptr<MarketoClient> client(newClient(QString()));
    MarketoConnectDialog dialog(client.get(), m_window);
    const MarketoConnection current = m_document->workspace().marketo;
    dialog.setConnection(current, current.isSet() ? m_secrets->value(MarketoConnection::secretKey()) : QString());
    emit dialogOpened(&dialog);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    Workspace connected = m_document->workspace();
    const MarketoConnection chosen = dialog.connection();
    const bool sameInstance = chosen.endpoint == current.endpoint;
    connected.marketo.endpoint = chosen.endpoint;
    connected.marketo.identity = chosen.identity;
    connected.marketo.clientId = chosen.clientId;
    if (!sameInstance) {
        // What was learnt of another instance's fields does not hold for this one.
        connected.marketo.instanceFields.clear();
        connected.marketo.readOnlyFields.clear();
    }
    m_secrets->setValue(MarketoConnection::secretKey(), dialog.secret());
    m_document->undoStack()->push(new ApplyImportCommand(m_document, connected, tr("Connect to Marketo")));
    updateStatus();
    m_messageBar->showMessage(MessageBar::Kind::Info,
                              tr("Connected to %1. The Marketo menu imports its fields, leads and My Tokens.")
                                  .arg(QUrl(chosen.endpoint).host()));
    return true;
}

bool MarketoController::import(MarketoImportDialog::Kind kind)
{
    QString secret =
        m_document->workspace().marketo.isSet() ? m_secrets->value(MarketoConnection::secretKey()) : QString();
    if (secret.isEmpty()) {
        if (!connectInstance()) {
            return false;
        }
        secret = m_secrets->value(MarketoConnection::secretKey());
    }
    std::unique_ptr<MarketoClient> client(newClient(secret));
    MarketoImportDialog dialog(kind, m_document->workspace(), client.get(), m_window);
    connect(&dialog, &MarketoImportDialog::fetchFinished, this, [this, &dialog] {
        const MarketoProblem& problem = dialog.problem();
        updateStatus(problem.kind == MarketoProblem::Kind::Refused || problem.kind == MarketoProblem::Kind::Transport
                         ? problem.toString()
                         : QString());
    });
    emit dialogOpened(&dialog);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    m_document->undoStack()->push(new ApplyImportCommand(m_document, dialog.result(), dialog.undoText()));
    const MarketoImportSummary& summary = dialog.summary();
    m_messageBar->showMessage(
        MessageBar::Kind::Info,
        tr("%1: %2 added, %3 updated.").arg(dialog.undoText()).arg(summary.added.size()).arg(summary.updated.size()));
    return true;
}
