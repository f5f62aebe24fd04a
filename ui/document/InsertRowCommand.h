#pragma once

#include "document/WorkspaceDocument.h"

#include <QUndoCommand>

// Adds a custom header or a response mapping to a webhook; undo removes it.
class InsertRowCommand : public QUndoCommand
{
public:
    InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header);
    InsertRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping);

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
