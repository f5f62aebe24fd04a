#include "TokenEncoder.h"

#include "format/JsonString.h"
#include "format/Utf8.h"

#include <QUrl>

#include <cstring>

namespace {

const char hexDigits[] = "0123456789ABCDEF";

inline bool formKeeps(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
           || c == '_' || c == '*';
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
            i += Utf8::writeChar(s, i, n, p);
        }
    }
    return p;
}

char* writeFormUrl(char* p, QStringView text)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    for (qsizetype i = 0; i < n;) {
        char bytes[4];
        char* b = bytes;
        i += Utf8::writeChar(s, i, n, b);
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
// above; the encoder test checks every row against the bytes actually written. An ASCII
// character takes asciiSize(c) bytes, every byte of a longer UTF-8 sequence perByte.
template <typename AsciiSize>
qsizetype encodedSize(QStringView text, AsciiSize asciiSize, qsizetype perByte)
{
    const qsizetype n = text.size();
    const QChar* s = text.data();
    qsizetype size = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x80) {
            size += asciiSize(c);
        } else if (c < 0x800) {
            size += 2 * perByte;
        } else if (Utf8::isPairAt(s, i, n)) {
            size += 4 * perByte;
            ++i;
        } else {
            size += 3 * perByte;
        }
    }
    return size;
}

qsizetype utf8Size(QStringView text)
{
    return encodedSize(
        text, [](char16_t) { return 1; }, 1);
}

qsizetype formUrlSize(QStringView text)
{
    return encodedSize(
        text, [](char16_t c) { return formKeeps(uchar(c)) || c == ' ' ? 1 : 3; }, 3);
}

} // namespace

void TokenEncoder::appendUrlComponent(QString& out, const QString& text)
{
    // RFC 3986 unreserved characters stay, every other UTF-8 byte is %XX.
    out += QLatin1String(QUrl::toPercentEncoding(text));
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
            return JsonString::size(value.text, JsonString::Style::Payload);
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
            return JsonString::write(p, value.text, JsonString::Style::Payload);
        case TokenValue::Kind::Number:
        case TokenValue::Kind::Boolean:
            return writeUtf8(p, value.text);
        }
    }
    return p;
}

void TokenEncoder::appendBody(QByteArray& out, const TokenValue& value, TokenEncoding encoding)
{
    const qsizetype old = out.size();
    out.resize(old + bodySize(value, encoding));
    char* end = writeBody(out.data() + old, value, encoding);
    Q_ASSERT(end == out.constData() + out.size());
    Q_UNUSED(end);
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
    JsonString::append(out, text, JsonString::Style::Payload);
    return out;
}

QByteArray TokenEncoder::formUrl(QStringView text)
{
    QByteArray out(formUrlSize(text), Qt::Uninitialized);
    writeFormUrl(out.data(), text);
    return out;
}

QString TokenEncoder::urlComponent(QStringView text)
{
    QString out;
    appendUrlComponent(out, text.toString());
    return out;
}
