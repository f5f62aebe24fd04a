#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_timeout(new QSpinBox(this))
    , m_redirects(new QCheckBox(tr("Follow redirects"), this))
    , m_port(new QSpinBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_keychain(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));
    m_timeout->setObjectName(QStringLiteral("timeoutSpinBox"));
    m_timeout->setAccessibleName(tr("Call timeout in seconds"));
    m_timeout->setRange(1, 300);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("Marketo waits at most 30 seconds for a response."));
    m_redirects->setObjectName(QStringLiteral("followRedirectsCheckBox"));
    m_redirects->setAccessibleName(tr("Follow redirects"));
    m_port->setObjectName(QStringLiteral("sandboxPortSpinBox"));
    m_port->setAccessibleName(tr("Sandbox port"));
    m_port->setRange(0, 65535);
    m_port->setToolTip(tr("The built-in sandbox service listens on 127.0.0.1 at this port, or the next free one. "
                          "Takes effect at the next start."));
    m_fontSize->setObjectName(QStringLiteral("fontSizeSpinBox"));
    m_fontSize->setAccessibleName(tr("Editor font size"));
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    m_theme->setObjectName(QStringLiteral("themeComboBox"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("System"), int(Theme::Mode::System));
    m_theme->addItem(tr("Light"), int(Theme::Mode::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Mode::Dark));
    m_theme->setToolTip(tr("System follows the desktop's style and colours; Light and Dark use the Fusion style."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("settingsButtonBox"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("settingsOkButton"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Apply the settings"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Discard the changes"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_keychain->setObjectName(QStringLiteral("keychainLabel"));
    m_keychain->setWordWrap(true);
    m_keychain->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(QString(), m_redirects);
    form->addRow(tr("Sandbox &port:"), m_port);
    form->addRow(tr("Editor &font size:"), m_fontSize);
    form->addRow(tr("T&heme:"), m_theme);
    form->addRow(tr("Secrets:"), m_keychain);
    form->addRow(buttons);
    setValues(Values());
}

SettingsDialog::~SettingsDialog() = default;

SettingsDialog::Values SettingsDialog::values() const
{
    Values v;
    v.timeoutSeconds = m_timeout->value();
    v.followRedirects = m_redirects->isChecked();
    v.sandboxPort = m_port->value();
    v.editorFontSize = m_fontSize->value();
    v.theme = Theme::Mode(m_theme->currentData().toInt());
    return v;
}

void SettingsDialog::setValues(const Values& values)
{
    m_timeout->setValue(values.timeoutSeconds);
    m_redirects->setChecked(values.followRedirects);
    m_port->setValue(values.sandboxPort);
    m_fontSize->setValue(values.editorFontSize);
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(values.theme))));
}

void SettingsDialog::setKeychain(const QString& backend, const QString& problem)
{
    m_keychain->setText(
        problem.isEmpty()
            ? tr("kept in %1").arg(backend)
            : tr("%1 is not available (%2): secret values are kept for this session only").arg(backend, problem));
}
