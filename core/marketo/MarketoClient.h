#pragma once

#include "http/HttpClient.h"
#include "marketo/MarketoProblem.h"
#include "marketo/MarketoRateLimiter.h"
#include "model/MarketoConnection.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>

#include <functional>
#include <memory>

class QNetworkAccessManager;

// Calls Marketo's REST API for one connection, with what Marketo asks of a client:
// - OAuth 2 client credentials: POST <identity>/oauth/token with a form body; the access
//   token goes only in "Authorization: Bearer", and is reused until expires_in runs out;
// - "success": false answers are problems (MarketoProblem); on 601 or 602 a new token is
//   fetched once and the call retried; 606 backs off until the 20 s window has room;
//   604, 611 and 615 are retried after a pause, up to three times; 607 stops;
// - one call at a time (Marketo allows fewer than 10), at most 100 in any 20 s;
// - a query too long for a URL goes as POST with _method=GET and a form body.
// Transport (HttpClient) problems are reported as `send` reports them.
//
// The clock and the pause are injectable, so tests check the back-off without waiting.
class MarketoClient : public QObject
{
    Q_OBJECT

public:
    using Query = QList<QPair<QString, QString>>;
    struct Reply
    {
        QJsonObject body;
        MarketoProblem problem;
        bool ok() const { return problem.isNone(); }
    };
    using Done = std::function<void(const Reply&)>;
    using Clock = std::function<qint64()>;                            // milliseconds, monotonic
    using Pause = std::function<void(qint64, std::function<void()>)>; // wait ms, then call

    // Marketo refuses URLs over 8 KiB; longer queries go in a POST body.
    static constexpr int maxUrlLength = 7168;
    static constexpr int maxRetries = 3;

    explicit MarketoClient(QNetworkAccessManager* manager, QObject* parent = nullptr);
    ~MarketoClient() override;

    void setConnection(const MarketoConnection& connection, const QString& clientSecret);
    void setHttpOptions(const HttpClient::Options& options);
    void setClock(Clock clock);
    void setPause(Pause pause);

    // Fetches a new access token: proves that the connection works.
    void authenticate(Done done);
    // GET `path` below the REST endpoint ("/v1/leads/describe.json"). `what` names what is
    // read and `permission` the role permission it needs, for the messages.
    void get(const QString& path, const Query& query, const QString& what, const QString& permission, Done done);
    // Stops what is running; its callback gets a Cancelled problem.
    void cancel();

    // HTTP calls made so far, token requests included.
    int callCount() const { return m_calls; }

private:
    struct Pending;
    void ensureToken(std::function<void(const MarketoProblem&)> then);
    void start(const std::shared_ptr<Pending>& pending);
    void send(const std::shared_ptr<Pending>& pending);
    void answered(const std::shared_ptr<Pending>& pending, const CallResult& result);
    void retryAfter(const std::shared_ptr<Pending>& pending, qint64 ms);
    // Sends through HttpClient; `handle` gets the result unless cancelled meanwhile.
    void call(const RenderedRequest& request, std::function<void(const CallResult&)> handle);
    void onFinished(quint64 id, const CallResult& result);
    qint64 now() const { return m_clock(); }

    HttpClient* m_http;
    MarketoConnection m_connection;
    QString m_secret;
    QString m_token;
    qint64 m_tokenExpires = 0;
    MarketoRateLimiter m_limiter;
    Clock m_clock;
    Pause m_pause;
    QHash<quint64, std::function<void(const CallResult&)>> m_handlers;
    int m_generation = 0;
    int m_calls = 0;
};
