#pragma once

#include "document/WorkspaceDocument.h"

#include <QAbstractTableModel>

// The flow step's context as one table: Scope, Name, Value, Secret, a row per value of
// every scope (my, program, campaign, trigger, member). Edits, additions and removals
// go to the undo stack as EditContextCommands.
class ContextModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ScopeColumn, NameColumn, ValueColumn, SecretColumn, ColumnCount };

    explicit ContextModel(WorkspaceDocument* document, QObject* parent = nullptr);
    ~ContextModel() override;

    // Adds "name" = "" to the scope (making the scope present); returns its row.
    int addValue(const QString& scope, const QString& name);
    void removeValue(int row);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row
    {
        QString scope;
        int index;
    };
    void reload();
    const ContextValue* valueAt(int row) const;

    WorkspaceDocument* m_document;
    QList<Row> m_rows;
};
