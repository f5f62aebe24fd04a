#pragma once

#include "model/Workspace.h"

#include <QUndoCommand>

class WorkspaceDocument;

// What an import from Marketo changed, as one undoable step: the connection (and what it
// knows of the instance), the custom fields, the sample leads and the context, taken
// from a workspace the import merged into a copy of the document's.
class ApplyImportCommand : public QUndoCommand
{
public:
    ApplyImportCommand(WorkspaceDocument* document, const Workspace& imported, const QString& text);

    void redo() override;
    void undo() override;

private:
    void apply(const Workspace& from);

    WorkspaceDocument* m_document;
    Workspace m_before;
    Workspace m_after;
};
