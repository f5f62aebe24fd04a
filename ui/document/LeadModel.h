#pragma once

#include "document/WorkspaceDocument.h"

#include <QAbstractListModel>

// The workspace's sample leads as a list for choosing one: "Ada Lovelace
// <ada@example.com>", or "Lead 3" when a lead has neither name nor email.
class LeadModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit LeadModel(WorkspaceDocument* document, QObject* parent = nullptr);
    ~LeadModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    static QString describe(const Workspace& workspace, int lead);

private:
    WorkspaceDocument* m_document;
};
