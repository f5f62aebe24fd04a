#include "CurlImportDialog.h"

#include "exchange/CurlImport.h"
#include "exchange/TokenSuggestions.h"
#include "widgets/Named.h"
#include "widgets/ReadOnlyTable.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Where a suggestion is, in the words of Marketo's dialog.
QString placeName(const TokenSuggestion& suggestion, const Webhook& webhook)
{
    if (suggestion.where == QLatin1String("url")) {
        return QObject::tr("the URL");
    }
    if (suggestion.where == QLatin1String("template")) {
        return QObject::tr("the template");
    }
    static const QRegularExpression header(QStringLiteral("^headers\\[(\\d+)\\]"));
    const QRegularExpressionMatch match = header.match(suggestion.where);
    const int index = match.hasMatch() ? match.captured(1).toInt() : -1;
    if (index >= 0 && index < webhook.headers.size()) {
        return QObject::tr("the header %1").arg(webhook.headers.at(index).name);
    }
    return suggestion.where;
}

QLabel* valueLabel(QWidget* parent, const char* objectName, const QString& accessibleName)
{
    auto* label = named(new QLabel(parent), objectName, accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return label;
}

} // namespace

CurlImportDialog::CurlImportDialog(const Workspace& workspace,
                                   const QString& command,
                                   const QString& baseDirectory,
                                   QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_baseDirectory(baseDirectory)
    , m_command(named(new QPlainTextEdit(this), "curlCommandEdit", tr("curl command")))
    , m_refusalLabel(named(new QLabel(this), "curlRefusalLabel", tr("Why the command cannot be imported")))
    , m_name(named(new QLineEdit(this), "webhookNameEdit", tr("Webhook name")))
    , m_method(valueLabel(this, "parsedMethodLabel", tr("Request type")))
    , m_url(valueLabel(this, "parsedUrlLabel", tr("URL")))
    , m_encoding(valueLabel(this, "parsedEncodingLabel", tr("Request token encoding")))
    , m_headers(new QStandardItemModel(0, 2, this))
    , m_body(named(new QPlainTextEdit(this), "parsedBodyEdit", tr("Template")))
    , m_suggestionBox(named(
          new QGroupBox(tr("Sample values to replace with tokens"), this), "suggestionsBox", tr("Token suggestions")))
    , m_suggestionLayout(new QVBoxLayout(m_suggestionBox))
    , m_noSuggestions(
          new QLabel(tr("No value of the first sample lead or of the context occurs in the request."), m_suggestionBox))
    , m_notesLabel(named(new QLabel(this), "curlNotesLabel", tr("Notes")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_create(named(new QPushButton(tr("&Create Webhook"), this), "createButton", tr("Create webhook")))
{
    setObjectName(QStringLiteral("curlImportDialog"));
    setWindowTitle(tr("New Webhook from cURL"));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_command->setFont(fixed);
    m_command->setPlaceholderText(tr("curl -X POST 'https://api.example.com/v1/leads' -H 'Content-Type: "
                                     "application/json' -d '{\"email\": \"ada@example.com\"}'"));
    m_command->setTabChangesFocus(true);
    m_command->setMinimumHeight(110);
    auto* commandLabel = new QLabel(tr("Paste a &curl command, as a vendor's documentation or a browser's "
                                       "\"Copy as cURL\" gives it:"),
                                    this);
    commandLabel->setBuddy(m_command);

    m_refusalLabel->setWordWrap(true);
    m_refusalLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refusalLabel->setVisible(false);
    QPalette warning = m_refusalLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_refusalLabel->setPalette(warning);

    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    QTableView* headers = createReadOnlyTable(m_headers, this);
    named(headers, "parsedHeadersTable", tr("Custom headers"));
    headers->setMinimumHeight(90);
    m_body->setReadOnly(true);
    m_body->setFont(fixed);
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(90);
    m_notesLabel->setWordWrap(true);
    m_notesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noSuggestions->setWordWrap(true);
    m_suggestionLayout->addWidget(m_noSuggestions);

    auto* parsed = new QGroupBox(tr("The webhook"), this);
    parsed->setObjectName(QStringLiteral("parsedRequestBox"));
    auto* form = new QFormLayout(parsed);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Request type:"), m_method);
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Custom headers:"), headers);
    form->addRow(tr("Template:"), m_body);
    form->addRow(tr("Token encoding:"), m_encoding);

    m_create->setDefault(true);
    m_buttons->addButton(m_create, QDialogButtonBox::AcceptRole);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(commandLabel);
    layout->addWidget(m_command);
    layout->addWidget(m_refusalLabel);
    layout->addWidget(parsed, 1);
    layout->addWidget(m_suggestionBox);
    layout->addWidget(m_notesLabel);
    layout->addWidget(m_buttons);

    connect(m_command, &QPlainTextEdit::textChanged, this, &CurlImportDialog::parse);
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameEdited = true;
        update();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_valid) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    resize(860, 760);
    m_command->setPlainText(command);
    parse();
    m_command->setFocus(Qt::OtherFocusReason);
}

CurlImportDialog::~CurlImportDialog() = default;

void CurlImportDialog::parse()
{
    const QString command = m_command->toPlainText();
    CurlImport import;
    import.setBaseDirectory(m_baseDirectory);
    QString error;
    m_refusal.clear();
    if (command.trimmed().isEmpty()) {
        m_valid = false;
    } else if (import.parse(command, &error)) {
        m_valid = true;
        m_parsed = import.webhook();
        m_importNotes = import.notes();
    } else {
        m_valid = false;
        m_refusal = error;
    }
    if (m_valid && !m_nameEdited) {
        m_name->setText(m_parsed.name);
    }
    rebuildSuggestions();
    update();
}

void CurlImportDialog::rebuildSuggestions()
{
    qDeleteAll(m_checks);
    m_checks.clear();
    m_suggestions = m_valid ? TokenSuggestions::find(m_workspace, m_parsed) : QList<TokenSuggestion>();
    for (int i = 0; i < m_suggestions.size(); ++i) {
        const TokenSuggestion& s = m_suggestions.at(i);
        auto* check = new QCheckBox(tr("Replace \"%1\" in %2 with %3").arg(s.value, placeName(s, m_parsed), s.token),
                                    m_suggestionBox);
        check->setObjectName(QStringLiteral("suggestionCheckBox%1").arg(i));
        check->setAccessibleName(check->text());
        check->setChecked(true);
        connect(check, &QCheckBox::toggled, this, &CurlImportDialog::update);
        m_suggestionLayout->addWidget(check);
        m_checks.append(check);
    }
    m_noSuggestions->setVisible(m_valid && m_suggestions.isEmpty());
    m_suggestionBox->setVisible(m_valid);
}

void CurlImportDialog::update()
{
    m_notes.clear();
    if (m_valid) {
        m_webhook = m_parsed;
        const QString name = m_name->text().trimmed();
        m_webhook.name = name.isEmpty() ? m_parsed.name : name;
        QList<TokenSuggestion> chosen;
        for (int i = 0; i < m_checks.size(); ++i) {
            if (m_checks.at(i)->isChecked()) {
                chosen.append(m_suggestions.at(i));
            }
        }
        m_notes = m_importNotes;
        if (!chosen.isEmpty()) {
            TokenSuggestions::apply(&m_webhook, chosen, &m_notes);
        }
    } else {
        m_webhook = Webhook();
    }
    m_refusalLabel->setText(m_refusal.isEmpty() ? QString() : tr("Cannot import: %1").arg(m_refusal));
    m_refusalLabel->setVisible(!m_refusal.isEmpty());
    m_create->setEnabled(m_valid);
    showWebhook();
}

void CurlImportDialog::showWebhook()
{
    const bool shown = m_valid;
    m_method->setText(shown ? WebhookEnums::name(m_webhook.requestType) : QString());
    m_url->setText(shown ? m_webhook.url : QString());
    m_encoding->setText(shown ? WebhookEnums::label(m_webhook.requestTokenEncoding) : QString());
    m_headers->setRowCount(0);
    for (const Header& header : m_webhook.headers) {
        m_headers->appendRow({new QStandardItem(header.name), new QStandardItem(header.value)});
    }
    m_body->setPlainText(m_webhook.payloadTemplate);
    QStringList items;
    for (const QString& note : std::as_const(m_notes)) {
        items.append(QStringLiteral("<li>%1</li>").arg(note.toHtmlEscaped()));
    }
    m_notesLabel->setText(items.isEmpty() ? QString() : tr("<b>Notes</b><ul>%1</ul>").arg(items.join(QString())));
    m_notesLabel->setVisible(!items.isEmpty());
}
