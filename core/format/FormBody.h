#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// Reading an application/x-www-form-urlencoded body: name=value pairs joined by '&',
// '+' for a space, then percent-decoding.
class FormBody
{
public:
    // The pairs in order, names and values decoded to (UTF-8) bytes. A pair without '='
    // has an empty value; empty pairs ("a=1&&b=2", a trailing '&') are skipped.
    static QList<QPair<QByteArray, QByteArray>> decode(const QByteArray& body);
};
