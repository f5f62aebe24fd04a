#include "WebhookEditor.h"

#include "dialogs/TokenPickerDialog.h"
#include "document/CheckModel.h"
#include "document/HeaderModel.h"
#include "document/InsertRowCommand.h"
#include "document/MappingModel.h"
#include "document/MoveRowCommand.h"
#include "document/RemoveRowCommand.h"
#include "document/SetWebhookPropertyCommand.h"
#include "editors/CheckDelegate.h"
#include "editors/FieldDelegate.h"
#include "editors/TemplateEditor.h"
#include "editors/TokenDelegate.h"
#include "editors/TokenLineEdit.h"
#include "exchange/ExchangeController.h"
#include "widgets/FlowLayout.h"
#include "widgets/KeyOverrideFilter.h"
#include "widgets/Named.h"
#include "widgets/RowTableEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

using Property = WorkspaceDocument::Property;

namespace {
constexpr int kHeadersTab = 0;
constexpr int kMappingsTab = 1;

QString headerValue(const Webhook& webhook, const QString& name)
{
    for (const Header& header : webhook.headers) {
        if (header.name.compare(name, Qt::CaseInsensitive) == 0) {
            return header.value;
        }
    }
    return {};
}

void selectData(QComboBox* combo, const QVariant& value)
{
    combo->setCurrentIndex(qMax(0, combo->findData(value)));
}
} // namespace

WebhookEditor::WebhookEditor(WorkspaceDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_headerModel(new HeaderModel(document, this))
    , m_mappingModel(new MappingModel(document, this))
    , m_checkModel(new CheckModel(document, this))
{
    named(this, "editorPane", tr("Webhook editor"));
    createFields();
    QWidget* templateBox = createTemplateBox();
    createTables();
    layOut(templateBox);
    connectFields();
}

WebhookEditor::~WebhookEditor() = default;

void WebhookEditor::createFields()
{
    m_nameEdit = named(new QLineEdit(this), "nameEdit", tr("Name"));
    m_descriptionEdit = named(new QLineEdit(this), "descriptionEdit", tr("Description"));
    m_urlEdit = named(new TokenLineEdit(this), "urlEdit", tr("URL"));
    m_urlEdit->setToolTip(tr("Type {{ for tokens. Literal characters are sent exactly as written."));
    m_requestTypeCombo = named(new QComboBox(this), "requestTypeCombo", tr("Request Type"));
    for (const QString& name : WebhookEnums::requestTypeNames()) {
        m_requestTypeCombo->addItem(name, int(*WebhookEnums::requestTypeFromName(name)));
    }
    m_encodingCombo = named(new QComboBox(this), "encodingCombo", tr("Request Token Encoding"));
    for (TokenEncoding e : {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl}) {
        m_encodingCombo->addItem(WebhookEnums::label(e), int(e));
    }
    m_encodingCombo->setToolTip(tr("How token values are encoded inside the payload template"));
    m_responseTypeCombo = named(new QComboBox(this), "responseTypeCombo", tr("Response Type"));
    for (ResponseType t : {ResponseType::None, ResponseType::Json, ResponseType::Xml}) {
        m_responseTypeCombo->addItem(WebhookEnums::label(t), int(t));
    }
    // Ctrl+Z in a line edit is the window's undo, not the line edit's own.
    KeyOverrideFilter::install(m_nameEdit, KeyOverrideFilter::Keys::UndoRedo);
    KeyOverrideFilter::install(m_descriptionEdit, KeyOverrideFilter::Keys::UndoRedo);
}

QWidget* WebhookEditor::createTemplateBox()
{
    m_templateEditor = named(new TemplateEditor(this), "templateEditor", tr("Payload Template"));
    m_payloadReasonLabel = named(new QLabel(this), "payloadReasonLabel", tr("Why the payload is not sent"));
    m_payloadReasonLabel->setWordWrap(true);
    m_payloadReasonLabel->hide();
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("Payload &Template:"), box);
    label->setBuddy(m_templateEditor);
    layout->addWidget(label);
    layout->addWidget(m_payloadReasonLabel);
    layout->addWidget(m_templateEditor, 1);
    return box;
}

