#pragma once

#include "response/BodyFormatter.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <vector>

// A response body parsed for the response tree: a JSON value, or a light element tree
// for XML (name, text, attributes, children, and each element's index among its
// same-named siblings, which a Marketo XML path needs). Built once, on a worker thread,
// then only read; ResponseTreeModel walks it lazily.
class ResponseDocument
{
public:
    enum class Kind { Empty, Json, Xml, Invalid };

    struct XmlElement
    {
        QString name;
        QString text; // the element's own text, whitespace-only runs dropped
        QList<QPair<QString, QString>> attributes;
        std::vector<std::unique_ptr<XmlElement>> children;
        int sameNameIndex = 0; // among the parent's children with this name
        int sameNameCount = 1;
    };

    // Thread-safe. A body that is neither JSON nor XML gives Kind::Invalid with a message
    // that says where parsing stopped.
    static std::shared_ptr<const ResponseDocument> parse(const QByteArray& body, BodyFormat format);

    Kind kind() const { return m_kind; }
    const QJsonValue& json() const { return m_json; }
    const XmlElement* xmlRoot() const { return m_xmlRoot.get(); }
    const QString& error() const { return m_error; }

private:
    Kind m_kind = Kind::Empty;
    QJsonValue m_json;
    std::unique_ptr<XmlElement> m_xmlRoot;
    QString m_error;

    Q_DECLARE_TR_FUNCTIONS(ResponseDocument) // last: it ends in private:
};
