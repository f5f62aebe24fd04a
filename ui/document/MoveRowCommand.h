#pragma once

#include "document/RowCommand.h"

// Moves a custom header, response mapping or check from one row to another (Move Up/Down).
class MoveRowCommand : public RowCommand
{
public:
    MoveRowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int from, int to);

    void redo() override;
    void undo() override;

private:
    int m_from;
    int m_to;
};
