#include "ApplyImportCommand.h"

#include "document/WorkspaceDocument.h"

ApplyImportCommand::ApplyImportCommand(WorkspaceDocument* document, const Workspace& imported, const QString& text)
    : QUndoCommand(text), m_document(document), m_before(document->workspace()), m_after(imported)
{
}

void ApplyImportCommand::redo()
{
    apply(m_after);
}

void ApplyImportCommand::undo()
{
    apply(m_before);
}

void ApplyImportCommand::apply(const Workspace& from)
{
    const Workspace& now = m_document->workspace();
    // Only what differs is set, so views that did not change keep their state.
    if (now.marketo.endpoint != from.marketo.endpoint || now.marketo.identity != from.marketo.identity
        || now.marketo.clientId != from.marketo.clientId || now.marketo.instanceFields != from.marketo.instanceFields
        || now.marketo.readOnlyFields != from.marketo.readOnlyFields) {
        m_document->setMarketo(from.marketo);
    }
    if (now.leads != from.leads || now.fields.size() != from.fields.size()
        || !std::equal(
            now.fields.cbegin(), now.fields.cend(), from.fields.cbegin(), [](const Field& a, const Field& b) {
                return a.name == b.name && a.apiName == b.apiName && a.type == b.type;
            })) {
        m_document->setLeadsAndFields(from.leads, from.fields);
    }
    m_document->setContext(from.context, from.timeZone);
}
