#pragma once

#include "http/HttpClient.h"
#include "marketo/MarketoImportDialog.h"

#include <QObject>

class MarketoClient;
class MessageBar;
class QLabel;
class QNetworkAccessManager;
class QWidget;
class WorkspaceDocument;
class WorkspaceSecrets;

// The Marketo menu: Connect… and the three imports. The connection goes into the
// workspace as an undoable edit, its client secret into the keychain (WorkspaceSecrets);
// an import is applied as one undoable step after its preview. The status bar label
// shows the connection's state: not connected, the instance, or why the last call
// failed.
class MarketoController : public QObject
{
    Q_OBJECT

public:
    MarketoController(WorkspaceDocument* document,
                      WorkspaceSecrets* secrets,
                      QNetworkAccessManager* network,
                      MessageBar* messageBar,
                      QWidget* window);
    ~MarketoController() override;

    QLabel* statusLabel() const { return m_status; }
    void setHttpOptions(const HttpClient::Options& options) { m_options = options; }

    // Opens the connect dialog; true when the workspace is connected afterwards.
    bool connectInstance();
    // Opens the import dialog (the connect dialog first when there is no connection or no
    // secret); true when the import was applied.
    bool import(MarketoImportDialog::Kind kind);

signals:
    // A Marketo dialog opened: tests and the window's state can follow.
    void dialogOpened(QDialog* dialog);

private:
    void updateStatus(const QString& problem = QString());
    MarketoClient* newClient(const QString& secret);

    WorkspaceDocument* m_document;
    WorkspaceSecrets* m_secrets;
    QNetworkAccessManager* m_network;
    MessageBar* m_messageBar;
    QWidget* m_window;
    QLabel* m_status;
    HttpClient::Options m_options;
};
