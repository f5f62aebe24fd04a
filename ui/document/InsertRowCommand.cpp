#include "InsertRowCommand.h"

#include <QCoreApplication>

InsertRowCommand::InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header)
    : QUndoCommand(QCoreApplication::translate("InsertRowCommand", "Add header"))
    , m_document(document)
    , m_table(WorkspaceDocument::RowTable::Headers)
    , m_webhook(webhook)
    , m_row(row)
    , m_header(header)
{
}

InsertRowCommand::InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping)
    : QUndoCommand(QCoreApplication::translate("InsertRowCommand", "Add response mapping"))
    , m_document(document)
    , m_table(WorkspaceDocument::RowTable::Mappings)
    , m_webhook(webhook)
    , m_row(row)
    , m_mapping(mapping)
{
}

void InsertRowCommand::redo()
{
    if (m_table == WorkspaceDocument::RowTable::Headers) {
        m_document->insertHeader(m_webhook, m_row, m_header);
    } else {
        m_document->insertMapping(m_webhook, m_row, m_mapping);
    }
}

void InsertRowCommand::undo()
{
    m_document->removeRow(m_table, m_webhook, m_row);
}
