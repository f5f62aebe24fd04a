#pragma once

#include "checks/CheckResult.h"

#include <QAbstractTableModel>
#include <QList>

// How a response fared against its webhook's checks, one row per check: the check (its
// name, or what it asserts), Passed or Failed with a mark, what the response showed
// (actual) and the message that says expected versus actual.
class CheckResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CheckColumn, ResultColumn, ActualColumn, MessageColumn, ColumnCount };
    enum Role { PassedRole = Qt::UserRole + 1 };

    explicit CheckResultModel(QObject* parent = nullptr);
    ~CheckResultModel() override;

    void setResults(const QList<CheckResult>& results);
    void clear();
    const QList<CheckResult>& results() const { return m_results; }
    int passedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CheckResult> m_results;
};
