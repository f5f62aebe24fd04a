#include "LeadFieldsModel.h"

#include "document/EditLeadCommand.h"
#include "widgets/ColumnTitles.h"

#include <QUndoStack>

LeadFieldsModel::LeadFieldsModel(WorkspaceDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &WorkspaceDocument::workspaceReset, this, &LeadFieldsModel::reload);
    connect(document, &WorkspaceDocument::leadsReset, this, &LeadFieldsModel::reload);
    connect(document, &WorkspaceDocument::currentLeadChanged, this, [this] {
        if (rowCount() > 0) {
            emit dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn));
        }
    });
    connect(document, &WorkspaceDocument::leadChanged, this, [this](int lead) {
        if (lead == m_document->currentLead() && rowCount() > 0) {
            emit dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn));
        }
    });
    m_fields = document->workspace().catalog().fields();
}

LeadFieldsModel::~LeadFieldsModel() = default;

void LeadFieldsModel::reload()
{
    beginResetModel();
    m_fields = m_document->workspace().catalog().fields();
    endResetModel();
}

int LeadFieldsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_fields.size();
}

int LeadFieldsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LeadFieldsModel::displayValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

QJsonValue LeadFieldsModel::parseValue(const QString& text, FieldType type)
{
    if (text.isEmpty()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    if (FieldTypes::isNumber(type)) {
        bool ok = false;
        const double number = text.trimmed().toDouble(&ok);
        // Not a number: kept as typed, so the preview shows the renderer's warning.
        return ok ? QJsonValue(number) : QJsonValue(text);
    }
    if (type == FieldType::Boolean) {
        const QString t = text.trimmed().toLower();
        if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1")) {
            return true;
        }
        if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0")) {
            return false;
        }
    }
    return text;
}

QVariant LeadFieldsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Field& field = m_fields.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::AccessibleTextRole) {
        if (role == Qt::ToolTipRole && index.column() == NameColumn) {
            return tr("{{lead.%1}}").arg(field.name);
        }
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return field.name;
    case ApiNameColumn:
        return field.apiName;
    case TypeColumn:
        return FieldTypes::name(field.type);
    case ValueColumn:
        return displayValue(FieldCatalog::value(m_document->currentLeadObject(), field));
    default:
        return {};
    }
}

bool LeadFieldsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != ValueColumn || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || m_document->currentLead() < 0) {
        return false;
    }
    const Field& field = m_fields.at(index.row());
    QJsonObject lead = m_document->currentLeadObject();
    const QJsonValue before = FieldCatalog::value(lead, field);
    const QJsonValue after = parseValue(value.toString(), field.type);
    if (before == after) {
        return true;
    }
    if (after.isUndefined()) {
        lead.remove(FieldCatalog::keyOf(lead, field));
    } else {
        FieldCatalog::setValue(lead, field, after);
    }
    m_document->undoStack()->push(new EditLeadCommand(m_document, m_document->currentLead(), lead));
    return true;
}

QVariant LeadFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(this, {tr("Field"), tr("API Name"), tr("Type"), tr("Value")}, section, orientation, role);
}

Qt::ItemFlags LeadFieldsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == ValueColumn && m_document->currentLead() >= 0 ? f | Qt::ItemIsEditable : f;
}
