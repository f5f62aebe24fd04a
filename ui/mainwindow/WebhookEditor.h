#pragma once

#include "document/WorkspaceDocument.h"
#include "template/Diagnostic.h"
#include "template/TokenCatalog.h"

#include <QPointer>
#include <QWidget>

class CheckDelegate;
class CheckModel;
class HeaderModel;
class MappingModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class RowTableEditor;
class TemplateEditor;
class TokenDelegate;
class TokenEditor;
class TokenLineEdit;

// The editor of one webhook: name, description, URL, request type, token encoding,
// response type, the payload template, and the custom headers, response mappings and
// checks tables under it.
//
// Contract: every edit goes through the document's undo stack; updates that come from
// the document (undo, another webhook chosen) are shown without being pushed back. A
// name that is empty or taken is not applied, and statusText() says why. With no webhook
// (-1) the editor is disabled. Diagnostics are shown as squiggles in the URL and the
// template, and jumpTo() moves the cursor to where one is.
class WebhookEditor : public QWidget
{
    Q_OBJECT

public:
    explicit WebhookEditor(WorkspaceDocument* document, QWidget* parent = nullptr);
    ~WebhookEditor() override;

    // Shows webhook `index` (-1: none); its diagnostics are cleared until the next lint.
    void setWebhook(int index);
    int webhook() const { return m_webhook; }
    // Shows a property of the webhook again after the document changed it.
    void syncProperty(WorkspaceDocument::Property property);

    void showDiagnostics(const QList<Diagnostic>& diagnostics);
    // The template's highlighting, from the webhook's Content-Type and the text itself.
    void updateTemplateLanguage(const Webhook& webhook);
    void setTokens(const QList<TokenInfo>& tokens);
    void setEditorFontSize(int pointSize);
    MappingModel* mappingModel() const { return m_mappingModel; }
    CheckModel* checkModel() const { return m_checkModel; }
    // The paths of the last response shown, offered when a check's attribute is typed.
    void setResponsePaths(const QStringList& paths);

    // Moves the cursor to a diagnostic's place: a property, and in a text, its line and
    // column (1-based).
    void jumpTo(const DiagnosticLocation& where, int line, int column);
    // Puts the cursor in the name, all of it selected (after Add Webhook).
    void focusName();
    // Appends a mapping of `path` to the lead field `field` and shows it.
    void addMapping(const QString& path, const QString& field);
    // Offers the token picker; the token goes where the user was typing: the URL, the
    // template, an open header value, or the end of the current header row's value.
    void insertToken(const QList<TokenInfo>& tokens);
    // Continues the window's tab order from `previous` through the editor's fields.
    void chainTabOrder(QWidget* previous);

signals:
    void statusText(const QString& text);
    // Return in the URL.
    void sendRequested();
    // A curl command was pasted into the URL field; the field kept its text.
    void curlPasted(const QString& command);

private:
    void createFields();
    QWidget* createTemplateBox();
    void createTables();
    void createChecksTable();
    void layOut(QWidget* templateBox);
    void connectFields();
    void editProperty(WorkspaceDocument::Property property, const QVariant& value);
    void editName(const QString& text);
    void syncRequestType(const Webhook* webhook, const QVariant& value);
    template <typename Row>
    void appendRow(RowTableEditor* rows, const Row& row, int column, bool edit);
    void removeRow(WorkspaceDocument::RowTable table, int row);
    void moveRow(WorkspaceDocument::RowTable table, int row, int to);
    static void moveCursor(TokenEditor* editor, int line, int column);

    WorkspaceDocument* m_document;
    HeaderModel* m_headerModel;
    MappingModel* m_mappingModel;
    CheckModel* m_checkModel;
    // The fields, made by the create functions the constructor calls.
    QLineEdit* m_nameEdit;
    QLineEdit* m_descriptionEdit;
    TokenLineEdit* m_urlEdit;
    QComboBox* m_requestTypeCombo;
    QComboBox* m_encodingCombo;
    QComboBox* m_responseTypeCombo;
    QLabel* m_payloadReasonLabel;
    TemplateEditor* m_templateEditor;
    QTabWidget* m_tabs;
    RowTableEditor* m_headers;
    RowTableEditor* m_mappings;
    RowTableEditor* m_checks;
    CheckDelegate* m_checkDelegate;
    TokenDelegate* m_headerValueDelegate;
    QPointer<QWidget> m_lastTokenField;
    int m_webhook = -1;
    bool m_syncing = false;
};
