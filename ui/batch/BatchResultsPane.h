#pragma once

#include <QWidget>

class BatchResults;
class BatchResultsFilter;
class BatchResultsModel;
class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

// The results of a batch run, per lead: a filter (all, failed, written, not written), the
// table, and buttons to open a lead's call in the main window, re-send it, and export the
// results (a CSV for Marketo's list import, JSON Lines with everything).
//
// The pane decides nothing about calls: openRequested() and resendRequested() carry the
// row of the store; showNote() tells the user why a row cannot be opened.
//
// Object names: batchResultsFilterCombo, batchResultsCountLabel, batchResultsTable,
// batchResultsNoteLabel, batchOpenLeadButton, batchResendButton, batchExportCsvButton,
// batchExportJsonLinesButton.
class BatchResultsPane : public QWidget
{
    Q_OBJECT

public:
    explicit BatchResultsPane(QWidget* parent = nullptr);
    ~BatchResultsPane() override;

    // The store to show; not owned.
    void setResults(const BatchResults* results);
    BatchResultsModel* model() const { return m_model; }
    BatchResultsFilter* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }

    void resultsAdded();
    void resultsCleared();
    // Shows every row the store holds now (the run ended).
    void refresh();

    // The store's row of the current row of the table; -1 when none.
    int currentRow() const;
    void showNote(const QString& text);

    bool exportListCsv(const QString& fileName, QString* error = nullptr);
    bool exportJsonLines(const QString& fileName, QString* error = nullptr);

signals:
    void openRequested(int row);
    void resendRequested(int row);

private:
    void createWidgets();
    void connectWidgets();
    void updateCount();
    void updateButtons();
    void chooseExport(bool listCsv);

    const BatchResults* m_results = nullptr;
    BatchResultsModel* m_model = nullptr;
    BatchResultsFilter* m_filter = nullptr;
    QComboBox* m_filterCombo = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_resend = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QPushButton* m_exportJsonLines = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_resendAction = nullptr;
};
