#pragma once

#include "http/CallResult.h"
#include "model/TrustedCertificate.h"
#include "template/RenderedRequest.h"

#include <QObject>
#include <QSslError>

class QNetworkAccessManager;
class QNetworkReply;
class QUrl;

// Sends rendered requests exactly as written, on a QNetworkAccessManager handed in from
// outside (so tests point it at a loopback server). One HttpClient may run many calls
// at once; each call() returns an id used by finished() and cancel().
//
// Contract:
// - The method is sent as is (any verb), the URL as written (only characters that cannot
//   go on the wire, such as spaces or non-ASCII, are percent-encoded; `%26` stays `%26`,
//   `&` stays `&`), the custom headers in order (two with the same name are joined with
//   ", "), and the body byte for byte when the request has one.
// - CallResult::requestHeaders is what went over the wire, Qt's own headers included
//   (Host, Content-Length, Connection, Accept-Encoding, Accept-Language, User-Agent). A
//   header the user sets wins over Qt's, except Content-Length, which always is the body's
//   real size. User info in the URL (user:password@) becomes an Authorization: Basic
//   header. Cookies are neither stored nor sent; HTTP/2 is not used.
// - A request with error diagnostics, a CR or LF in a header, or a URL that is not http(s)
//   is not sent: it finishes with ErrorKind::InvalidRequest.
// - The timeout covers the whole call, redirects included. Redirects are followed by the
//   client itself (up to maxRedirects, every hop recorded); Authorization, Cookie and the
//   headers marked secret are not sent to another origin (scheme, host, port).
// - TLS errors fail the call with the reason and the certificate's subject, issuer and
//   validity (tlsDetails), and the certificate itself (tlsCertificate: host, SHA-256, ...).
//   They are ignored only when the URL's host is trustedHost and the server's certificate
//   has exactly the SHA-256 digest trustedSha256, and only the errors a self-signed or
//   unknown-issuer certificate causes (an expired or revoked one still fails). When the
//   trust is withdrawn or changed, the manager's connection cache is cleared as soon as no
//   call of this client is running (Qt would otherwise keep accepting the certificate on a
//   cached connection); share the manager only with calls that tolerate that.
// - The body is kept up to maxBodyBytes: past it the download stops with
//   ErrorKind::ResponseTooLarge and bodyTruncated set. Gzip responses are decompressed
//   by Qt with its ratio safety check off (the cap bounds memory instead).
// - finished() is always emitted after call() has returned, exactly once per id.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        static constexpr int minTimeoutMs = 1000;
        static constexpr int maxTimeoutMs = 300000;

        int timeoutMs = 30000; // over the whole call, like Marketo; clamped to 1 s - 300 s
        bool followRedirects = true;
        int maxRedirects = 10;
        qint64 maxBodyBytes = 100LL * 1024 * 1024;
        // One self-signed certificate the workspace trusts explicitly, for one host: the
        // SHA-256 digest (32 raw bytes) of its DER form.
        QString trustedHost;
        QByteArray trustedSha256;

        // Takes the workspace's trust (or clears it when not set).
        void trust(const TrustedCertificate& certificate)
        {
            trustedHost = certificate.isSet() ? certificate.host : QString();
            trustedSha256 = certificate.isSet() ? certificate.sha256 : QByteArray();
        }
    };

    explicit HttpClient(QNetworkAccessManager* manager, QObject* parent = nullptr);
    ~HttpClient() override;

    void setOptions(const Options& options);
    const Options& options() const;
    QNetworkAccessManager* manager() const;

    // Starts a call; the result arrives through finished(id, result).
    quint64 call(const RenderedRequest& request);
    void cancel(quint64 id);
    void cancelAll();
    int activeCalls() const;

    // Convenience for the CLI and tests: runs a nested event loop until the call ends.
    CallResult callAndWait(const RenderedRequest& request);

    // The reason a request cannot be sent (InvalidRequest), or an empty string.
    static QString validate(const RenderedRequest& request);

signals:
    void finished(quint64 id, const CallResult& result);
    void progress(quint64 id, qint64 received, qint64 total);

private:
    struct Call;
    struct Private;

    void start(Call* call);
    void onReadyRead(quint64 id);
    void onFinished(quint64 id);
    // The steps of onFinished(): each true when it decided the call's outcome, except
    // followRedirect(), true when it started the next hop.
    bool stoppedHere(Call* call, QNetworkReply* reply);
    bool failedOnTheWay(Call* call, QNetworkReply* reply);
    bool closedEarly(Call* call, QNetworkReply* reply);
    bool followRedirect(Call* call, QNetworkReply* reply);
    void prepareNextHop(Call* call, const QUrl& next, RedirectHop* hop);
    void onSslErrors(quint64 id, const QList<QSslError>& errors);
    void finish(Call* call);
    void abortWith(quint64 id, CallResult::ErrorKind kind);
    void flushConnectionsIfIdle();

    Private* d;
};
