#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <deque>
#include <functional>

class QJsonObject;

// An offline stand-in for a Marketo instance's REST API: it answers one request at a time
// with the status and JSON body Marketo would send, and has no networking of its own (the
// sandbox server routes /marketo/* here; tests can call handle() directly). Paths are
// below /marketo:
//   GET|POST /identity/oauth/token            grant_type=client_credentials, client_id,
//                                             client_secret in the query or a form body
//   GET /rest/v1/leads/describe.json          the lead fields (SandboxMarketoData)
//   GET /rest/v1/leads.json                   filterType=email|id, filterValues=a,b,
//                                             fields=, batchSize=, nextPageToken=
//   GET /rest/v1/lists/{id}/leads.json        fields=, batchSize= (at most 300),
//                                             nextPageToken=
//   GET /rest/asset/v1/programs.json          maxReturn= (at most 200, default 20), offset=
//   GET /rest/asset/v1/folder/{id}/tokens.json?folderType=Program
// Any REST GET may also come as a POST with a form body that holds `_method=GET` and the
// parameters, Marketo's way around long URLs. The parameters are read as a servlet reads
// them: '+' is a space, so a '+' in an email must be sent as %2B.
//
// As Marketo does, REST errors are HTTP 200 with {"requestId","success":false,"errors":
// [{"code":"601","message":"Access token invalid"}]}, checked in this order:
//   610 unknown path (HTTP 404), a failure queued with failNext(), 601 an access_token in
//   the query or body (the sandbox refuses it even next to a good header, so a client that
//   leaks tokens into URLs fails its tests), 605 a method other than GET, 601 no or an
//   unknown `Authorization: Bearer` token, 602 an expired token (by time or by
//   setTokenCallLimit), 607 setDailyQuotaExceeded, 606 more than 100 successful calls in
//   the last 20 s, then the endpoint's own: 1003 a bad parameter (batchSize over 300, an
//   unknown field, a bad nextPageToken...), 1013 an unknown list or program.
// Calls that fail do not count against the rate limit, as with Marketo.
//
// A token is valid for setTokenLifetime() seconds; asking again while it is valid returns
// the same token with the time it has left, as Marketo does.
class SandboxMarketo
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    // Milliseconds on any monotonic scale.
    using Clock = std::function<qint64()>;

    struct Response
    {
        int status = 200;
        QByteArray body; // JSON
    };

    struct LoggedRequest
    {
        QString method;
        QString path;             // below /marketo
        QString query;            // as received, percent-encoded, without '?'
        QByteArray authorization; // the Authorization header, empty when absent
        QByteArray body;
    };

    static constexpr int rateLimitCalls = 100;
    static constexpr int rateLimitWindowSeconds = 20;
    static constexpr int maxBatchSize = 300;
    static constexpr int maxProgramsReturn = 200;
    static constexpr int defaultProgramsReturn = 20;
    static constexpr int defaultTokenLifetimeSeconds = 3600;
    // requests() keeps this many, the newest.
    static constexpr int requestLogLimit = 10000;

    SandboxMarketo();
    ~SandboxMarketo();

    // `path` is below /marketo ("/rest/v1/leads.json"); `query` is the URL's query as sent
    // (percent-encoded, without '?').
    Response handle(const QString& method,
                    const QString& path,
                    const QString& query,
                    const Headers& headers,
                    const QByteArray& body);

    // Defaults: "sandbox-client" and "sandbox-secret".
    void setCredentials(const QString& clientId, const QString& clientSecret);
    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }

    // nullptr: a monotonic clock started with this object.
    void setClock(Clock clock);
    // For tokens issued from now on.
    void setTokenLifetime(int seconds);
    // A token expires after this many authenticated REST calls (0: no limit); applies to
    // every token, including the current one.
    void setTokenCallLimit(int calls);
    // Answers the next `count` REST calls (to a known endpoint) with Marketo error `code`,
    // whatever their token; queued after any failures already waiting.
    void failNext(int code, int count = 1);
    void setDailyQuotaExceeded(bool exceeded);

    // Every request handled, oldest first (at most requestLogLimit).
    QList<LoggedRequest> requests() const { return m_requests; }
    void clearRequests();
    // REST calls received (below /rest), whatever the answer.
    qint64 callCount() const { return m_callCount; }
    int tokensIssued() const { return m_tokensIssued; }

    // Marketo's message for an error code ("Access token invalid" for 601).
    static QString errorMessage(int code);

private:
    struct Token
    {
        qint64 expiresAt = 0;
        int calls = 0;
    };
    using Params = QHash<QString, QString>;

    qint64 now() const;
    QString nextRequestId();
    Response identity(const QString& method, const QString& path, const Params& params);
    Response rest(const QString& method, const QString& path, const Params& params, const QByteArray& authorization);
    // False, with Marketo's refusal, when the token, the quota or the rate limit stops the
    // call; counts the call against the token.
    bool admit(const QByteArray& authorization, bool asset, Response* refusal);
    Response success(const QJsonObject& extra, bool asset);
    Response failure(int code, const QString& message, bool asset, int status = 200);
    Response describe();
    Response leadsByFilter(const Params& params);
    Response leadsByList(int listId, const Params& params);
    Response programs(const Params& params);
    Response tokens(int folderId, const Params& params);
    // The page of `indexes` the parameters ask for, or a 1003 failure.
    Response leadPage(const QList<int>& indexes, const QString& scope, const Params& params);

    Clock m_clock;
    QElapsedTimer m_elapsed;
    QString m_clientId;
    QString m_clientSecret;
    int m_tokenLifetimeSeconds = defaultTokenLifetimeSeconds;
    int m_tokenCallLimit = 0;
    bool m_dailyQuotaExceeded = false;
    QList<QPair<int, int>> m_failures; // code, remaining count
    QHash<QByteArray, Token> m_tokens;
    QByteArray m_currentToken;
    std::deque<qint64> m_recentCalls; // times of the successful calls in the window
    QList<LoggedRequest> m_requests;
    qint64 m_callCount = 0;
    int m_tokensIssued = 0;
    quint32 m_requestCounter = 0;
};
