#include "SetWebhookPropertyCommand.h"

#include <QCoreApplication>

namespace {
// A pause longer than this starts a new undo step, as text editors do.
constexpr qint64 kMergeWindowMs = 2000;

QString describe(WorkspaceDocument::Property property)
{
    switch (property) {
    case WorkspaceDocument::Property::Name:
        return QCoreApplication::translate("SetWebhookPropertyCommand", "Rename webhook");
    case WorkspaceDocument::Property::Description:
        return QCoreApplication::translate("SetWebhookPropertyCommand", "Edit description");
    case WorkspaceDocument::Property::Url:
        return QCoreApplication::translate("SetWebhookPropertyCommand", "Edit URL");
    case WorkspaceDocument::Property::RequestType:
        return QCoreApplication::translate("SetWebhookPropertyCommand", "Change request type");
    case WorkspaceDocument::Property::PayloadTemplate:
        return QCoreApplication::translate("SetWebhookPropertyCommand", "Edit payload template");
    case WorkspaceDocument::Property::Encoding:
        return QCoreApplication::translate("SetWebhookPropertyCommand", "Change request token encoding");
    case WorkspaceDocument::Property::ResponseType:
        return QCoreApplication::translate("SetWebhookPropertyCommand", "Change response type");
    }
    return {};
}
} // namespace

SetWebhookPropertyCommand::SetWebhookPropertyCommand(WorkspaceDocument* document,
                                                     int webhook,
                                                     WorkspaceDocument::Property property,
                                                     const QVariant& value)
    : QUndoCommand(describe(property))
    , m_document(document)
    , m_webhook(webhook)
    , m_property(property)
    , m_before(WorkspaceDocument::property(document->workspace().webhooks.value(webhook), property))
    , m_after(value)
{
    m_lastEdit.start();
}

void SetWebhookPropertyCommand::redo()
{
    m_document->setWebhookProperty(m_webhook, m_property, m_after);
}

void SetWebhookPropertyCommand::undo()
{
    m_document->setWebhookProperty(m_webhook, m_property, m_before);
}

bool SetWebhookPropertyCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetWebhookPropertyCommand*>(other);
    if (next->m_webhook != m_webhook || next->m_property != m_property || !WorkspaceDocument::isTextProperty(m_property)
        || m_lastEdit.elapsed() > kMergeWindowMs) {
        return false;
    }
    m_after = next->m_after;
    m_lastEdit.start();
    // Typing back to where the step began leaves nothing to undo.
    if (m_after == m_before) {
        setObsolete(true);
    }
    return true;
}
