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
    return JsonPathScanner::tr("byte 0x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
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
    m_error = tr("Invalid JSON at byte %1 (line %2, column %3): %4")
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

// One scan of one document. A state machine over the bytes: each step reads a value, the
// separator after one, or an object key, so no recursion is needed however deep the
// nesting; frames hold the open containers.
class JsonPathScanner::Pass
{
public:
    Pass(JsonPathScanner& scanner, const char* data, qsizetype size)
        : m_scanner(scanner)
        , m_data(data)
        , m_size(size)
        , m_p(reinterpret_cast<const unsigned char*>(data))
        , m_end(m_p + size)
    {
        m_frames.reserve(64);
    }

    bool run();

private:
    // The steps are inlined into run(): called once per value, key and separator, they are
    // the scanner's inner loop.
    enum class State { Value, AfterValue, Key, Done };

    bool fail(const unsigned char* at, const QString& what)
    {
        m_scanner.setError(m_data, reinterpret_cast<const char*>(at), m_size, what);
        return false;
    }
    QString found(const unsigned char* at) const
    {
        return at >= m_end ? tr("the end of the response") : describeByte(*at);
    }
    // The loops work on local copies of the position: m_p is read through `this`, and an
    // unsigned char access may alias it, so the compiler would reload it on every byte.
    void skipSpace()
    {
        const unsigned char* p = m_p;
        while (p < m_end && isWhitespace(*p)) {
            ++p;
        }
        m_p = p;
    }
    void record(int node, const ResponseValue& value)
    {
        for (int path : m_scanner.m_nodes[size_t(node)].paths) {
            m_scanner.m_values[path] = value;
        }
    }

    Q_ALWAYS_INLINE bool value(State* next);
    Q_ALWAYS_INLINE void openContainer(bool array, bool wanted, State* next);
    Q_ALWAYS_INLINE bool number(bool wanted);
    Q_ALWAYS_INLINE bool literal(bool wanted);
    Q_ALWAYS_INLINE bool afterValue(State* next);
    Q_ALWAYS_INLINE bool key(State* next);
    Q_ALWAYS_INLINE bool scanString();
    QString stringValue();

    JsonPathScanner& m_scanner;
    const char* m_data;
    qsizetype m_size;
    const unsigned char* m_p;
    const unsigned char* const m_end;
    std::vector<Frame> m_frames;
    std::string m_scratch;
    int m_valueNode = -1; // the trie node of the value about to be read, or -1
    // The string scanString() read, between its quotes.
    const unsigned char* m_strBegin = nullptr;
    const unsigned char* m_strEnd = nullptr;
    bool m_strEscaped = false;
};

bool JsonPathScanner::Pass::run()
{
    if (m_size >= 3 && m_p[0] == 0xEF && m_p[1] == 0xBB && m_p[2] == 0xBF) {
        m_p += 3; // a UTF-8 byte order mark is tolerated, as most JSON readers do
    }
    skipSpace();
    if (m_p >= m_end) {
        return fail(m_p, tr("the response is empty"));
    }
    // The root itself is no path's target (paths start with a key), so node 0 records
    // nothing; it only leads to children.
    m_valueNode = m_scanner.m_nodes[0].keys.empty() ? -1 : 0;
    State state = State::Value;
    for (;;) {
        bool ok = true;
        switch (state) {
        case State::Value:
            ok = value(&state);
            break;
        case State::AfterValue:
            ok = afterValue(&state);
            break;
        case State::Key:
            ok = key(&state);
            break;
        case State::Done:
            return true;
        }
        if (!ok) {
            return false;
        }
    }
}

bool JsonPathScanner::Pass::value(State* next)
{
    skipSpace();
    if (m_p >= m_end) {
        return fail(m_p, tr("a value is missing before the end of the response"));
    }
    const bool wanted = m_valueNode >= 0 && !m_scanner.m_nodes[size_t(m_valueNode)].paths.empty();
    const unsigned char c = *m_p;
    *next = State::AfterValue;
    if (c == '{' || c == '[') {
        openContainer(c == '[', wanted, next);
        return true;
    }
    if (c == '"') {
        ++m_p;
        if (!scanString()) {
            return false;
        }
        if (wanted) {
            ResponseValue v;
            v.kind = ResponseValue::Kind::String;
            v.string = stringValue();
            record(m_valueNode, v);
        }
        return true;
    }
    if (c == '-' || isDigit(c)) {
        return number(wanted);
    }
    return literal(wanted);
}

void JsonPathScanner::Pass::openContainer(bool array, bool wanted, State* next)
{
    if (wanted) {
        ResponseValue v;
        v.kind = array ? ResponseValue::Kind::Array : ResponseValue::Kind::Object;
        record(m_valueNode, v);
    }
    int inner = -1;
    if (m_valueNode >= 0) {
        const Node& n = m_scanner.m_nodes[size_t(m_valueNode)];
        inner = (array ? !n.indexes.empty() : !n.keys.empty()) ? m_valueNode : -1;
    }
    m_frames.push_back(Frame {array, inner, 0});
    ++m_p;
    skipSpace();
    if (m_p < m_end && *m_p == (array ? ']' : '}')) {
        ++m_p;
        m_frames.pop_back();
        *next = State::AfterValue;
    } else if (array) {
        m_valueNode = inner >= 0 ? m_scanner.indexChild(inner, 0) : -1;
        *next = State::Value;
    } else {
        *next = State::Key;
    }
}

bool JsonPathScanner::Pass::number(bool wanted)
{
    const unsigned char* start = m_p;
    if (*m_p == '-') {
        ++m_p;
    }
    if (m_p >= m_end || !isDigit(*m_p)) {
        return fail(m_p, tr("a digit must follow '-' in a number"));
    }
    if (*m_p == '0') {
        ++m_p;
    } else {
        while (m_p < m_end && isDigit(*m_p)) {
            ++m_p;
        }
    }
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (m_p >= m_end || !isDigit(*m_p)) {
            return fail(m_p, tr("a digit must follow the decimal point"));
        }
        while (m_p < m_end && isDigit(*m_p)) {
            ++m_p;
        }
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-')) {
            ++m_p;
        }
        if (m_p >= m_end || !isDigit(*m_p)) {
            return fail(m_p, tr("a digit must follow the exponent"));
        }
        while (m_p < m_end && isDigit(*m_p)) {
            ++m_p;
        }
    }
    if (wanted) {
        ResponseValue v;
        v.kind = ResponseValue::Kind::Number;
        v.numberText = QByteArray(reinterpret_cast<const char*>(start), m_p - start);
        bool ok = false;
        v.number = v.numberText.toDouble(&ok);
        if (!ok) {
            // Out of double range: keep the sign so callers can refuse it.
            v.number = start[0] == '-' ? -HUGE_VAL : HUGE_VAL;
        }
        record(m_valueNode, v);
    }
    return true;
}

