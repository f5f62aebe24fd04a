#include "ContextModel.h"

#include "document/EditContextCommand.h"
#include "document/HeaderModel.h"
#include "widgets/ColumnTitles.h"

#include <QUndoStack>

ContextModel::ContextModel(WorkspaceDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &WorkspaceDocument::workspaceReset, this, &ContextModel::reload);
    connect(document, &WorkspaceDocument::contextChanged, this, &ContextModel::reload);
    reload();
}

ContextModel::~ContextModel() = default;

void ContextModel::reload()
{
    QList<Row> rows;
    const Context& context = m_document->workspace().context;
    for (const QString& scope : Context::scopeNames()) {
        const ContextScope* s = context.scope(scope);
        for (int i = 0; i < s->values.size(); ++i) {
            rows.append({scope, i});
        }
    }
    // A cell edit keeps the shape: report changed data so the view keeps its current
    // cell; anything else is a reset.
    bool sameShape = rows.size() == m_rows.size();
    for (int i = 0; sameShape && i < rows.size(); ++i) {
        sameShape = rows[i].scope == m_rows[i].scope && rows[i].index == m_rows[i].index;
    }
    if (sameShape) {
        if (!rows.isEmpty()) {
            emit dataChanged(index(0, 0), index(rows.size() - 1, ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const ContextValue* ContextModel::valueAt(int row) const
{
    if (row < 0 || row >= m_rows.size()) {
        return nullptr;
    }
    const ContextScope* scope = m_document->workspace().context.scope(m_rows[row].scope);
    return scope && m_rows[row].index < scope->values.size() ? &scope->values.at(m_rows[row].index) : nullptr;
}

int ContextModel::addValue(const QString& scope, const QString& name)
{
    Context context = m_document->workspace().context;
    ContextScope* s = context.scope(scope);
    if (!s) {
        return -1;
    }
    s->present = true;
    s->values.append({name, QString(), false});
    const int index = s->values.size() - 1;
    m_document->undoStack()->push(new EditContextCommand(m_document, context, m_document->workspace().timeZone));
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].scope == scope.toLower() && m_rows[row].index == index) {
            return row;
        }
    }
    return -1;
}

void ContextModel::removeValue(int row)
{
    if (row < 0 || row >= m_rows.size()) {
        return;
    }
    Context context = m_document->workspace().context;
    ContextScope* s = context.scope(m_rows[row].scope);
    s->values.removeAt(m_rows[row].index);
    m_document->undoStack()->push(new EditContextCommand(m_document, context, m_document->workspace().timeZone));
}

int ContextModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int ContextModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContextModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const ContextValue* value = valueAt(index.row());
    if (!value) {
        return {};
    }
    const bool text = role == Qt::DisplayRole || role == Qt::AccessibleTextRole;
    switch (index.column()) {
    case ScopeColumn:
        return text || role == Qt::EditRole ? QVariant(m_rows[index.row()].scope) : QVariant();
    case NameColumn:
        if (text || role == Qt::EditRole) {
            return value->name;
        }
        if (role == Qt::ToolTipRole) {
            return QStringLiteral("{{%1.%2}}").arg(m_rows[index.row()].scope, value->name);
        }
        return {};
    case ValueColumn:
        if (text) {
            return value->secret ? HeaderModel::mask() : value->value;
        }
        return role == Qt::EditRole ? QVariant(value->value) : QVariant();
    case SecretColumn:
        if (role == Qt::CheckStateRole) {
            return value->secret ? Qt::Checked : Qt::Unchecked;
        }
        if (role == Qt::AccessibleTextRole) {
            return value->secret ? tr("secret") : tr("not secret");
        }
        return {};
    default:
        return {};
    }
}

bool ContextModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !valueAt(index.row())) {
        return false;
    }
    Context context = m_document->workspace().context;
    ContextValue& v = context.scope(m_rows[index.row()].scope)->values[m_rows[index.row()].index];
    if (index.column() == SecretColumn && role == Qt::CheckStateRole) {
        v.secret = value.toInt() == Qt::Checked;
    } else if (index.column() == NameColumn && role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty()) {
            return false;
        }
        v.name = name;
    } else if (index.column() == ValueColumn && role == Qt::EditRole) {
        v.value = value.toString();
    } else {
        return false;
    }
    const ContextValue* before = valueAt(index.row());
    if (before->name == v.name && before->value == v.value && before->secret == v.secret) {
        return true;
    }
    m_document->undoStack()->push(new EditContextCommand(m_document, context, m_document->workspace().timeZone));
    return true;
}

QVariant ContextModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(this, {tr("Scope"), tr("Name"), tr("Value"), tr("Secret")}, section, orientation, role);
}

Qt::ItemFlags ContextModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    const Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    switch (index.column()) {
    case NameColumn:
    case ValueColumn:
        return f | Qt::ItemIsEditable;
    case SecretColumn:
        return f | Qt::ItemIsUserCheckable;
    default:
        return f;
    }
}
