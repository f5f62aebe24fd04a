#include "BatchColumn.h"

#include <QJsonArray>
#include <QJsonDocument>

BatchColumn BatchColumn::fixed(Kind kind)
{
    BatchColumn column;
    column.kind = kind;
    switch (kind) {
    case Kind::Lead:
        column.title = tr("Lead");
        break;
    case Kind::Status:
        column.title = tr("Status");
        break;
    case Kind::Latency:
        column.title = tr("Latency");
        break;
    case Kind::Error:
        column.title = tr("Error");
        break;
    case Kind::Field:
    case Kind::Check:
        break;
    }
    return column;
}

BatchColumn BatchColumn::field(const QString& apiName, const QString& title)
{
    BatchColumn column;
    column.kind = Kind::Field;
    column.title = title;
    column.key = apiName;
    column.evaluate = [apiName](const BatchLeadResult& result) {
        const MappingOutcome& outcome = result.mapping;
        const MappingResult* refused = nullptr;
        // Marketo applies the mappings in order, so the last one written wins.
        for (auto it = outcome.mappings.crbegin(); it != outcome.mappings.crend(); ++it) {
            if (it->field.compare(apiName, Qt::CaseInsensitive) != 0)
                continue;
            if (it->applied)
                return BatchCell {valueText(it->value), BatchCell::State::Written};
            if (!refused)
                refused = &*it;
        }
        QString why = refused ? refused->reason : QString();
        if (why.isEmpty())
            why = outcome.reason;
        if (why.isEmpty())
            why = result.call.errorMessage;
        if (why.isEmpty())
            why = tr("not written");
        return BatchCell {why, BatchCell::State::NotWritten};
    };
    return column;
}

BatchColumn BatchColumn::check(const QString& title, Evaluate evaluate)
{
    BatchColumn column;
    column.kind = Kind::Check;
    column.title = title;
    column.key = title;
    column.evaluate = std::move(evaluate);
    return column;
}

BatchColumn BatchColumn::verdictCheck(int index, const QString& title)
{
    return check(title, [index](const BatchLeadResult& result) {
        const QList<CheckResult>& checks = result.verdict.checks;
        if (index < 0 || index >= checks.size())
            return BatchCell {};
        const CheckResult& check = checks.at(index);
        if (!check.passed)
            return BatchCell {check.message, BatchCell::State::Failed};
        return BatchCell {check.actual.isEmpty() ? tr("passed") : check.actual, BatchCell::State::Passed};
    });
}

BatchColumn BatchColumn::drift()
{
    BatchColumn column = check(tr("Shape"), [](const BatchLeadResult& result) {
        const QList<ShapeDifference>& drift = result.verdict.drift;
        if (!result.verdict.shapeProblem.isEmpty())
            return BatchCell {result.verdict.shapeProblem, BatchCell::State::Failed};
        if (drift.isEmpty()) {
            if (!result.call.isSuccess())
                return BatchCell {tr("not compared: no 2xx response"), BatchCell::State::Plain};
            return BatchCell {tr("no drift"), BatchCell::State::Passed};
        }
        int failures = 0;
        for (const ShapeDifference& difference : drift)
            failures += difference.isFailure() ? 1 : 0;
        if (failures > 0)
            return BatchCell {tr("%1 mapped paths changed, %2 changes in all").arg(failures).arg(drift.size()),
                              BatchCell::State::Failed};
        return BatchCell {tr("%1 changes, none read by a mapping").arg(drift.size()), BatchCell::State::Plain};
    });
    column.key = QStringLiteral("shape");
    return column;
}

QString BatchColumn::valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return QString();
}
