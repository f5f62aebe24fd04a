#include "JsonString.h"

#include "format/Utf8.h"

#include <cstring>

namespace {

constexpr bool isDocument(JsonString::Style style)
{
    return style == JsonString::Style::Document;
}

// Both loops are specialised per style: the payload one runs for every string token of
// every rendered lead.
template <JsonString::Style style>
qsizetype sizeOf(QStringView text)
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

template <JsonString::Style style>
char* writeTo(char* p, QStringView text)
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

} // namespace

qsizetype JsonString::size(QStringView text, Style style)
{
    return isDocument(style) ? sizeOf<Style::Document>(text) : sizeOf<Style::Payload>(text);
}

char* JsonString::write(char* p, QStringView text, Style style)
{
    return isDocument(style) ? writeTo<Style::Document>(p, text) : writeTo<Style::Payload>(p, text);
}

void JsonString::append(QByteArray& out, QStringView text, Style style)
{
    const qsizetype old = out.size();
    out.resize(old + size(text, style));
    char* end = write(out.data() + old, text, style);
    Q_ASSERT(end == out.constData() + out.size());
    Q_UNUSED(end);
}
