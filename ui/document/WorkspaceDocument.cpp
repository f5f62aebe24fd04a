#include "WorkspaceDocument.h"

#include <QUndoStack>

WorkspaceDocument::WorkspaceDocument(QObject* parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        emit modifiedChanged(!clean || m_unsavedRestore);
    });
}

WorkspaceDocument::~WorkspaceDocument() = default;

void WorkspaceDocument::reset(const Workspace& workspace, const QString& filePath, bool modified)
{
    const bool wasModified = isModified();
    m_undoStack->clear();
    m_workspace = workspace;
    m_unsavedRestore = modified;
    m_currentLead = m_workspace.leads.isEmpty() ? -1 : 0;
    if (m_filePath != filePath) {
        m_filePath = filePath;
        emit filePathChanged(m_filePath);
    }
    ++m_revision;
    emit workspaceReset();
    emit currentLeadChanged(m_currentLead);
    emit changed();
    if (wasModified != isModified()) {
        emit modifiedChanged(isModified());
    }
}

void WorkspaceDocument::markSaved(const QString& filePath)
{
    const bool wasModified = isModified();
    m_unsavedRestore = false;
    m_undoStack->setClean();
    if (m_filePath != filePath) {
        m_filePath = filePath;
        emit filePathChanged(m_filePath);
    }
    if (wasModified) {
        emit modifiedChanged(false);
    }
}

void WorkspaceDocument::setSecretStorage(const QString& id, bool secretsInFile)
{
    m_workspace.id = id;
    m_workspace.secretsInFile = secretsInFile;
}

bool WorkspaceDocument::isModified() const
{
    return m_unsavedRestore || !m_undoStack->isClean();
}

void WorkspaceDocument::setCurrentLead(int index)
{
    if (index < -1 || index >= m_workspace.leads.size()) {
        index = m_workspace.leads.isEmpty() ? -1 : 0;
    }
    if (index == m_currentLead) {
        return;
    }
    m_currentLead = index;
    emit currentLeadChanged(index);
}

QJsonObject WorkspaceDocument::currentLeadObject() const
{
    return m_currentLead >= 0 && m_currentLead < m_workspace.leads.size() ? m_workspace.leads.at(m_currentLead)
                                                                          : QJsonObject();
}

QString WorkspaceDocument::uniqueWebhookName(const QString& base) const
{
    if (m_workspace.webhookIndex(base) < 0) {
        return base;
    }
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("%1 %2").arg(base).arg(n);
        if (m_workspace.webhookIndex(name) < 0) {
            return name;
        }
    }
}

QVariant WorkspaceDocument::property(const Webhook& webhook, Property property)
{
    switch (property) {
    case Property::Name:
        return webhook.name;
    case Property::Description:
        return webhook.description;
    case Property::Url:
        return webhook.url;
    case Property::PayloadTemplate:
        return webhook.payloadTemplate;
    case Property::RequestType:
        return static_cast<int>(webhook.requestType);
    case Property::Encoding:
        return static_cast<int>(webhook.requestTokenEncoding);
    case Property::ResponseType:
        return static_cast<int>(webhook.responseType);
    }
    return {};
}

void WorkspaceDocument::setProperty(Webhook& webhook, Property property, const QVariant& value)
{
    switch (property) {
    case Property::Name:
        webhook.name = value.toString();
        break;
    case Property::Description:
        webhook.description = value.toString();
        break;
    case Property::Url:
        webhook.url = value.toString();
        break;
    case Property::PayloadTemplate:
        webhook.payloadTemplate = value.toString();
        break;
    case Property::RequestType:
        webhook.requestType = static_cast<RequestType>(value.toInt());
        break;
    case Property::Encoding:
        webhook.requestTokenEncoding = static_cast<TokenEncoding>(value.toInt());
        break;
    case Property::ResponseType:
        webhook.responseType = static_cast<ResponseType>(value.toInt());
        break;
    }
}

bool WorkspaceDocument::isTextProperty(Property property)
{
    return property == Property::Name || property == Property::Description || property == Property::Url
           || property == Property::PayloadTemplate;
}

void WorkspaceDocument::touch()
{
    ++m_revision;
    emit changed();
}

void WorkspaceDocument::insertWebhook(int index, const Webhook& webhook)
{
    index = qBound(0, index, m_workspace.webhooks.size());
    emit webhookAboutToBeInserted(index);
    m_workspace.webhooks.insert(index, webhook);
    emit webhookInserted(index);
    touch();
}

void WorkspaceDocument::removeWebhook(int index)
{
    if (index < 0 || index >= m_workspace.webhooks.size()) {
        return;
    }
    emit webhookAboutToBeRemoved(index);
    m_workspace.webhooks.removeAt(index);
    emit webhookRemoved(index);
    touch();
}

void WorkspaceDocument::setWebhookProperty(int index, Property property, const QVariant& value)
{
    if (index < 0 || index >= m_workspace.webhooks.size()) {
        return;
    }
    setProperty(m_workspace.webhooks[index], property, value);
    emit webhookChanged(index, property);
    touch();
}

void WorkspaceDocument::insertHeader(int webhook, int row, const Header& header)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size()) {
        return;
    }
    auto& headers = m_workspace.webhooks[webhook].headers;
    row = qBound(0, row, headers.size());
    emit rowAboutToBeInserted(RowTable::Headers, webhook, row);
    headers.insert(row, header);
    emit rowInserted(RowTable::Headers, webhook, row);
    touch();
}

