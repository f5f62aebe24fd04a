#include "ShapeExtractor.h"

#include "format/JsonLocation.h"
#include "format/Utf8.h"
#include "response/XmlPathScanner.h"

#include <QStringList>
#include <QXmlStreamReader>

#include <array>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

// A node's children by name (UTF-8). The records of an array name their members in the
// same order every time, so a search starts after the last name found: one comparison per
// member, no hashing, in the common case. An object keyed by data (ids, emails) gets a
// hash once it has many names.
class Names
{
public:
    int find(const char* name, qsizetype size)
    {
        const size_t count = m_items.size();
        if (count > linearLimit) {
            const auto found = m_index.find(std::string_view(name, size_t(size)));
            return found == m_index.end() ? -1 : found->second;
        }
        for (size_t k = 0; k < count; ++k) {
            const size_t i = (m_next + k) % count;
            const QByteArray& item = m_items[i].first;
            if (item.size() == size && std::memcmp(item.constData(), name, size_t(size)) == 0) {
                m_next = i + 1;
                return m_items[i].second;
            }
        }
        return -1;
    }

    void add(const char* name, qsizetype size, int node)
    {
        m_items.emplace_back(QByteArray(name, size), node);
        m_next = 0;
        // The views point into the names' own bytes, which never move: a QByteArray keeps
        // its data when the vector moves it.
        if (m_items.size() == linearLimit + 1) {
            for (const auto& [key, child] : m_items) {
                m_index.emplace(std::string_view(key.constData(), size_t(key.size())), child);
            }
        } else if (m_items.size() > linearLimit) {
            const QByteArray& key = m_items.back().first;
            m_index.emplace(std::string_view(key.constData(), size_t(key.size())), node);
        }
    }

    const std::vector<std::pair<QByteArray, int>>& items() const { return m_items; }

private:
    static constexpr size_t linearLimit = 32;

    std::vector<std::pair<QByteArray, int>> m_items;
    std::unordered_map<std::string_view, int> m_index;
    size_t m_next = 0;
};

// One path of the shape while it is read: its children and the types seen there. Every
// occurrence of a path lands on the same node, so the tree stays as small as the shape
// however long the body is.
struct Node
{
    Names children;   // JSON members, XML child elements
    Names attributes; // XML attributes
    int element = -1; // JSON: the merged array element
    quint8 types = 0; // bits of the syntax's type names
};

// Bit i is the i-th name, and the names are in alphabetical order, so joining the set bits
// in order gives the sorted "null|string" spelling.
const char* const jsonTypeNames[] = {"array", "boolean", "null", "number", "object", "string"};
enum JsonType : quint8 { JArray = 1, JBoolean = 2, JNull = 4, JNumber = 8, JObject = 16, JString = 32 };
const char* const xmlTypeNames[] = {"attribute", "element", "text"};
enum XmlType : quint8 { XAttribute = 1, XElement = 2, XText = 4 };

class ShapeTree
{
public:
    // Node 0 is the root; node `sink` takes everything below maxDepth and is never
    // collected.
    static constexpr int sink = 1;

    ShapeTree() { m_nodes.resize(2); }

    Node& node(int i) { return m_nodes[size_t(i)]; }

    int child(Names Node::*names, int parent, const char* name, qsizetype size)
    {
        if (parent == sink) {
            return sink;
        }
        const int found = (m_nodes[size_t(parent)].*names).find(name, size);
        if (found >= 0) {
            return found;
        }
        const int index = int(m_nodes.size());
        m_nodes.emplace_back();
        (m_nodes[size_t(parent)].*names).add(name, size, index);
        return index;
    }

    int element(int parent)
    {
        if (parent == sink) {
            return sink;
        }
        if (m_nodes[size_t(parent)].element < 0) {
            const int index = int(m_nodes.size());
            m_nodes.emplace_back();
            m_nodes[size_t(parent)].element = index;
        }
        return m_nodes[size_t(parent)].element;
    }

    // Every node but the root, with its path, into shape->paths.
    void collect(ResponseShape* shape, const char* const* typeNames, int typeCount) const
    {
        struct Pending
        {
            int node;
            QString path;
        };
        std::vector<Pending> stack {{0, QString()}};
        while (!stack.empty()) {
            const Pending at = std::move(stack.back());
            stack.pop_back();
            if (at.node == sink) {
                continue;
            }
            const Node& n = m_nodes[size_t(at.node)];
            if (at.node != 0) {
                QStringList names;
                for (int bit = 0; bit < typeCount; ++bit) {
                    if (n.types & (1 << bit)) {
                        names.append(QString::fromLatin1(typeNames[bit]));
                    }
                }
                shape->paths.insert(at.path, names.join(QLatin1Char('|')));
            }
            for (const auto& [key, child] : n.children.items()) {
                const QString name = QString::fromUtf8(key);
                stack.push_back({child, at.path.isEmpty() ? name : at.path + QLatin1Char('.') + name});
            }
            for (const auto& [key, child] : n.attributes.items()) {
                stack.push_back({child, at.path + QLatin1Char('@') + QString::fromUtf8(key)});
            }
            if (n.element >= 0) {
                stack.push_back({n.element, at.path + QStringLiteral("[0]")});
            }
        }
    }

private:
    std::vector<Node> m_nodes;
};

