#include "HttpHeaderModel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

HttpHeaderModel::HttpHeaderModel(QObject* parent) : QAbstractTableModel(parent) { }

HttpHeaderModel::~HttpHeaderModel() = default;

void HttpHeaderModel::setRows(const QList<Row>& rows)
{
    if (rows == m_rows)
        return;
    if (rows.size() == m_rows.size() && !rows.isEmpty()) {
        // Same shape: a value changed while typing. dataChanged keeps the view's selection.
        m_rows = rows;
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int HttpHeaderModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HttpHeaderModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HttpHeaderModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (index.column() == NameColumn)
            return row.name;
        return row.secret ? maskedValue() : row.value;
    case Qt::FontRole:
        if (row.addedByStack) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (row.addedByStack)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        break;
    case Qt::ToolTipRole:
        if (row.addedByStack)
            return tr("Added by the HTTP stack when the request is sent");
        if (row.secret)
            return tr("Secret: the value is masked and kept out of history");
        break;
    case AddedByStackRole:
        return row.addedByStack;
    case SecretRole:
        return row.secret;
    }
    return {};
}

QVariant HttpHeaderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Header") : tr("Value");
}
