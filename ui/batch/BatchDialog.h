#pragma once

#include "batch/BatchRunner.h"
#include "model/Workspace.h"

#include <QDialog>
#include <QElapsedTimer>

#include <memory>

class BatchResults;
class BatchResultsPane;
class LatencyHistogram;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

// Runs one webhook for many leads: the workspace's leads or a CSV file, up to a limit,
// with a chosen concurrency (Marketo's 20 by default). Shows progress with Cancel, then
// the runner's summary: counts, latency percentiles with a small histogram, and the
// campaign estimate in a marketer's words. Below it, the results per lead
// (BatchResultsPane) fill while the run goes on; progress says calls per second and the
// time left.
//
// The dialog makes no single calls itself: opening a lead's call (when its result is kept)
// emits openLeadRequested(), re-sending one emits resendLeadRequested() with the lead, for
// the main window to show or send.
//
// The dialog owns its BatchRunner; setManagerFactory()/setHttpOptions() pass through.
// runFinished() is emitted with the summary, also after Cancel.
//
// Object names: batchSourceCombo, batchCsvEdit, batchBrowseButton, batchLimitSpin,
// batchConcurrencySpin, batchStartButton, batchCancelButton, batchProgressBar,
// batchSummaryLabel, batchEstimateLabel, batchHistogramWidget, batchSplitter, and the
// results pane's (BatchResultsPane).
class BatchDialog : public QDialog
{
    Q_OBJECT

public:
    BatchDialog(const Workspace& workspace, int webhookIndex, QWidget* parent = nullptr);
    ~BatchDialog() override;

    void setManagerFactory(BatchRunner::ManagerFactory factory);
    void setHttpOptions(const HttpClient::Options& options);

    // Reads leads from a CSV file as the source; false with a message (row numbers
    // included) when nothing could be read.
    bool setCsvFile(const QString& fileName, QString* error = nullptr);
    // The leads the run would use, in order, after the limit.
    QList<QJsonObject> chosenLeads() const;

    bool isRunning() const;
    const BatchSummary& summary() const;
    // The results per lead; add a column (e.g. a check's) before the run starts.
    BatchResults* results() const { return m_results.get(); }
    BatchResultsPane* resultsPane() const { return m_resultsPane; }
    // "100,000 leads would take about 1 h 23 min in Marketo at this latency with 20
    // connections (about 27 h 40 min one at a time)."
    static QString estimateText(const BatchSummary& summary, qint64 leads);

public slots:
    void start();
    void cancel();

signals:
    void runFinished(const BatchSummary& summary);
    // `lead` names the lead for the user: its email address or "Lead 12". `verdict` is how
    // the webhook's checks and baseline judged that call, without the response's shape.
    void openLeadRequested(const CallResult& call,
                           const MappingOutcome& outcome,
                           const QString& lead,
                           const CallVerdict& verdict);
    void resendLeadRequested(const QString& webhookName, const QJsonObject& lead);

private:
    QFormLayout* createSourceForm();
    void createResultWidgets();
    QDialogButtonBox* createButtons();
    void connectRunner();
    void showSummary(const BatchSummary& summary);
    void updateSourceInfo();
    void showProgress(int done, int total);
    void openLead(int row);

    Workspace m_workspace;
    int m_webhookIndex = -1;
    BatchRunner* m_runner = nullptr;
    std::unique_ptr<BatchResults> m_results;
    QList<QJsonObject> m_csvLeads;
    QList<QJsonObject> m_runLeads; // the leads of the last run, for re-sending one
    QElapsedTimer m_clock;
    static constexpr qint64 progressIntervalNs = 100'000'000;
    qint64 m_progressShownNs = 0; // when the progress bar last changed, on m_clock
    QList<double> m_latencies;
    QString m_csvNote;

    QComboBox* m_source = nullptr;
    QLineEdit* m_csvEdit = nullptr;
    QPushButton* m_browse = nullptr;
    QSpinBox* m_limit = nullptr;
    QSpinBox* m_concurrency = nullptr;
    QLabel* m_sourceInfo = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_estimate = nullptr;
    LatencyHistogram* m_histogram = nullptr;
    BatchResultsPane* m_resultsPane = nullptr;
};
