#pragma once

#include <QObject>
#include <QString>

class MessageBar;
class QWidget;
class WorkspaceDocument;

// Requests in and out of the window, from the File and Webhook menus: New Webhook from
// cURL (CurlImportDialog), Import Postman Collection, Copy as cURL, Export… (ExportDialog)
// and the Setup Sheet (SetupSheetDialog). Imports are edits: a curl import adds one
// webhook, a Postman import adds its webhooks and My Tokens, each as one undoable step;
// the window selects an added webhook. Exports render for the document's sample lead
// with every secret left out (ExportRenderer). Failures stay in the message bar.
class ExchangeController : public QObject
{
    Q_OBJECT

public:
    ExchangeController(WorkspaceDocument* document, MessageBar* messageBar, QWidget* window);
    ~ExchangeController() override;

    // Opens the curl dialog, prefilled with `command`; true when a webhook was added.
    bool newFromCurl(const QString& command = QString());
    // Asks for a collection file and imports it; true when anything was added.
    bool importPostman();
    bool importPostmanFile(const QString& fileName);
    // Puts the curl command for the webhook and the sample lead on the clipboard; false
    // (and the reason in the message bar) when the request has errors.
    bool copyAsCurl(int webhook);
    // Opens the export dialog; true when a file was written.
    bool exportFile(int webhook);
    // Writes `format` ("curl", "http", "postman", "sheet") atomically to `fileName`; curl
    // and the sheet hold `webhook`, http and postman every webhook.
    bool writeExport(const QString& format, int webhook, const QString& fileName, QString* error = nullptr);
    // Shows the setup sheet of the webhook for the sample lead.
    void showSetupSheet(int webhook);

    // Whether pasted text is a curl command the URL field should offer to import.
    static bool isCurlCommand(const QString& text);

signals:
    void statusText(const QString& text);

private:
    QString exportBaseName(int webhook) const;
    QString leadName() const;

    WorkspaceDocument* m_document;
    MessageBar* m_messageBar;
    QWidget* m_window;
};
