#include "HttpClient.h"

#include "http/HttpStackHeaders.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

bool sameName(const QByteArray& a, const QByteArray& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool hasHeader(const Headers& headers, const QByteArray& name)
{
    for (const auto& header : headers) {
        if (sameName(header.first, name))
            return true;
    }
    return false;
}

// RFC 7230 token characters: what a method or a header name may consist of.
bool isToken(const QString& text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c.unicode() > 126 || c.unicode() <= 32)
            return false;
        if (QStringLiteral("\"(),/:;<=>?@[\\]{}").contains(c))
            return false;
    }
    return true;
}

QString origin(const QUrl& url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return url.scheme() + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':')
           + QString::number(url.port(defaultPort));
}

QString seconds(int ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
}

QString certificateText(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return HttpClient::tr("no certificate");
    const auto names = [](const QStringList& parts) { return parts.join(QStringLiteral(", ")); };
    return HttpClient::tr("subject: %1; issuer: %2; valid from %3 to %4")
        .arg(names(certificate.subjectInfo(QSslCertificate::CommonName)).isEmpty()
                 ? certificate.subjectDisplayName()
                 : QStringLiteral("CN=") + names(certificate.subjectInfo(QSslCertificate::CommonName)),
             names(certificate.issuerInfo(QSslCertificate::CommonName)).isEmpty()
                 ? certificate.issuerDisplayName()
                 : QStringLiteral("CN=") + names(certificate.issuerInfo(QSslCertificate::CommonName)),
             certificate.effectiveDate().toUTC().toString(Qt::ISODate),
             certificate.expiryDate().toUTC().toString(Qt::ISODate));
}

// "CN=localhost, O=Example" in the usual order; the display name when there is none.
QString distinguishedName(const QSslCertificate& certificate, bool issuer)
{
    static const QList<QPair<QSslCertificate::SubjectInfo, QString>> parts = {
        {QSslCertificate::CommonName, QStringLiteral("CN")},
        {QSslCertificate::Organization, QStringLiteral("O")},
        {QSslCertificate::OrganizationalUnitName, QStringLiteral("OU")},
        {QSslCertificate::LocalityName, QStringLiteral("L")},
        {QSslCertificate::StateOrProvinceName, QStringLiteral("ST")},
        {QSslCertificate::CountryName, QStringLiteral("C")},
    };
    QStringList out;
    for (const auto& part : parts) {
        const QStringList values = issuer ? certificate.issuerInfo(part.first) : certificate.subjectInfo(part.first);
        for (const QString& value : values)
            out.append(part.second + QLatin1Char('=') + value);
    }
    if (out.isEmpty())
        return issuer ? certificate.issuerDisplayName() : certificate.subjectDisplayName();
    return out.join(QStringLiteral(", "));
}

} // namespace

struct HttpClient::Call
{
    quint64 id = 0;
    CallResult result;
    // The request of the current hop.
    QUrl url;
    QByteArray method;
    Headers headers; // the user's headers (Qt's defaults are added by Qt)
    QByteArray body;
    bool hasBody = false;
    QSet<QByteArray> secretNames; // lower-case
    QString firstOrigin;
    bool crossedOrigin = false;

    QPointer<QNetworkReply> reply;
    QTimer* timer = nullptr;
    QElapsedTimer clock;
    bool newConnection = false;
    CallResult::ErrorKind pendingError = CallResult::ErrorKind::None;
    QString tlsDetails;
    PeerCertificate tlsCertificate;
    QString invalidReason;
};

struct HttpClient::Private
{
    QPointer<QNetworkAccessManager> manager;
    Options options;
    QHash<quint64, Call*> calls;
    quint64 nextId = 1;
    bool flushPending = false;
    HttpStackHeaders stack;
};

HttpClient::HttpClient(QNetworkAccessManager* manager, QObject* parent) : QObject(parent), d(new Private)
{
    d->manager = manager;
}

HttpClient::~HttpClient()
{
    for (Call* call : qAsConst(d->calls)) {
        if (call->reply) {
            call->reply->disconnect(this);
            call->reply->abort();
            call->reply->deleteLater();
        }
        delete call;
    }
    delete d;
}

