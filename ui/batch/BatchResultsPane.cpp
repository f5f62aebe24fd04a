#include "BatchResultsPane.h"

#include "batch/BatchJsonLines.h"
#include "batch/BatchListImportCsv.h"
#include "batch/BatchResults.h"
#include "batch/BatchResultsFilter.h"
#include "batch/BatchResultsModel.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

BatchResultsPane::BatchResultsPane(QWidget* parent)
    : QWidget(parent), m_model(new BatchResultsModel(this)), m_filter(new BatchResultsFilter(this))
{
    setObjectName(QStringLiteral("batchResultsPane"));
    setAccessibleName(tr("Results per lead"));
    m_filter->setSourceModel(m_model);
    createWidgets();
    connectWidgets();
    updateCount();
    updateButtons();
}

BatchResultsPane::~BatchResultsPane() = default;

void BatchResultsPane::createWidgets()
{
    m_filterCombo = new QComboBox(this);
    m_filterCombo->setObjectName(QStringLiteral("batchResultsFilterCombo"));
    m_filterCombo->setAccessibleName(tr("Show results"));
    m_filterCombo->addItem(tr("All leads"), int(BatchResultsFilter::Show::All));
    m_filterCombo->addItem(tr("Failed calls"), int(BatchResultsFilter::Show::Failed));
    m_filterCombo->addItem(tr("Fields written"), int(BatchResultsFilter::Show::Written));
    m_filterCombo->addItem(tr("Nothing written"), int(BatchResultsFilter::Show::NotWritten));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("batchResultsCountLabel"));
    m_count->setAccessibleName(tr("Results shown"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("batchResultsTable"));
    m_table->setAccessibleName(tr("Results per lead"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    // Fixed row heights and no resizing to contents: with 100,000 rows either would
    // measure every row.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setObjectName(QStringLiteral("batchResultsHeaderView"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(140);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_openAction = new QAction(tr("Open in the Response Pane"), m_table);
    m_openAction->setObjectName(QStringLiteral("batchOpenLeadAction"));
    m_resendAction = new QAction(tr("Re-send This Lead"), m_table);
    m_resendAction->setObjectName(QStringLiteral("batchResendAction"));
    m_table->addActions({m_openAction, m_resendAction});

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("batchResultsNoteLabel"));
    m_note->setAccessibleName(tr("Note about the chosen lead"));
    m_note->setWordWrap(true);
    m_note->hide();

    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(QStringLiteral("batchOpenLeadButton"));
    m_open->setAccessibleName(tr("Open the chosen lead's call in the Response pane"));
    m_resend = new QPushButton(tr("Re-&send"), this);
    m_resend->setObjectName(QStringLiteral("batchResendButton"));
    m_resend->setAccessibleName(tr("Send the chosen lead again from the main window"));
    m_exportCsv = new QPushButton(tr("Export List &CSV…"), this);
    m_exportCsv->setObjectName(QStringLiteral("batchExportCsvButton"));
    m_exportCsv->setAccessibleName(tr("Export a CSV for Marketo's list import"));
    m_exportCsv->setToolTip(tr("Email Address plus the value each mapped field would get"));
    m_exportJsonLines = new QPushButton(tr("Export &JSON Lines…"), this);
    m_exportJsonLines->setObjectName(QStringLiteral("batchExportJsonLinesButton"));
    m_exportJsonLines->setAccessibleName(tr("Export every result as JSON Lines"));

    auto* top = new QHBoxLayout;
    auto* showLabel = new QLabel(tr("S&how:"), this);
    showLabel->setObjectName(QStringLiteral("batchResultsShowLabel"));
    showLabel->setBuddy(m_filterCombo);
    top->addWidget(showLabel);
    top->addWidget(m_filterCombo);
    top->addWidget(m_count, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_resend);
    buttons->addStretch();
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportJsonLines);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
}

void BatchResultsPane::connectWidgets()
{
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setShow(BatchResultsFilter::Show(m_filterCombo->currentData().toInt()));
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] { updateCount(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateCount();
        updateButtons();
    });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        updateButtons();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_note->hide();
        updateButtons();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit openRequested(index.data(BatchResultsModel::ResultRowRole).toInt());
    });
    const auto open = [this] {
        if (currentRow() >= 0)
            emit openRequested(currentRow());
    };
    const auto resend = [this] {
        if (currentRow() >= 0)
            emit resendRequested(currentRow());
    };
    connect(m_open, &QPushButton::clicked, this, open);
    connect(m_openAction, &QAction::triggered, this, open);
    connect(m_resend, &QPushButton::clicked, this, resend);
    connect(m_resendAction, &QAction::triggered, this, resend);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(true); });
    connect(m_exportJsonLines, &QPushButton::clicked, this, [this] { chooseExport(false); });
}

void BatchResultsPane::setResults(const BatchResults* results)
{
    m_results = results;
    m_model->setResults(results);
}

void BatchResultsPane::resultsAdded()
{
    m_model->resultsAdded();
}

void BatchResultsPane::resultsCleared()
{
    m_note->hide();
    m_model->resultsCleared();
}

void BatchResultsPane::refresh()
{
    m_model->refresh();
    updateButtons();
}

int BatchResultsPane::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(BatchResultsModel::ResultRowRole).toInt() : -1;
}

void BatchResultsPane::showNote(const QString& text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void BatchResultsPane::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    m_count->setText(shown == total ? tr("%n lead(s)", nullptr, total)
                                    : tr("%1 of %n lead(s)", nullptr, total).arg(shown));
}

void BatchResultsPane::updateButtons()
{
    const bool row = currentRow() >= 0;
    m_open->setEnabled(row);
    m_resend->setEnabled(row);
    m_openAction->setEnabled(row);
    m_resendAction->setEnabled(row);
    const bool any = m_results && m_results->size() > 0;
    m_exportCsv->setEnabled(any);
    m_exportJsonLines->setEnabled(any);
}

bool BatchResultsPane::exportListCsv(const QString& fileName, QString* error)
{
    return m_results && BatchListImportCsv::write(*m_results, fileName, error);
}

bool BatchResultsPane::exportJsonLines(const QString& fileName, QString* error)
{
    return m_results && BatchJsonLines::write(*m_results, fileName, error);
}

void BatchResultsPane::chooseExport(bool listCsv)
{
    const QString fileName =
        listCsv ? QFileDialog::getSaveFileName(this, tr("Export List Import CSV"), QString(), tr("CSV files (*.csv)"))
                : QFileDialog::getSaveFileName(
                    this, tr("Export JSON Lines"), QString(), tr("JSON Lines files (*.jsonl);;All files (*)"));
    if (fileName.isEmpty())
        return;
    QString error;
    const bool written = listCsv ? exportListCsv(fileName, &error) : exportJsonLines(fileName, &error);
    if (!written)
        QMessageBox::warning(this, tr("Export"), error);
}
