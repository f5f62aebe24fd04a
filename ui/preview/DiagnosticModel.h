#pragma once

#include "template/Diagnostic.h"

#include <QAbstractTableModel>
#include <QList>

// The diagnostics of the previewed webhook as a read-only table: severity (with its icon),
// where (the property in words), line:column, message. Rows keep the order given.
//
// setDiagnostics() is called on every keystroke: when the list is unchanged the model
// emits nothing, so the view keeps its selection and scroll position.
class DiagnosticModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, WhereColumn, PositionColumn, MessageColumn, ColumnCount };
    enum Role {
        WhereRole = Qt::UserRole + 1, // the property as the file spells it, e.g. "headers[2].value"
        LineRole,
        ColumnRole,
        OffsetRole,
        LengthRole,
        SeverityRole, // int(Diagnostic::Severity)
        CodeRole,
    };

    explicit DiagnosticModel(QObject* parent = nullptr);
    ~DiagnosticModel() override;

    void setDiagnostics(const QList<Diagnostic>& diagnostics);
    const QList<Diagnostic>& diagnostics() const { return m_diagnostics; }
    // The diagnostic shown in a row; row must be valid.
    const Diagnostic& diagnostic(int row) const { return m_diagnostics.at(row); }
    int count(Diagnostic::Severity severity) const;

    // "Payload template", "Header 3 value", "Mapping 1 field", ... for a location.
    static QString whereLabel(const DiagnosticLocation& where);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Diagnostic> m_diagnostics;
};
