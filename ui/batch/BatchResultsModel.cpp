#include "BatchResultsModel.h"

#include "appearance/ThemeColors.h"
#include "batch/BatchResults.h"

#include <QGuiApplication>
#include <QPalette>

BatchResultsModel::BatchResultsModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_insertTimer.setSingleShot(true);
    m_insertTimer.setInterval(insertIntervalMs());
    connect(&m_insertTimer, &QTimer::timeout, this, &BatchResultsModel::refresh);
}

BatchResultsModel::~BatchResultsModel() = default;

void BatchResultsModel::setResults(const BatchResults* results)
{
    beginResetModel();
    m_results = results;
    m_rows = results ? results->size() : 0;
    m_columns = results ? int(results->columns().size()) : 0;
    endResetModel();
}

void BatchResultsModel::resultsAdded()
{
    if (!m_insertTimer.isActive())
        m_insertTimer.start();
}

void BatchResultsModel::resultsCleared()
{
    m_insertTimer.stop();
    setResults(m_results);
}

void BatchResultsModel::refresh()
{
    m_insertTimer.stop();
    if (!m_results)
        return;
    const int size = m_results->size();
    if (size < m_rows) {
        setResults(m_results);
        return;
    }
    if (size == m_rows)
        return;
    beginInsertRows(QModelIndex(), m_rows, size - 1);
    m_rows = size;
    endInsertRows();
}

int BatchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BatchResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant BatchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_results)
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return m_results->cell(row, index.column()).text;
    case Qt::ToolTipRole: {
        const BatchColumn& column = m_results->columns().at(index.column());
        if (column.kind == BatchColumn::Kind::Status || column.kind == BatchColumn::Kind::Error) {
            const QString error = m_results->errorText(row);
            if (!error.isEmpty())
                return error;
        }
        return m_results->cell(row, index.column()).text;
    }
    case Qt::ForegroundRole: {
        const BatchColumn& column = m_results->columns().at(index.column());
        const BatchCell::State state = m_results->cell(row, index.column()).state;
        const bool bad = state == BatchCell::State::NotWritten || state == BatchCell::State::Failed
                         || ((column.kind == BatchColumn::Kind::Status || column.kind == BatchColumn::Kind::Error)
                             && m_results->isFailed(row));
        if (bad)
            return ThemeColors::text(ThemeColors::Kind::Error, QGuiApplication::palette());
        if (state == BatchCell::State::Passed)
            return ThemeColors::text(ThemeColors::Kind::Success, QGuiApplication::palette());
        return {};
    }
    case Qt::TextAlignmentRole:
        if (m_results->columns().at(index.column()).kind == BatchColumn::Kind::Latency)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RowStateRole: {
        int state = 0;
        if (m_results->isFailed(row))
            state |= Failed;
        if (m_results->writtenCount(row) > 0)
            state |= Written;
        else
            state |= NotWritten;
        return state;
    }
    case ResultRowRole:
        return row;
    }
    return {};
}

QVariant BatchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && m_results && section >= 0 && section < m_columns)
        return m_results->columns().at(section).title;
    return QAbstractTableModel::headerData(section, orientation, role);
}
