#include "WebhookListModel.h"

#include "document/SetWebhookPropertyCommand.h"

#include <QUndoStack>

WebhookListModel::WebhookListModel(WorkspaceDocument* document, QObject* parent)
    : QAbstractListModel(parent), m_document(document)
{
    connect(document, &WorkspaceDocument::workspaceReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(document, &WorkspaceDocument::webhookAboutToBeInserted, this, [this](int row) {
        beginInsertRows({}, row, row);
    });
    connect(document, &WorkspaceDocument::webhookInserted, this, [this] { endInsertRows(); });
    connect(document, &WorkspaceDocument::webhookAboutToBeRemoved, this, [this](int row) {
        beginRemoveRows({}, row, row);
    });
    connect(document, &WorkspaceDocument::webhookRemoved, this, [this] { endRemoveRows(); });
    connect(document, &WorkspaceDocument::webhookChanged, this, [this](int row, WorkspaceDocument::Property property) {
        if (property == WorkspaceDocument::Property::Name || property == WorkspaceDocument::Property::Url
            || property == WorkspaceDocument::Property::RequestType
            || property == WorkspaceDocument::Property::Description) {
            emit dataChanged(index(row), index(row));
        }
    });
}

WebhookListModel::~WebhookListModel() = default;

int WebhookListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_document->workspace().webhooks.size();
}

QVariant WebhookListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Webhook& webhook = m_document->workspace().webhooks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return webhook.name;
    case Qt::ToolTipRole: {
        QString tip = WebhookEnums::name(webhook.requestType) + QLatin1Char(' ') + webhook.url;
        if (!webhook.description.isEmpty()) {
            tip += QLatin1Char('\n') + webhook.description;
        }
        return tip;
    }
    case Qt::AccessibleTextRole:
        return webhook.name;
    default:
        return {};
    }
}

bool WebhookListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return false;
    }
    const QString name = value.toString().trimmed();
    const int existing = m_document->workspace().webhookIndex(name);
    if (name.isEmpty() || (existing >= 0 && existing != index.row())) {
        return false;
    }
    if (name == m_document->workspace().webhooks.at(index.row()).name) {
        return true;
    }
    m_document->undoStack()->push(
        new SetWebhookPropertyCommand(m_document, index.row(), WorkspaceDocument::Property::Name, name));
    return true;
}

Qt::ItemFlags WebhookListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return QAbstractListModel::flags(index) | Qt::ItemIsEditable;
}
