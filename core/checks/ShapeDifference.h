#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// One way a response's shape differs from the webhook's baseline.
struct ShapeDifference
{
    enum class Change { Removed, Added, Retyped };

    QString path;
    Change change = Change::Added;
    QString before; // the baseline's type; empty when Added
    QString after;  // the response's type; empty when Removed
    // A response mapping reads this path or a path below it (see ShapeDrift).
    bool usedByMapping = false;

    // A removed or retyped path a mapping uses stops the field being written: a failure.
    // Everything else is a warning.
    bool isFailure() const;

    // "removed", "added", "retyped"
    static QString changeName(Change change);
    // In words, for the user: "data.company was removed (it was a string); the mapping to
    // it writes nothing now".
    QString description() const;
    // {"path","change","before","after","usedByMapping","failure","message"}
    QJsonObject toJson() const;

    bool operator==(const ShapeDifference& other) const;
    bool operator!=(const ShapeDifference& other) const { return !(*this == other); }

    Q_DECLARE_TR_FUNCTIONS(ShapeDifference) // last: it ends in private:
};
