#include "MarketoApi.h"

#include "marketo/MarketoClient.h"

#include <QJsonArray>

namespace {

const QString kReadLeads = QStringLiteral("Read-Only Lead");
const QString kReadAssets = QStringLiteral("Read-Only Assets");

QList<QJsonObject> objects(const QJsonObject& body)
{
    QList<QJsonObject> result;
    const QJsonArray array = body.value(QStringLiteral("result")).toArray();
    for (const QJsonValue& value : array) {
        if (value.isObject()) {
            result.append(value.toObject());
        }
    }
    return result;
}

// An id Marketo may send as a number or a string.
qint64 idOf(const QJsonValue& value)
{
    return value.isString() ? value.toString().toLongLong() : qint64(value.toDouble());
}

} // namespace

void MarketoApi::fields(Done<MarketoField> done)
{
    m_client->get(QStringLiteral("/v1/leads/describe.json"),
                  {},
                  tr("the lead fields"),
                  kReadLeads,
                  [done](const MarketoClient::Reply& reply) {
                      QList<MarketoField> fields;
                      for (const QJsonObject& o : objects(reply.body)) {
                          const QJsonObject rest = o.value(QStringLiteral("rest")).toObject();
                          MarketoField field;
                          field.name = o.value(QStringLiteral("displayName")).toString();
                          field.apiName = rest.value(QStringLiteral("name")).toString();
                          field.dataType = o.value(QStringLiteral("dataType")).toString();
                          field.readOnly = rest.value(QStringLiteral("readOnly")).toBool();
                          // A field without a REST name cannot be read or written by the API.
                          if (!field.apiName.isEmpty()) {
                              fields.append(field);
                          }
                      }
                      done(fields, reply.problem);
                  });
}

void MarketoApi::leadsByEmail(const QStringList& emails, const QStringList& fields, Done<QJsonObject> done)
{
    nextEmails(emails, 0, fields, {}, std::move(done));
}

void MarketoApi::nextEmails(
    const QStringList& emails, int from, const QStringList& fields, QList<QJsonObject> read, Done<QJsonObject> done)
{
    if (from >= emails.size()) {
        done(read, MarketoProblem());
        return;
    }
    const QStringList batch = emails.mid(from, maxBatchSize);
    MarketoClient::Query query {{QStringLiteral("filterType"), QStringLiteral("email")},
                                {QStringLiteral("filterValues"), batch.join(QLatin1Char(','))}};
    if (!fields.isEmpty()) {
        query.append({QStringLiteral("fields"), fields.join(QLatin1Char(','))});
    }
    m_client->get(QStringLiteral("/v1/leads.json"),
                  query,
                  tr("the leads with the given email addresses"),
                  kReadLeads,
                  [this, emails, from, fields, read, done](const MarketoClient::Reply& reply) mutable {
                      if (!reply.ok()) {
                          done(read, reply.problem);
                          return;
                      }
                      read += objects(reply.body);
                      nextEmails(emails, from + maxBatchSize, fields, read, done);
                  });
}

void MarketoApi::leadsByList(
    qint64 listId, const QStringList& fields, int limit, Progress progress, Done<QJsonObject> done)
{
    nextListPage(listId, fields, limit, QString(), {}, std::move(progress), std::move(done));
}

void MarketoApi::nextListPage(qint64 listId,
                              const QStringList& fields,
                              int limit,
                              const QString& pageToken,
                              QList<QJsonObject> read,
                              Progress progress,
                              Done<QJsonObject> done)
{
    const int batch = limit > 0 ? std::min<int>(maxBatchSize, limit - int(read.size())) : maxBatchSize;
    MarketoClient::Query query;
    if (!fields.isEmpty()) {
        query.append({QStringLiteral("fields"), fields.join(QLatin1Char(','))});
    }
    query.append({QStringLiteral("batchSize"), QString::number(batch)});
    if (!pageToken.isEmpty()) {
        query.append({QStringLiteral("nextPageToken"), pageToken});
    }
    m_client->get(QStringLiteral("/v1/lists/%1/leads.json").arg(listId),
                  query,
                  tr("static list %1").arg(listId),
                  kReadLeads,
                  [=](const MarketoClient::Reply& reply) mutable {
                      if (!reply.ok()) {
                          done(read, reply.problem);
                          return;
                      }
                      const QList<QJsonObject> page = objects(reply.body);
                      read += page;
                      if (limit > 0 && read.size() > limit) {
                          read = read.mid(0, limit);
                      }
                      if (progress) {
                          progress(int(read.size()));
                      }
                      const QString next = reply.body.value(QStringLiteral("nextPageToken")).toString();
                      // The same token twice would page forever: the list has ended.
                      const bool more = !next.isEmpty() && next != pageToken && !page.isEmpty()
                                        && (limit <= 0 || read.size() < limit);
                      if (!more) {
                          done(read, MarketoProblem());
                          return;
                      }
                      nextListPage(listId, fields, limit, next, read, progress, done);
                  });
}

void MarketoApi::programs(Done<MarketoProgram> done)
{
    nextPrograms(0, {}, std::move(done));
}

void MarketoApi::nextPrograms(int offset, QList<MarketoProgram> read, Done<MarketoProgram> done)
{
    m_client->get(QStringLiteral("/asset/v1/programs.json"),
                  {{QStringLiteral("maxReturn"), QString::number(maxProgramsPage)},
                   {QStringLiteral("offset"), QString::number(offset)}},
                  tr("the programs"),
                  kReadAssets,
                  [this, offset, read, done](const MarketoClient::Reply& reply) mutable {
                      if (!reply.ok()) {
                          done(read, reply.problem);
                          return;
                      }
                      const QList<QJsonObject> page = objects(reply.body);
                      for (const QJsonObject& o : page) {
                          read.append({idOf(o.value(QStringLiteral("id"))),
                                       o.value(QStringLiteral("name")).toString(),
                                       o.value(QStringLiteral("type")).toString()});
                      }
                      // Marketo ends the list with no "result" (and a warning), or a short page.
                      if (page.size() < maxProgramsPage) {
                          done(read, MarketoProblem());
                          return;
                      }
                      nextPrograms(offset + maxProgramsPage, read, done);
                  });
}

void MarketoApi::tokens(qint64 programId, Done<MarketoToken> done)
{
    m_client->get(QStringLiteral("/asset/v1/folder/%1/tokens.json").arg(programId),
                  {{QStringLiteral("folderType"), QStringLiteral("Program")}},
                  tr("program %1").arg(programId),
                  kReadAssets,
                  [done](const MarketoClient::Reply& reply) {
                      QList<MarketoToken> tokens;
                      for (const QJsonObject& folder : objects(reply.body)) {
                          const QJsonArray list = folder.value(QStringLiteral("tokens")).toArray();
                          for (const QJsonValue& value : list) {
                              const QJsonObject o = value.toObject();
                              const QJsonValue v = o.value(QStringLiteral("value"));
                              tokens.append({o.value(QStringLiteral("name")).toString(),
                                             o.value(QStringLiteral("type")).toString(),
                                             v.isDouble() ? QString::number(v.toDouble()) : v.toString()});
                          }
                      }
                      done(tokens, reply.problem);
                  });
}