void WebhookEditor::createTables()
{
    m_tabs = named(new QTabWidget(this), "editorTabs", tr("Headers, response mappings and checks"));
    m_headers = new RowTableEditor(m_tabs);
    m_headers->setNames(QStringLiteral("Header"), tr("Custom Headers"), tr("&Add Header"), tr("header"));
    QTableView* headers = m_headers->table();
    headers->setModel(m_headerModel);
    m_headerValueDelegate = new TokenDelegate(tr("Header value"), this);
    headers->setItemDelegateForColumn(HeaderModel::ValueColumn, m_headerValueDelegate);
    headers->horizontalHeader()->setSectionResizeMode(HeaderModel::NameColumn, QHeaderView::Interactive);
    headers->setColumnWidth(HeaderModel::NameColumn, 180);
    headers->horizontalHeader()->setSectionResizeMode(HeaderModel::ValueColumn, QHeaderView::Stretch);
    headers->horizontalHeader()->setSectionResizeMode(HeaderModel::SecretColumn, QHeaderView::ResizeToContents);
    headers->horizontalHeader()->setStretchLastSection(false);
    m_tabs->addTab(m_headers, tr("&Custom Headers"));

    m_mappings = new RowTableEditor(m_tabs);
    m_mappings->setNames(QStringLiteral("Mapping"), tr("Response Mappings"), tr("&Add Mapping"), tr("mapping"));
    QTableView* mappings = m_mappings->table();
    mappings->setModel(m_mappingModel);
    mappings->setItemDelegateForColumn(MappingModel::FieldColumn, new FieldDelegate(m_document, this));
    mappings->setColumnWidth(MappingModel::AttributeColumn, 200);
    mappings->setColumnWidth(MappingModel::FieldColumn, 200);
    m_tabs->addTab(m_mappings, tr("Response &Mappings"));
    createChecksTable();

    using RowTable = WorkspaceDocument::RowTable;
    connect(m_headers, &RowTableEditor::addRequested, this, [this] {
        appendRow(
            m_headers, Header {QStringLiteral("X-Header"), QString(), false, {}, false}, HeaderModel::NameColumn, true);
    });
    connect(m_mappings, &RowTableEditor::addRequested, this, [this] {
        appendRow(m_mappings,
                  ResponseMapping {QString(), QStringLiteral("company"), {}},
                  MappingModel::AttributeColumn,
                  true);
    });
    connect(m_headers, &RowTableEditor::removeRequested, this, [this](int row) { removeRow(RowTable::Headers, row); });
    connect(
        m_mappings, &RowTableEditor::removeRequested, this, [this](int row) { removeRow(RowTable::Mappings, row); });
    connect(m_checks, &RowTableEditor::addRequested, this, [this] {
        // Status 2xx is what a webhook without checks is judged by: the natural first
        // check, and the kind cell opens so another kind is one choice away.
        appendRow(m_checks, Check::status(QStringLiteral("2xx")), CheckModel::KindColumn, true);
    });
    connect(m_checks, &RowTableEditor::removeRequested, this, [this](int row) { removeRow(RowTable::Checks, row); });
    connect(m_checks, &RowTableEditor::moveRequested, this, [this](int row, int to) {
        moveRow(RowTable::Checks, row, to);
    });
    connect(m_headers, &RowTableEditor::moveRequested, this, [this](int row, int to) {
        moveRow(RowTable::Headers, row, to);
    });
    connect(m_mappings, &RowTableEditor::moveRequested, this, [this](int row, int to) {
        moveRow(RowTable::Mappings, row, to);
    });
}

void WebhookEditor::createChecksTable()
{
    m_checks = new RowTableEditor(m_tabs);
    m_checks->setNames(QStringLiteral("Check"), tr("Checks"), tr("&Add Check"), tr("check"));
    QTableView* checks = m_checks->table();
    checks->setModel(m_checkModel);
    m_checkDelegate = new CheckDelegate(this);
    checks->setItemDelegate(m_checkDelegate);
    // Narrow enough that the problem, when there is one, starts inside the view; the
    // whole of it is the row's tooltip.
    checks->setColumnWidth(CheckModel::NameColumn, 120);
    checks->setColumnWidth(CheckModel::KindColumn, 150);
    checks->setColumnWidth(CheckModel::TargetColumn, 120);
    checks->setColumnWidth(CheckModel::ExpectedColumn, 80);
    m_checks->setPlaceholderText(tr("No checks: a call passes when its status is 2xx."));
    m_checks->setToolTip(tr("What every Send, batch run and test must show: a status, a field written, a "
                            "response attribute, an answer in time."));
    m_tabs->addTab(m_checks, tr("Checks"));
}

