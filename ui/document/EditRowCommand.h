#pragma once

#include "document/RowCommand.h"

// Replaces one custom header, response mapping or check with an edited copy (a cell edit).
class EditRowCommand : public RowCommand
{
public:
    EditRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header);
    EditRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping);
    EditRowCommand(WorkspaceDocument* document, int webhook, int row, const Check& check);

    void redo() override;
    void undo() override;

private:
    int m_row;
    Row m_before;
    Row m_after;
};
