#pragma once

#include "marketo/MarketoRecords.h"

#include <QAbstractListModel>

// The programs of a Marketo instance, for the My Tokens import's picker: "name (id)" in
// the list, the id under Qt::UserRole. A QSortFilterProxyModel over it does the search.
class ProgramListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    using QAbstractListModel::QAbstractListModel;

    void setPrograms(const QList<MarketoProgram>& programs);
    const MarketoProgram* program(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<MarketoProgram> m_programs;
};
