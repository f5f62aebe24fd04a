#pragma once

#include "document/WorkspaceDocument.h"

#include <QUndoCommand>

// Deletes a custom header or a response mapping; undo restores it at its place.
class RemoveRowCommand : public QUndoCommand
{
public:
    RemoveRowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook, int row);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    WorkspaceDocument::RowTable m_table;
    int m_webhook;
    int m_row;
    Header m_header;
    ResponseMapping m_mapping;
};
