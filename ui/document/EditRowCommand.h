#pragma once

#include "document/RowCommand.h"

// Replaces one custom header or response mapping with an edited copy (a cell edit).
class EditRowCommand : public RowCommand
{
public:
    EditRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header);
    EditRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping);

    void redo() override;
    void undo() override;

private:
    int m_row;
    Row m_before;
    Row m_after;
};
