#pragma once

#include <QAbstractTableModel>
#include <QTimer>

class BatchResults;

// A batch run's results as a table: one row per lead, one column per BatchColumn of the
// store (lead, status, latency, error kind, mapped fields, checks). Not-written fields
// and failed checks are drawn in the error colour, failed calls' status too.
//
// The store grows while the run goes on; the model inserts the new rows in batches, at
// most every insertIntervalMs(), so 100,000 leads cost the view a few hundred inserts, not
// 100,000. refresh() takes in what arrived at once (e.g. when the run ends).
//
// Roles beyond Qt's: RowStateRole (RowState flags, what the filter reads) and
// ResultRowRole (the row in the store, also through a proxy).
class BatchResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { RowStateRole = Qt::UserRole + 1, ResultRowRole };
    enum RowState { Failed = 1, Written = 2, NotWritten = 4 };

    explicit BatchResultsModel(QObject* parent = nullptr);
    ~BatchResultsModel() override;

    static constexpr int insertIntervalMs() { return 50; }

    // The store the model shows; not owned. Resets the model.
    void setResults(const BatchResults* results);
    const BatchResults* results() const { return m_results; }

    // The store grew (or was cleared): the view catches up within insertIntervalMs().
    void resultsAdded();
    void resultsCleared();
    void refresh();

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const BatchResults* m_results = nullptr;
    int m_rows = 0;
    int m_columns = 0;
    QTimer m_insertTimer;
};
