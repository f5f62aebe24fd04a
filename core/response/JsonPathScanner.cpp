#include "JsonPathScanner.h"

#include "format/Utf8.h"

#include <array>
#include <cmath>
#include <cstring>
#include <string>

namespace {
// Byte classes inside a JSON string. A table lookup keeps the hot loop (plain ASCII
// text, which is most of any real response) to one load and one branch per byte.
enum : unsigned char { Plain = 0, Special = 1 };

constexpr std::array<unsigned char, 256> makeStringTable()
{
    std::array<unsigned char, 256> t {};
    for (int i = 0; i < 256; ++i) {
        t[i] = (i < 0x20 || i == '"' || i == '\\' || i >= 0x80) ? Special : Plain;
    }
    return t;
}
constexpr std::array<unsigned char, 256> stringTable = makeStringTable();

inline bool isWhitespace(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

inline int hexValue(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

inline unsigned hex4(const unsigned char* p)
{
    return unsigned(hexValue(p[0]) << 12 | hexValue(p[1]) << 8 | hexValue(p[2]) << 4 | hexValue(p[3]));
}

// Decodes the body of a string the scanner has already validated. Lone surrogates,
// which are valid JSON syntax but no character, become U+FFFD.
void decodeString(const unsigned char* p, const unsigned char* end, std::string& out)
{
    out.clear();
    while (p < end) {
        const unsigned char* run = p;
        while (p < end && *p != '\\') {
            ++p;
        }
        out.append(reinterpret_cast<const char*>(run), size_t(p - run));
        if (p >= end) {
            break;
        }
        const unsigned char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            unsigned cp = hex4(p);
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                    const unsigned low = hex4(p + 2);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        p += 6;
                    } else {
                        cp = 0xFFFD;
                    }
                } else {
                    cp = 0xFFFD;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            char bytes[4];
            out.append(bytes, size_t(Utf8::writeCodePoint(bytes, cp) - bytes));
            break;
        }
        default: // '"', '\\', '/'
            out += char(e);
            break;
        }
    }
}

QString describeByte(unsigned char c)
{
    if (c >= 0x21 && c < 0x7F) {
        return QStringLiteral("'%1'").arg(QLatin1Char(char(c)));
    }
    return QStringLiteral("byte 0x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
}

struct Frame
{
    bool array;
    int node;     // trie node whose children may match inside, or -1
    qint64 index; // arrays: index of the current element
};
} // namespace

JsonPathScanner::JsonPathScanner(const QList<ResponsePath>& paths)
{
    m_nodes.emplace_back();
    m_values.resize(paths.size());
    for (int i = 0; i < paths.size(); ++i) {
        const ResponsePath& path = paths.at(i);
        if (!path.isValid() || path.syntax() != ResponsePath::Syntax::Json || path.steps().isEmpty()) {
            continue;
        }
        int node = 0;
        for (const ResponsePathStep& step : path.steps()) {
            node = addChild(node, step.key.toUtf8());
            for (int index : step.indexes) {
                node = addIndexChild(node, index);
            }
        }
        m_nodes[size_t(node)].paths.push_back(i);
    }
    // Every node learns the paths below it, so a duplicate key can forget what an
    // earlier occurrence found.
    for (size_t n = m_nodes.size(); n-- > 0;) {
        Node& node = m_nodes[n];
        node.subtreePaths = node.paths;
        for (const auto& [key, child] : node.keys) {
            const auto& sub = m_nodes[size_t(child)].subtreePaths;
            node.subtreePaths.insert(node.subtreePaths.end(), sub.begin(), sub.end());
        }
        for (const auto& [index, child] : node.indexes) {
            const auto& sub = m_nodes[size_t(child)].subtreePaths;
            node.subtreePaths.insert(node.subtreePaths.end(), sub.begin(), sub.end());
        }
    }
}