// A validating JSON reader (RFC 8259, UTF-8) that records the type of every value on its
// path's node. Iterative: nesting depth costs one stack entry, never a C++ frame.
class JsonShapePass
{
public:
    JsonShapePass(const QByteArray& body, ShapeTree* tree)
        : m_begin(body.constData()), m_p(body.constData()), m_end(body.constData() + body.size()), m_tree(tree)
    {
    }

    bool run()
    {
        struct Frame
        {
            int node;
            bool array;
        };
        std::vector<Frame> stack;
        enum class Expect { Value, Key, After };
        Expect expect = Expect::Value;
        int target = 0;
        for (;;) {
            skipSpace();
            if (expect == Expect::Value) {
                if (m_p == m_end) {
                    return fail(ShapeExtractor::tr("the response ends where a value should be"));
                }
                Node& node = m_tree->node(target);
                const char c = *m_p;
                if (c == '{') {
                    node.types |= JObject;
                    ++m_p;
                    skipSpace();
                    if (m_p < m_end && *m_p == '}') {
                        ++m_p;
                        expect = Expect::After;
                    } else if (stack.size() >= size_t(ShapeExtractor::maxNesting)) {
                        return fail(tooDeep());
                    } else {
                        stack.push_back({target, false});
                        expect = Expect::Key;
                    }
                } else if (c == '[') {
                    node.types |= JArray;
                    ++m_p;
                    skipSpace();
                    if (m_p < m_end && *m_p == ']') {
                        ++m_p;
                        expect = Expect::After;
                    } else if (stack.size() >= size_t(ShapeExtractor::maxNesting)) {
                        return fail(tooDeep());
                    } else {
                        stack.push_back({target, true});
                        target =
                            stack.size() > size_t(ShapeExtractor::maxDepth) ? ShapeTree::sink : m_tree->element(target);
                    }
                } else if (c == '"') {
                    node.types |= JString;
                    if (!skipString(nullptr)) {
                        return false;
                    }
                    expect = Expect::After;
                } else if (c == 't' || c == 'f' || c == 'n') {
                    const char* word = c == 't' ? "true" : c == 'f' ? "false" : "null";
                    const qsizetype length = qsizetype(qstrlen(word));
                    if (m_end - m_p < length || qstrncmp(m_p, word, size_t(length)) != 0) {
                        return fail(ShapeExtractor::tr("unexpected character '%1'").arg(QLatin1Char(c)));
                    }
                    m_p += length;
                    node.types |= c == 'n' ? JNull : JBoolean;
                    expect = Expect::After;
                } else if (c == '-' || (c >= '0' && c <= '9')) {
                    if (!skipNumber()) {
                        return false;
                    }
                    node.types |= JNumber;
                    expect = Expect::After;
                } else {
                    return fail(unexpected());
                }
            } else if (expect == Expect::Key) {
                if (m_p == m_end || *m_p != '"') {
                    return fail(ShapeExtractor::tr("expected a member name in quotes"));
                }
                QByteArray decoded;
                const char* nameBegin = m_p + 1;
                if (!skipString(&decoded)) {
                    return false;
                }
                const int parent =
                    stack.size() > size_t(ShapeExtractor::maxDepth) ? ShapeTree::sink : stack.back().node;
                target = decoded.isNull() ? m_tree->child(&Node::children, parent, nameBegin, m_p - 1 - nameBegin)
                                          : m_tree->child(&Node::children, parent, decoded.constData(), decoded.size());
                skipSpace();
                if (m_p == m_end || *m_p != ':') {
                    return fail(ShapeExtractor::tr("expected ':' after a member name"));
                }
                ++m_p;
                expect = Expect::Value;
            } else {
                if (stack.empty()) {
                    if (m_p != m_end) {
                        return fail(ShapeExtractor::tr("unexpected text after the end of the document"));
                    }
                    return true;
                }
                const Frame frame = stack.back();
                if (m_p == m_end) {
                    return fail(ShapeExtractor::tr("the response ends inside an %1")
                                    .arg(frame.array ? ShapeExtractor::tr("array") : ShapeExtractor::tr("object")));
                }
                if (*m_p == ',') {
                    ++m_p;
                    if (frame.array) {
                        target = stack.size() > size_t(ShapeExtractor::maxDepth) ? ShapeTree::sink
                                                                                 : m_tree->element(frame.node);
                        expect = Expect::Value;
                    } else {
                        skipSpace();
                        expect = Expect::Key;
                    }
                } else if (*m_p == (frame.array ? ']' : '}')) {
                    ++m_p;
                    stack.pop_back();
                } else {
                    return fail(frame.array ? ShapeExtractor::tr("expected ',' or ']'")
                                            : ShapeExtractor::tr("expected ',' or '}'"));
                }
            }
        }
    }

