#pragma once

#include "checks/ShapeDifference.h"

#include <QAbstractTableModel>
#include <QList>

// The drift of a response from its webhook's baseline, side by side, one row per path
// that changed: the baseline's path and type, this response's path and type (empty on
// the side that lacks the path), and the change: removed, added or retyped. A removed or
// retyped path that a response mapping uses is a failure, marked red with a cross; other
// drift is a warning (amber) or an addition (blue), in colours made for the palette.
class ShapeDiffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        BaselinePathColumn,
        BaselineTypeColumn,
        ResponsePathColumn,
        ResponseTypeColumn,
        ChangeColumn,
        ColumnCount
    };
    enum Role { FailureRole = Qt::UserRole + 1, ChangeRole };

    explicit ShapeDiffModel(QObject* parent = nullptr);
    ~ShapeDiffModel() override;

    void setDrift(const QList<ShapeDifference>& drift);
    void clear();
    const QList<ShapeDifference>& drift() const { return m_drift; }
    int failureCount() const;

    // "Removed", "Added", "Retyped", and for a failure that it breaks a mapping.
    static QString changeText(const ShapeDifference& difference);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ShapeDifference> m_drift;
};
