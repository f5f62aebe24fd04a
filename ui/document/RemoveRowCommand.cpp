#include "RemoveRowCommand.h"

#include <QCoreApplication>

RemoveRowCommand::RemoveRowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int row)
    : RowCommand(document, table, webhook), m_row(row), m_removed(rowAt(row))
{
    switch (table) {
    case WorkspaceDocument::RowTable::Headers:
        setText(QCoreApplication::translate("RemoveRowCommand", "Remove header"));
        break;
    case WorkspaceDocument::RowTable::Mappings:
        setText(QCoreApplication::translate("RemoveRowCommand", "Remove response mapping"));
        break;
    case WorkspaceDocument::RowTable::Checks:
        setText(QCoreApplication::translate("RemoveRowCommand", "Remove check"));
        break;
    }
}

void RemoveRowCommand::redo()
{
    removeRow(m_row);
}

void RemoveRowCommand::undo()
{
    insertRow(m_row, m_removed);
}