    QString error() const { return m_error; }

    static QString tooDeep()
    {
        return ShapeExtractor::tr("it nests more than %1 levels deep, more than is read")
            .arg(ShapeExtractor::maxNesting);
    }

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) {
            ++m_p;
        }
    }

    QString unexpected() const
    {
        const uchar c = uchar(*m_p);
        if (c >= 0x20 && c < 0x7f) {
            return ShapeExtractor::tr("unexpected character '%1'").arg(QLatin1Char(char(c)));
        }
        return ShapeExtractor::tr("unexpected byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
    }

    static int hexValue(char c)
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

    // From the opening quote past the closing one. With `decoded`, a string that holds an
    // escape is decoded into it (left null when the raw bytes are the text).
    bool skipString(QByteArray* decoded)
    {
        const char* start = ++m_p;
        const auto* end = reinterpret_cast<const unsigned char*>(m_end);
        // Most of a body is plain ASCII text inside strings: skip it a table lookup a byte.
        static const auto plain = [] {
            std::array<bool, 256> table {};
            for (int c = 0x20; c < 0x80; ++c) {
                table[size_t(c)] = c != '"' && c != '\\';
            }
            return table;
        }();
        while (m_p < m_end) {
            while (m_p < m_end && plain[uchar(*m_p)]) {
                ++m_p;
            }
            if (m_p == m_end) {
                break;
            }
            const auto c = uchar(*m_p);
            if (c == '"') {
                if (decoded && !decoded->isNull()) {
                    decoded->append(start, m_p - start);
                }
                ++m_p;
                return true;
            }
            if (c < 0x20) {
                return fail(ShapeExtractor::tr("a control character inside a string"));
            }
            if (c >= 0x80) {
                const int length = Utf8::sequenceLength(reinterpret_cast<const unsigned char*>(m_p), end);
                if (length == 0) {
                    return fail(ShapeExtractor::tr("bytes that are not UTF-8"));
                }
                m_p += length;
                continue;
            }
            if (c != '\\') {
                ++m_p;
                continue;
            }
            if (decoded) {
                if (decoded->isNull()) {
                    *decoded = QByteArray("");
                }
                decoded->append(start, m_p - start);
            }
            if (!skipEscape(decoded)) {
                return false;
            }
            start = m_p;
        }
        return fail(ShapeExtractor::tr("a string without its closing quote"));
    }

    // At a backslash: past the escape, its text appended to `decoded` when given.
    bool skipEscape(QByteArray* decoded)
    {
        if (m_end - m_p < 2) {
            return fail(ShapeExtractor::tr("a string without its closing quote"));
        }
        const char e = m_p[1];
        const char* simple = "\"\\/bfnrt";
        const char* plain = "\"\\/\b\f\n\r\t";
        const char* at = e ? strchr(simple, e) : nullptr;
        if (at) {
            if (decoded) {
                decoded->append(plain[at - simple]);
            }
            m_p += 2;
            return true;
        }
        if (e != 'u') {
            return fail(ShapeExtractor::tr("an unknown escape '\\%1'").arg(QLatin1Char(e)));
        }
        uint code = 0;
        if (!readHex(m_p + 2, &code)) {
            return false;
        }
        m_p += 6;
        if (code >= 0xD800 && code <= 0xDBFF && m_end - m_p >= 6 && m_p[0] == '\\' && m_p[1] == 'u') {
            uint low = 0;
            if (!readHex(m_p + 2, &low)) {
                return false;
            }
            if (low >= 0xDC00 && low <= 0xDFFF) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                m_p += 6;
            }
        }
        if (decoded) {
            const char32_t character = char32_t(code);
            decoded->append(QString::fromUcs4(&character, 1).toUtf8());
        }
        return true;
    }

    bool readHex(const char* p, uint* out)
    {
        if (m_end - p < 4) {
            return fail(ShapeExtractor::tr("a \\u escape needs four hexadecimal digits"));
        }
        uint code = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(p[i]);
            if (digit < 0) {
                return fail(ShapeExtractor::tr("a \\u escape needs four hexadecimal digits"));
            }
            code = code * 16 + uint(digit);
        }
        *out = code;
        return true;
    }

    bool digits()
    {
        const char* start = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            ++m_p;
        }
        return m_p > start;
    }

    bool skipNumber()
    {
        if (*m_p == '-') {
            ++m_p;
        }
        if (m_p < m_end && *m_p == '0') {
            ++m_p;
        } else if (!digits()) {
            return fail(ShapeExtractor::tr("a number without digits"));
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (!digits()) {
                return fail(ShapeExtractor::tr("a number without digits after its decimal point"));
            }
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-')) {
                ++m_p;
            }
            if (!digits()) {
                return fail(ShapeExtractor::tr("a number without digits in its exponent"));
            }
        }
        return true;
    }

    bool fail(const QString& what)
    {
        if (m_error.isEmpty()) {
            int line = 0;
            int column = 0;
            JsonLocation::lineColumn(QByteArray::fromRawData(m_begin, m_end - m_begin), m_p - m_begin, &line, &column);
            m_error = ShapeExtractor::tr("The response is not valid JSON: %1 at line %2, column %3.")
                          .arg(what)
                          .arg(line)
                          .arg(column);
        }
        return false;
    }

    const char* m_begin;
    const char* m_p;
    const char* m_end;
    ShapeTree* m_tree;
    QString m_error;
};

