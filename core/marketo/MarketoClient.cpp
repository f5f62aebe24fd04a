#include "MarketoClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

struct MarketoClient::Pending
{
    QString path;
    Query query;
    QString what;
    QString permission;
    Done done;
    bool tokenRetried = false;
    int transientRetries = 0;
    bool isToken = false; // authenticate(): only the token request
};

namespace {

QString formEncode(const MarketoClient::Query& query)
{
    QStringList parts;
    for (const auto& [name, value] : query) {
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(name)) + QLatin1Char('=')
                     + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    return parts.join(QLatin1Char('&'));
}

RenderedRequest formPost(const QString& url, const QString& body)
{
    RenderedRequest request;
    request.method = QStringLiteral("POST");
    request.url = url;
    request.headers.append(
        {QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded"), false});
    request.body = body.toUtf8();
    request.hasBody = true;
    return request;
}

// The transport's outcome as `send` words it, or an HTTP status that is not 2xx.
MarketoProblem transportProblem(const CallResult& result)
{
    if (result.error != CallResult::ErrorKind::None) {
        return MarketoProblem::transport(result.errorMessage);
    }
    return MarketoProblem::transport(
        MarketoClient::tr("the server answered %1 %2").arg(result.status).arg(result.reason));
}

} // namespace

MarketoClient::MarketoClient(QNetworkAccessManager* manager, QObject* parent)
    : QObject(parent), m_http(new HttpClient(manager, this))
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_clock = [timer] { return timer->elapsed(); };
    m_pause = [this](qint64 ms, std::function<void()> then) { QTimer::singleShot(ms, this, std::move(then)); };
    connect(m_http, &HttpClient::finished, this, &MarketoClient::onFinished);
}

MarketoClient::~MarketoClient() = default;

void MarketoClient::setConnection(const MarketoConnection& connection, const QString& clientSecret)
{
    m_connection = connection;
    m_secret = clientSecret;
    m_token.clear();
}

void MarketoClient::setHttpOptions(const HttpClient::Options& options)
{
    m_http->setOptions(options);
}

void MarketoClient::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void MarketoClient::setPause(Pause pause)
{
    m_pause = std::move(pause);
}

void MarketoClient::cancel()
{
    ++m_generation;
    const auto handlers = m_handlers;
    m_handlers.clear();
    m_http->cancelAll();
    for (const auto& handle : handlers) {
        CallResult cancelled;
        cancelled.error = CallResult::ErrorKind::Cancelled;
        handle(cancelled);
    }
}

void MarketoClient::authenticate(Done done)
{
    m_token.clear();
    auto pending = std::make_shared<Pending>();
    pending->isToken = true;
    pending->done = std::move(done);
    start(pending);
}

void MarketoClient::get(
    const QString& path, const Query& query, const QString& what, const QString& permission, Done done)
{
    auto pending = std::make_shared<Pending>();
    pending->path = path;
    pending->query = query;
    pending->what = what;
    pending->permission = permission;
    pending->done = std::move(done);
    start(pending);
}

void MarketoClient::start(const std::shared_ptr<Pending>& pending)
{
    ensureToken([this, pending](const MarketoProblem& problem) {
        if (!problem.isNone() || pending->isToken) {
            pending->done({QJsonObject(), problem});
            return;
        }
        send(pending);
    });
}

void MarketoClient::ensureToken(std::function<void(const MarketoProblem&)> then)
{
    if (!m_token.isEmpty() && now() < m_tokenExpires) {
        then(MarketoProblem());
        return;
    }
    m_token.clear();
    const QString url = m_connection.identity + QStringLiteral("/oauth/token");
    const QString form = formEncode({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                     {QStringLiteral("client_id"), m_connection.clientId},
                                     {QStringLiteral("client_secret"), m_secret}});
    RenderedRequest request = formPost(url, form);
    call(request, [this, then = std::move(then)](const CallResult& result) {
        if (result.error == CallResult::ErrorKind::Cancelled) {
            then(MarketoProblem::cancelled());
            return;
        }
        if (result.error != CallResult::ErrorKind::None) {
            then(transportProblem(result));
            return;
        }
        QJsonParseError parseError;
        const QJsonObject body = QJsonDocument::fromJson(result.body, &parseError).object();
        if (result.status == 401 || result.status == 400) {
            const QString said = body.value(QStringLiteral("error_description")).toString();
            then(MarketoProblem::refused(
                body.value(QStringLiteral("error")).toString(),
                tr("Marketo refused the client ID or secret%1; check them in Admin > LaunchPoint > "
                   "View Details")
                    .arg(said.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(said))));
            return;
        }
        if (!result.isSuccess()) {
            then(transportProblem(result));
            return;
        }
        const QString token = body.value(QStringLiteral("access_token")).toString();
        if (token.isEmpty()) {
            then(MarketoProblem::transport(tr("the identity service answered without an access token: %1")
                                               .arg(QString::fromUtf8(result.body.left(200)))));
            return;
        }
        m_token = token;
        // A token fetched now lives expires_in seconds from now; none given means one use.
        m_tokenExpires = now() + qint64(body.value(QStringLiteral("expires_in")).toDouble()) * 1000;
        then(MarketoProblem());
    });
}

void MarketoClient::send(const std::shared_ptr<Pending>& pending)
{
    const qint64 wait = m_limiter.delay(now());
    if (wait > 0) {
        retryAfter(pending, wait);
        return;
    }
    m_limiter.record(now());
    QUrl url(m_connection.endpoint + pending->path);
    QUrlQuery query;
    for (const auto& [name, value] : pending->query) {
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    url.setQuery(query);
    const QString full = url.toString(QUrl::FullyEncoded);
    RenderedRequest request;
    if (full.size() > maxUrlLength) {
        QUrl post(m_connection.endpoint + pending->path);
        post.setQuery(QStringLiteral("_method=GET"));
        request = formPost(post.toString(QUrl::FullyEncoded), formEncode(pending->query));
    } else {
        request.method = QStringLiteral("GET");
        request.url = full;
    }
    request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + m_token, true});
    request.headers.append({QStringLiteral("Accept"), QStringLiteral("application/json"), false});
    call(request, [this, pending](const CallResult& result) { answered(pending, result); });
}

