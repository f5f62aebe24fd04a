#pragma once

#include "http/WireHeader.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

// A read-only name/value table of HTTP headers: the preview's request headers (the
// webhook's own and those Qt's HTTP stack adds when sending, shown in italics) and a
// response's headers. Secret values are masked.
class HttpHeaderModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };
    enum Role { AddedByStackRole = Qt::UserRole + 1, SecretRole };

    using Row = WireHeader;

    explicit HttpHeaderModel(QObject* parent = nullptr);
    ~HttpHeaderModel() override;

    // Emits nothing when the rows are unchanged (the preview calls it on every keystroke).
    void setRows(const QList<Row>& rows);
    const QList<Row>& rows() const { return m_rows; }
    static QString maskedValue() { return QStringLiteral("••••••"); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};
