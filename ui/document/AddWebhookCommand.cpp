#include "AddWebhookCommand.h"

#include "document/WorkspaceDocument.h"

AddWebhookCommand::AddWebhookCommand(WorkspaceDocument* document,
                                     int index,
                                     const Webhook& webhook,
                                     const QString& text)
    : QUndoCommand(text), m_document(document), m_index(index), m_webhook(webhook)
{
}

void AddWebhookCommand::redo()
{
    m_document->insertWebhook(m_index, m_webhook);
}

void AddWebhookCommand::undo()
{
    m_document->removeWebhook(m_index);
}
