#pragma once

#include "model/ResponseShape.h"
#include "model/WebhookTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

// Reads the shape of a response body (ResponseShape): every path with the type found
// there, spelled as response mappings spell them, so a mapping's attribute can be looked
// up in it. One streaming pass over the bytes, without a DOM: a 50 MB body takes about
// as long as the mapping evaluator's scan of it.
//
// JSON: the root value has no path; object members are `parent.key`, array elements are
// merged under `parent[0]` whatever their position (a root array's under `[0]`), so a
// path's type is the union of the types of all elements there, joined by "|" in
// alphabetical order. An empty array contributes its own path only.
// XML: the root element is the first step, child elements follow without an index (all
// same-named siblings merge), attributes are `element@name`; names are written as in the
// document, prefix included, and namespace declarations are not attributes.
//
// Paths deeper than maxDepth steps are read (the body is still checked) but not kept: the
// text of such paths grows with the square of the depth, and no mapping reaches there.
//
// A body that is not well-formed JSON or XML (or a ResponseType of None) gives nullopt
// and the reason, with its place, in *error.
class ShapeExtractor
{
public:
    static constexpr int maxDepth = 128;
    // Nesting deeper than this is refused: each open level costs memory, so a body of
    // nothing but '[' would otherwise take many times its own size.
    static constexpr int maxNesting = 10000;

    static std::optional<ResponseShape> extract(const QByteArray& body, ResponseType type, QString* error = nullptr);

    Q_DECLARE_TR_FUNCTIONS(ShapeExtractor) // last: it ends in private:
};