bool JsonPathScanner::Pass::literal(bool wanted)
{
    const auto is = [this](const char* word, size_t len) {
        return size_t(m_end - m_p) >= len && std::memcmp(m_p, word, len) == 0;
    };
    ResponseValue v;
    if (is("true", 4)) {
        v.kind = ResponseValue::Kind::Bool;
        v.boolean = true;
        m_p += 4;
    } else if (is("false", 5)) {
        v.kind = ResponseValue::Kind::Bool;
        m_p += 5;
    } else if (is("null", 4)) {
        v.kind = ResponseValue::Kind::Null;
        m_p += 4;
    } else {
        return fail(m_p,
                    tr("expected a value (a string, number, object, array, true, false or null) but "
                       "found %1")
                        .arg(found(m_p)));
    }
    if (wanted) {
        record(m_valueNode, v);
    }
    return true;
}

bool JsonPathScanner::Pass::afterValue(State* next)
{
    skipSpace();
    if (m_frames.empty()) {
        if (m_p < m_end) {
            return fail(m_p, tr("unexpected %1 after the end of the JSON value").arg(found(m_p)));
        }
        *next = State::Done;
        return true;
    }
    Frame& f = m_frames.back();
    if (m_p >= m_end) {
        return fail(m_p, f.array ? tr("an array is never closed with ']'") : tr("an object is never closed with '}'"));
    }
    const unsigned char c = *m_p;
    if (c == ',') {
        ++m_p;
        if (f.array) {
            ++f.index;
            m_valueNode = f.node >= 0 ? m_scanner.indexChild(f.node, f.index) : -1;
            *next = State::Value;
        } else {
            *next = State::Key;
        }
        return true;
    }
    if (c == (f.array ? ']' : '}')) {
        ++m_p;
        m_frames.pop_back();
        return true;
    }
    return fail(m_p,
                f.array ? tr("expected ',' or ']' in an array but found %1").arg(found(m_p))
                        : tr("expected ',' or '}' in an object but found %1").arg(found(m_p)));
}

