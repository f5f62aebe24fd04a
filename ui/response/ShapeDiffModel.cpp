#include "ShapeDiffModel.h"

#include "appearance/StatusIcon.h"
#include "widgets/ColumnTitles.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace {

using Change = ShapeDifference::Change;

StatusIcon::Mark markOf(const ShapeDifference& difference)
{
    if (difference.isFailure())
        return StatusIcon::Mark::Fail;
    return difference.change == Change::Added ? StatusIcon::Mark::Added : StatusIcon::Mark::Warning;
}

} // namespace

ShapeDiffModel::ShapeDiffModel(QObject* parent) : QAbstractTableModel(parent) { }

ShapeDiffModel::~ShapeDiffModel() = default;

void ShapeDiffModel::setDrift(const QList<ShapeDifference>& drift)
{
    beginResetModel();
    m_drift = drift;
    endResetModel();
}

void ShapeDiffModel::clear()
{
    setDrift({});
}

int ShapeDiffModel::failureCount() const
{
    int failures = 0;
    for (const ShapeDifference& difference : m_drift)
        failures += difference.isFailure() ? 1 : 0;
    return failures;
}

QString ShapeDiffModel::changeText(const ShapeDifference& difference)
{
    switch (difference.change) {
    case Change::Removed:
        return difference.isFailure() ? tr("Removed: breaks a mapping") : tr("Removed");
    case Change::Added:
        return tr("Added");
    case Change::Retyped:
        return difference.isFailure() ? tr("Retyped: breaks a mapping") : tr("Retyped");
    }
    return {};
}

int ShapeDiffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_drift.size());
}

int ShapeDiffModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShapeDiffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ShapeDifference& difference = m_drift.at(index.row());
    const bool inBaseline = difference.change != Change::Added;
    const bool inResponse = difference.change != Change::Removed;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case BaselinePathColumn:
            return inBaseline ? difference.path : QString();
        case BaselineTypeColumn:
            return inBaseline ? difference.before : QString();
        case ResponsePathColumn:
            return inResponse ? difference.path : QString();
        case ResponseTypeColumn:
            return inResponse ? difference.after : QString();
        case ChangeColumn:
            return changeText(difference);
        default:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (difference.isFailure())
            return tr("%1: a response mapping reads this path, so its field would no longer be written.")
                .arg(difference.path);
        if (difference.change == Change::Retyped)
            return tr("%1 was %2 and is now %3.").arg(difference.path, difference.before, difference.after);
        return difference.path;
    case Qt::DecorationRole:
        if (index.column() == ChangeColumn)
            return StatusIcon::icon(markOf(difference), QGuiApplication::palette());
        break;
    case Qt::ForegroundRole:
        if (index.column() == ChangeColumn)
            return QBrush(ThemeColors::text(StatusIcon::kind(markOf(difference)), QGuiApplication::palette()));
        break;
    case FailureRole:
        return difference.isFailure();
    case ChangeRole:
        return int(difference.change);
    default:
        break;
    }
    return {};
}

QVariant ShapeDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(
        this,
        {tr("Baseline path"), tr("Baseline type"), tr("Response path"), tr("Response type"), tr("Change")},
        section,
        orientation,
        role);
}
