#pragma once

#include "document/WebhookRowsModel.h"
#include "model/Check.h"

// The checks of one webhook, one row per check: Name (the description when unnamed),
// Check (the kind, in a marketer's words), Applies To (the target: a lead field by display
// name, a response attribute or a status), Expected (the text, pattern,
// yes or no, or the latency limit) and Problem (why the check cannot be judged, from
// Check::problem(); also each cell's tooltip).
//
// The edit role of each column is what the delegate edits: the kind as an int, a field's
// API name, the expected value as text, bool (written, exists) or int (milliseconds).
// Changing the kind keeps what still fits the new kind (the name, a field, a path, the
// expected text) and fills in the rest. Edits go to the undo stack.
class CheckModel : public WebhookRowsModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, TargetColumn, ExpectedColumn, ProblemColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, ProblemRole };

    explicit CheckModel(WorkspaceDocument* document, QObject* parent = nullptr);
    ~CheckModel() override;

    // The kinds in the order the editor offers them, and how it names them.
    static QList<Check::Kind> kinds();
    static QString kindLabel(Check::Kind kind);
    // `check` turned into a check of `kind`: the name and whatever else still fits kept,
    // the rest filled in from `webhook` (its first mapping's field or attribute).
    static Check convert(const Check& check, Check::Kind kind, const Webhook& webhook);

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

protected:
    int rowsOf(const Webhook& webhook) const override { return webhook.checks.size(); }

private:
    QVariant displayData(const Check& check, int column) const;
    QVariant editData(const Check& check, int column) const;
    bool edit(Check& check, int column, const QVariant& value) const;
};
