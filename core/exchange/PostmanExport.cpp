#include "PostmanExport.h"

#include "exchange/CurlExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

QByteArray PostmanExport::collection(const ExportRenderer& renderer,
                                     const QString& name,
                                     const QList<int>& indexes,
                                     const QJsonObject& lead,
                                     const QDateTime& now)
{
    QStringList variables;
    const auto text = [&](const QByteArray& bytes) {
        for (const QString& variable : renderer.variables(bytes)) {
            if (!variables.contains(variable)) {
                variables.append(variable);
            }
        }
        return QString::fromUtf8(renderer.substitute(bytes, "{{", "}}"));
    };
    QJsonArray items;
    for (const int index : indexes) {
        const RenderedRequest request = renderer.render(index, lead, now);
        QJsonArray headers;
        for (const RenderedHeader& header : request.headers) {
            headers.append(QJsonObject {{QStringLiteral("key"), text(header.name.toUtf8())},
                                        {QStringLiteral("value"), text(header.value.toUtf8())}});
        }
        QJsonObject requestObject {
            {QStringLiteral("method"), request.method},
            {QStringLiteral("header"), headers},
            {QStringLiteral("url"), text(CurlExport::wireUrl(request.url))},
        };
        if (request.hasBody) {
            requestObject.insert(QStringLiteral("body"),
                                 QJsonObject {{QStringLiteral("mode"), QStringLiteral("raw")},
                                              {QStringLiteral("raw"), text(request.body)}});
        }
        items.append(QJsonObject {{QStringLiteral("name"), renderer.workspace().webhooks.at(index).name},
                                  {QStringLiteral("request"), requestObject}});
    }
    QJsonArray variableArray;
    for (const QString& variable : variables) {
        variableArray.append(QJsonObject {{QStringLiteral("key"), variable}, {QStringLiteral("value"), QString()}});
    }
    const QJsonObject root {
        {QStringLiteral("info"),
         QJsonObject {
             {QStringLiteral("_postman_id"), QUuid::createUuidV5(QUuid(), name).toString(QUuid::WithoutBraces)},
             {QStringLiteral("name"), name},
             {QStringLiteral("schema"),
              QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json")},
         }},
        {QStringLiteral("item"), items},
        {QStringLiteral("variable"), variableArray},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
