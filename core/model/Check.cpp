#include "Check.h"

#include <QRegularExpression>

namespace {

bool isStatus(const QString& status)
{
    static const QRegularExpression pattern(QStringLiteral("^([1-5]xx|[1-5][0-9][0-9])$"));
    return pattern.match(status).hasMatch();
}

} // namespace

Check Check::status(const QString& status)
{
    Check check;
    check.kind = Kind::Status;
    check.target = status;
    return check;
}

bool Check::isFieldCheck() const
{
    return kind == Kind::FieldEquals || kind == Kind::FieldMatches || kind == Kind::FieldWritten;
}

bool Check::isPathCheck() const
{
    return kind == Kind::PathExists || kind == Kind::PathEquals || kind == Kind::PathMatches;
}

QString Check::description() const
{
    switch (kind) {
    case Kind::Status:
        return tr("status is %1").arg(target);
    case Kind::FieldEquals:
        return tr("%1 is written as “%2”").arg(target, expected);
    case Kind::FieldMatches:
        return tr("%1 is written matching /%2/").arg(target, expected);
    case Kind::FieldWritten:
        return flag ? tr("%1 is written").arg(target) : tr("%1 is not written").arg(target);
    case Kind::PathExists:
        return flag ? tr("response has %1").arg(target) : tr("response has no %1").arg(target);
    case Kind::PathEquals:
        return tr("%1 in the response is “%2”").arg(target, expected);
    case Kind::PathMatches:
        return tr("%1 in the response matches /%2/").arg(target, expected);
    case Kind::LatencyBelow:
        return tr("answers in under %1 ms").arg(latencyMs);
    }
    return {};
}

QString Check::title() const
{
    return name.trimmed().isEmpty() ? description() : name;
}

QString Check::problem() const
{
    switch (kind) {
    case Kind::Status:
        if (!isStatus(target))
            return tr("The status must be a class such as 2xx or a code such as 201, not “%1”.").arg(target);
        return {};
    case Kind::FieldEquals:
    case Kind::FieldWritten:
        return target.trimmed().isEmpty() ? tr("The check names no field.") : QString();
    case Kind::PathExists:
    case Kind::PathEquals:
        return target.trimmed().isEmpty() ? tr("The check names no response attribute.") : QString();
    case Kind::FieldMatches:
    case Kind::PathMatches: {
        if (target.trimmed().isEmpty())
            return kind == Kind::FieldMatches ? tr("The check names no field.")
                                              : tr("The check names no response attribute.");
        const QRegularExpression pattern(expected);
        if (!pattern.isValid())
            return tr("The pattern “%1” is not a valid regular expression: %2 (at character %3).")
                .arg(expected, pattern.errorString())
                .arg(pattern.patternErrorOffset() + 1);
        return {};
    }
    case Kind::LatencyBelow:
        return latencyMs > 0 ? QString() : tr("The latency limit must be a whole number of milliseconds above 0.");
    }
    return {};
}

bool Check::operator==(const Check& other) const
{
    return kind == other.kind && name == other.name && target == other.target && expected == other.expected
           && flag == other.flag && latencyMs == other.latencyMs && extra == other.extra;
}
