#include "WebhookRowsModel.h"

WebhookRowsModel::WebhookRowsModel(WorkspaceDocument* document, WorkspaceDocument::RowTable table, QObject* parent)
    : QAbstractTableModel(parent), m_document(document), m_table(table)
{
    connect(document, &WorkspaceDocument::workspaceReset, this, [this] {
        beginResetModel();
        m_webhook = -1;
        rowsReset();
        endResetModel();
    });
    // Webhook indexes shift when another webhook is added or deleted; the rows shown
    // stay the same, so only the index is adjusted.
    connect(document, &WorkspaceDocument::webhookInserted, this, [this](int index) {
        if (m_webhook >= 0 && index <= m_webhook) {
            ++m_webhook;
        }
    });
    connect(document, &WorkspaceDocument::webhookAboutToBeRemoved, this, [this](int index) {
        if (index == m_webhook) {
            setWebhook(-1);
        }
    });
    connect(document, &WorkspaceDocument::webhookRemoved, this, [this](int index) {
        if (m_webhook >= 0 && index < m_webhook) {
            --m_webhook;
        }
    });
    connect(document,
            &WorkspaceDocument::rowAboutToBeInserted,
            this,
            [this](WorkspaceDocument::RowTable changed, int webhook, int row) {
                if (changed == m_table && webhook == m_webhook) {
                    beginInsertRows({}, row, row);
                }
            });
    connect(
        document, &WorkspaceDocument::rowInserted, this, [this](WorkspaceDocument::RowTable changed, int webhook, int) {
            if (changed == m_table && webhook == m_webhook) {
                endInsertRows();
                rowsReset();
            }
        });
    connect(document,
            &WorkspaceDocument::rowAboutToBeRemoved,
            this,
            [this](WorkspaceDocument::RowTable changed, int webhook, int row) {
                if (changed == m_table && webhook == m_webhook) {
                    beginRemoveRows({}, row, row);
                }
            });
    connect(
        document, &WorkspaceDocument::rowRemoved, this, [this](WorkspaceDocument::RowTable changed, int webhook, int) {
            if (changed == m_table && webhook == m_webhook) {
                endRemoveRows();
                rowsReset();
            }
        });
    connect(document,
            &WorkspaceDocument::rowAboutToBeMoved,
            this,
            [this](WorkspaceDocument::RowTable changed, int webhook, int from, int to) {
                if (changed == m_table && webhook == m_webhook) {
                    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
                }
            });
    connect(document,
            &WorkspaceDocument::rowMoved,
            this,
            [this](WorkspaceDocument::RowTable changed, int webhook, int, int) {
                if (changed == m_table && webhook == m_webhook) {
                    endMoveRows();
                    rowsReset();
                }
            });
    connect(document,
            &WorkspaceDocument::rowChanged,
            this,
            [this](WorkspaceDocument::RowTable changed, int webhook, int row) {
                if (changed == m_table && webhook == m_webhook) {
                    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
                }
            });
}

WebhookRowsModel::~WebhookRowsModel() = default;

void WebhookRowsModel::setWebhook(int index)
{
    if (index < 0 || index >= m_document->workspace().webhooks.size()) {
        index = -1;
    }
    beginResetModel();
    m_webhook = index;
    rowsReset();
    endResetModel();
}

int WebhookRowsModel::rowCount(const QModelIndex& parent) const
{
    const Webhook* webhook = currentWebhook();
    return parent.isValid() || !webhook ? 0 : rowsOf(*webhook);
}

const Webhook* WebhookRowsModel::currentWebhook() const
{
    const auto& webhooks = m_document->workspace().webhooks;
    return m_webhook >= 0 && m_webhook < webhooks.size() ? &webhooks.at(m_webhook) : nullptr;
}
