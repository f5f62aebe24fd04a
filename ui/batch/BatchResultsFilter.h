#pragma once

#include <QSortFilterProxyModel>

// Which of a batch run's results the table shows: all, the failed calls (not a 2xx, a
// transport error, an empty 2xx), the leads that get at least one mapped field written,
// or those that get none. Reads BatchResultsModel::RowStateRole.
class BatchResultsFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Show { All, Failed, Written, NotWritten };

    explicit BatchResultsFilter(QObject* parent = nullptr);
    ~BatchResultsFilter() override;

    void setShow(Show show);
    Show show() const { return m_show; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Show m_show = Show::All;
};
