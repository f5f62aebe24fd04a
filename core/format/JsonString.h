#pragma once

#include <QByteArray>
#include <QStringView>

// The one JSON string escaper: `"`, `\` and control characters are escaped (\b \f \n \r
// \t, others \u00XX), everything else goes out as UTF-8. Two styles, because two readers
// depend on the bytes:
//   Payload   what Marketo sends in a request body: \u00XX upper case, a lone surrogate
//             becomes U+FFFD.
//   Document  the workspace file: \u00xx lower case, U+FEFF escaped (Qt's reader drops
//             a raw one at the start of a string or key), a lone surrogate becomes '?'
//             as QString::toUtf8() writes it; saved files keep the bytes they always had.
// size() is exactly what write() writes, so a caller can allocate a body once.
class JsonString
{
public:
    enum class Style { Payload, Document };

    static qsizetype size(QStringView text, Style style);
    // Writes the literal, quotes included, at p; returns the new end.
    static char* write(char* p, QStringView text, Style style);
    static void append(QByteArray& out, QStringView text, Style style);
};
