#include "MoveRowCommand.h"

#include <QCoreApplication>

MoveRowCommand::MoveRowCommand(
    WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int from, int to)
    : RowCommand(document, table, webhook), m_from(from), m_to(to)
{
    switch (table) {
    case WorkspaceDocument::RowTable::Headers:
        setText(QCoreApplication::translate("MoveRowCommand", "Move header"));
        break;
    case WorkspaceDocument::RowTable::Mappings:
        setText(QCoreApplication::translate("MoveRowCommand", "Move response mapping"));
        break;
    case WorkspaceDocument::RowTable::Checks:
        setText(QCoreApplication::translate("MoveRowCommand", "Move check"));
        break;
    }
}

void MoveRowCommand::redo()
{
    moveRow(m_from, m_to);
}

void MoveRowCommand::undo()
{
    moveRow(m_to, m_from);
}
