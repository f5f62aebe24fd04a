#pragma once

#include "checks/ShapeDifference.h"
#include "model/ResponseShape.h"
#include "model/Webhook.h"

#include <QList>

// Compares a response's shape with the baseline the user accepted.
//
// A path is Removed when the baseline has it and the response does not, Added the other
// way round, and Retyped when the response holds a type there the baseline never saw (a
// response that shows fewer of the baseline's types, "string" for "null|string", has not
// drifted: one answer rarely shows every case). Paths below an array element (`items[0].id`)
// are not called removed when the response's array is empty: nothing says they are gone.
//
// A mapping uses a path when its attribute, spelled as a shape path (JSON indexes as [0],
// XML indexes dropped), is that path or lies below it: removing or retyping `data` breaks
// the mapping of `data.company` as surely as removing `data.company` does. Paths below a
// mapped attribute are not used by it, since Marketo writes only a scalar found at the
// attribute itself (and a scalar turned object shows as the attribute's own retyping).
class ShapeDrift
{
public:
    // Sorted by path.
    static QList<ShapeDifference>
    compare(const ResponseShape& baseline, const ResponseShape& actual, const QList<ResponseMapping>& mappings);

    // The attribute spelled as a shape path, or empty when it is not a valid path.
    static QString shapePath(const QString& attribute, ResponseType syntax);
};
