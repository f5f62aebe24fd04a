#include "XmlPathScanner.h"

#include <QHash>
#include <QXmlStreamReader>

#include <cstring>
#include <functional>

namespace {
// Total characters all references to entities declared in the document's DTD would
// expand to, or -1 when that exceeds `budget`. Qt limits each single expansion
// (entityExpansionLimit) but not their sum, so a small document that references one
// 4,000-character entity a million times would still expand to gigabytes; counting the
// references up front, in one linear pass, stops that before the reader expands them.
qint64 declaredExpansion(const QXmlStreamEntityDeclarations& declarations, const QByteArray& xml, qint64 budget)
{
    QHash<QString, QString> values;
    for (const QXmlStreamEntityDeclaration& d : declarations) {
        values.insert(d.name().toString(), d.value().toString());
    }
    QHash<QString, qint64> lengths;
    // Iterative deepening would be overkill: nesting deeper than this is refused.
    constexpr int maxDepth = 32;
    std::function<qint64(const QString&, int)> length = [&](const QString& name, int depth) -> qint64 {
        const auto known = lengths.constFind(name);
        if (known != lengths.constEnd()) {
            return *known;
        }
        if (depth > maxDepth) {
            return budget + 1;
        }
        const QString value = values.value(name);
        qint64 total = 0;
        for (qsizetype i = 0; i < value.size() && total <= budget; ++i) {
            if (value.at(i) == QLatin1Char('&')) {
                const qsizetype semi = value.indexOf(QLatin1Char(';'), i + 1);
                const QString ref = semi > i ? value.mid(i + 1, semi - i - 1) : QString();
                if (values.contains(ref)) {
                    total += length(ref, depth + 1);
                    i = semi;
                    continue;
                }
            }
            ++total;
        }
        lengths.insert(name, qMin(total, budget + 1));
        return qMin(total, budget + 1);
    };
    qint64 total = 0;
    const char* p = xml.constData();
    const char* end = p + xml.size();
    while ((p = static_cast<const char*>(memchr(p, '&', size_t(end - p)))) != nullptr) {
        const char* semi = p + 1;
        while (semi < end && semi - p < 256 && *semi != ';' && *semi != '&' && *semi != '<') {
            ++semi;
        }
        if (semi < end && *semi == ';') {
            const QString name = QString::fromUtf8(p + 1, semi - p - 1);
            if (values.contains(name)) {
                total += length(name, 0);
                if (total > budget) {
                    return -1;
                }
            }
        }
        p = semi < end ? semi : end;
        if (p >= end) {
            break;
        }
    }
    return total;
}
} // namespace

XmlPathScanner::XmlPathScanner(const QList<ResponsePath>& paths)
{
    m_nodes.emplace_back();
    m_values.resize(paths.size());
    for (int i = 0; i < paths.size(); ++i) {
        const ResponsePath& path = paths.at(i);
        if (!path.isValid() || path.syntax() != ResponsePath::Syntax::Xml || path.steps().isEmpty()) {
            continue;
        }
        int node = 0;
        for (const ResponsePathStep& step : path.steps()) {
            const int index = step.indexes.isEmpty() ? 0 : step.indexes.first();
            int next = child(node, step.key, index);
            if (next < 0) {
                m_nodes.emplace_back();
                next = int(m_nodes.size() - 1);
                m_nodes[size_t(node)].children.push_back(Child {step.key, index, next});
            }
            node = next;
        }
        m_nodes[size_t(node)].paths.push_back(i);
    }
}

int XmlPathScanner::child(int node, const QString& name, int index) const
{
    for (const Child& c : m_nodes[size_t(node)].children) {
        if (c.index == index && c.name == name) {
            return c.node;
        }
    }
    return -1;
}

bool XmlPathScanner::scan(const QByteArray& xml)
{
    for (ResponseValue& v : m_values) {
        v = ResponseValue();
    }
    m_error.clear();
    m_errorOffset = -1;

    struct Frame
    {
        int node;                 // trie node of this element, or -1 when no path goes through it
        QHash<QString, int> seen; // same-named children so far, only for wanted nodes
        QString text;
        bool hasChildElements = false;
    };
    std::vector<Frame> frames;
    frames.push_back(Frame {0, {}, {}, false}); // the document, parent of the root element

    QXmlStreamReader reader(xml);
    // Qt's default limit is the same; set explicitly because the protection against
    // "billion laughs" must not depend on a library default.
    reader.setEntityExpansionLimit(entityExpansionLimit);
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        switch (token) {
        case QXmlStreamReader::StartElement: {
            Frame& parent = frames.back();
            parent.hasChildElements = true;
            int node = -1;
            if (parent.node >= 0 && !m_nodes[size_t(parent.node)].children.empty()) {
                const QString name = reader.qualifiedName().toString();
                const int index = parent.seen[name]++;
                node = child(parent.node, name, index);
            }
            frames.push_back(Frame {node, {}, {}, false});
            break;
        }
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            if (frames.back().node >= 0 && !m_nodes[size_t(frames.back().node)].paths.empty()) {
                frames.back().text += reader.text();
            }
            break;
        case QXmlStreamReader::EndElement: {
            Frame& f = frames.back();
            if (f.node >= 0 && !m_nodes[size_t(f.node)].paths.empty()) {
                ResponseValue v;
                if (f.hasChildElements) {
                    v.kind = ResponseValue::Kind::Object;
                } else {
                    v.kind = ResponseValue::Kind::String;
                    v.string = f.text;
                }
                for (int path : m_nodes[size_t(f.node)].paths) {
                    m_values[path] = v;
                }
            }
            frames.pop_back();
            break;
        }
        case QXmlStreamReader::DTD:
            if (!reader.entityDeclarations().isEmpty()
                && declaredExpansion(reader.entityDeclarations(), xml, maxTotalEntityExpansion) < 0) {
                reader.raiseError(tr("the document's entities would expand to more than %1 characters "
                                     "(an entity expansion attack), so it is not read")
                                      .arg(maxTotalEntityExpansion));
            }
            break;
        default:
            break;
        }
    }
    return !reader.hasError() || fail(reader, xml);
}

bool XmlPathScanner::fail(const QXmlStreamReader& reader, const QByteArray& xml)
{
    m_errorOffset = reader.characterOffset();
    QString what = reader.errorString();
    if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError && xml.trimmed().isEmpty()) {
        what = tr("the response is empty");
    }
    m_error = tr("Invalid XML at line %1, column %2: %3").arg(reader.lineNumber()).arg(reader.columnNumber()).arg(what);
    for (ResponseValue& v : m_values) {
        v = ResponseValue();
    }
    return false;
}
