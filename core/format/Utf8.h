#pragma once

#include <QByteArrayView>
#include <QChar>

// UTF-8 as the engine reads and writes it: one validator (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF) and one encoder. Inline, because the JSON scanner
// and the renderer call them for every non-ASCII character.
namespace Utf8 {

// Length of the well-formed sequence at p (1 for ASCII), or 0 when the bytes there are
// not valid UTF-8. Never reads at or past `end`.
inline int sequenceLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned char c = p[0];
    if (c < 0x80) {
        return 1;
    }
    const auto cont = [&](int i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return p + i < end && p[i] >= lo && p[i] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) {
        return cont(1) ? 2 : 0;
    }
    if (c == 0xE0) {
        return cont(1, 0xA0) && cont(2) ? 3 : 0;
    }
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
        return cont(1) && cont(2) ? 3 : 0;
    }
    if (c == 0xED) {
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    }
    if (c == 0xF0) {
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    }
    if (c >= 0xF1 && c <= 0xF3) {
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    }
    if (c == 0xF4) {
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

inline bool isValid(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        const int n = sequenceLength(p, end);
        if (n == 0) {
            return false;
        }
        p += n;
    }
    return true;
}

// Writes a code point (at most U+10FFFF) at p; returns the new end.
inline char* writeCodePoint(char* p, char32_t u)
{
    if (u < 0x80) {
        *p++ = char(u);
    } else if (u < 0x800) {
        *p++ = char(0xC0 | (u >> 6));
        *p++ = char(0x80 | (u & 0x3F));
    } else if (u < 0x10000) {
        *p++ = char(0xE0 | (u >> 12));
        *p++ = char(0x80 | ((u >> 6) & 0x3F));
        *p++ = char(0x80 | (u & 0x3F));
    } else {
        *p++ = char(0xF0 | (u >> 18));
        *p++ = char(0x80 | ((u >> 12) & 0x3F));
        *p++ = char(0x80 | ((u >> 6) & 0x3F));
        *p++ = char(0x80 | (u & 0x3F));
    }
    return p;
}

// Whether s[i] starts a surrogate pair, for the encoders' size calculations.
inline bool isPairAt(const QChar* s, qsizetype i, qsizetype n)
{
    return QChar::isHighSurrogate(s[i].unicode()) && i + 1 < n && QChar::isLowSurrogate(s[i + 1].unicode());
}

// Encodes the character starting at s[i] and advances p past it; a lone surrogate
// becomes `loneSurrogate` (U+FFFD by default). Returns the number of QChars consumed.
inline int writeChar(const QChar* s, qsizetype i, qsizetype n, char*& p, char32_t loneSurrogate = 0xFFFD)
{
    char32_t u = s[i].unicode();
    if (isPairAt(s, i, n)) {
        p = writeCodePoint(p, QChar::surrogateToUcs4(char16_t(u), s[i + 1].unicode()));
        return 2;
    }
    p = writeCodePoint(p, QChar::isSurrogate(u) ? loneSurrogate : u);
    return 1;
}

} // namespace Utf8
