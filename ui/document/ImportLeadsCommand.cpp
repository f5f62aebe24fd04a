#include "ImportLeadsCommand.h"

#include "document/WorkspaceDocument.h"

#include <QCoreApplication>

ImportLeadsCommand::ImportLeadsCommand(WorkspaceDocument* document,
                                       const QList<QJsonObject>& leads,
                                       const QList<Field>& fields)
    : QUndoCommand(QCoreApplication::translate("ImportLeadsCommand", "Import %n lead(s)", nullptr, leads.size()))
    , m_document(document)
    , m_leadsBefore(document->workspace().leads)
    , m_fieldsBefore(document->workspace().fields)
    , m_leadsAfter(leads)
    , m_fieldsAfter(fields)
{
}

void ImportLeadsCommand::redo()
{
    m_document->setLeadsAndFields(m_leadsAfter, m_fieldsAfter);
}

void ImportLeadsCommand::undo()
{
    m_document->setLeadsAndFields(m_leadsBefore, m_fieldsBefore);
}
