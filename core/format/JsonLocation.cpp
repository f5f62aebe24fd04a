#include "JsonLocation.h"

#include "format/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Finds where a JSON path's value starts in a document QJsonDocument has already
// accepted, by scanning the bytes: QJsonDocument keeps no positions. Only used to locate
// an error, so one linear pass is fine. Falls back to the deepest part of the path that
// exists (a missing key points at its object). Iterative, so deep nesting cannot
// overflow the stack, and bounds-checked everywhere.
class JsonLocator
{
public:
    explicit JsonLocator(const QByteArray& bytes) : m_bytes(bytes) { }

    qsizetype locate(const QList<JsonPathPart>& path)
    {
        m_pos = 0;
        skipSpace();
        qsizetype best = m_pos;
        for (const JsonPathPart& part : path) {
            if (!(part.index >= 0 ? enterArray(part.index) : enterObject(part.key))) {
                break;
            }
            best = m_pos;
        }
        return best;
    }

private:
    bool atEnd() const { return m_pos >= m_bytes.size(); }
    char peek() const { return atEnd() ? '\0' : m_bytes[m_pos]; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++m_pos;
        }
    }

    // At an opening quote: moves past the closing quote.
    void skipString()
    {
        ++m_pos;
        while (!atEnd()) {
            const char c = m_bytes[m_pos++];
            if (c == '\\') {
                ++m_pos;
            } else if (c == '"') {
                return;
            }
        }
    }

    QString readString()
    {
        const qsizetype start = m_pos;
        skipString();
        const qsizetype end = qMin(m_pos, m_bytes.size());
        // Let QJsonDocument decode the escapes: the literal is valid JSON here.
        const QByteArray literal = '[' + m_bytes.mid(start, end - start) + ']';
        const QJsonDocument doc = QJsonDocument::fromJson(literal);
        return doc.array().at(0).toString();
    }

    void skipValue()
    {
        skipSpace();
        if (peek() == '"') {
            skipString();
            return;
        }
        if (peek() == '{' || peek() == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char c = peek();
                if (c == '"') {
                    skipString();
                    continue;
                }
                ++m_pos;
                if (c == '{' || c == '[') {
                    ++depth;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return;
                }
            }
            return;
        }
        while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']') {
            ++m_pos;
        }
    }

    bool enterArray(int index)
    {
        skipSpace();
        if (peek() != '[') {
            return false;
        }
        ++m_pos;
        for (int i = 0; i < index; ++i) {
            skipSpace();
            if (atEnd() || peek() == ']') {
                return false;
            }
            skipValue();
            skipSpace();
            if (peek() != ',') {
                return false;
            }
            ++m_pos;
        }
        skipSpace();
        return !atEnd() && peek() != ']';
    }

    bool enterObject(const QString& key)
    {
        skipSpace();
        if (peek() != '{') {
            return false;
        }
        const qsizetype objectStart = m_pos;
        ++m_pos;
        while (true) {
            skipSpace();
            if (peek() != '"') {
                m_pos = objectStart;
                return false;
            }
            const QString name = readString();
            skipSpace();
            if (peek() != ':') {
                m_pos = objectStart;
                return false;
            }
            ++m_pos;
            skipSpace();
            if (name == key) {
                return true;
            }
            skipValue();
            skipSpace();
            if (peek() != ',') {
                m_pos = objectStart;
                return false;
            }
            ++m_pos;
        }
    }

    const QByteArray& m_bytes;
    qsizetype m_pos = 0;
};

bool isPlainKey(const QString& key)
{
    if (key.isEmpty()) {
        return false;
    }
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'))) {
            return false;
        }
    }
    return true;
}

} // namespace

QString JsonLocation::pathString(const QList<JsonPathPart>& path)
{
    QString out;
    for (const JsonPathPart& part : path) {
        if (part.index >= 0) {
            out += QLatin1Char('[') + QString::number(part.index) + QLatin1Char(']');
        } else if (isPlainKey(part.key)) {
            if (!out.isEmpty()) {
                out += QLatin1Char('.');
            }
            out += part.key;
        } else {
            // Lead keys are display names with spaces: keep the path unambiguous.
            QByteArray literal;
            JsonWriter::appendString(literal, part.key);
            out += QLatin1Char('[') + QString::fromUtf8(literal) + QLatin1Char(']');
        }
    }
    return out;
}

void JsonLocation::lineColumn(const QByteArray& bytes, qsizetype offset, int* line, int* column)
{
    offset = qBound(qsizetype(0), offset, bytes.size());
    int l = 1;
    int c = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b == '\n') {
            ++l;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            ++c;
        }
    }
    *line = l;
    *column = c;
}

qsizetype JsonLocation::offsetOf(const QByteArray& bytes, const QList<JsonPathPart>& path)
{
    JsonLocator locator(bytes);
    return locator.locate(path);
}
