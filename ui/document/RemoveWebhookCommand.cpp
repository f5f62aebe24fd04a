#include "RemoveWebhookCommand.h"

#include "document/WorkspaceDocument.h"

#include <QCoreApplication>

RemoveWebhookCommand::RemoveWebhookCommand(WorkspaceDocument* document, int index)
    : m_document(document), m_index(index), m_webhook(document->workspace().webhooks.value(index))
{
    setText(QCoreApplication::translate("RemoveWebhookCommand", "Delete webhook \"%1\"").arg(m_webhook.name));
}

void RemoveWebhookCommand::redo()
{
    m_document->removeWebhook(m_index);
}

void RemoveWebhookCommand::undo()
{
    m_document->insertWebhook(m_index, m_webhook);
}
