#pragma once

#include "model/FieldCatalog.h"
#include "response/MappingResult.h"

#include <QAbstractTableModel>

// What a response's mappings did to the sample lead, one row per mapping: the response
// attribute, the lead field (display name), the field's value before and after, and the
// result: "Applied" or why it was not written.
class MappingResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { AttributeColumn, FieldColumn, BeforeColumn, AfterColumn, ResultColumn, ColumnCount };
    enum Role { AppliedRole = Qt::UserRole + 1, ReasonRole, FieldApiNameRole };

    explicit MappingResultModel(QObject* parent = nullptr);
    ~MappingResultModel() override;

    void setOutcome(const MappingOutcome& outcome, const FieldCatalog& catalog = FieldCatalog());
    void clear();
    const MappingOutcome& outcome() const { return m_outcome; }

    // A lead value as the table shows it: strings bare, null as "(empty)".
    static QString valueText(const QJsonValue& value);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString fieldLabel;
        QJsonValue before;
        QJsonValue after;
    };
    MappingOutcome m_outcome;
    QList<Row> m_rows;
};
