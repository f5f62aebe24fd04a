#pragma once

#include "exchange/TokenSuggestion.h"
#include "model/Workspace.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QVBoxLayout;

// New Webhook from cURL: a text box for the command, parsed as it is typed or pasted
// (CurlImport), and what the webhook would be: request type, URL, headers, body and Request
// Token Encoding, the import's notes, and a checkbox per token suggestion
// (TokenSuggestions) whose effect the preview shows at once. A command that cannot become
// a webhook shows the reason, and Create stays disabled.
//
// Contract: nothing changes in the workspace; after accept(), webhook() is the webhook to
// add, with the checked suggestions applied, and notes() says what the import and the
// suggestions did.
class CurlImportDialog : public QDialog
{
    Q_OBJECT

public:
    // `workspace` gives the sample lead and context the suggestions look for; "@file" data
    // is read relative to `baseDirectory` (the current directory when empty).
    CurlImportDialog(const Workspace& workspace,
                     const QString& command = QString(),
                     const QString& baseDirectory = QString(),
                     QWidget* parent = nullptr);
    ~CurlImportDialog() override;

    bool isValid() const { return m_valid; }
    // The webhook as shown; meaningful while isValid().
    const Webhook& webhook() const { return m_webhook; }
    const QStringList& notes() const { return m_notes; }
    const QList<TokenSuggestion>& suggestions() const { return m_suggestions; }
    // The reason the command is refused; empty while it is valid (or empty).
    QString refusal() const { return m_refusal; }

private:
    void parse();
    void rebuildSuggestions();
    void update();
    void showWebhook();

    Workspace m_workspace;
    QString m_baseDirectory;
    bool m_valid = false;
    Webhook m_parsed;
    Webhook m_webhook;
    QStringList m_importNotes;
    QStringList m_notes;
    QString m_refusal;
    QList<TokenSuggestion> m_suggestions;
    QList<QCheckBox*> m_checks;
    bool m_nameEdited = false;

    QPlainTextEdit* m_command;
    QLabel* m_refusalLabel;
    QLineEdit* m_name;
    QLabel* m_method;
    QLabel* m_url;
    QLabel* m_encoding;
    QStandardItemModel* m_headers;
    QPlainTextEdit* m_body;
    QGroupBox* m_suggestionBox;
    QVBoxLayout* m_suggestionLayout;
    QLabel* m_noSuggestions;
    QLabel* m_notesLabel;
    QDialogButtonBox* m_buttons;
    QPushButton* m_create;
};