void MarketoClient::answered(const std::shared_ptr<Pending>& pending, const CallResult& result)
{
    if (result.error == CallResult::ErrorKind::Cancelled) {
        pending->done({QJsonObject(), MarketoProblem::cancelled()});
        return;
    }
    if (result.error != CallResult::ErrorKind::None || !result.isSuccess()) {
        pending->done({QJsonObject(), transportProblem(result)});
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        pending->done(
            {QJsonObject(),
             MarketoProblem::transport(
                 tr("the answer for %1 is not a JSON object (%2)").arg(pending->what, parseError.errorString()))});
        return;
    }
    const QJsonObject body = document.object();
    if (body.value(QStringLiteral("success")).toBool()) {
        pending->done({body, MarketoProblem()});
        return;
    }
    const MarketoProblem problem = MarketoProblem::fromErrors(body, pending->what, pending->permission);
    if (problem.isTokenProblem() && !pending->tokenRetried) {
        pending->tokenRetried = true;
        m_token.clear();
        start(pending);
        return;
    }
    if (problem.isTransient() && pending->transientRetries < maxRetries) {
        ++pending->transientRetries;
        const qint64 pause = problem.code == QLatin1String("606") ? std::max<qint64>(1000, m_limiter.backoff(now()))
                                                                  : 2000LL << (pending->transientRetries - 1);
        retryAfter(pending, pause);
        return;
    }
    pending->done({body, problem});
}

void MarketoClient::retryAfter(const std::shared_ptr<Pending>& pending, qint64 ms)
{
    const int generation = m_generation;
    m_pause(ms, [this, pending, generation] {
        if (generation != m_generation) {
            pending->done({QJsonObject(), MarketoProblem::cancelled()});
            return;
        }
        start(pending);
    });
}

void MarketoClient::call(const RenderedRequest& request, std::function<void(const CallResult&)> handle)
{
    ++m_calls;
    const quint64 id = m_http->call(request);
    m_handlers.insert(id, std::move(handle));
}

void MarketoClient::onFinished(quint64 id, const CallResult& result)
{
    const auto handle = m_handlers.take(id);
    if (handle) {
        handle(result);
    }
}
