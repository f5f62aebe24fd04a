#pragma once

#include "batch/BatchLeadResult.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

// One cell of a batch run's results: its text, and what it says about the lead.
struct BatchCell
{
    enum class State : quint8 {
        Plain,
        Written,    // a mapped field's value, written
        NotWritten, // the reason a mapped field is not written
        Passed,     // a check that passed
        Failed,     // a check that failed
    };

    QString text;
    State state = State::Plain;
};

// A column of the results table, described by data so that a view needs no code per
// column: the fixed ones (lead, status, latency, error kind) read what every result
// store keeps; Field and Check columns evaluate each lead's result once, when it is added,
// and the store keeps only the cell.
//
// A check's outcome becomes a column with one call:
//   results.addColumn(BatchColumn::check(name, [=](const BatchLeadResult& r) { ... }));
struct BatchColumn
{
    enum class Kind { Lead, Status, Latency, Error, Field, Check };
    using Evaluate = std::function<BatchCell(const BatchLeadResult& result)>;

    Kind kind = Kind::Lead;
    QString title;
    // The field's API name for a Field column, the check's name for a Check column.
    QString key;
    Evaluate evaluate; // Field and Check columns only

    bool isEvaluated() const { return bool(evaluate); }

    static BatchColumn fixed(Kind kind);
    // The value written to the field (API name `apiName`), or why it is not written.
    static BatchColumn field(const QString& apiName, const QString& title);
    static BatchColumn check(const QString& title, Evaluate evaluate);
    // The outcome of the webhook's check number `index` in each lead's verdict: the actual
    // value when it passed, the message (expected versus actual) when it failed.
    static BatchColumn verdictCheck(int index, const QString& title);
    // The response's shape against the webhook's baseline: "no drift", or the changes,
    // failed when a path a mapping reads was removed or retyped.
    static BatchColumn drift();

    // The field's value as the lead record would hold it: strings as they are, other
    // JSON values in compact JSON.
    static QString valueText(const QJsonValue& value);

    Q_DECLARE_TR_FUNCTIONS(BatchColumn)
};
