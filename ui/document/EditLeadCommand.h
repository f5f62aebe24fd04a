#pragma once

#include <QJsonObject>
#include <QUndoCommand>

class WorkspaceDocument;

// Replaces one sample lead with an edited copy (a field value changed in the table).
class EditLeadCommand : public QUndoCommand
{
public:
    EditLeadCommand(WorkspaceDocument* document, int lead, const QJsonObject& after);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    int m_lead;
    QJsonObject m_before;
    QJsonObject m_after;
};
