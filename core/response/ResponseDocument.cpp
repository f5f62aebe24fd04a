#include "ResponseDocument.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QObject>
#include <QXmlStreamReader>

namespace {

void numberSameNamedSiblings(ResponseDocument::XmlElement* parent)
{
    QHash<QString, int> counts;
    for (const auto& child : parent->children)
        child->sameNameIndex = counts[child->name]++;
    for (const auto& child : parent->children)
        child->sameNameCount = counts.value(child->name);
}

} // namespace

std::shared_ptr<const ResponseDocument> ResponseDocument::parse(const QByteArray& body, BodyFormat format)
{
    auto doc = std::make_shared<ResponseDocument>();
    if (body.trimmed().isEmpty())
        return doc;
    if (format == BodyFormat::Json) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError) {
            const qsizetype offset = qBound(qsizetype(0), qsizetype(error.offset), body.size());
            const int line = int(body.left(offset).count('\n')) + 1;
            const int column = int(offset - (body.lastIndexOf('\n', offset - 1) + 1)) + 1;
            doc->m_kind = Kind::Invalid;
            doc->m_error = ResponseDocument::tr("Not valid JSON at line %1, column %2: %3")
                               .arg(line)
                               .arg(column)
                               .arg(error.errorString());
            return doc;
        }
        doc->m_kind = Kind::Json;
        doc->m_json = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
        return doc;
    }
    if (format == BodyFormat::Xml) {
        QXmlStreamReader reader(body);
        std::vector<XmlElement*> stack;
        while (!reader.atEnd()) {
            switch (reader.readNext()) {
            case QXmlStreamReader::StartElement: {
                auto element = std::make_unique<XmlElement>();
                element->name = reader.name().toString();
                for (const QXmlStreamAttribute& attribute : reader.attributes())
                    element->attributes.append({attribute.qualifiedName().toString(), attribute.value().toString()});
                XmlElement* raw = element.get();
                if (stack.empty()) {
                    doc->m_xmlRoot = std::move(element);
                } else {
                    stack.back()->children.push_back(std::move(element));
                }
                stack.push_back(raw);
                break;
            }
            case QXmlStreamReader::EndElement:
                if (!stack.empty()) {
                    numberSameNamedSiblings(stack.back());
                    stack.pop_back();
                }
                break;
            case QXmlStreamReader::Characters:
                if (!stack.empty() && !reader.isWhitespace())
                    stack.back()->text += reader.text();
                break;
            default:
                break;
            }
        }
        if (reader.hasError()) {
            doc->m_kind = Kind::Invalid;
            doc->m_xmlRoot.reset();
            doc->m_error = ResponseDocument::tr("Not well-formed XML at line %1, column %2: %3")
                               .arg(reader.lineNumber())
                               .arg(reader.columnNumber())
                               .arg(reader.errorString());
            return doc;
        }
        doc->m_kind = doc->m_xmlRoot ? Kind::Xml : Kind::Empty;
        return doc;
    }
    doc->m_kind = Kind::Invalid;
    doc->m_error = ResponseDocument::tr("The body is neither JSON nor XML: there is no tree to show");
    return doc;
}