void HttpClient::setOptions(const Options& options)
{
    // Qt keeps a connection, with the TLS errors it was told to ignore and its TLS
    // sessions, for later calls to the same host and port: after the trust is withdrawn
    // or changed, such a connection would still accept the certificate.
    const bool hadTrust = !d->options.trustedHost.isEmpty() || !d->options.trustedSha256.isEmpty();
    if (hadTrust
        && (options.trustedHost != d->options.trustedHost || options.trustedSha256 != d->options.trustedSha256)) {
        d->flushPending = true;
    }
    d->options = options;
    d->options.timeoutMs = qBound(Options::minTimeoutMs, options.timeoutMs, Options::maxTimeoutMs);
    d->options.maxRedirects = qMax(0, options.maxRedirects);
    d->options.maxBodyBytes = qMax<qint64>(0, options.maxBodyBytes);
    flushConnectionsIfIdle();
}

void HttpClient::flushConnectionsIfIdle()
{
    // Clearing the cache stops the manager's network thread, which would break calls in
    // flight; it waits until none is running.
    if (!d->flushPending || !d->calls.isEmpty() || !d->manager)
        return;
    d->flushPending = false;
    d->manager->clearConnectionCache();
}

const HttpClient::Options& HttpClient::options() const
{
    return d->options;
}

QNetworkAccessManager* HttpClient::manager() const
{
    return d->manager;
}

int HttpClient::activeCalls() const
{
    return d->calls.size();
}

QString HttpClient::validate(const RenderedRequest& request)
{
    for (const Diagnostic& diagnostic : request.diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::Error) {
            QString where = diagnostic.where.toString();
            if (diagnostic.line > 0)
                where += tr(" line %1, column %2").arg(diagnostic.line).arg(diagnostic.column);
            return tr("The request was not sent because the webhook has an error (%1): %2")
                .arg(where, diagnostic.message);
        }
    }
    if (!isToken(request.method))
        return tr("The request was not sent: \"%1\" is not a valid request type.").arg(request.method);
    for (int i = 0; i < request.headers.size(); ++i) {
        const RenderedHeader& header = request.headers.at(i);
        const auto hasBreak = [](const QString& text) {
            return text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
        };
        if (hasBreak(header.name) || hasBreak(header.value)) {
            return tr("The request was not sent: header %1 (\"%2\") contains a line break, which "
                      "would let its value inject other headers.")
                .arg(i + 1)
                .arg(header.name.trimmed());
        }
        if (!isToken(header.name))
            return tr("The request was not sent: header %1 has an invalid name \"%2\".").arg(i + 1).arg(header.name);
        if (header.value.contains(QChar(0)))
            return tr("The request was not sent: header \"%1\" contains a NUL character.").arg(header.name);
    }
    const QUrl url = QUrl::fromEncoded(request.url.trimmed().toUtf8(), QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || url.host().isEmpty()) {
        return tr("The request was not sent: \"%1\" is not a valid http:// or https:// address.").arg(request.url);
    }
    return {};
}

