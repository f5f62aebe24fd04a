#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

class PreviewPane;
class ResponsePane;
class WebhookEditor;
class WorkspaceDocument;

// Keeps the preview of the edited webhook current: renders it for the sample lead, lints
// it, and shows the request in the preview pane and the diagnostics in the editor; keeps
// the tokens the editors complete in step with the workspace.
//
// Contract: schedule() re-renders on a 30 ms single-shot timer, so typing never waits
// for the render; refresh() renders at once. The summary line ("POST url · 1 error")
// comes through statusText(), with secret My Token values masked, and not while a call
// runs (busy()).
class PreviewController : public QObject
{
    Q_OBJECT

public:
    PreviewController(WorkspaceDocument* document,
                      WebhookEditor* editor,
                      PreviewPane* preview,
                      ResponsePane* response,
                      QObject* parent = nullptr);
    ~PreviewController() override;

    void setBusy(std::function<bool()> busy) { m_busy = std::move(busy); }

    void schedule();
    void refresh();
    // The token catalogue changed (a lead, the context, a webhook's name): the editors
    // complete the new tokens, and the preview follows.
    void refreshTokens();

signals:
    void statusText(const QString& text);
    void previewUpdated();

private:
    WorkspaceDocument* m_document;
    WebhookEditor* m_editor;
    PreviewPane* m_preview;
    ResponsePane* m_response;
    QTimer m_timer;
    std::function<bool()> m_busy;
};
