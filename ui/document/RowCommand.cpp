#include "RowCommand.h"

RowCommand::RowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook)
    : m_document(document), m_table(table), m_webhook(webhook)
{
}

RowCommand::~RowCommand() = default;

RowCommand::Row RowCommand::rowAt(int row) const
{
    const Webhook webhook = m_document->workspace().webhooks.value(m_webhook);
    switch (m_table) {
    case WorkspaceDocument::RowTable::Headers:
        return rowOf(webhook.headers.value(row));
    case WorkspaceDocument::RowTable::Mappings:
        return rowOf(webhook.responseMappings.value(row));
    case WorkspaceDocument::RowTable::Checks:
        return rowOf(webhook.checks.value(row));
    }
    return {};
}

void RowCommand::insertRow(int row, const Row& contents)
{
    switch (m_table) {
    case WorkspaceDocument::RowTable::Headers:
        m_document->insertHeader(m_webhook, row, contents.header);
        break;
    case WorkspaceDocument::RowTable::Mappings:
        m_document->insertMapping(m_webhook, row, contents.mapping);
        break;
    case WorkspaceDocument::RowTable::Checks:
        m_document->insertCheck(m_webhook, row, contents.check);
        break;
    }
}

void RowCommand::replaceRow(int row, const Row& contents)
{
    switch (m_table) {
    case WorkspaceDocument::RowTable::Headers:
        m_document->setHeader(m_webhook, row, contents.header);
        break;
    case WorkspaceDocument::RowTable::Mappings:
        m_document->setMapping(m_webhook, row, contents.mapping);
        break;
    case WorkspaceDocument::RowTable::Checks:
        m_document->setCheck(m_webhook, row, contents.check);
        break;
    }
}

void RowCommand::removeRow(int row)
{
    m_document->removeRow(m_table, m_webhook, row);
}

void RowCommand::moveRow(int from, int to)
{
    m_document->moveRow(m_table, m_webhook, from, to);
}
