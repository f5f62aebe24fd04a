#include "MoveRowCommand.h"

#include <QCoreApplication>

MoveRowCommand::MoveRowCommand(
    WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int from, int to)
    : RowCommand(document, table, webhook), m_from(from), m_to(to)
{
    setText(table == WorkspaceDocument::RowTable::Headers
                ? QCoreApplication::translate("MoveRowCommand", "Move header")
                : QCoreApplication::translate("MoveRowCommand", "Move response mapping"));
}

void MoveRowCommand::redo()
{
    moveRow(m_from, m_to);
}

void MoveRowCommand::undo()
{
    moveRow(m_to, m_from);
}
