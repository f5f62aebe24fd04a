#include "BatchResultsFilter.h"

#include "batch/BatchResultsModel.h"

BatchResultsFilter::BatchResultsFilter(QObject* parent) : QSortFilterProxyModel(parent) { }

BatchResultsFilter::~BatchResultsFilter() = default;

void BatchResultsFilter::setShow(Show show)
{
    if (show == m_show)
        return;
    m_show = show;
    invalidateFilter();
}

bool BatchResultsFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_show == Show::All)
        return true;
    const int state = sourceModel()->index(sourceRow, 0, sourceParent).data(BatchResultsModel::RowStateRole).toInt();
    switch (m_show) {
    case Show::All:
        return true;
    case Show::Failed:
        return state & BatchResultsModel::Failed;
    case Show::Written:
        return state & BatchResultsModel::Written;
    case Show::NotWritten:
        return state & BatchResultsModel::NotWritten;
    }
    return true;
}
