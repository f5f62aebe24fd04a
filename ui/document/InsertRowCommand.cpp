#include "InsertRowCommand.h"

#include <QCoreApplication>

InsertRowCommand::InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header)
    : RowCommand(document, WorkspaceDocument::RowTable::Headers, webhook), m_row(row), m_inserted(rowOf(header))
{
    setText(QCoreApplication::translate("InsertRowCommand", "Add header"));
}

InsertRowCommand::InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping)
    : RowCommand(document, WorkspaceDocument::RowTable::Mappings, webhook), m_row(row), m_inserted(rowOf(mapping))
{
    setText(QCoreApplication::translate("InsertRowCommand", "Add response mapping"));
}

InsertRowCommand::InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const Check& check)
    : RowCommand(document, WorkspaceDocument::RowTable::Checks, webhook), m_row(row), m_inserted(rowOf(check))
{
    setText(QCoreApplication::translate("InsertRowCommand", "Add check"));
}

void InsertRowCommand::redo()
{
    insertRow(m_row, m_inserted);
}

void InsertRowCommand::undo()
{
    removeRow(m_row);
}
