#include "HistoryModel.h"

#include "widgets/ColumnTitles.h"

#include <QLocale>

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) { }

HistoryModel::~HistoryModel() = default;

void HistoryModel::setEntries(const QList<CallHistoryEntry>& entries)
{
    beginResetModel();
    m_entries.clear();
    m_entries.reserve(entries.size());
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        m_entries.append(*it);
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallHistoryEntry& e = m_entries.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat);
    case WebhookColumn:
        return e.webhook;
    case MethodColumn:
        return e.request.value(QStringLiteral("method")).toString();
    case StatusColumn:
        if (e.status() > 0)
            return e.status();
        return e.error.toObject().value(QStringLiteral("kind")).toString();
    case DurationColumn: {
        const QJsonValue ms =
            e.response.toObject().value(QStringLiteral("timings")).toObject().value(QStringLiteral("totalMs"));
        return ms.isDouble() ? tr("%1 ms").arg(ms.toDouble(), 0, 'f', 0) : QString();
    }
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(
        this, {tr("Time"), tr("Webhook"), tr("Method"), tr("Status"), tr("Duration")}, section, orientation, role);
}
