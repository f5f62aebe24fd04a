#pragma once

#include "document/RowCommand.h"

// Deletes a custom header, a response mapping or a check; undo restores it at its place.
class RemoveRowCommand : public RowCommand
{
public:
    RemoveRowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int row);

    void redo() override;
    void undo() override;

private:
    int m_row;
    Row m_removed;
};
