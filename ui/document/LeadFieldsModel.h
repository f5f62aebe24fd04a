#pragma once

#include "document/WorkspaceDocument.h"

#include <QAbstractTableModel>

// The chosen sample lead's fields as rows: Field (display name), API Name, Type, Value.
// Every field of the catalogue is a row, set or not; the value is editable and is stored
// with the JSON type the field's type asks for (a number for integer fields, ...). An
// empty value removes the field from the lead. Edits go to the undo stack.
class LeadFieldsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ApiNameColumn, TypeColumn, ValueColumn, ColumnCount };

    explicit LeadFieldsModel(WorkspaceDocument* document, QObject* parent = nullptr);
    ~LeadFieldsModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // How a lead value reads in the table, and the JSON value typed text becomes.
    static QString displayValue(const QJsonValue& value);
    static QJsonValue parseValue(const QString& text, FieldType type);

private:
    void reload();

    WorkspaceDocument* m_document;
    QList<Field> m_fields;
};