void WorkspaceDocument::insertMapping(int webhook, int row, const ResponseMapping& mapping)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size()) {
        return;
    }
    auto& mappings = m_workspace.webhooks[webhook].responseMappings;
    row = qBound(0, row, mappings.size());
    emit rowAboutToBeInserted(RowTable::Mappings, webhook, row);
    mappings.insert(row, mapping);
    emit rowInserted(RowTable::Mappings, webhook, row);
    touch();
}

void WorkspaceDocument::insertCheck(int webhook, int row, const Check& check)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size()) {
        return;
    }
    auto& checks = m_workspace.webhooks[webhook].checks;
    row = qBound(0, row, checks.size());
    emit rowAboutToBeInserted(RowTable::Checks, webhook, row);
    checks.insert(row, check);
    emit rowInserted(RowTable::Checks, webhook, row);
    touch();
}

int WorkspaceDocument::rowCount(const Webhook& webhook, RowTable table)
{
    switch (table) {
    case RowTable::Headers:
        return webhook.headers.size();
    case RowTable::Mappings:
        return webhook.responseMappings.size();
    case RowTable::Checks:
        return webhook.checks.size();
    }
    return 0;
}

void WorkspaceDocument::removeRow(RowTable table, int webhook, int row)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size()) {
        return;
    }
    Webhook& w = m_workspace.webhooks[webhook];
    if (row < 0 || row >= rowCount(w, table)) {
        return;
    }
    emit rowAboutToBeRemoved(table, webhook, row);
    if (table == RowTable::Headers) {
        w.headers.removeAt(row);
    } else if (table == RowTable::Mappings) {
        w.responseMappings.removeAt(row);
    } else {
        w.checks.removeAt(row);
    }
    emit rowRemoved(table, webhook, row);
    touch();
}

void WorkspaceDocument::moveRow(RowTable table, int webhook, int from, int to)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size() || from == to) {
        return;
    }
    Webhook& w = m_workspace.webhooks[webhook];
    const int count = rowCount(w, table);
    if (from < 0 || from >= count || to < 0 || to >= count) {
        return;
    }
    emit rowAboutToBeMoved(table, webhook, from, to);
    if (table == RowTable::Headers) {
        w.headers.move(from, to);
    } else if (table == RowTable::Mappings) {
        w.responseMappings.move(from, to);
    } else {
        w.checks.move(from, to);
    }
    emit rowMoved(table, webhook, from, to);
    touch();
}

void WorkspaceDocument::setHeader(int webhook, int row, const Header& header)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size() || row < 0
        || row >= m_workspace.webhooks[webhook].headers.size()) {
        return;
    }
    Header& target = m_workspace.webhooks[webhook].headers[row];
    target = header;
    // A value typed in is no longer missing, whatever the row it replaced said.
    target.missing = target.missing && target.value.isEmpty();
    emit rowChanged(RowTable::Headers, webhook, row);
    touch();
}

void WorkspaceDocument::setMapping(int webhook, int row, const ResponseMapping& mapping)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size() || row < 0
        || row >= m_workspace.webhooks[webhook].responseMappings.size()) {
        return;
    }
    m_workspace.webhooks[webhook].responseMappings[row] = mapping;
    emit rowChanged(RowTable::Mappings, webhook, row);
    touch();
}

void WorkspaceDocument::setCheck(int webhook, int row, const Check& check)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size() || row < 0
        || row >= m_workspace.webhooks[webhook].checks.size()) {
        return;
    }
    m_workspace.webhooks[webhook].checks[row] = check;
    emit rowChanged(RowTable::Checks, webhook, row);
    touch();
}

void WorkspaceDocument::setBaseline(int webhook, const std::optional<ResponseShape>& baseline)
{
    if (webhook < 0 || webhook >= m_workspace.webhooks.size()) {
        return;
    }
    m_workspace.webhooks[webhook].baseline = baseline;
    emit baselineChanged(webhook);
    touch();
}

void WorkspaceDocument::setLead(int index, const QJsonObject& lead)
{
    if (index < 0 || index >= m_workspace.leads.size()) {
        return;
    }
    m_workspace.leads[index] = lead;
    emit leadChanged(index);
    touch();
}

void WorkspaceDocument::setLeadsAndFields(const QList<QJsonObject>& leads, const QList<Field>& fields)
{
    m_workspace.leads = leads;
    m_workspace.fields = fields;
    if (m_currentLead >= leads.size() || (m_currentLead < 0 && !leads.isEmpty())) {
        m_currentLead = leads.isEmpty() ? -1 : 0;
        emit currentLeadChanged(m_currentLead);
    }
    emit leadsReset();
    touch();
}

void WorkspaceDocument::setContext(const Context& context, const QString& timeZone)
{
    m_workspace.context = context;
    for (ContextValue& token : m_workspace.context.my.values) {
        token.missing = token.missing && token.value.isEmpty();
    }
    m_workspace.timeZone = timeZone;
    emit contextChanged();
    touch();
}

void WorkspaceDocument::setMarketo(const MarketoConnection& connection)
{
    m_workspace.marketo = connection;
    emit marketoChanged();
    touch();
}

void WorkspaceDocument::setTrustedCertificate(const TrustedCertificate& certificate)
{
    m_workspace.trustedCertificate = certificate;
    emit trustedCertificateChanged();
    touch();
}
