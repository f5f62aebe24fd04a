#include "MappingModel.h"

#include "appearance/ThemeColors.h"
#include "document/EditRowCommand.h"
#include "widgets/ColumnTitles.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPalette>
#include <QUndoStack>

MappingModel::MappingModel(WorkspaceDocument* document, QObject* parent)
    : WebhookRowsModel(document, WorkspaceDocument::RowTable::Mappings, parent)
{
    // New custom fields from a CSV import change how the Field column reads.
    connect(document, &WorkspaceDocument::leadsReset, this, [this] {
        if (rowCount() > 0) {
            emit dataChanged(index(0, FieldColumn), index(rowCount() - 1, FieldColumn));
        }
    });
}

MappingModel::~MappingModel() = default;

void MappingModel::setOutcome(const MappingOutcome& outcome)
{
    m_outcome = outcome;
    m_hasOutcome = true;
    if (rowCount() > 0) {
        emit dataChanged(index(0, ResultColumn), index(rowCount() - 1, ResultColumn));
    }
}

void MappingModel::clearOutcome()
{
    if (!m_hasOutcome) {
        return;
    }
    m_hasOutcome = false;
    m_outcome = {};
    if (rowCount() > 0) {
        emit dataChanged(index(0, ResultColumn), index(rowCount() - 1, ResultColumn));
    }
}

void MappingModel::rowsReset()
{
    // Results are matched to rows by position; after a structural change they would
    // describe the wrong rows.
    m_hasOutcome = false;
    m_outcome = {};
}

QString MappingModel::resultText(const MappingResult& result)
{
    if (result.applied) {
        const QJsonValue v = result.value;
        QString text;
        if (v.isString()) {
            text = v.toString();
        } else if (v.isDouble()) {
            text = QString::number(v.toDouble(), 'g', 15);
        } else if (v.isBool()) {
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        } else {
            text = QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        }
        return QStringLiteral("✓ ") + text;
    }
    return QStringLiteral("✗ ") + result.reason;
}

QString MappingModel::resultFor(int row) const
{
    if (!m_hasOutcome) {
        return {};
    }
    if (!m_outcome.statusApplies) {
        return QStringLiteral("✗ ") + m_outcome.reason;
    }
    if (row < m_outcome.mappings.size()) {
        return resultText(m_outcome.mappings.at(row));
    }
    return {};
}

int MappingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const ResponseMapping& mapping = currentWebhook()->responseMappings.at(index.row());
    switch (index.column()) {
    case AttributeColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::AccessibleTextRole) {
            return mapping.attribute;
        }
        break;
    case FieldColumn: {
        const FieldCatalog catalog = document()->workspace().catalog();
        const Field* field = catalog.findByApiName(mapping.field);
        if (role == Qt::EditRole) {
            return mapping.field;
        }
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            if (!field) {
                return mapping.field;
            }
            return QStringLiteral("%1 (%2)").arg(field->name, FieldTypes::name(field->type));
        }
        if (role == FieldTypeRole) {
            return field ? FieldTypes::name(field->type) : QString();
        }
        if (role == Qt::ToolTipRole) {
            return field ? tr("API name %1, type %2").arg(field->apiName, FieldTypes::name(field->type))
                         : tr("No lead field has the API name \"%1\".").arg(mapping.field);
        }
        break;
    }
    case ResultColumn: {
        const bool applied = m_hasOutcome && m_outcome.statusApplies && index.row() < m_outcome.mappings.size()
                             && m_outcome.mappings.at(index.row()).applied;
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
            return resultFor(index.row());
        }
        if (role == AppliedRole) {
            return applied;
        }
        if (role == Qt::ForegroundRole && m_hasOutcome) {
            return QBrush(ThemeColors::text(applied ? ThemeColors::Kind::Success : ThemeColors::Kind::Error,
                                            QGuiApplication::palette()));
        }
        break;
    }
    default:
        break;
    }
    return {};
}

bool MappingModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return false;
    }
    ResponseMapping mapping = currentWebhook()->responseMappings.at(index.row());
    const QString text = value.toString().trimmed();
    if (index.column() == AttributeColumn) {
        if (text == mapping.attribute) {
            return true;
        }
        mapping.attribute = text;
    } else if (index.column() == FieldColumn) {
        // The editor hands an API name; accept a display name typed by hand too.
        // catalog() returns a temporary: keep it alive while `field` points into it.
        const FieldCatalog catalog = document()->workspace().catalog();
        const Field* field = catalog.find(text);
        const QString apiName = field ? field->apiName : text;
        if (apiName == mapping.field) {
            return true;
        }
        mapping.field = apiName;
    } else {
        return false;
    }
    document()->undoStack()->push(new EditRowCommand(document(), webhook(), index.row(), mapping));
    return true;
}

QVariant MappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(
        this, {tr("Response Attribute"), tr("Lead Field"), tr("Result")}, section, orientation, role);
}

Qt::ItemFlags MappingModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == ResultColumn ? f : f | Qt::ItemIsEditable;
}
