#include "MappingResultModel.h"

#include "appearance/ThemeColors.h"
#include "widgets/ColumnTitles.h"

#include <QColor>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPalette>

MappingResultModel::MappingResultModel(QObject* parent) : QAbstractTableModel(parent) { }

MappingResultModel::~MappingResultModel() = default;

void MappingResultModel::setOutcome(const MappingOutcome& outcome, const FieldCatalog& catalog)
{
    beginResetModel();
    m_outcome = outcome;
    m_rows.clear();
    for (const MappingResult& result : outcome.mappings) {
        Row row;
        const Field* field = catalog.findByApiName(result.field);
        if (!field)
            field = catalog.find(result.field);
        if (field) {
            row.fieldLabel = field->name;
            row.before = FieldCatalog::value(outcome.leadBefore, *field);
            row.after = FieldCatalog::value(outcome.leadAfter, *field);
        } else {
            // An unknown field: the lead record may still hold it under that key.
            row.fieldLabel = result.field;
            row.before = outcome.leadBefore.value(result.field);
            row.after = outcome.leadAfter.value(result.field);
        }
        m_rows.append(row);
    }
    endResetModel();
}

void MappingResultModel::clear()
{
    setOutcome(MappingOutcome());
}

QString MappingResultModel::valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

int MappingResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingResultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MappingResult& result = m_outcome.mappings.at(index.row());
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AttributeColumn:
            return result.attribute;
        case FieldColumn:
            return row.fieldLabel;
        case BeforeColumn:
            return valueText(row.before);
        case AfterColumn:
            return valueText(row.after);
        case ResultColumn:
            if (result.applied)
                return tr("Applied");
            return result.reason.isEmpty() ? tr("Not written") : tr("Not written: %1").arg(result.reason);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ResultColumn)
            return result.applied ? tr("Marketo would write %1 into %2").arg(valueText(result.value), row.fieldLabel)
                                  : result.reason;
        if (index.column() == FieldColumn)
            return result.field;
        break;
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn && !result.applied)
            return ThemeColors::text(ThemeColors::Kind::Error, QGuiApplication::palette());
        if (index.column() == AfterColumn && row.before != row.after)
            return QGuiApplication::palette().brush(QPalette::Link);
        break;
    case AppliedRole:
        return result.applied;
    case ReasonRole:
        return result.reason;
    case FieldApiNameRole:
        return result.field;
    }
    return {};
}

QVariant MappingResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(this,
                           {tr("Response attribute"), tr("Lead field"), tr("Before"), tr("After"), tr("Result")},
                           section,
                           orientation,
                           role);
}