void WebhookEditor::setResponsePaths(const QStringList& paths)
{
    m_checkDelegate->setResponsePaths(paths);
}

void WebhookEditor::layOut(QWidget* templateBox)
{
    // The three types side by side, or on two rows when the editor is narrow; each
    // label stays with its box.
    auto* types = new FlowLayout;
    types->setContentsMargins(0, 0, 0, 0);
    types->addWidget(m_requestTypeCombo);
    const auto addLabelled = [this, types](const QString& text, QWidget* buddy) {
        auto* group = new QWidget(this);
        auto* row = new QHBoxLayout(group);
        row->setContentsMargins(12, 0, 0, 0);
        auto* label = new QLabel(text, group);
        label->setBuddy(buddy);
        row->addWidget(label);
        row->addWidget(buddy);
        types->addWidget(group);
    };
    addLabelled(tr("Request Token Encodin&g:"), m_encodingCombo);
    addLabelled(tr("Response T&ype:"), m_responseTypeCombo);
    auto* requestLabel = new QLabel(tr("Re&quest Type:"), this);
    requestLabel->setBuddy(m_requestTypeCombo);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Description:"), m_descriptionEdit);
    form->addRow(tr("&URL:"), m_urlEdit);
    form->addRow(requestLabel, types);

    auto* split = named(new QSplitter(Qt::Vertical, this), "editorSplitter", tr("Template and tables"));
    split->addWidget(templateBox);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(split, 1);
}

void WebhookEditor::connectFields()
{
    connect(m_nameEdit, &QLineEdit::textEdited, this, &WebhookEditor::editName);
    connect(m_nameEdit, &QLineEdit::editingFinished, this, [this] { syncProperty(Property::Name); });
    connect(m_descriptionEdit, &QLineEdit::textEdited, this, [this](const QString& text) {
        editProperty(Property::Description, text);
    });
    connect(m_urlEdit, &QsciScintilla::textChanged, this, [this] { editProperty(Property::Url, m_urlEdit->text()); });
    connect(m_urlEdit, &TokenLineEdit::returnPressed, this, &WebhookEditor::sendRequested);
    // A curl command is no URL: it is offered as a new webhook, after the key press is
    // handled, and the field keeps its text.
    m_urlEdit->setPasteFilter([this](const QString& text) {
        if (!ExchangeController::isCurlCommand(text)) {
            return false;
        }
        QTimer::singleShot(0, this, [this, text] { emit curlPasted(text); });
        return true;
    });
    connect(m_templateEditor, &QsciScintilla::textChanged, this, [this] {
        editProperty(Property::PayloadTemplate, m_templateEditor->text());
    });
    const std::pair<QComboBox*, Property> combos[] = {{m_requestTypeCombo, Property::RequestType},
                                                      {m_encodingCombo, Property::Encoding},
                                                      {m_responseTypeCombo, Property::ResponseType}};
    for (const auto& [combo, property] : combos) {
        connect(combo, &QComboBox::activated, this, [this, combo = combo, property = property] {
            editProperty(property, combo->currentData());
        });
    }
    for (TokenEditor* editor : {static_cast<TokenEditor*>(m_urlEdit), static_cast<TokenEditor*>(m_templateEditor)}) {
        connect(editor, &TokenEditor::focusReceived, this, [this, editor] { m_lastTokenField = editor; });
    }
    connect(m_headerValueDelegate, &TokenDelegate::editorFocused, this, [this](TokenEditor* editor) {
        m_lastTokenField = editor;
    });
}

void WebhookEditor::chainTabOrder(QWidget* previous)
{
    for (QWidget* next : std::initializer_list<QWidget*> {m_nameEdit,
                                                          m_descriptionEdit,
                                                          m_urlEdit,
                                                          m_requestTypeCombo,
                                                          m_encodingCombo,
                                                          m_responseTypeCombo,
                                                          m_templateEditor,
                                                          m_tabs}) {
        setTabOrder(previous, next);
        previous = next;
    }
}

void WebhookEditor::setWebhook(int index)
{
    m_webhook = index;
    m_headerModel->setWebhook(index);
    m_mappingModel->setWebhook(index);
    m_checkModel->setWebhook(index);
    setEnabled(index >= 0);
    for (Property p : {Property::Name,
                       Property::Description,
                       Property::Url,
                       Property::RequestType,
                       Property::PayloadTemplate,
                       Property::Encoding,
                       Property::ResponseType}) {
        syncProperty(p);
    }
    showDiagnostics({});
}