int JsonPathScanner::addChild(int node, const QByteArray& key)
{
    const int existing = keyChild(node, key);
    if (existing >= 0) {
        return existing;
    }
    m_nodes.emplace_back();
    const int child = int(m_nodes.size() - 1);
    m_nodes[size_t(node)].keys.emplace_back(key, child);
    return child;
}

int JsonPathScanner::addIndexChild(int node, qint64 index)
{
    const int existing = indexChild(node, index);
    if (existing >= 0) {
        return existing;
    }
    m_nodes.emplace_back();
    const int child = int(m_nodes.size() - 1);
    m_nodes[size_t(node)].indexes.emplace_back(index, child);
    return child;
}

int JsonPathScanner::keyChild(int node, const QByteArray& key) const
{
    for (const auto& [k, child] : m_nodes[size_t(node)].keys) {
        if (k == key) {
            return child;
        }
    }
    return -1;
}

int JsonPathScanner::indexChild(int node, qint64 index) const
{
    for (const auto& [i, child] : m_nodes[size_t(node)].indexes) {
        if (i == index) {
            return child;
        }
    }
    return -1;
}

void JsonPathScanner::setError(const char* begin, const char* at, qsizetype size, const QString& what)
{
    m_errorOffset = at - begin;
    // Line and column are counted only here, once, so the happy path never pays for them.
    qsizetype line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < m_errorOffset && i < size; ++i) {
        if (begin[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    m_error = QStringLiteral("Invalid JSON at byte %1 (line %2, column %3): %4")
                  .arg(m_errorOffset)
                  .arg(line)
                  .arg(m_errorOffset - lineStart + 1)
                  .arg(what);
    for (ResponseValue& v : m_values) {
        v = ResponseValue();
    }
}

bool JsonPathScanner::scan(const QByteArray& json)
{
    return scan(json.constData(), json.size());
}

bool JsonPathScanner::scan(const char* data, qsizetype size)
{
    for (ResponseValue& v : m_values) {
        v = ResponseValue();
    }
    m_error.clear();
    m_errorOffset = -1;

    const auto* const begin = reinterpret_cast<const unsigned char*>(data);
    const unsigned char* const end = begin + size;
    const unsigned char* p = begin;
    const auto fail = [&](const unsigned char* at, const QString& what) {
        setError(data, reinterpret_cast<const char*>(at), size, what);
        return false;
    };
    const auto found = [&](const unsigned char* at) {
        return at >= end ? QStringLiteral("the end of the response") : describeByte(*at);
    };

    if (size >= 3 && begin[0] == 0xEF && begin[1] == 0xBB && begin[2] == 0xBF) {
        p += 3; // a UTF-8 byte order mark is tolerated, as most JSON readers do
    }
    while (p < end && isWhitespace(*p)) {
        ++p;
    }
    if (p >= end) {
        return fail(p, QStringLiteral("the response is empty"));
    }

    std::vector<Frame> frames;
    frames.reserve(64);
    std::string scratch;

    // Scans a string starting after its opening quote; leaves p after the closing quote.
    const unsigned char* strBegin = nullptr;
    const unsigned char* strEnd = nullptr;
    bool strEscaped = false;
    const auto scanString = [&]() -> bool {
        const unsigned char* const open = p - 1;
        strBegin = p;
        strEscaped = false;
        for (;;) {
            while (p < end && stringTable[*p] == Plain) {
                ++p;
            }
            if (p >= end) {
                return fail(open, QStringLiteral("a string that starts here is never closed"));
            }
            const unsigned char c = *p;
            if (c == '"') {
                strEnd = p++;
                return true;
            }
            if (c == '\\') {
                strEscaped = true;
                if (p + 1 >= end) {
                    return fail(p, QStringLiteral("a backslash escape is cut off by the end of the response"));
                }
                const unsigned char e = p[1];
                if (e == 'u') {
                    if (end - p < 6 || hexValue(p[2]) < 0 || hexValue(p[3]) < 0 || hexValue(p[4]) < 0
                        || hexValue(p[5]) < 0) {
                        return fail(p, QStringLiteral("\\u must be followed by four hexadecimal digits"));
                    }
                    p += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                           || e == 't') {
                    p += 2;
                } else {
                    return fail(p, QStringLiteral("\\%1 is not a valid escape in a JSON string").arg(found(p + 1)));
                }
                continue;
            }
            if (c < 0x20) {
                return fail(
                    p, QStringLiteral("a control character (%1) must be escaped inside a string").arg(describeByte(c)));
            }
            const int n = Utf8::sequenceLength(p, end);
            if (n == 0) {
                return fail(p, QStringLiteral("invalid UTF-8 (%1) inside a string").arg(describeByte(c)));
            }
            p += n;
        }
    };
    const auto stringValue = [&]() {
        if (!strEscaped) {
            return QString::fromUtf8(reinterpret_cast<const char*>(strBegin), strEnd - strBegin);
        }
        decodeString(strBegin, strEnd, scratch);
        return QString::fromStdString(scratch);
    };
    const auto record = [&](int node, const ResponseValue& value) {
        for (int path : m_nodes[size_t(node)].paths) {
            m_values[path] = value;
        }
    };

    enum class State { Value, AfterValue, Key };
    State state = State::Value;
    int valueNode = m_nodes[0].keys.empty() ? -1 : 0;
    // The root itself is no path's target (paths start with a key), so node 0 records
    // nothing; it only leads to children.
    for (;;) {
        switch (state) {
        case State::Value: {
            while (p < end && isWhitespace(*p)) {
                ++p;
            }
            if (p >= end) {
                return fail(p, QStringLiteral("a value is missing before the end of the response"));
            }
            const bool wanted = valueNode >= 0 && !m_nodes[size_t(valueNode)].paths.empty();
            const unsigned char c = *p;
            if (c == '{' || c == '[') {
                const bool array = c == '[';
                if (wanted) {
                    ResponseValue v;
                    v.kind = array ? ResponseValue::Kind::Array : ResponseValue::Kind::Object;
                    record(valueNode, v);
                }
                int inner = -1;
                if (valueNode >= 0) {
                    const Node& n = m_nodes[size_t(valueNode)];
                    inner = (array ? !n.indexes.empty() : !n.keys.empty()) ? valueNode : -1;
                }
                frames.push_back(Frame {array, inner, 0});
                ++p;
                while (p < end && isWhitespace(*p)) {
                    ++p;
                }
                if (p < end && *p == (array ? ']' : '}')) {
                    ++p;
                    frames.pop_back();
                    state = State::AfterValue;
                } else if (array) {
                    valueNode = inner >= 0 ? indexChild(inner, 0) : -1;
                    state = State::Value;
                } else {
                    state = State::Key;
                }
                break;
            }
            if (c == '"') {
                ++p;
                if (!scanString()) {
                    return false;
                }
                if (wanted) {
                    ResponseValue v;
                    v.kind = ResponseValue::Kind::String;
                    v.string = stringValue();
                    record(valueNode, v);
                }
                state = State::AfterValue;
                break;
            }
            if (c == '-' || isDigit(c)) {
                const unsigned char* start = p;
                if (*p == '-') {
                    ++p;
                }
                if (p >= end || !isDigit(*p)) {
                    return fail(p, QStringLiteral("a digit must follow '-' in a number"));
                }
                if (*p == '0') {
                    ++p;
                } else {
                    while (p < end && isDigit(*p)) {
                        ++p;
                    }
                }
                if (p < end && *p == '.') {
                    ++p;
                    if (p >= end || !isDigit(*p)) {
                        return fail(p, QStringLiteral("a digit must follow the decimal point"));
                    }
                    while (p < end && isDigit(*p)) {
                        ++p;
                    }
                }
                if (p < end && (*p == 'e' || *p == 'E')) {
                    ++p;
                    if (p < end && (*p == '+' || *p == '-')) {
                        ++p;
                    }
                    if (p >= end || !isDigit(*p)) {
                        return fail(p, QStringLiteral("a digit must follow the exponent"));
                    }
                    while (p < end && isDigit(*p)) {
                        ++p;
                    }
                }
                if (wanted) {
                    ResponseValue v;
                    v.kind = ResponseValue::Kind::Number;
                    v.numberText = QByteArray(reinterpret_cast<const char*>(start), p - start);
                    bool ok = false;
                    v.number = v.numberText.toDouble(&ok);
                    if (!ok) {
                        // Out of double range: keep the sign so callers can refuse it.
                        v.number = start[0] == '-' ? -HUGE_VAL : HUGE_VAL;
                    }
                    record(valueNode, v);
                }
                state = State::AfterValue;
                break;
            }
            const auto literal = [&](const char* word, size_t len) {
                return size_t(end - p) >= len && std::memcmp(p, word, len) == 0;
            };
            ResponseValue v;
            if (literal("true", 4)) {
                v.kind = ResponseValue::Kind::Bool;
                v.boolean = true;
                p += 4;
            } else if (literal("false", 5)) {
                v.kind = ResponseValue::Kind::Bool;
                p += 5;
            } else if (literal("null", 4)) {
                v.kind = ResponseValue::Kind::Null;
                p += 4;
            } else {
                return fail(p,
                            QStringLiteral("expected a value (a string, number, object, array, true, false "
                                           "or null) but found %1")
                                .arg(found(p)));
            }
            if (wanted) {
                record(valueNode, v);
            }
            state = State::AfterValue;
            break;
        }
        case State::AfterValue: {
            while (p < end && isWhitespace(*p)) {
                ++p;
            }
            if (frames.empty()) {
                if (p < end) {
                    return fail(p, QStringLiteral("unexpected %1 after the end of the JSON value").arg(found(p)));
                }
                return true;
            }
            Frame& f = frames.back();
            if (p >= end) {
                return fail(p,
                            f.array ? QStringLiteral("an array is never closed with ']'")
                                    : QStringLiteral("an object is never closed with '}'"));
            }
            const unsigned char c = *p;
            if (c == ',') {
                ++p;
                if (f.array) {
                    ++f.index;
                    valueNode = f.node >= 0 ? indexChild(f.node, f.index) : -1;
                    state = State::Value;
                } else {
                    state = State::Key;
                }
            } else if (c == (f.array ? ']' : '}')) {
                ++p;
                frames.pop_back();
            } else {
                return fail(p,
                            f.array ? QStringLiteral("expected ',' or ']' in an array but found %1").arg(found(p))
                                    : QStringLiteral("expected ',' or '}' in an object but found %1").arg(found(p)));
            }
            break;
        }
        case State::Key: {
            while (p < end && isWhitespace(*p)) {
                ++p;
            }
            if (p >= end || *p != '"') {
                return fail(p, QStringLiteral("expected a key in double quotes but found %1").arg(found(p)));
            }
            ++p;
            if (!scanString()) {
                return false;
            }
            const int parent = frames.back().node;
            valueNode = -1;
            if (parent >= 0) {
                const char* key = reinterpret_cast<const char*>(strBegin);
                size_t keyLength = size_t(strEnd - strBegin);
                if (strEscaped) {
                    decodeString(strBegin, strEnd, scratch);
                    key = scratch.data();
                    keyLength = scratch.size();
                }
                for (const auto& [k, child] : m_nodes[size_t(parent)].keys) {
                    if (size_t(k.size()) == keyLength && std::memcmp(k.constData(), key, keyLength) == 0) {
                        valueNode = child;
                        // The last occurrence of a key wins, as in QJsonDocument.
                        for (int path : m_nodes[size_t(child)].subtreePaths) {
                            m_values[path] = ResponseValue();
                        }
                        break;
                    }
                }
            }
            while (p < end && isWhitespace(*p)) {
                ++p;
            }
            if (p >= end || *p != ':') {
                return fail(p, QStringLiteral("expected ':' after a key but found %1").arg(found(p)));
            }
            ++p;
            state = State::Value;
            break;
        }
        }
    }
}
