#pragma once

#include "model/Context.h"

#include <QUndoCommand>

class WorkspaceDocument;

// Replaces the flow step's context (My Tokens, program, ...) and the time zone with an
// edited copy.
class EditContextCommand : public QUndoCommand
{
public:
    EditContextCommand(WorkspaceDocument* document, const Context& context, const QString& timeZone);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    Context m_before;
    QString m_timeZoneBefore;
    Context m_after;
    QString m_timeZoneAfter;
};
