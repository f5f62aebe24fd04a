#pragma once

#include "document/RowCommand.h"

// Adds a custom header, a response mapping or a check to a webhook; undo removes it.
class InsertRowCommand : public RowCommand
{
public:
    InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header);
    InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping);
    InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const Check& check);

    void redo() override;
    void undo() override;

private:
    int m_row;
    Row m_inserted;
};