bool JsonPathScanner::Pass::key(State* next)
{
    skipSpace();
    if (m_p >= m_end || *m_p != '"') {
        return fail(m_p, tr("expected a key in double quotes but found %1").arg(found(m_p)));
    }
    ++m_p;
    if (!scanString()) {
        return false;
    }
    const int parent = m_frames.back().node;
    m_valueNode = -1;
    if (parent >= 0) {
        const char* key = reinterpret_cast<const char*>(m_strBegin);
        size_t keyLength = size_t(m_strEnd - m_strBegin);
        if (m_strEscaped) {
            decodeString(m_strBegin, m_strEnd, m_scratch);
            key = m_scratch.data();
            keyLength = m_scratch.size();
        }
        for (const auto& [k, child] : m_scanner.m_nodes[size_t(parent)].keys) {
            if (size_t(k.size()) == keyLength && std::memcmp(k.constData(), key, keyLength) == 0) {
                m_valueNode = child;
                // The last occurrence of a key wins, as in QJsonDocument.
                for (int path : m_scanner.m_nodes[size_t(child)].subtreePaths) {
                    m_scanner.m_values[path] = ResponseValue();
                }
                break;
            }
        }
    }
    skipSpace();
    if (m_p >= m_end || *m_p != ':') {
        return fail(m_p, tr("expected ':' after a key but found %1").arg(found(m_p)));
    }
    ++m_p;
    *next = State::Value;
    return true;
}

// Scans a string starting after its opening quote; leaves m_p after the closing quote.
bool JsonPathScanner::Pass::scanString()
{
    const unsigned char* const open = m_p - 1;
    m_strBegin = m_p;
    m_strEscaped = false;
    for (;;) {
        const unsigned char* p = m_p;
        const unsigned char* const end = m_end;
        while (p < end && stringTable[*p] == Plain) {
            ++p;
        }
        m_p = p;
        if (m_p >= m_end) {
            return fail(open, tr("a string that starts here is never closed"));
        }
        const unsigned char c = *m_p;
        if (c == '"') {
            m_strEnd = m_p++;
            return true;
        }
        if (c == '\\') {
            m_strEscaped = true;
            if (m_p + 1 >= m_end) {
                return fail(m_p, tr("a backslash escape is cut off by the end of the response"));
            }
            const unsigned char e = m_p[1];
            if (e == 'u') {
                if (m_end - m_p < 6 || hexValue(m_p[2]) < 0 || hexValue(m_p[3]) < 0 || hexValue(m_p[4]) < 0
                    || hexValue(m_p[5]) < 0) {
                    return fail(m_p, tr("\\u must be followed by four hexadecimal digits"));
                }
                m_p += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                m_p += 2;
            } else {
                return fail(m_p, tr("\\%1 is not a valid escape in a JSON string").arg(found(m_p + 1)));
            }
            continue;
        }
        if (c < 0x20) {
            return fail(m_p, tr("a control character (%1) must be escaped inside a string").arg(describeByte(c)));
        }
        const int n = Utf8::sequenceLength(m_p, m_end);
        if (n == 0) {
            return fail(m_p, tr("invalid UTF-8 (%1) inside a string").arg(describeByte(c)));
        }
        m_p += n;
    }
}

QString JsonPathScanner::Pass::stringValue()
{
    if (!m_strEscaped) {
        return QString::fromUtf8(reinterpret_cast<const char*>(m_strBegin), m_strEnd - m_strBegin);
    }
    decodeString(m_strBegin, m_strEnd, m_scratch);
    return QString::fromStdString(m_scratch);
}

bool JsonPathScanner::scan(const char* data, qsizetype size)
{
    for (ResponseValue& v : m_values) {
        v = ResponseValue();
    }
    m_error.clear();
    m_errorOffset = -1;
    return Pass(*this, data, size).run();
}
