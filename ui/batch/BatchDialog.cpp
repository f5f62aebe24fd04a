#include "BatchDialog.h"

#include "batch/BatchResults.h"
#include "batch/BatchResultsPane.h"
#include "batch/LatencyHistogram.h"
#include "format/CsvImporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace {
enum Source { WorkspaceLeads, CsvLeads };
}

BatchDialog::BatchDialog(const Workspace& workspace, int webhookIndex, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_webhookIndex(webhookIndex)
{
    setObjectName(QStringLiteral("batchDialog"));
    setAccessibleName(tr("Batch run"));
    const Webhook webhook = m_workspace.webhooks.value(webhookIndex);
    setWindowTitle(tr("Batch Run — %1").arg(webhook.name));
    m_runner = new BatchRunner(m_workspace, webhook, this);
    // The results store keeps what the table needs; the runner need not keep every call.
    BatchRunner::Options options = m_runner->options();
    options.keepResults = false;
    m_runner->setOptions(options);
    m_results = std::make_unique<BatchResults>(m_workspace, webhook);

    QFormLayout* form = createSourceForm();
    createResultWidgets();
    QDialogButtonBox* buttons = createButtons();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    auto* summary = new QWidget(this);
    auto* summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addWidget(m_summary);
    summaryLayout->addWidget(m_histogram);
    summaryLayout->addWidget(m_estimate);
    summaryLayout->addStretch();
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("batchSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(summary);
    splitter->addWidget(m_resultsPane);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &BatchDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &BatchDialog::cancel);
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] { updateSourceInfo(); });
    connect(m_limit, &QSpinBox::valueChanged, this, [this] { updateSourceInfo(); });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Leads CSV"), QString(), tr("CSV files (*.csv)"));
        if (file.isEmpty())
            return;
        QString error;
        setCsvFile(file, &error);
    });
    connect(m_resultsPane, &BatchResultsPane::openRequested, this, &BatchDialog::openLead);
    connect(m_resultsPane, &BatchResultsPane::resendRequested, this, [this, name = webhook.name](int row) {
        const int lead = m_results->leadIndex(row);
        if (lead >= 0 && lead < m_runLeads.size())
            emit resendLeadRequested(name, m_runLeads.at(lead));
    });
    connectRunner();
    updateSourceInfo();
    resize(900, 680);
}

QFormLayout* BatchDialog::createSourceForm()
{
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("batchSourceCombo"));
    m_source->setAccessibleName(tr("Leads to call with"));
    m_source->addItem(tr("Workspace leads"), WorkspaceLeads);
    m_source->addItem(tr("Leads from a CSV file"), CsvLeads);
    m_csvEdit = new QLineEdit(this);
    m_csvEdit->setObjectName(QStringLiteral("batchCsvEdit"));
    m_csvEdit->setAccessibleName(tr("CSV file"));
    m_csvEdit->setReadOnly(true);
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("batchBrowseButton"));
    m_browse->setAccessibleName(tr("Choose a CSV file"));
    auto* csvRow = new QHBoxLayout;
    csvRow->addWidget(m_csvEdit, 1);
    csvRow->addWidget(m_browse);
    m_limit = new QSpinBox(this);
    m_limit->setObjectName(QStringLiteral("batchLimitSpin"));
    m_limit->setAccessibleName(tr("Most leads to call"));
    m_limit->setRange(0, 10'000'000);
    m_limit->setSpecialValueText(tr("All"));
    m_limit->setValue(0);
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("batchConcurrencySpin"));
    m_concurrency->setAccessibleName(tr("Connections at once"));
    m_concurrency->setRange(1, BatchRunner::maxConcurrency);
    m_concurrency->setValue(BatchSummary::marketoConnections);
    m_concurrency->setToolTip(tr("Marketo opens at most 20 webhook connections at once"));
    m_sourceInfo = new QLabel(this);
    m_sourceInfo->setObjectName(QStringLiteral("batchSourceInfoLabel"));
    m_sourceInfo->setAccessibleName(tr("Leads chosen"));
    m_sourceInfo->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Leads:"), m_source);
    form->addRow(tr("CSV file:"), csvRow);
    form->addRow(tr("L&imit:"), m_limit);
    form->addRow(tr("&Connections:"), m_concurrency);
    form->addRow(QString(), m_sourceInfo);
    return form;
}

