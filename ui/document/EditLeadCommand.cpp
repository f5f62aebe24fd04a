#include "EditLeadCommand.h"

#include "document/WorkspaceDocument.h"

#include <QCoreApplication>

EditLeadCommand::EditLeadCommand(WorkspaceDocument* document, int lead, const QJsonObject& after)
    : QUndoCommand(QCoreApplication::translate("EditLeadCommand", "Edit sample lead"))
    , m_document(document)
    , m_lead(lead)
    , m_before(document->workspace().leads.value(lead))
    , m_after(after)
{
}

void EditLeadCommand::redo()
{
    m_document->setLead(m_lead, m_after);
}

void EditLeadCommand::undo()
{
    m_document->setLead(m_lead, m_before);
}
