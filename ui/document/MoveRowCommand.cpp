#include "MoveRowCommand.h"

#include <QCoreApplication>

MoveRowCommand::MoveRowCommand(
    WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int from, int to)
    : QUndoCommand(table == WorkspaceDocument::RowTable::Headers
                       ? QCoreApplication::translate("MoveRowCommand", "Move header")
                       : QCoreApplication::translate("MoveRowCommand", "Move response mapping"))
    , m_document(document)
    , m_table(table)
    , m_webhook(webhook)
    , m_from(from)
    , m_to(to)
{
}

void MoveRowCommand::redo()
{
    m_document->moveRow(m_table, m_webhook, m_from, m_to);
}

void MoveRowCommand::undo()
{
    m_document->moveRow(m_table, m_webhook, m_to, m_from);
}
