#include "HeaderModel.h"

#include "document/EditRowCommand.h"
#include "widgets/ColumnTitles.h"

#include <QUndoStack>

HeaderModel::HeaderModel(WorkspaceDocument* document, QObject* parent)
    : WebhookRowsModel(document, WorkspaceDocument::RowTable::Headers, parent)
{
}

HeaderModel::~HeaderModel() = default;

QString HeaderModel::mask()
{
    return QStringLiteral("••••••");
}

int HeaderModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeaderModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Header& header = currentWebhook()->headers.at(index.row());
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::AccessibleTextRole) {
            return header.name;
        }
        break;
    case ValueColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            return header.secret ? mask() : header.value;
        }
        if (role == Qt::EditRole) {
            return header.value;
        }
        if (role == Qt::ToolTipRole && header.secret) {
            return tr("Secret: masked here and kept out of history and exports.");
        }
        break;
    case SecretColumn:
        if (role == Qt::CheckStateRole) {
            return header.secret ? Qt::Checked : Qt::Unchecked;
        }
        if (role == Qt::AccessibleTextRole) {
            return header.secret ? tr("secret") : tr("not secret");
        }
        break;
    default:
        break;
    }
    return {};
}

bool HeaderModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return false;
    }
    Header header = currentWebhook()->headers.at(index.row());
    if (index.column() == SecretColumn && role == Qt::CheckStateRole) {
        header.secret = value.toInt() == Qt::Checked;
    } else if (index.column() == NameColumn && role == Qt::EditRole) {
        header.name = value.toString().trimmed();
    } else if (index.column() == ValueColumn && role == Qt::EditRole) {
        header.value = value.toString();
    } else {
        return false;
    }
    const Header& before = currentWebhook()->headers.at(index.row());
    if (header.name == before.name && header.value == before.value && header.secret == before.secret) {
        return true;
    }
    document()->undoStack()->push(new EditRowCommand(document(), webhook(), index.row(), header));
    return true;
}

QVariant HeaderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(this, {tr("Name"), tr("Value"), tr("Secret")}, section, orientation, role);
}

Qt::ItemFlags HeaderModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == SecretColumn ? f | Qt::ItemIsUserCheckable : f | Qt::ItemIsEditable;
}

bool HeaderModel::appendToValue(int row, const QString& text)
{
    const QModelIndex cell = index(row, ValueColumn);
    if (!cell.isValid()) {
        return false;
    }
    return setData(cell, cell.data(Qt::EditRole).toString() + text, Qt::EditRole);
}