quint64 HttpClient::call(const RenderedRequest& request)
{
    // The first use probes Qt's default headers; that must not count in the timings.
    d->stack.learn(HttpStackHeaders::probed());
    flushConnectionsIfIdle();
    auto* call = new Call;
    call->id = d->nextId++;
    d->calls.insert(call->id, call);
    call->clock.start();
    call->result.startedAt = QDateTime::currentDateTimeUtc();
    call->result.method = request.method;
    call->result.url = request.url;
    call->result.requestBody = request.hasBody ? request.body : QByteArray();

    call->invalidReason = validate(request);
    if (!call->invalidReason.isEmpty()) {
        // Finish later, so that the caller has the id before finished() arrives.
        const quint64 id = call->id;
        QTimer::singleShot(0, this, [this, id] {
            Call* pending = d->calls.value(id);
            if (!pending)
                return;
            pending->result.error = CallResult::ErrorKind::InvalidRequest;
            pending->result.errorMessage = pending->invalidReason;
            finish(pending);
        });
        return call->id;
    }

    call->method = request.method.toLatin1();
    call->url = QUrl::fromEncoded(request.url.trimmed().toUtf8(), QUrl::TolerantMode);
    call->hasBody = request.hasBody;
    call->body = request.hasBody ? request.body : QByteArray();
    for (const RenderedHeader& header : request.headers) {
        const QByteArray name = header.name.toLatin1();
        if (header.secret)
            call->secretNames.insert(name.toLower());
        // Content-Length frames the body: a wrong one would cut it or hang the server.
        if (sameName(name, "Content-Length"))
            continue;
        const QByteArray value = header.value.toUtf8();
        bool merged = false;
        for (auto& existing : call->headers) {
            if (sameName(existing.first, name)) {
                existing.second += ", " + value;
                merged = true;
                break;
            }
        }
        if (!merged)
            call->headers.append({name, value});
    }
    if (!call->url.userInfo().isEmpty()) {
        if (!hasHeader(call->headers, "Authorization")) {
            const QByteArray credentials =
                call->url.userName(QUrl::FullyDecoded).toUtf8() + ':' + call->url.password(QUrl::FullyDecoded).toUtf8();
            call->headers.append({QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64()});
        }
        call->url.setUserInfo(QString());
    }
    call->firstOrigin = origin(call->url);
    call->result.url = QString::fromUtf8(call->url.toEncoded(QUrl::RemoveFragment));

    call->timer = new QTimer(this);
    call->timer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early: a 30 s timeout would give up at 28.5 s on a
    // server Marketo would still wait for.
    call->timer->setTimerType(Qt::PreciseTimer);
    const quint64 id = call->id;
    connect(call->timer, &QTimer::timeout, this, [this, id] { abortWith(id, CallResult::ErrorKind::Timeout); });
    call->timer->start(d->options.timeoutMs);
    start(call);
    return call->id;
}

