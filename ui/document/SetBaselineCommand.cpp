#include "SetBaselineCommand.h"

#include "document/WorkspaceDocument.h"

#include <QCoreApplication>

SetBaselineCommand::SetBaselineCommand(WorkspaceDocument* document,
                                       int webhook,
                                       const std::optional<ResponseShape>& baseline)
    : QUndoCommand(baseline ? QCoreApplication::translate("SetBaselineCommand", "Save as Baseline")
                            : QCoreApplication::translate("SetBaselineCommand", "Clear Baseline"))
    , m_document(document)
    , m_webhook(webhook)
    , m_before(document->workspace().webhooks.value(webhook).baseline)
    , m_after(baseline)
{
}

void SetBaselineCommand::redo()
{
    m_document->setBaseline(m_webhook, m_after);
}

void SetBaselineCommand::undo()
{
    m_document->setBaseline(m_webhook, m_before);
}
