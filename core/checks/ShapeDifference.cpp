#include "ShapeDifference.h"

bool ShapeDifference::isFailure() const
{
    return usedByMapping && (change == Change::Removed || change == Change::Retyped);
}

QString ShapeDifference::changeName(Change change)
{
    switch (change) {
    case Change::Removed:
        return QStringLiteral("removed");
    case Change::Added:
        return QStringLiteral("added");
    case Change::Retyped:
        return QStringLiteral("retyped");
    }
    return {};
}

QString ShapeDifference::description() const
{
    QString text;
    switch (change) {
    case Change::Removed:
        text = tr("%1 is gone from the response (it was %2)").arg(path, before);
        break;
    case Change::Added:
        text = tr("%1 is new in the response (%2)").arg(path, after);
        break;
    case Change::Retyped:
        text = tr("%1 is now %2 (it was %3)").arg(path, after, before);
        break;
    }
    if (isFailure()) {
        text += tr("; a response mapping reads it, so its field may no longer be written");
    }
    return text;
}

QJsonObject ShapeDifference::toJson() const
{
    return QJsonObject {{QStringLiteral("path"), path},
                        {QStringLiteral("change"), changeName(change)},
                        {QStringLiteral("before"), before},
                        {QStringLiteral("after"), after},
                        {QStringLiteral("usedByMapping"), usedByMapping},
                        {QStringLiteral("failure"), isFailure()},
                        {QStringLiteral("message"), description()}};
}

bool ShapeDifference::operator==(const ShapeDifference& other) const
{
    return path == other.path && change == other.change && before == other.before && after == other.after
           && usedByMapping == other.usedByMapping;
}