void BatchDialog::createResultWidgets()
{
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("batchProgressBar"));
    m_progress->setAccessibleName(tr("Batch progress"));
    m_progress->setValue(0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("batchSummaryLabel"));
    m_summary->setAccessibleName(tr("Batch summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_histogram = new LatencyHistogram(this);
    m_estimate = new QLabel(this);
    m_estimate->setObjectName(QStringLiteral("batchEstimateLabel"));
    m_estimate->setAccessibleName(tr("Campaign estimate"));
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultsPane = new BatchResultsPane(this);
    m_resultsPane->setResults(m_results.get());
}

QDialogButtonBox* BatchDialog::createButtons()
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("batchCloseButton"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close the batch run"));
    m_start = buttons->addButton(tr("&Run"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(QStringLiteral("batchStartButton"));
    m_start->setAccessibleName(tr("Start the batch run"));
    m_start->setDefault(true);
    m_cancel = buttons->addButton(tr("C&ancel Run"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("batchCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the batch run"));
    m_cancel->setEnabled(false);
    return buttons;
}

void BatchDialog::connectRunner()
{
    connect(m_runner, &BatchRunner::leadFinished, this, [this](const BatchLeadResult& result) {
        if (result.call.status > 0)
            m_latencies.append(result.call.totalMs);
        m_results->add(result);
        m_resultsPane->resultsAdded();
    });
    connect(m_runner, &BatchRunner::progress, this, &BatchDialog::showProgress);
    connect(m_runner, &BatchRunner::finished, this, [this](const BatchSummary& summary) {
        m_start->setEnabled(true);
        m_cancel->setEnabled(false);
        m_resultsPane->refresh();
        m_progress->setValue(summary.completed());
        m_progress->setFormat(tr("%1 of %2 leads").arg(summary.completed()).arg(summary.leads()));
        showSummary(summary);
        emit runFinished(summary);
    });
}

BatchDialog::~BatchDialog()
{
    m_runner->cancel();
    // The store goes before QDialog's destructor hides the table, which reads its model.
    m_resultsPane->setResults(nullptr);
}

void BatchDialog::setManagerFactory(BatchRunner::ManagerFactory factory)
{
    m_runner->setManagerFactory(std::move(factory));
}

void BatchDialog::setHttpOptions(const HttpClient::Options& options)
{
    BatchRunner::Options runnerOptions = m_runner->options();
    runnerOptions.http = options;
    m_runner->setOptions(runnerOptions);
}

bool BatchDialog::setCsvFile(const QString& fileName, QString* error)
{
    CsvImportResult result;
    if (!CsvImporter::importFile(fileName, m_workspace.catalog(), &result, &m_csvNote)) {
        if (error)
            *error = m_csvNote;
        updateSourceInfo();
        return false;
    }
    m_csvLeads = result.leads;
    m_csvEdit->setText(fileName);
    QStringList notes;
    for (const CsvRowError& rowError : result.errors.mid(0, 3))
        notes << rowError.toString();
    if (result.errors.size() > 3)
        notes << tr("… and %n more row(s) skipped", nullptr, int(result.errors.size() - 3));
    m_csvNote = notes.join(QLatin1Char('\n'));
    m_source->setCurrentIndex(m_source->findData(CsvLeads));
    updateSourceInfo();
    return true;
}

QList<QJsonObject> BatchDialog::chosenLeads() const
{
    QList<QJsonObject> leads = m_source->currentData().toInt() == CsvLeads ? m_csvLeads : m_workspace.leads;
    if (m_limit->value() > 0 && leads.size() > m_limit->value())
        leads.resize(m_limit->value());
    return leads;
}

bool BatchDialog::isRunning() const
{
    return m_runner->isRunning();
}

const BatchSummary& BatchDialog::summary() const
{
    return m_runner->summary();
}

QString BatchDialog::estimateText(const BatchSummary& summary, qint64 leads)
{
    const BatchSummary::Estimate estimate = summary.estimate(leads);
    return tr("%1 leads would take about %2 in Marketo at this latency with %3 connections "
              "(about %4 one at a time).")
        .arg(QLocale(QLocale::English).toString(leads), BatchSummary::humanDuration(estimate.parallelMs))
        .arg(BatchSummary::marketoConnections)
        .arg(BatchSummary::humanDuration(estimate.serialMs));
}

void BatchDialog::start()
{
    if (m_runner->isRunning())
        return;
    const QList<QJsonObject> leads = chosenLeads();
    if (leads.isEmpty()) {
        m_summary->setText(tr("There are no leads to call: add sample leads or choose a CSV file."));
        return;
    }
    BatchRunner::Options options = m_runner->options();
    options.concurrency = m_concurrency->value();
    m_runner->setOptions(options);
    m_latencies.clear();
    m_histogram->setSamples({});
    m_results->clear();
    m_results->reserve(int(leads.size()));
    m_resultsPane->resultsCleared();
    m_runLeads = leads;
    m_clock.start();
    m_progressShownNs = -progressIntervalNs;
    m_summary->setText(tr("Calling %n lead(s)…", nullptr, int(leads.size())));
    m_estimate->clear();
    m_progress->setMaximum(int(leads.size()));
    m_progress->setValue(0);
    if (!m_runner->start(leads))
        return;
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
}

void BatchDialog::showProgress(int done, int total)
{
    // Thousands of calls a second: the bar and its text change a few times a second, not
    // once per call, which would cost the run more than the calls themselves.
    const qint64 now = m_clock.isValid() ? m_clock.nsecsElapsed() : 0;
    if (done < total && done > 0 && now - m_progressShownNs < progressIntervalNs)
        return;
    m_progressShownNs = now;
    m_progress->setMaximum(qMax(1, total));
    m_progress->setValue(done);
    const double seconds = now / 1e9;
    // The first calls say little about the rate: wait for a few before estimating.
    if (done < 5 || seconds <= 0 || done >= total) {
        m_progress->setFormat(tr("%1 of %2 leads").arg(done).arg(total));
        return;
    }
    const double rate = done / seconds;
    m_progress->setFormat(tr("%1 of %2 leads · %3 calls/s · %4 left")
                              .arg(done)
                              .arg(total)
                              .arg(QLocale().toString(rate, 'f', rate < 10 ? 1 : 0),
                                   BatchSummary::humanDuration((total - done) / rate * 1000)));
}

void BatchDialog::openLead(int row)
{
    if (row < 0 || row >= m_results->size())
        return;
    if (const BatchLeadResult* kept = m_results->kept(row)) {
        m_resultsPane->showNote(QString());
        emit openLeadRequested(kept->call, kept->mapping, m_results->lead(row), kept->verdict);
        return;
    }
    m_resultsPane->showNote(m_results->notKeptReason(row));
}

void BatchDialog::cancel()
{
    m_runner->cancel();
}

void BatchDialog::showSummary(const BatchSummary& summary)
{
    QStringList lines;
    // Calls the user cancelled in flight are counted by kind, like every error kind, but
    // they are neither answered nor the server's fault: say so rather than call them
    // transport errors.
    const int cancelled = summary.errorsByKind().value(CallResult::errorKindName(CallResult::ErrorKind::Cancelled));
    lines << tr("%1 of %2 leads called%3 in %4.")
                 .arg(summary.completed() - cancelled)
                 .arg(summary.leads())
                 .arg(summary.cancelled() ? tr(" (cancelled; %n call(s) stopped in flight)", nullptr, cancelled)
                                          : QString())
                 .arg(BatchSummary::humanDuration(summary.durationMs()));
    lines << tr("2xx: %1 · other status: %2 · empty 2xx (error 1001): %3 · transport errors: %4")
                 .arg(summary.ok())
                 .arg(summary.non2xx())
                 .arg(summary.empty2xx())
                 .arg(summary.errors() - cancelled);
    lines << tr("Latency p50 %1 · p90 %2 · p99 %3 · max %4")
                 .arg(BatchSummary::humanDuration(summary.latencyPercentile(50)),
                      BatchSummary::humanDuration(summary.latencyPercentile(90)),
                      BatchSummary::humanDuration(summary.latencyPercentile(99)),
                      BatchSummary::humanDuration(summary.latencyMax()));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_histogram->setSamples(m_latencies, summary.latencyPercentile(50), summary.latencyPercentile(90));
    m_estimate->setText(summary.completed() > 0 ? estimateText(summary, 100000) : QString());
}

void BatchDialog::updateSourceInfo()
{
    const bool csv = m_source->currentData().toInt() == CsvLeads;
    m_csvEdit->setEnabled(csv);
    m_browse->setEnabled(csv);
    QString text = tr("%n lead(s) will be called.", nullptr, int(chosenLeads().size()));
    if (csv && !m_csvNote.isEmpty())
        text += QLatin1Char('\n') + m_csvNote;
    m_sourceInfo->setText(text);
}