bool readXml(const QByteArray& body, ShapeTree* tree, QString* error)
{
    QXmlStreamReader reader(body);
    // The same guard as the mapping scanner's against entities that expand without end.
    reader.setEntityExpansionLimit(XmlPathScanner::entityExpansionLimit);
    struct Open
    {
        int node;
        bool hasChildren;
    };
    std::vector<Open> stack;
    bool sawRoot = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (stack.size() >= size_t(ShapeExtractor::maxNesting)) {
                if (error) {
                    *error = ShapeExtractor::tr("The response is not read: its XML nests more than %1 elements deep.")
                                 .arg(ShapeExtractor::maxNesting);
                }
                return false;
            }
            const int parent = stack.empty()                                      ? 0
                               : stack.size() >= size_t(ShapeExtractor::maxDepth) ? ShapeTree::sink
                                                                                  : stack.back().node;
            if (!stack.empty()) {
                stack.back().hasChildren = true;
            }
            sawRoot = true;
            const QByteArray name = reader.qualifiedName().toUtf8();
            const int node = tree->child(&Node::children, parent, name.constData(), name.size());
            const QXmlStreamAttributes attributes = reader.attributes();
            for (const QXmlStreamAttribute& attribute : attributes) {
                const QByteArray attributeName = attribute.qualifiedName().toUtf8();
                tree->node(tree->child(&Node::attributes, node, attributeName.constData(), attributeName.size()))
                    .types |= XAttribute;
            }
            stack.push_back({node, false});
        } else if (token == QXmlStreamReader::EndElement && !stack.empty()) {
            tree->node(stack.back().node).types |= stack.back().hasChildren ? XElement : XText;
            stack.pop_back();
        }
    }
    if (reader.hasError() || !sawRoot) {
        if (error) {
            *error = reader.hasError() ? ShapeExtractor::tr("The response is not well-formed XML: %1 at line %2, "
                                                            "column %3.")
                                             .arg(reader.errorString())
                                             .arg(reader.lineNumber())
                                             .arg(reader.columnNumber())
                                       : ShapeExtractor::tr("The response holds no XML element.");
        }
        return false;
    }
    return true;
}

} // namespace

std::optional<ResponseShape> ShapeExtractor::extract(const QByteArray& body, ResponseType type, QString* error)
{
    if (type == ResponseType::None) {
        if (error) {
            *error = tr("The webhook's Response Type is None: set it to JSON or XML to read the response's shape.");
        }
        return std::nullopt;
    }
    if (body.trimmed().isEmpty()) {
        if (error) {
            *error = tr("The response is empty: it has no shape.");
        }
        return std::nullopt;
    }
    ShapeTree tree;
    ResponseShape shape;
    shape.syntax = type;
    if (type == ResponseType::Json) {
        JsonShapePass pass(body, &tree);
        if (!pass.run()) {
            if (error) {
                *error = pass.error();
            }
            return std::nullopt;
        }
        tree.collect(&shape, jsonTypeNames, int(std::size(jsonTypeNames)));
    } else {
        if (!readXml(body, &tree, error)) {
            return std::nullopt;
        }
        tree.collect(&shape, xmlTypeNames, int(std::size(xmlTypeNames)));
    }
    return shape;
}
