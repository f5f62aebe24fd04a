#include "EditContextCommand.h"

#include "document/WorkspaceDocument.h"

#include <QCoreApplication>

EditContextCommand::EditContextCommand(WorkspaceDocument* document, const Context& context, const QString& timeZone)
    : QUndoCommand(QCoreApplication::translate("EditContextCommand", "Edit context"))
    , m_document(document)
    , m_before(document->workspace().context)
    , m_timeZoneBefore(document->workspace().timeZone)
    , m_after(context)
    , m_timeZoneAfter(timeZone)
{
    if (m_timeZoneAfter != m_timeZoneBefore) {
        setText(QCoreApplication::translate("EditContextCommand", "Change time zone"));
    }
}

void EditContextCommand::redo()
{
    m_document->setContext(m_after, m_timeZoneAfter);
}

void EditContextCommand::undo()
{
    m_document->setContext(m_before, m_timeZoneBefore);
}
