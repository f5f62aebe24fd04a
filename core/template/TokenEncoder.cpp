#include "TokenEncoder.h"

#include <cstring>

namespace {

const char hexDigits[] = "0123456789ABCDEF";

// Encodes one code point starting at s[i] as UTF-8; a lone surrogate becomes U+FFFD, as
// QString::toUtf8() does. Returns the number of QChars consumed.
inline int utf8(const QChar* s, qsizetype i, qsizetype n, char*& p)
{
    char32_t u = s[i].unicode();
    int used = 1;
    if (QChar::isHighSurrogate(u) && i + 1 < n && QChar::isLowSurrogate(s[i + 1].unicode())) {
        u = QChar::surrogateToUcs4(char16_t(u), s[i + 1].unicode());
        used = 2;
    } else if (QChar::isSurrogate(u)) {
        u = 0xFFFD;
    }
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
    return used;
}

inline bool formKeeps(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
           || c == '_' || c == '*';
}

inline bool urlKeeps(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
           || c == '_' || c == '~';
}

char* writeUtf8(char* p, QStringView text)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    for (qsizetype i = 0; i < n;) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            *p++ = char(c);
            ++i;
        } else {
            i += utf8(s, i, n, p);
        }
    }
    return p;
}

char* writeJsonString(char* p, QStringView text)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    *p++ = '"';
    for (qsizetype i = 0; i < n;) {
        const char16_t c = s[i].unicode();
        if (c >= 0x80) {
            i += utf8(s, i, n, p);
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
            *p++ = hexDigits[c >> 4];
            *p++ = hexDigits[c & 0xF];
            break;
        }
    }
    *p++ = '"';
    return p;
}

char* writeFormUrl(char* p, QStringView text)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    for (qsizetype i = 0; i < n;) {
        char bytes[4];
        char* b = bytes;
        i += utf8(s, i, n, b);
        for (char* q = bytes; q < b; ++q) {
            const uchar c = uchar(*q);
            if (formKeeps(c)) {
                *p++ = char(c);
            } else if (c == ' ') {
                *p++ = '+';
            } else {
                *p++ = '%';
                *p++ = hexDigits[c >> 4];
                *p++ = hexDigits[c & 0xF];
            }
        }
    }
    return p;
}

// Exact sizes, so a body is allocated once at its final size. Each mirrors its writer
// above; the encoder test checks every row against the bytes actually written.
qsizetype utf8Size(QStringView text)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    qsizetype size = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            size += 1;
        } else if (c < 0x800) {
            size += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1].unicode())) {
            size += 4;
            ++i;
        } else {
            size += 3;
        }
    }
    return size;
}

qsizetype jsonStringSize(QStringView text)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    qsizetype size = 2;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c >= 0x80) {
            if (c < 0x800) {
                size += 2;
            } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1].unicode())) {
                size += 4;
                ++i;
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

qsizetype formUrlSize(QStringView text)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    qsizetype size = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            size += formKeeps(uchar(c)) || c == ' ' ? 1 : 3;
        } else if (c < 0x800) {
            size += 6;
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1].unicode())) {
            size += 12;
            ++i;
        } else {
            size += 9;
        }
    }
    return size;
}

// Appends exactly `size` bytes through a writer.
template <typename Writer>
void appendWith(QByteArray& out, qsizetype size, Writer write)
{
    const qsizetype old = out.size();
    out.resize(old + size);
    char* end = write(out.data() + old);
    Q_ASSERT(end == out.constData() + out.size());
    Q_UNUSED(end);
}

} // namespace

void TokenEncoder::appendUtf8(QByteArray& out, QStringView text)
{
    appendWith(out, utf8Size(text), [text](char* p) { return writeUtf8(p, text); });
}

void TokenEncoder::appendJsonString(QByteArray& out, QStringView text)
{
    appendWith(out, jsonStringSize(text), [text](char* p) { return writeJsonString(p, text); });
}

void TokenEncoder::appendFormUrl(QByteArray& out, QStringView text)
{
    appendWith(out, formUrlSize(text), [text](char* p) { return writeFormUrl(p, text); });
}

void TokenEncoder::appendUrlComponent(QString& out, QStringView text)
{
    // Tokens in the URL are few and short: simplicity over speed here.
    const QByteArray bytes = text.toUtf8();
    out.reserve(out.size() + 3 * bytes.size());
    for (const char ch : bytes) {
        const uchar c = uchar(ch);
        if (urlKeeps(c)) {
            out += QLatin1Char(char(c));
        } else {
            out += QLatin1Char('%');
            out += QLatin1Char(hexDigits[c >> 4]);
            out += QLatin1Char(hexDigits[c & 0xF]);
        }
    }
}

qsizetype TokenEncoder::bodySize(const TokenValue& value, TokenEncoding encoding)
{
    switch (encoding) {
    case TokenEncoding::None:
        return utf8Size(value.text);
    case TokenEncoding::FormUrl:
        return formUrlSize(value.text);
    case TokenEncoding::Json:
        switch (value.kind) {
        case TokenValue::Kind::Missing:
            return 4;
        case TokenValue::Kind::String:
            return jsonStringSize(value.text);
        case TokenValue::Kind::Number:
        case TokenValue::Kind::Boolean:
            return utf8Size(value.text);
        }
    }
    return 0;
}

char* TokenEncoder::writeBody(char* p, const TokenValue& value, TokenEncoding encoding)
{
    switch (encoding) {
    case TokenEncoding::None:
        return writeUtf8(p, value.text);
    case TokenEncoding::FormUrl:
        return writeFormUrl(p, value.text);
    case TokenEncoding::Json:
        switch (value.kind) {
        case TokenValue::Kind::Missing:
            std::memcpy(p, "null", 4);
            return p + 4;
        case TokenValue::Kind::String:
            return writeJsonString(p, value.text);
        case TokenValue::Kind::Number:
        case TokenValue::Kind::Boolean:
            return writeUtf8(p, value.text);
        }
    }
    return p;
}

void TokenEncoder::appendBody(QByteArray& out, const TokenValue& value, TokenEncoding encoding)
{
    appendWith(out, bodySize(value, encoding), [&](char* p) { return writeBody(p, value, encoding); });
}

QByteArray TokenEncoder::encodeBody(const TokenValue& value, TokenEncoding encoding)
{
    QByteArray out;
    appendBody(out, value, encoding);
    return out;
}

QByteArray TokenEncoder::jsonString(QStringView text)
{
    QByteArray out;
    appendJsonString(out, text);
    return out;
}

QByteArray TokenEncoder::formUrl(QStringView text)
{
    QByteArray out;
    appendFormUrl(out, text);
    return out;
}

QString TokenEncoder::urlComponent(QStringView text)
{
    QString out;
    appendUrlComponent(out, text);
    return out;
}
