#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QTcpSocket;
class SandboxMarketo;
class SandboxTcpServer;

// The built-in web service webhooks can call offline, and the server every network test
// talks to. Listens on 127.0.0.1 only. Endpoints (any method unless noted):
//   /echo              the request as JSON: method, path, query, args, headers (in order,
//                      as received), body, json (the body parsed as JSON, else null), form
//                      (the body parsed as application/x-www-form-urlencoded, else null)
//   /enrich            {"data":{company,industry,employees,annualRevenue,website,domain,
//                      tags[],public}} for the `email` of a JSON or form body or ?email=;
//                      400 without an email
//   /enrich?shape=v2   the same company in a drifted shape, as a vendor's new version might
//                      answer: no "industry", "employees" as a string, a new "founded"
//   /enrich.xml        the same as <enrichment><data>...</data></enrichment>
//   /status/{code}     answers with that status (200-599)
//   /delay/{ms}        answers after ms milliseconds (at most 300000), without blocking
//                      other connections
//   /redirect/{n}      n redirects (302, or ?status=301|303|307|308) to /redirect/{n-1},
//                      then 200; ?to=URL sends the last hop to URL instead
//   /large?mb=N        a valid JSON document of exactly N MiB (or ?bytes=N), streamed;
//                      &gzip=1 sends it gzip-encoded (at most 64 MiB then)
//   /flaky             503 on every other call (the 1st, 3rd, ...), 200 otherwise
//   /auth              401 unless `Authorization: Bearer sandbox-token` arrives (see
//                      setExpectedAuthorization)
//   /close             announces a body, sends part of it and drops the connection
//   /marketo/...       an emulated Marketo instance (SandboxMarketo): identity at
//                      /marketo/identity (oauth/token), REST endpoint at /marketo/rest
//                      (leads/describe.json, leads.json, lists/{id}/leads.json,
//                      asset/v1/programs.json, asset/v1/folder/{id}/tokens.json)
// It counts the largest number of connections open at the same time.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 defaultPort = 18787;

    explicit SandboxServer(QObject* parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1: on `preferred` (0: any free port), else on the next ports up
    // to `tries` attempts in all; port() is the one it got. On failure, returns false and
    // sets *error when given.
    bool listen(quint16 preferred = 0, int tries = 1, QString* error = nullptr);
    bool isListening() const;
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:<port>

    int openConnections() const;
    int maxConcurrentConnections() const;
    qint64 totalConnections() const;
    qint64 requestCount() const { return m_requests; }
    void resetStatistics();

    void setExpectedAuthorization(const QByteArray& value) { m_expectedAuthorization = value; }

    // The emulated Marketo instance behind /marketo, for tests to configure and inspect.
    SandboxMarketo& marketo() { return *m_marketo; }

signals:
    void requestServed(const QString& method, const QString& path, int status);

private:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    void setUpRoutes();
    // One handler per endpoint; each answers on the request's socket.
    void serveIndex(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveEcho(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveEnrich(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveEnrichXml(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveStatus(int code, const QHttpServerRequest& request, QTcpSocket* socket);
    void serveDelay(int ms, const QHttpServerRequest& request, QTcpSocket* socket);
    void serveRedirect(int n, const QHttpServerRequest& request, QTcpSocket* socket);
    void serveLarge(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveFlaky(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveAuth(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveClose(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveMarketo(const QHttpServerRequest& request, QTcpSocket* socket);
    void respond(QTcpSocket* socket,
                 const QHttpServerRequest& request,
                 int status,
                 const QByteArray& body,
                 const QByteArray& contentType,
                 const Headers& extraHeaders = {});
    // A JSON {"error": message} answer.
    void respondError(QTcpSocket* socket,
                      const QHttpServerRequest& request,
                      int status,
                      const QString& message,
                      const Headers& extraHeaders = {});
    void writeHead(QTcpSocket* socket, int status, const Headers& headers);
    void served(const QHttpServerRequest& request, int status);

    QByteArray echo(const QHttpServerRequest& request) const;
    QString emailOf(const QHttpServerRequest& request) const;

    QHttpServer* m_http = nullptr;
    SandboxTcpServer* m_tcp = nullptr; // owned by m_http once bound
    qint64 m_requests = 0;
    qint64 m_flakyCalls = 0;
    QByteArray m_expectedAuthorization = QByteArrayLiteral("Bearer sandbox-token");
    std::unique_ptr<SandboxMarketo> m_marketo;
};
