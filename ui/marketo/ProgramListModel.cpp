#include "ProgramListModel.h"

void ProgramListModel::setPrograms(const QList<MarketoProgram>& programs)
{
    beginResetModel();
    m_programs = programs;
    endResetModel();
}

const MarketoProgram* ProgramListModel::program(int row) const
{
    return row >= 0 && row < m_programs.size() ? &m_programs.at(row) : nullptr;
}

int ProgramListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_programs.size());
}

QVariant ProgramListModel::data(const QModelIndex& index, int role) const
{
    const MarketoProgram* p = program(index.row());
    if (!p || index.column() != 0) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return tr("%1 (%2)").arg(p->name).arg(p->id);
    case Qt::ToolTipRole:
        return p->type.isEmpty() ? QVariant() : QVariant(tr("%1 program %2").arg(p->type).arg(p->id));
    case Qt::UserRole:
        return p->id;
    default:
        return {};
    }
}
