#pragma once

#include "document/RowCommand.h"

// Adds a custom header or a response mapping to a webhook; undo removes it.
class InsertRowCommand : public RowCommand
{
public:
    InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header);
    InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping);

    void redo() override;
    void undo() override;

private:
    int m_row;
    Row m_inserted;
};
