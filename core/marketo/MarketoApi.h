#pragma once

#include "marketo/MarketoProblem.h"
#include "marketo/MarketoRecords.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>

class MarketoClient;

// The Marketo calls the imports need, paged to the end (or a limit), on a MarketoClient:
// lead fields, leads by email or by static list, programs, and a program's My Tokens.
// Each ends in one callback with what was read and the problem (none on success);
// progress reports what was read so far.
class MarketoApi
{
public:
    static constexpr int maxBatchSize = 300;    // Marketo's limit for leads per call
    static constexpr int maxProgramsPage = 200; // and for assets

    using Progress = std::function<void(int read)>;
    template <typename T>
    using Done = std::function<void(const QList<T>& items, const MarketoProblem& problem)>;

    explicit MarketoApi(MarketoClient* client) : m_client(client) { }

    void fields(Done<MarketoField> done);
    // Leads with these email addresses (any number; sent 300 at a time), with `fields`
    // (none: Marketo's default fields).
    void leadsByEmail(const QStringList& emails, const QStringList& fields, Done<QJsonObject> done);
    // The leads of a static list, following nextPageToken to the end or to `limit`.
    void leadsByList(qint64 listId, const QStringList& fields, int limit, Progress progress, Done<QJsonObject> done);
    void programs(Done<MarketoProgram> done);
    void tokens(qint64 programId, Done<MarketoToken> done);

private:
    void nextEmails(const QStringList& emails,
                    int from,
                    const QStringList& fields,
                    QList<QJsonObject> read,
                    Done<QJsonObject> done);
    void nextListPage(qint64 listId,
                      const QStringList& fields,
                      int limit,
                      const QString& pageToken,
                      QList<QJsonObject> read,
                      Progress progress,
                      Done<QJsonObject> done);
    void nextPrograms(int offset, QList<MarketoProgram> read, Done<MarketoProgram> done);

    MarketoClient* m_client;

    Q_DECLARE_TR_FUNCTIONS(MarketoApi) // last: it ends in private:
};
