#include "EditRowCommand.h"

#include <QCoreApplication>

EditRowCommand::EditRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header)
    : QUndoCommand(QCoreApplication::translate("EditRowCommand", "Edit header"))
    , m_document(document)
    , m_table(WorkspaceDocument::RowTable::Headers)
    , m_webhook(webhook)
    , m_row(row)
    , m_headerBefore(document->workspace().webhooks.value(webhook).headers.value(row))
    , m_headerAfter(header)
{
}

EditRowCommand::EditRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping)
    : QUndoCommand(QCoreApplication::translate("EditRowCommand", "Edit response mapping"))
    , m_document(document)
    , m_table(WorkspaceDocument::RowTable::Mappings)
    , m_webhook(webhook)
    , m_row(row)
    , m_mappingBefore(document->workspace().webhooks.value(webhook).responseMappings.value(row))
    , m_mappingAfter(mapping)
{
}

void EditRowCommand::redo()
{
    if (m_table == WorkspaceDocument::RowTable::Headers) {
        m_document->setHeader(m_webhook, m_row, m_headerAfter);
    } else {
        m_document->setMapping(m_webhook, m_row, m_mappingAfter);
    }
}

void EditRowCommand::undo()
{
    if (m_table == WorkspaceDocument::RowTable::Headers) {
        m_document->setHeader(m_webhook, m_row, m_headerBefore);
    } else {
        m_document->setMapping(m_webhook, m_row, m_mappingBefore);
    }
}
