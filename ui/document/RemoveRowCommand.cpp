#include "RemoveRowCommand.h"

#include <QCoreApplication>

RemoveRowCommand::RemoveRowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int row)
    : RowCommand(document, table, webhook), m_row(row), m_removed(rowAt(row))
{
    setText(table == WorkspaceDocument::RowTable::Headers
                ? QCoreApplication::translate("RemoveRowCommand", "Remove header")
                : QCoreApplication::translate("RemoveRowCommand", "Remove response mapping"));
}

void RemoveRowCommand::redo()
{
    removeRow(m_row);
}

void RemoveRowCommand::undo()
{
    insertRow(m_row, m_removed);
}
