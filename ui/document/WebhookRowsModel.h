#pragma once

#include "document/WorkspaceDocument.h"

#include <QAbstractTableModel>

// Base of the tables over one webhook's rows (custom headers, response mappings): follows
// the chosen webhook through insertions and deletions of webhooks and turns the
// document's row signals into the model's begin/end notifications.
class WebhookRowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    WebhookRowsModel(WorkspaceDocument* document, WorkspaceDocument::RowTable table, QObject* parent = nullptr);
    ~WebhookRowsModel() override;

    // -1 shows no rows.
    void setWebhook(int index);
    int webhook() const { return m_webhook; }
    WorkspaceDocument* document() const { return m_document; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;

protected:
    const Webhook* currentWebhook() const;
    virtual int rowsOf(const Webhook& webhook) const = 0;
    // Called after the rows were replaced or changed wholesale.
    virtual void rowsReset() { }

private:
    WorkspaceDocument* m_document;
    WorkspaceDocument::RowTable m_table;
    int m_webhook = -1;
};
