#include "RemoveRowCommand.h"

#include <QCoreApplication>

RemoveRowCommand::RemoveRowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int row)
    : m_document(document), m_table(table), m_webhook(webhook), m_row(row)
{
    const Webhook w = document->workspace().webhooks.value(webhook);
    if (table == WorkspaceDocument::RowTable::Headers) {
        m_header = w.headers.value(row);
        setText(QCoreApplication::translate("RemoveRowCommand", "Remove header"));
    } else {
        m_mapping = w.responseMappings.value(row);
        setText(QCoreApplication::translate("RemoveRowCommand", "Remove response mapping"));
    }
}

void RemoveRowCommand::redo()
{
    m_document->removeRow(m_table, m_webhook, m_row);
}

void RemoveRowCommand::undo()
{
    if (m_table == WorkspaceDocument::RowTable::Headers) {
        m_document->insertHeader(m_webhook, m_row, m_header);
    } else {
        m_document->insertMapping(m_webhook, m_row, m_mapping);
    }
}
