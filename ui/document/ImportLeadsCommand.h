#pragma once

#include "model/Field.h"

#include <QJsonObject>
#include <QList>
#include <QUndoCommand>

class WorkspaceDocument;

// Replaces the sample leads (and the custom fields) with those imported from a CSV file;
// undo brings the previous leads back.
class ImportLeadsCommand : public QUndoCommand
{
public:
    ImportLeadsCommand(WorkspaceDocument* document, const QList<QJsonObject>& leads, const QList<Field>& fields);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    QList<QJsonObject> m_leadsBefore;
    QList<Field> m_fieldsBefore;
    QList<QJsonObject> m_leadsAfter;
    QList<Field> m_fieldsAfter;
};
