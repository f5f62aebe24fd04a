#pragma once

#include "model/WebhookTypes.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

// The shape of one response: every path a response mapping could name, with the type of
// what is there. A webhook keeps one as its baseline ("baseline" in the workspace file)
// so a later response that drops or retypes a path is noticed.
//
// Paths are written as response mappings write them: `data.company.name`; a JSON array
// contributes its elements under `[0]` (`results[0].id`), merged over all elements; XML
// elements are named without an index, attributes as `element@name`.
// Types: JSON "object", "array", "string", "number", "boolean", "null"; XML "element"
// (has child elements), "text" (text only, or empty), "attribute". A path whose type
// differs between elements holds them joined by "|", sorted: "null|string".
struct ResponseShape
{
    ResponseType syntax = ResponseType::Json; // Json or Xml
    QMap<QString, QString> paths;
    // Unknown keys of the file's "baseline", kept on save; not part of the shape, so not
    // compared.
    QJsonObject extra;

    bool isEmpty() const { return paths.isEmpty(); }
    bool operator==(const ResponseShape& other) const { return syntax == other.syntax && paths == other.paths; }
    bool operator!=(const ResponseShape& other) const { return !(*this == other); }
};
