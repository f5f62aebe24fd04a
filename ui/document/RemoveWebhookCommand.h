#pragma once

#include "model/Webhook.h"

#include <QUndoCommand>

class WorkspaceDocument;

// Deletes a webhook; undo puts it back at the same place with everything it held.
class RemoveWebhookCommand : public QUndoCommand
{
public:
    RemoveWebhookCommand(WorkspaceDocument* document, int index);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    int m_index;
    Webhook m_webhook;
};
