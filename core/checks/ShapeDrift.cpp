#include "ShapeDrift.h"

#include "response/ResponsePath.h"

#include <QSet>

namespace {

QSet<QString> typeSet(const QString& types)
{
    const QStringList names = types.split(QLatin1Char('|'), Qt::SkipEmptyParts);
    return QSet<QString>(names.cbegin(), names.cend());
}

// Whether `path` lies below the elements of an array the response has but holds empty:
// `items[0].id` when the response's `items` is [].
bool belowEmptyArray(const QString& path, const ResponseShape& actual)
{
    const QString element = QStringLiteral("[0]");
    for (qsizetype at = path.indexOf(element); at >= 0; at = path.indexOf(element, at + 1)) {
        const QString array = path.left(at);
        if (actual.paths.contains(array) && !actual.paths.contains(array + element)) {
            return true;
        }
    }
    return false;
}

// Whether `path` is `ancestor` or lies below it: `data.company` below `data`, `items[0]`
// below `items`; not `database` below `data`.
bool isAtOrBelow(const QString& path, const QString& ancestor)
{
    if (!path.startsWith(ancestor)) {
        return false;
    }
    if (path.size() == ancestor.size()) {
        return true;
    }
    const QChar next = path.at(ancestor.size());
    return next == QLatin1Char('.') || next == QLatin1Char('[') || next == QLatin1Char('@');
}

} // namespace

QString ShapeDrift::shapePath(const QString& attribute, ResponseType syntax)
{
    const bool xml = syntax == ResponseType::Xml;
    const ResponsePath path =
        ResponsePath::parse(attribute, xml ? ResponsePath::Syntax::Xml : ResponsePath::Syntax::Json);
    if (!path.isValid() || path.steps().isEmpty()) {
        return {};
    }
    QString out;
    for (const ResponsePathStep& step : path.steps()) {
        if (!out.isEmpty()) {
            out += QLatin1Char('.');
        }
        out += step.key;
        // JSON elements all merge under [0]; XML siblings merge under their name.
        if (!xml) {
            for (qsizetype i = 0; i < step.indexes.size(); ++i) {
                out += QStringLiteral("[0]");
            }
        }
    }
    return out;
}

QList<ShapeDifference>
ShapeDrift::compare(const ResponseShape& baseline, const ResponseShape& actual, const QList<ResponseMapping>& mappings)
{
    QStringList used;
    for (const ResponseMapping& mapping : mappings) {
        const QString path = shapePath(mapping.attribute, baseline.syntax);
        if (!path.isEmpty()) {
            used.append(path);
        }
    }
    const auto usedByMapping = [&used](const QString& path) {
        for (const QString& mapped : std::as_const(used)) {
            if (isAtOrBelow(mapped, path)) {
                return true;
            }
        }
        return false;
    };

    QList<ShapeDifference> out;
    // Both maps are sorted: one merge walk gives the differences in path order.
    auto b = baseline.paths.constBegin();
    auto a = actual.paths.constBegin();
    while (b != baseline.paths.constEnd() || a != actual.paths.constEnd()) {
        ShapeDifference d;
        bool differs = true;
        if (a == actual.paths.constEnd() || (b != baseline.paths.constEnd() && b.key() < a.key())) {
            // An empty array in the response says nothing about what its elements hold.
            differs = !belowEmptyArray(b.key(), actual);
            d.path = b.key();
            d.change = ShapeDifference::Change::Removed;
            d.before = b.value();
            ++b;
        } else if (b == baseline.paths.constEnd() || a.key() < b.key()) {
            d.path = a.key();
            d.change = ShapeDifference::Change::Added;
            d.after = a.value();
            ++a;
        } else {
            differs = !typeSet(b.value()).contains(typeSet(a.value()));
            d.path = b.key();
            d.change = ShapeDifference::Change::Retyped;
            d.before = b.value();
            d.after = a.value();
            ++a;
            ++b;
        }
        if (differs) {
            d.usedByMapping = usedByMapping(d.path);
            out.append(d);
        }
    }
    return out;
}
