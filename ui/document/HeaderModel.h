#pragma once

#include "document/WebhookRowsModel.h"

// The custom headers of one webhook: Name, Value, Secret. A secret header's value is
// shown masked (the edit role still gives the real value to the editor). Edits go to
// the undo stack.
class HeaderModel : public WebhookRowsModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, SecretColumn, ColumnCount };

    explicit HeaderModel(WorkspaceDocument* document, QObject* parent = nullptr);
    ~HeaderModel() override;

    static QString mask();

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // Appends text (an inserted token) to a row's value, as one undoable edit; false for
    // a row that does not exist.
    bool appendToValue(int row, const QString& text);

protected:
    int rowsOf(const Webhook& webhook) const override { return webhook.headers.size(); }
};
