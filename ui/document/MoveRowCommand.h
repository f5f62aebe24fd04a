#pragma once

#include "document/WorkspaceDocument.h"

#include <QUndoCommand>

// Moves a custom header or response mapping from one row to another (Move Up/Down).
class MoveRowCommand : public QUndoCommand
{
public:
    MoveRowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int from, int to);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    WorkspaceDocument::RowTable m_table;
    int m_webhook;
    int m_from;
    int m_to;
};
