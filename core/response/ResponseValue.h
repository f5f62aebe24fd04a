#pragma once

#include <QByteArray>
#include <QString>

// What a response path found in a response: nothing, a scalar with its value, or the
// kind of a container (objects, arrays and XML elements with child elements are never
// written to a lead field, so only their kind is kept).
struct ResponseValue
{
    enum class Kind { Missing, String, Number, Bool, Null, Object, Array };

    Kind kind = Kind::Missing;
    QString string;        // String: the decoded text (for XML, the element's text)
    double number = 0;     // Number; may be infinite when the literal is out of range
    QByteArray numberText; // Number: the literal as written, exact beyond 2^53
    bool boolean = false;  // Bool

    bool found() const { return kind != Kind::Missing; }
    // "missing", "string", "number", "boolean", "null", "object", "array".
    static QString kindName(Kind kind);
};
