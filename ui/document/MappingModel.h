#pragma once

#include "document/WebhookRowsModel.h"
#include "response/MappingResult.h"

// The response mappings of one webhook: Response Attribute, Lead Field (stored as the API
// name, shown by display name; the edit role is the API name, FieldTypeRole the type)
// and, once a response was evaluated, each row's Result: the value applied or why not.
// Edits go to the undo stack; adding, removing or moving rows clears the results.
class MappingModel : public WebhookRowsModel
{
    Q_OBJECT

public:
    enum Column { AttributeColumn, FieldColumn, ResultColumn, ColumnCount };
    enum Role { FieldTypeRole = Qt::UserRole + 1, AppliedRole };

    explicit MappingModel(WorkspaceDocument* document, QObject* parent = nullptr);
    ~MappingModel() override;

    void setOutcome(const MappingOutcome& outcome);
    void clearOutcome();

    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // "✓ Acme Inc" or "✗ the reason", as the Result column reads.
    static QString resultText(const MappingResult& result);

protected:
    int rowsOf(const Webhook& webhook) const override { return webhook.responseMappings.size(); }
    void rowsReset() override;

private:
    QString resultFor(int row) const;

    MappingOutcome m_outcome;
    bool m_hasOutcome = false;
};