void HttpClient::start(Call* call)
{
    if (call->result.redirects.isEmpty())
        call->result.requestHeaders = d->stack.onWire(call->url, call->headers, call->hasBody, call->body.size());

    QNetworkRequest request(call->url);
    for (const auto& header : qAsConst(call->headers))
        request.setRawHeader(header.first, header.second);
    // The client follows redirects itself, to decide which headers go to the next host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1 only: what the preview shows is then literally what is written.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Marketo keeps no cookies between calls.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Qt refuses gzip bodies that expand more than its ratio limit, which a large but
    // legitimate repetitive JSON does; maxBodyBytes bounds the memory instead.
    request.setDecompressedSafetyCheckThreshold(-1);

    if (!d->manager) {
        call->result.error = CallResult::ErrorKind::Other;
        call->result.errorMessage = tr("The call could not start: no network access.");
        const quint64 id = call->id;
        QTimer::singleShot(0, this, [this, id] {
            if (Call* pending = d->calls.value(id))
                finish(pending);
        });
        return;
    }

    call->result.body.clear();
    call->result.bodySize = 0;
    call->result.bodyTruncated = false;
    call->newConnection = false;
    QNetworkReply* reply = call->hasBody ? d->manager->sendCustomRequest(request, call->method, call->body)
                                         : d->manager->sendCustomRequest(request, call->method);
    call->reply = reply;
    const quint64 id = call->id;
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this, id] {
        if (Call* c = d->calls.value(id))
            c->newConnection = true;
    });
    connect(reply, &QNetworkReply::requestSent, this, [this, id] {
        Call* c = d->calls.value(id);
        // Qt tells nothing about a connection it reuses; for a new one, the time until the
        // request is written covers name lookup, TCP and TLS.
        if (c && c->newConnection && c->result.connectMs < 0)
            c->result.connectMs = c->clock.nsecsElapsed() / 1e6;
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] {
        Call* c = d->calls.value(id);
        if (c && c->result.firstByteMs < 0)
            c->result.firstByteMs = c->clock.nsecsElapsed() / 1e6;
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    connect(reply, &QNetworkReply::sslErrors, this, [this, id](const QList<QSslError>& errors) {
        onSslErrors(id, errors);
    });
}

void HttpClient::onReadyRead(quint64 id)
{
    Call* call = d->calls.value(id);
    if (!call || !call->reply)
        return;
    if (call->result.firstByteMs < 0)
        call->result.firstByteMs = call->clock.nsecsElapsed() / 1e6;
    const QByteArray chunk = call->reply->readAll();
    if (call->pendingError != CallResult::ErrorKind::None)
        return;
    call->result.bodySize += chunk.size();
    const qint64 room = d->options.maxBodyBytes - call->result.body.size();
    if (chunk.size() > room) {
        call->result.body += chunk.left(room);
        call->result.bodyTruncated = true;
        // Aborting from inside readyRead would re-enter the reply; stop right after.
        call->pendingError = CallResult::ErrorKind::ResponseTooLarge;
        QTimer::singleShot(0, this, [this, id] { abortWith(id, CallResult::ErrorKind::ResponseTooLarge); });
        return;
    }
    call->result.body += chunk;
    emit progress(id,
                  call->result.bodySize,
                  call->reply->header(QNetworkRequest::ContentLengthHeader).isValid()
                      ? call->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong()
                      : -1);
}

void HttpClient::onSslErrors(quint64 id, const QList<QSslError>& errors)
{
    Call* call = d->calls.value(id);
    if (!call || !call->reply)
        return;
    const Options& options = d->options;
    const QSslCertificate peer = call->reply->sslConfiguration().peerCertificate();
    // What a self-signed certificate causes, and nothing else: trusting a certificate
    // must not also accept it expired, revoked, or broken.
    static const QSet<QSslError::SslError> ignorable = {QSslError::SelfSignedCertificate,
                                                        QSslError::SelfSignedCertificateInChain,
                                                        QSslError::CertificateUntrusted,
                                                        QSslError::UnableToGetLocalIssuerCertificate,
                                                        QSslError::UnableToVerifyFirstCertificate,
                                                        QSslError::HostNameMismatch};
    bool trustable = !peer.isNull();
    for (const QSslError& error : errors) {
        // The digest pins the server's own certificate, so how its chain fails to reach a
        // known root does not matter; anything else about the certificate does.
        if (!ignorable.contains(error.error()))
            trustable = false;
    }
    const QByteArray digest = peer.isNull() ? QByteArray() : peer.digest(QCryptographicHash::Sha256);
    TrustedCertificate trust;
    trust.host = options.trustedHost;
    trust.sha256 = options.trustedSha256;
    const bool trusted = trustable && trust.appliesTo(call->url.host()) && digest == trust.sha256;
    if (trusted) {
        call->reply->ignoreSslErrors(errors);
        return;
    }
    QStringList reasons;
    for (const QSslError& error : errors)
        reasons.append(error.errorString());
    reasons.removeDuplicates();
    call->tlsDetails = tr("%1 (certificate %2)").arg(reasons.join(QStringLiteral("; ")), certificateText(peer));
    call->tlsCertificate = PeerCertificate();
    if (!peer.isNull()) {
        call->tlsCertificate.host = call->url.host();
        call->tlsCertificate.sha256 = digest;
        call->tlsCertificate.subject = distinguishedName(peer, false);
        call->tlsCertificate.issuer = distinguishedName(peer, true);
        call->tlsCertificate.notBefore = peer.effectiveDate().toUTC();
        call->tlsCertificate.notAfter = peer.expiryDate().toUTC();
        call->tlsCertificate.trustable = trustable;
    }
}

void HttpClient::abortWith(quint64 id, CallResult::ErrorKind kind)
{
    Call* call = d->calls.value(id);
    if (!call)
        return;
    if (call->pendingError == CallResult::ErrorKind::None || kind == CallResult::ErrorKind::ResponseTooLarge)
        call->pendingError = kind;
    if (call->reply) {
        call->reply->abort(); // emits finished, which reports pendingError
    } else {
        call->result.error = kind;
        finish(call);
    }
}

void HttpClient::cancel(quint64 id)
{
    abortWith(id, CallResult::ErrorKind::Cancelled);
}

void HttpClient::cancelAll()
{
    const QList<quint64> ids = d->calls.keys();
    for (quint64 id : ids)
        cancel(id);
}

void HttpClient::onFinished(quint64 id)
{
    Call* call = d->calls.value(id);
    if (!call || !call->reply)
        return;
    QNetworkReply* reply = call->reply;
    call->reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    CallResult& result = call->result;
    if (call->pendingError == CallResult::ErrorKind::None) {
        const QByteArray rest = reply->readAll();
        result.bodySize += rest.size();
        result.body += rest;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.status = status.isValid() ? status.toInt() : 0;
    result.reason = QString::fromUtf8(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    result.responseHeaders = reply->rawHeaderPairs();

    if (stoppedHere(call, reply) || failedOnTheWay(call, reply) || closedEarly(call, reply)
        || !followRedirect(call, reply))
        finish(call);
}

bool HttpClient::stoppedHere(Call* call, QNetworkReply* reply)
{
    CallResult& result = call->result;
    switch (call->pendingError) {
    case CallResult::ErrorKind::Timeout:
        result.error = CallResult::ErrorKind::Timeout;
        result.errorMessage = tr("%1 did not answer within %2 s. Marketo would give up too and log the "
                                 "call as failed (the server may still have done the work).")
                                  .arg(call->url.host(), seconds(d->options.timeoutMs));
        return true;
    case CallResult::ErrorKind::Cancelled:
        result.error = CallResult::ErrorKind::Cancelled;
        result.errorMessage = tr("The call was cancelled.");
        return true;
    case CallResult::ErrorKind::ResponseTooLarge: {
        result.error = CallResult::ErrorKind::ResponseTooLarge;
        result.bodyTruncated = true;
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        result.bodySize = qMax(result.bodySize, announced);
        result.errorMessage = tr("The response is larger than %1 MB; only the first %1 MB were kept.")
                                  .arg(QString::number(d->options.maxBodyBytes / (1024.0 * 1024.0), 'g', 4));
        return true;
    }
    default:
        return false;
    }
}

bool HttpClient::failedOnTheWay(Call* call, QNetworkReply* reply)
{
    CallResult& result = call->result;
    const QNetworkReply::NetworkError error = reply->error();
    // Qt reports 4xx and 5xx statuses as errors too; for the designer they are answers.
    const bool httpStatusError =
        result.status > 0
        && ((error >= QNetworkReply::ContentAccessDenied && error <= QNetworkReply::UnknownContentError)
            || (error >= QNetworkReply::InternalServerError && error <= QNetworkReply::UnknownServerError));
    if (error == QNetworkReply::NoError || httpStatusError)
        return false;
    const QString host = call->url.host();
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        result.error = CallResult::ErrorKind::ConnectionRefused;
        result.errorMessage = tr("Nothing answers at %1 (connection refused). Check the host and "
                                 "port in the URL, and that the service is running.")
                                  .arg(origin(call->url));
        return true;
    case QNetworkReply::HostNotFoundError:
        result.error = CallResult::ErrorKind::HostNotFound;
        result.errorMessage = tr("The server name \"%1\" could not be found. Check the spelling of the URL.").arg(host);
        return true;
    case QNetworkReply::TimeoutError:
        result.error = CallResult::ErrorKind::Timeout;
        result.errorMessage = tr("%1 did not answer in time.").arg(host);
        return true;
    default:
        break;
    }
    if (error == QNetworkReply::SslHandshakeFailedError
        || (error == QNetworkReply::UnknownNetworkError && !call->tlsDetails.isEmpty())) {
        result.error = CallResult::ErrorKind::Tls;
        result.tlsDetails = call->tlsDetails.isEmpty() ? reply->errorString() : call->tlsDetails;
        result.tlsCertificate = call->tlsCertificate;
        result.errorMessage = tr("The secure (HTTPS) connection to %1 could not be trusted: %2. Marketo "
                                 "would refuse it too.")
                                  .arg(host, result.tlsDetails);
    } else if (error == QNetworkReply::RemoteHostClosedError) {
        result.error = CallResult::ErrorKind::ClosedEarly;
        result.errorMessage = result.status > 0
                                  ? tr("%1 closed the connection before the response was complete (%2 bytes arrived).")
                                        .arg(host)
                                        .arg(result.bodySize)
                                  : tr("%1 closed the connection without answering.").arg(host);
    } else {
        result.error = CallResult::ErrorKind::Other;
        result.errorMessage = tr("The call to %1 failed: %2").arg(host, reply->errorString());
    }
    return true;
}

bool HttpClient::closedEarly(Call* call, QNetworkReply* reply)
{
    // Qt sometimes ends a reply without an error when the server closes the connection
    // right after a short body, depending on which of the close and the data it reads
    // first. The announced length settles it, where it describes the bytes we counted:
    // not for a compressed body (Qt counts decompressed bytes), nor for answers that
    // never carry a body.
    CallResult& result = call->result;
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (!announced.isValid() || !(encoding.isEmpty() || encoding == "identity") || result.status == 204
        || result.status == 304 || (result.status >= 100 && result.status <= 199) || call->method.toUpper() == "HEAD"
        || result.bodySize >= announced.toLongLong())
        return false;
    result.error = CallResult::ErrorKind::ClosedEarly;
    result.errorMessage = tr("%1 closed the connection before the response was complete (%2 bytes "
                             "arrived).")
                              .arg(call->url.host())
                              .arg(result.bodySize);
    return true;
}

bool HttpClient::followRedirect(Call* call, QNetworkReply* reply)
{
    CallResult& result = call->result;
    const bool redirect = result.status == 301 || result.status == 302 || result.status == 303 || result.status == 307
                          || result.status == 308;
    const QByteArray location = reply->rawHeader("Location");
    if (!redirect || location.isEmpty() || !d->options.followRedirects)
        return false;
    if (result.redirects.size() >= d->options.maxRedirects) {
        result.error = CallResult::ErrorKind::TooManyRedirects;
        result.errorMessage =
            tr("The server redirected more than %1 times; the call was stopped.").arg(d->options.maxRedirects);
        return false;
    }
    const QUrl next = call->url.resolved(QUrl::fromEncoded(location, QUrl::TolerantMode));
    RedirectHop hop;
    hop.status = result.status;
    hop.location = QString::fromUtf8(location);
    hop.url = QString::fromUtf8(next.toEncoded(QUrl::RemoveFragment));
    const QString scheme = next.scheme().toLower();
    if (!next.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        result.redirects.append(hop);
        result.error = CallResult::ErrorKind::Other;
        result.errorMessage = tr("The server redirected to \"%1\", which is not an http(s) address.").arg(hop.location);
        return false;
    }
    prepareNextHop(call, next, &hop);
    result.redirects.append(hop);
    call->url = next;
    start(call);
    return true;
}

void HttpClient::prepareNextHop(Call* call, const QUrl& next, RedirectHop* hop)
{
    const int status = call->result.status;
    // 303, and 301/302 after a POST, become a GET without body, as browsers and curl do.
    if (status == 303 || ((status == 301 || status == 302) && call->method == "POST")) {
        if (call->method != "HEAD")
            call->method = QByteArrayLiteral("GET");
        call->hasBody = false;
        call->body.clear();
        call->headers.removeIf([](const auto& header) { return sameName(header.first, "Content-Type"); });
    }
    if (origin(next) != call->firstOrigin || call->crossedOrigin) {
        call->crossedOrigin = true;
        call->headers.removeIf([call, hop](const auto& header) {
            const QByteArray lower = header.first.toLower();
            const bool credential = lower == "authorization" || lower == "proxy-authorization" || lower == "cookie"
                                    || call->secretNames.contains(lower);
            if (credential)
                hop->droppedHeaders.append(QString::fromLatin1(header.first));
            return credential;
        });
    }
    // A Host header written by the user names the first host, not the next one.
    if (origin(next) != origin(call->url))
        call->headers.removeIf([](const auto& header) { return sameName(header.first, "Host"); });
}

void HttpClient::finish(Call* call)
{
    if (call->timer) {
        call->timer->stop();
        call->timer->deleteLater();
        call->timer = nullptr;
    }
    call->result.totalMs = call->clock.nsecsElapsed() / 1e6;
    d->calls.remove(call->id);
    const quint64 id = call->id;
    const CallResult result = call->result;
    delete call;
    if (d->flushPending && d->calls.isEmpty()) {
        // Not from inside the reply's own signal.
        QTimer::singleShot(0, this, [this] { flushConnectionsIfIdle(); });
    }
    emit finished(id, result);
}

CallResult HttpClient::callAndWait(const RenderedRequest& request)
{
    QEventLoop loop;
    CallResult out;
    const quint64 id = call(request);
    connect(this, &HttpClient::finished, &loop, [&loop, &out, id](quint64 finishedId, const CallResult& result) {
        if (finishedId != id)
            return;
        out = result;
        loop.quit();
    });
    loop.exec();
    return out;
}
