#include "CheckResultModel.h"

#include "appearance/StatusIcon.h"
#include "widgets/ColumnTitles.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

CheckResultModel::CheckResultModel(QObject* parent) : QAbstractTableModel(parent) { }

CheckResultModel::~CheckResultModel() = default;

void CheckResultModel::setResults(const QList<CheckResult>& results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

void CheckResultModel::clear()
{
    setResults({});
}

int CheckResultModel::passedCount() const
{
    int passed = 0;
    for (const CheckResult& result : m_results)
        passed += result.passed ? 1 : 0;
    return passed;
}

int CheckResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int CheckResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckResultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CheckResult& result = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case CheckColumn:
            return result.check.title();
        case ResultColumn:
            return result.passed ? tr("Passed") : tr("Failed");
        case ActualColumn:
            return result.actual;
        case MessageColumn:
            return result.message;
        default:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CheckColumn)
            return result.check.description();
        if (index.column() == MessageColumn || index.column() == ResultColumn)
            return result.message;
        if (index.column() == ActualColumn)
            return result.actual;
        break;
    case Qt::DecorationRole:
        if (index.column() == ResultColumn)
            return StatusIcon::icon(result.passed ? StatusIcon::Mark::Pass : StatusIcon::Mark::Fail,
                                    QGuiApplication::palette());
        break;
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn)
            return QBrush(ThemeColors::text(result.passed ? ThemeColors::Kind::Success : ThemeColors::Kind::Error,
                                            QGuiApplication::palette()));
        break;
    case PassedRole:
        return result.passed;
    default:
        break;
    }
    return {};
}

QVariant CheckResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(this, {tr("Check"), tr("Result"), tr("Actual"), tr("Message")}, section, orientation, role);
}
