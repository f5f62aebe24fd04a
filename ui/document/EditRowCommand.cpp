#include "EditRowCommand.h"

#include <QCoreApplication>

EditRowCommand::EditRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header)
    : RowCommand(document, WorkspaceDocument::RowTable::Headers, webhook)
    , m_row(row)
    , m_before(rowAt(row))
    , m_after(rowOf(header))
{
    setText(QCoreApplication::translate("EditRowCommand", "Edit header"));
}

EditRowCommand::EditRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping)
    : RowCommand(document, WorkspaceDocument::RowTable::Mappings, webhook)
    , m_row(row)
    , m_before(rowAt(row))
    , m_after(rowOf(mapping))
{
    setText(QCoreApplication::translate("EditRowCommand", "Edit response mapping"));
}

EditRowCommand::EditRowCommand(WorkspaceDocument* document, int webhook, int row, const Check& check)
    : RowCommand(document, WorkspaceDocument::RowTable::Checks, webhook)
    , m_row(row)
    , m_before(rowAt(row))
    , m_after(rowOf(check))
{
    setText(QCoreApplication::translate("EditRowCommand", "Edit check"));
}

void EditRowCommand::redo()
{
    replaceRow(m_row, m_after);
}

void EditRowCommand::undo()
{
    replaceRow(m_row, m_before);
}
