#pragma once

#include "format/Utf8.h"

#include <QByteArray>
#include <QStringView>

#include <cstring>

enum class JsonStringStyle { Payload, Document };

// The loops, one per style, inline: the payload one runs for every string token of every
// rendered lead.
namespace JsonStringDetail {

constexpr bool isDocument(JsonStringStyle style)
{
    return style == JsonStringStyle::Document;
}

template <JsonStringStyle style>
inline qsizetype sizeOf(QStringView text)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    qsizetype size = 2;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c >= 0x80) {
            if (c < 0x800) {
                size += 2;
            } else if (Utf8::isPairAt(s, i, n)) {
                size += 4;
                ++i;
            } else if (isDocument(style) && (c == 0xFEFF)) {
                size += 6;
            } else if (isDocument(style) && QChar::isSurrogate(c)) {
                size += 1;
            } else {
                size += 3;
            }
        } else if (c >= 0x20 && c != '"' && c != '\\') {
            size += 1;
        } else if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
            size += 2;
        } else {
            size += 6;
        }
    }
    return size;
}

template <JsonStringStyle style>
inline char* writeTo(char* p, QStringView text)
{
    const char* hex = isDocument(style) ? "0123456789abcdef" : "0123456789ABCDEF";
    const qsizetype n = text.size();
    const QChar* s = text.data();
    *p++ = '"';
    for (qsizetype i = 0; i < n;) {
        const char16_t c = s[i].unicode();
        if (c >= 0x80) {
            if (isDocument(style) && c == 0xFEFF) {
                std::memcpy(p, "\\ufeff", 6);
                p += 6;
                ++i;
                continue;
            }
            i += Utf8::writeChar(s, i, n, p, isDocument(style) ? U'?' : U'\uFFFD');
            continue;
        }
        ++i;
        if (c >= 0x20 && c != '"' && c != '\\') {
            *p++ = char(c);
            continue;
        }
        *p++ = '\\';
        switch (c) {
        case '"':
            *p++ = '"';
            break;
        case '\\':
            *p++ = '\\';
            break;
        case '\n':
            *p++ = 'n';
            break;
        case '\r':
            *p++ = 'r';
            break;
        case '\t':
            *p++ = 't';
            break;
        case '\b':
            *p++ = 'b';
            break;
        case '\f':
            *p++ = 'f';
            break;
        default:
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 0xF];
            break;
        }
    }
    *p++ = '"';
    return p;
}

} // namespace JsonStringDetail

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
    using Style = JsonStringStyle;

    static qsizetype size(QStringView text, Style style)
    {
        using namespace JsonStringDetail;
        return isDocument(style) ? sizeOf<Style::Document>(text) : sizeOf<Style::Payload>(text);
    }
    // Writes the literal, quotes included, at p; returns the new end.
    static char* write(char* p, QStringView text, Style style)
    {
        using namespace JsonStringDetail;
        return isDocument(style) ? writeTo<Style::Document>(p, text) : writeTo<Style::Payload>(p, text);
    }
    static void append(QByteArray& out, QStringView text, Style style);
};
