#pragma once

#include "exchange/ExportRenderer.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

// A Postman Collection v2.1: one request per webhook, rendered for a lead (method, URL,
// headers, raw body); the id is derived from the name, so one export reads alike each time. Secrets are
// {{WD_SECRET_<KEY>}} variables of the collection, each defined empty, so that the collection runs as it is and the
// user fills them in.
class PostmanExport
{
public:
    static QByteArray collection(const ExportRenderer& renderer,
                                 const QString& name,
                                 const QList<int>& indexes,
                                 const QJsonObject& lead,
                                 const QDateTime& now);
};
