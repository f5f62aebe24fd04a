#pragma once

#include "response/ResponsePath.h"
#include "response/ResponseValue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <vector>

class QXmlStreamReader;

// Evaluates many XML response paths against one XML document in a single streaming pass
// (QXmlStreamReader), without building a DOM.
//
// Contract:
// - A path's first step names the root element, the rest child elements; an index picks
//   among same-named siblings (no index = the first). Names compare as written in the
//   document, prefix included (`soap:Envelope`).
// - A found element's value is its text (String), or Kind::Object when it has child
//   elements (an element with children holds no single text Marketo would write).
// - Malformed XML, and entity expansion beyond a small limit (the "billion laughs"
//   attack), stop the scan with an error: scan() returns false, errorString() says what
//   and where, and every value is Missing. The scan never hangs and its memory stays
//   proportional to the document.
class XmlPathScanner
{
public:
    explicit XmlPathScanner(const QList<ResponsePath>& paths);

    bool scan(const QByteArray& xml);

    const QList<ResponseValue>& values() const { return m_values; }
    bool hasError() const { return !m_error.isEmpty(); }
    const QString& errorString() const { return m_error; }
    qint64 errorOffset() const { return m_errorOffset; } // characters into the document, -1 when none

    // Characters an entity reference may expand to in total before the scan gives up.
    static constexpr int entityExpansionLimit = 4096;
    // Characters all references to declared entities may expand to together.
    static constexpr qint64 maxTotalEntityExpansion = 1 << 22;

private:
    struct Child
    {
        QString name;
        int index;
        int node;
    };
    struct Node
    {
        std::vector<Child> children;
        std::vector<int> paths;
    };

    int child(int node, const QString& name, int index) const;
    // Records the reader's error; false.
    bool fail(const QXmlStreamReader& reader, const QByteArray& xml);

    std::vector<Node> m_nodes;
    QList<ResponseValue> m_values;
    QString m_error;
    qint64 m_errorOffset = -1;

    Q_DECLARE_TR_FUNCTIONS(XmlPathScanner) // last: it ends in private:
};
