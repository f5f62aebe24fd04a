#pragma once

#include "history/CallHistoryEntry.h"

#include <QAbstractTableModel>

// Past calls from CallHistory as a read-only table, newest first: time (local), webhook,
// method, status (or the transport error kind), duration.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, WebhookColumn, MethodColumn, StatusColumn, DurationColumn, ColumnCount };

    explicit HistoryModel(QObject* parent = nullptr);
    ~HistoryModel() override;

    // Entries oldest first, as CallHistory::entries() gives them.
    void setEntries(const QList<CallHistoryEntry>& entries);
    const CallHistoryEntry& entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CallHistoryEntry> m_entries; // newest first
};
