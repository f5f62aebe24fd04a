#pragma once

#include "response/ResponsePath.h"
#include "response/ResponseValue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <vector>

// Evaluates many JSON response paths against one JSON document in a single streaming
// pass over its bytes, without building a DOM.
//
// Contract:
// - The whole document is validated (RFC 8259, UTF-8): on the first error, scan()
//   returns false, errorOffset() is the 0-based byte offset and errorString() says what
//   is wrong and where; values() are then all Missing, because nothing from an invalid
//   response may be applied.
// - Iterative, never recursive: nesting depth is bounded only by memory (one small stack
//   entry per open container), so 10,000+ levels work.
// - Work is linear in the body size; subtrees no path needs are validated but nothing in
//   them is decoded or looked up.
// - When an object holds the same key twice, the last one wins (as in QJsonDocument).
// - Invalid paths (and XML-syntax paths) are never found.
class JsonPathScanner
{
public:
    explicit JsonPathScanner(const QList<ResponsePath>& paths);

    bool scan(const QByteArray& json);
    bool scan(const char* data, qsizetype size);

    // One value per path, in the order given to the constructor.
    const QList<ResponseValue>& values() const { return m_values; }
    bool hasError() const { return m_errorOffset >= 0; }
    const QString& errorString() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }

private:
    class Pass;

    struct Node
    {
        std::vector<std::pair<QByteArray, int>> keys; // UTF-8 key -> child node
        std::vector<std::pair<qint64, int>> indexes;  // array index -> child node
        std::vector<int> paths;                       // paths that end here
        std::vector<int> subtreePaths;                // paths that end here or below
    };

    int addChild(int node, const QByteArray& key);
    int addIndexChild(int node, qint64 index);
    int keyChild(int node, const QByteArray& key) const;
    int indexChild(int node, qint64 index) const;
    void setError(const char* begin, const char* at, qsizetype size, const QString& what);

    std::vector<Node> m_nodes;
    QList<ResponseValue> m_values;
    QString m_error;
    qsizetype m_errorOffset = -1;

    Q_DECLARE_TR_FUNCTIONS(JsonPathScanner) // last: it ends in private:
};
