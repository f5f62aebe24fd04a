#pragma once

#include "model/MarketoConnection.h"

#include <QDialog>

class MarketoClient;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Connects a workspace to a Marketo instance: the REST endpoint, the identity URL, the
// client ID and secret of a LaunchPoint API service. Connect fetches an access token to
// prove them before the dialog closes; a refusal or transport problem is shown in the
// dialog, which stays open with what was typed.
//
// Object names: marketoEndpointEdit, marketoIdentityEdit, marketoClientIdEdit,
// marketoSecretEdit, marketoConnectButton, marketoConnectStatus.
class MarketoConnectDialog : public QDialog
{
    Q_OBJECT

public:
    MarketoConnectDialog(MarketoClient* client, QWidget* parent = nullptr);

    void setConnection(const MarketoConnection& connection, const QString& secret);
    MarketoConnection connection() const;
    QString secret() const;

public slots:
    // Proves the connection; accepts the dialog when Marketo gives a token.
    void tryConnect();

private:
    void updateButton();

    MarketoClient* m_client;
    QLineEdit* m_endpoint;
    QLineEdit* m_identity;
    QLineEdit* m_clientId;
    QLineEdit* m_secret;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
};
