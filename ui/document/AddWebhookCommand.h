#pragma once

#include "model/Webhook.h"

#include <QUndoCommand>

class WorkspaceDocument;

// Inserts a webhook (Add and Duplicate); undo removes it again.
class AddWebhookCommand : public QUndoCommand
{
public:
    AddWebhookCommand(WorkspaceDocument* document, int index, const Webhook& webhook, const QString& text);

    void redo() override;
    void undo() override;
    int index() const { return m_index; }

private:
    WorkspaceDocument* m_document;
    int m_index;
    Webhook m_webhook;
};