void WebhookEditor::syncProperty(Property property)
{
    const bool has = m_webhook >= 0;
    const Webhook webhook = has ? m_document->workspace().webhooks.at(m_webhook) : Webhook();
    const QVariant value = has ? WorkspaceDocument::property(webhook, property) : QVariant();
    m_syncing = true;
    switch (property) {
    case Property::Name:
    case Property::Description: {
        QLineEdit* edit = property == Property::Name ? m_nameEdit : m_descriptionEdit;
        if (edit->text() != value.toString()) {
            edit->setText(value.toString());
        }
        break;
    }
    case Property::Url:
        m_urlEdit->replaceText(value.toString());
        break;
    case Property::PayloadTemplate:
        m_templateEditor->replaceText(value.toString());
        break;
    case Property::RequestType:
        syncRequestType(has ? &webhook : nullptr, value);
        break;
    case Property::Encoding:
        selectData(m_encodingCombo, value);
        break;
    case Property::ResponseType:
        selectData(m_responseTypeCombo, value);
        break;
    }
    m_syncing = false;
}

void WebhookEditor::syncRequestType(const Webhook* webhook, const QVariant& value)
{
    selectData(m_requestTypeCombo, value);
    const bool sendsBody = !webhook || webhook->sendsBody();
    m_templateEditor->setReadOnly(!sendsBody);
    m_templateEditor->setEnabled(sendsBody);
    m_encodingCombo->setEnabled(sendsBody);
    m_payloadReasonLabel->setVisible(!sendsBody);
    m_payloadReasonLabel->setText(
        tr("Marketo sends no payload with a GET request: the template is kept but not sent. Choose POST, PUT, "
           "PATCH or DELETE to send it."));
}

void WebhookEditor::editName(const QString& text)
{
    const QString name = text.trimmed();
    const int existing = m_document->workspace().webhookIndex(name);
    if (name.isEmpty() || (existing >= 0 && existing != m_webhook)) {
        m_nameEdit->setToolTip(name.isEmpty() ? tr("A webhook needs a name.")
                                              : tr("Another webhook is called \"%1\".").arg(name));
        emit statusText(m_nameEdit->toolTip());
        return;
    }
    m_nameEdit->setToolTip(QString());
    editProperty(Property::Name, name);
}

void WebhookEditor::editProperty(Property property, const QVariant& value)
{
    if (m_syncing || m_webhook < 0) {
        return;
    }
    const Webhook& webhook = m_document->workspace().webhooks.at(m_webhook);
    if (WorkspaceDocument::property(webhook, property) == value) {
        return;
    }
    m_document->undoStack()->push(new SetWebhookPropertyCommand(m_document, m_webhook, property, value));
}

void WebhookEditor::showDiagnostics(const QList<Diagnostic>& diagnostics)
{
    QList<Diagnostic> url;
    QList<Diagnostic> text;
    for (const Diagnostic& d : diagnostics) {
        if (d.where.part == DiagnosticLocation::Part::Url) {
            url.append(d);
        } else if (d.where.part == DiagnosticLocation::Part::Template) {
            text.append(d);
        }
    }
    m_urlEdit->setDiagnostics(url);
    m_templateEditor->setDiagnostics(text);
}

void WebhookEditor::updateTemplateLanguage(const Webhook& webhook)
{
    m_templateEditor->setLanguage(
        TemplateEditor::detectLanguage(headerValue(webhook, QStringLiteral("Content-Type")), webhook.payloadTemplate));
}

void WebhookEditor::setTokens(const QList<TokenInfo>& tokens)
{
    m_urlEdit->setTokens(tokens);
    m_templateEditor->setTokens(tokens);
    m_headerValueDelegate->setTokens(tokens);
}

void WebhookEditor::setEditorFontSize(int pointSize)
{
    m_urlEdit->setEditorFontSize(pointSize);
    m_templateEditor->setEditorFontSize(pointSize);
}

