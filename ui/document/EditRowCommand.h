#pragma once

#include "document/WorkspaceDocument.h"

#include <QUndoCommand>

// Replaces one custom header or response mapping with an edited copy (a cell edit).
class EditRowCommand : public QUndoCommand
{
public:
    EditRowCommand(WorkspaceDocument* document, int webhook, int row, const Header& header);
    EditRowCommand(WorkspaceDocument* document, int webhook, int row, const ResponseMapping& mapping);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    WorkspaceDocument::RowTable m_table;
    int m_webhook;
    int m_row;
    Header m_headerBefore;
    Header m_headerAfter;
    ResponseMapping m_mappingBefore;
    ResponseMapping m_mappingAfter;
};
