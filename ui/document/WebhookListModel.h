#pragma once

#include "document/WorkspaceDocument.h"

#include <QAbstractListModel>

// The workspace's webhooks as a list: the name (editable: a rename goes to the undo
// stack; empty and duplicate names are refused), the method and URL as tool tip.
class WebhookListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit WebhookListModel(WorkspaceDocument* document, QObject* parent = nullptr);
    ~WebhookListModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    WorkspaceDocument* m_document;
};