void WebhookEditor::jumpTo(const DiagnosticLocation& where, int line, int column)
{
    using Part = DiagnosticLocation::Part;
    TokenEditor* editor = nullptr;
    switch (where.part) {
    case Part::Url:
        editor = m_urlEdit;
        break;
    case Part::Template:
        editor = m_templateEditor;
        break;
    case Part::HeaderName:
    case Part::HeaderValue:
        m_tabs->setCurrentIndex(kHeadersTab);
        m_headers->table()->setCurrentIndex(m_headerModel->index(
            where.row, where.part == Part::HeaderName ? HeaderModel::NameColumn : HeaderModel::ValueColumn));
        m_headers->table()->setFocus();
        return;
    case Part::MappingAttribute:
    case Part::MappingField:
        m_tabs->setCurrentIndex(kMappingsTab);
        m_mappings->table()->setCurrentIndex(m_mappingModel->index(
            where.row, where.part == Part::MappingField ? MappingModel::FieldColumn : MappingModel::AttributeColumn));
        m_mappings->table()->setFocus();
        return;
    case Part::Name:
        m_nameEdit->setFocus();
        return;
    case Part::RequestType:
        m_requestTypeCombo->setFocus();
        return;
    case Part::RequestTokenEncoding:
        m_encodingCombo->setFocus();
        return;
    case Part::ResponseType:
        m_responseTypeCombo->setFocus();
        return;
    case Part::TimeZone:
    case Part::Headers:
    case Part::Mappings:
        break;
    }
    if (editor) {
        moveCursor(editor, line, column);
    }
}

void WebhookEditor::moveCursor(TokenEditor* editor, int line, int column)
{
    editor->setFocus();
    if (line > 0) {
        // Line and column are 1-based characters; Scintilla wants a byte position.
        const QStringList lines = editor->text().split(QLatin1Char('\n'));
        int offset = 0;
        for (int i = 0; i < line - 1 && i < lines.size(); ++i) {
            offset += lines.at(i).size() + 1;
        }
        editor->setCursorOffset(offset + qMax(0, column - 1));
        editor->ensureCursorVisible();
    }
}

void WebhookEditor::focusName()
{
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
}

template <typename Row>
void WebhookEditor::appendRow(RowTableEditor* rows, const Row& row, int column, bool edit)
{
    if (m_webhook < 0) {
        return;
    }
    const int at = rows->table()->model()->rowCount();
    m_document->undoStack()->push(new InsertRowCommand(m_document, m_webhook, at, row));
    m_tabs->setCurrentWidget(rows);
    if (edit) {
        rows->editCell(at, column);
    } else {
        rows->table()->setCurrentIndex(rows->table()->model()->index(at, column));
    }
}

void WebhookEditor::addMapping(const QString& path, const QString& field)
{
    appendRow(m_mappings, ResponseMapping {path, field, {}}, MappingModel::FieldColumn, false);
}

void WebhookEditor::removeRow(WorkspaceDocument::RowTable table, int row)
{
    if (m_webhook >= 0) {
        m_document->undoStack()->push(new RemoveRowCommand(m_document, table, m_webhook, row));
    }
}

void WebhookEditor::moveRow(WorkspaceDocument::RowTable table, int row, int to)
{
    if (m_webhook >= 0) {
        m_document->undoStack()->push(new MoveRowCommand(m_document, table, m_webhook, row, to));
    }
}

void WebhookEditor::insertToken(const QList<TokenInfo>& tokens)
{
    if (m_webhook < 0) {
        return;
    }
    QPointer<TokenEditor> target = qobject_cast<TokenEditor*>(m_lastTokenField.data());
    // A header row chosen in the table with no cell editor open: the token goes at the end
    // of its value, through the model so it is one undoable edit.
    QPersistentModelIndex headerCell;
    QTableView* headers = m_headers->table();
    if (window()->focusWidget() == headers && headers->currentIndex().isValid()) {
        headerCell = headers->currentIndex().siblingAtColumn(HeaderModel::ValueColumn);
        target = nullptr;
    } else if (!target) {
        target = m_templateEditor->isEnabled() ? static_cast<TokenEditor*>(m_templateEditor) : m_urlEdit;
    }
    // open(), not exec(): the picker is window-modal without a nested event loop.
    auto* picker = new TokenPickerDialog(window());
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setTokens(tokens);
    connect(picker, &TokenPickerDialog::tokenChosen, this, [this, target, headerCell](const QString& text) {
        if (headerCell.isValid()) {
            m_headerModel->appendToValue(headerCell.row(), text);
        } else if (target) {
            target->setFocus();
            target->insertAtCursor(text);
        }
    });
    picker->open();
}
