#include "MarketoConnectDialog.h"

#include "marketo/MarketoClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

namespace {

QString trimmedUrl(const QLineEdit* edit)
{
    QString text = edit->text().trimmed();
    while (text.endsWith(QLatin1Char('/'))) {
        text.chop(1);
    }
    return text;
}

bool isHttpUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

} // namespace

MarketoConnectDialog::MarketoConnectDialog(MarketoClient* client, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_endpoint(new QLineEdit(this))
    , m_identity(new QLineEdit(this))
    , m_clientId(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect to Marketo"));
    setObjectName(QStringLiteral("marketoConnectDialog"));
    m_endpoint->setObjectName(QStringLiteral("marketoEndpointEdit"));
    m_endpoint->setPlaceholderText(tr("https://123-ABC-456.mktorest.com/rest"));
    m_endpoint->setAccessibleName(tr("REST endpoint"));
    m_identity->setObjectName(QStringLiteral("marketoIdentityEdit"));
    m_identity->setPlaceholderText(tr("https://123-ABC-456.mktorest.com/identity"));
    m_identity->setAccessibleName(tr("Identity URL"));
    m_clientId->setObjectName(QStringLiteral("marketoClientIdEdit"));
    m_clientId->setAccessibleName(tr("Client ID"));
    m_secret->setObjectName(QStringLiteral("marketoSecretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Client secret"));
    m_status->setObjectName(QStringLiteral("marketoConnectStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QPushButton* connectButton = m_buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("marketoConnectButton"));
    connectButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MarketoConnectDialog::tryConnect);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        m_client->cancel();
        reject();
    });
    for (QLineEdit* edit : {m_endpoint, m_identity, m_clientId, m_secret}) {
        connect(edit, &QLineEdit::textChanged, this, &MarketoConnectDialog::updateButton);
    }

    auto* hint = new QLabel(tr("Admin > Web Services shows the endpoint and identity URLs; Admin > LaunchPoint > "
                               "View Details the client ID and secret. The secret is kept in the keychain, never "
                               "in the workspace file."),
                            this);
    hint->setWordWrap(true);
    auto* form = new QFormLayout(this);
    form->addRow(hint);
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(tr("&Identity:"), m_identity);
    form->addRow(tr("Client &ID:"), m_clientId);
    form->addRow(tr("Client &secret:"), m_secret);
    form->addRow(m_status);
    form->addRow(m_buttons);
    // Room for a whole endpoint URL.
    m_endpoint->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("https://123-ABC-456.mktorest.com/rest"))
                                + 40);
    updateButton();
}

void MarketoConnectDialog::setConnection(const MarketoConnection& connection, const QString& secret)
{
    m_endpoint->setText(connection.endpoint);
    m_identity->setText(connection.identity);
    m_clientId->setText(connection.clientId);
    m_secret->setText(secret);
}

MarketoConnection MarketoConnectDialog::connection() const
{
    MarketoConnection connection;
    connection.endpoint = trimmedUrl(m_endpoint);
    connection.identity = trimmedUrl(m_identity);
    connection.clientId = m_clientId->text().trimmed();
    return connection;
}

QString MarketoConnectDialog::secret() const
{
    return m_secret->text().trimmed();
}

void MarketoConnectDialog::updateButton()
{
    QString problem;
    if (!m_endpoint->text().isEmpty() && !isHttpUrl(trimmedUrl(m_endpoint))) {
        problem = tr("The endpoint is not an http:// or https:// address.");
    } else if (!m_identity->text().isEmpty() && !isHttpUrl(trimmedUrl(m_identity))) {
        problem = tr("The identity URL is not an http:// or https:// address.");
    }
    const bool complete = isHttpUrl(trimmedUrl(m_endpoint)) && isHttpUrl(trimmedUrl(m_identity))
                          && !m_clientId->text().trimmed().isEmpty() && !secret().isEmpty();
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole) {
            button->setEnabled(complete);
        }
    }
    m_status->setText(problem);
}

void MarketoConnectDialog::tryConnect()
{
    m_status->setText(tr("Connecting…"));
    for (QLineEdit* edit : {m_endpoint, m_identity, m_clientId, m_secret}) {
        edit->setEnabled(false);
    }
    m_client->setConnection(connection(), secret());
    m_client->authenticate([this](const MarketoClient::Reply& reply) {
        for (QLineEdit* edit : {m_endpoint, m_identity, m_clientId, m_secret}) {
            edit->setEnabled(true);
        }
        if (reply.problem.kind == MarketoProblem::Kind::Cancelled) {
            return;
        }
        if (!reply.ok()) {
            m_status->setText(tr("Not connected: %1").arg(reply.problem.toString()));
            return;
        }
        m_status->setText(tr("Connected."));
        accept();
    });
}
