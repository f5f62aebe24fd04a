#include "marketo/MarketoApi.h"
#include "marketo/MarketoClient.h"
#include "marketo/MarketoImport.h"
#include "marketo/MarketoRateLimiter.h"
#include "model/Workspace.h"
#include "sandbox/SandboxMarketo.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

// The Marketo client against the sandbox's emulation of Marketo's REST API, on 127.0.0.1
// port 0. The client's clock and pauses are the test's: back-off is checked by what the
// client asked to wait, never by waiting.
class tst_MarketoClient : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        QVERIFY(m_server->listen(0));
        m_now = 1000000;
        m_pauses.clear();
        m_server->marketo().setClock([this] { return m_now; });
        m_client = std::make_unique<MarketoClient>(&m_manager);
        m_client->setConnection(connection(), QStringLiteral("sandbox-secret"));
        m_client->setClock([this] { return m_now; });
        m_client->setPause([this](qint64 ms, std::function<void()> then) {
            m_pauses.append(ms);
            m_now += ms;
            QTimer::singleShot(0, then);
        });
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void authenticatesAndRefusesBadCredentials()
    {
        QVERIFY(authenticate().isNone());
        m_client->setConnection(connection(), QStringLiteral("wrong"));
        const MarketoProblem refused = authenticate();
        QCOMPARE(refused.kind, MarketoProblem::Kind::Refused);
        QVERIFY2(refused.message.contains(QStringLiteral("client ID or secret")), qPrintable(refused.message));
        // The secret went in a form body, never in a URL.
        for (const auto& request : m_server->marketo().requests()) {
            QVERIFY(!request.query.contains(QStringLiteral("secret")));
        }
    }

    void fieldsMergeWithUnknownTypesAndUnicodeNames()
    {
        MarketoApi api(m_client.get());
        QList<MarketoField> fields;
        QCOMPARE(fetch<MarketoField>([&](auto done) { api.fields(done); }, &fields).kind, MarketoProblem::Kind::None);
        QVERIFY(fields.size() > 30);
        Workspace workspace;
        const MarketoImportSummary summary = MarketoImport::mergeFields(&workspace, fields);
        QVERIFY(!summary.added.isEmpty());
        QVERIFY(workspace.marketo.instanceFields.contains(QStringLiteral("email")));
        QVERIFY(workspace.marketo.isReadOnly(QStringLiteral("id")));
        QVERIFY(workspace.marketo.isReadOnly(QStringLiteral("createdAt")));
        QVERIFY(!workspace.marketo.isReadOnly(QStringLiteral("email")));
        bool unicode = false;
        for (const Field& f : std::as_const(workspace.fields)) {
            unicode = unicode || f.name == QStringLiteral("Größe des Unternehmens");
        }
        QVERIFY(unicode);
        bool unknownType = false;
        for (const QString& warning : summary.warnings) {
            unknownType = unknownType || warning.contains(QStringLiteral("taken as string"));
        }
        QVERIFY2(unknownType, qPrintable(summary.warnings.join(QLatin1Char('\n'))));
        // A second import changes nothing.
        const MarketoImportSummary again = MarketoImport::mergeFields(&workspace, fields);
        QVERIFY(!again.changed());
    }

    // 750 leads in pages of at most 300, the access token only in the header; the token
    // expires after two calls, in the middle of the list, and is fetched again once.
    void aListPagesToTheEndThroughAnExpiredToken()
    {
        m_server->marketo().setTokenCallLimit(2);
        MarketoApi api(m_client.get());
        QList<QJsonObject> leads;
        QList<int> progress;
        const MarketoProblem problem = fetch<QJsonObject>(
            [&](auto done) {
                api.leadsByList(
                    1001,
                    {QStringLiteral("email"), QStringLiteral("firstName")},
                    0,
                    [&](int read) { progress << read; },
                    done);
            },
            &leads);
        QVERIFY2(problem.isNone(), qPrintable(problem.toString()));
        QCOMPARE(leads.size(), 750);
        QCOMPARE(progress, (QList<int> {300, 600, 750}));
        QCOMPARE(m_server->marketo().tokensIssued(), 2);
        int listCalls = 0;
        for (const auto& request : m_server->marketo().requests()) {
            QVERIFY2(!request.query.contains(QStringLiteral("access_token")), qPrintable(request.query));
            if (request.path.contains(QStringLiteral("/lists/"))) {
                ++listCalls;
                QVERIFY(request.authorization.startsWith("Bearer "));
            }
        }
        QCOMPARE(listCalls, 4); // three pages and the one refused with 602
        QVERIFY(m_pauses.isEmpty());
    }

    void aLimitStopsTheList()
    {
        MarketoApi api(m_client.get());
        QList<QJsonObject> leads;
        QVERIFY(fetch<QJsonObject>([&](auto done) { api.leadsByList(1001, {QStringLiteral("email")}, 320, {}, done); },
                                   &leads)
                    .isNone());
        QCOMPARE(leads.size(), 320);
        const auto requests = m_server->marketo().requests();
        QVERIFY(requests.last().query.contains(QStringLiteral("batchSize=20")));
    }

    void errorCodesBecomeActionableProblems_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QList<qint64>>("pauses");
        QTest::newRow("601 once: new token") << 601 << 1 << true << QString() << QList<qint64>();
        QTest::newRow("602 once: new token") << 602 << 1 << true << QString() << QList<qint64>();
        QTest::newRow("601 twice") << 601 << 2 << false << QStringLiteral("refused even after") << QList<qint64>();
        QTest::newRow("603") << 603 << 1 << false << QStringLiteral("Read-Only Lead") << QList<qint64>();
        QTest::newRow("604 retried") << 604 << 2 << true << QString() << QList<qint64> {2000, 4000};
        QTest::newRow("611 retried") << 611 << 1 << true << QString() << QList<qint64> {2000};
        QTest::newRow("615 gives up") << 615 << 4 << false << QStringLiteral("try again later")
                                      << QList<qint64> {2000, 4000, 8000};
        QTest::newRow("607 stops") << 607 << 1 << false << QStringLiteral("daily API quota") << QList<qint64>();
        QTest::newRow("1003") << 1003 << 1 << false << QStringLiteral("was refused") << QList<qint64>();
    }

    void errorCodesBecomeActionableProblems()
    {
        QFETCH(int, code);
        QFETCH(int, count);
        QFETCH(bool, ok);
        QFETCH(QString, says);
        QFETCH(QList<qint64>, pauses);
        QVERIFY(authenticate().isNone());
        m_server->marketo().failNext(code, count);
        MarketoApi api(m_client.get());
        QList<MarketoField> fields;
        const MarketoProblem problem = fetch<MarketoField>([&](auto done) { api.fields(done); }, &fields);
        QCOMPARE(problem.isNone(), ok);
        if (!ok) {
            QCOMPARE(problem.kind, MarketoProblem::Kind::Refused);
            QCOMPARE(problem.code, QString::number(code));
            QVERIFY2(problem.message.contains(says), qPrintable(problem.message));
            QVERIFY(problem.toString().startsWith(QStringLiteral("Marketo error %1: ").arg(code)));
        } else {
            QVERIFY(!fields.isEmpty());
        }
        QCOMPARE(m_pauses, pauses);
    }

    void anUnknownListIsNamed()
    {
        MarketoApi api(m_client.get());
        QList<QJsonObject> leads;
        const MarketoProblem problem = fetch<QJsonObject>(
            [&](auto done) { api.leadsByList(9999, {QStringLiteral("email")}, 10, {}, done); }, &leads);
        QCOMPARE(problem.code, QStringLiteral("1013"));
        QVERIFY2(problem.message.contains(QStringLiteral("static list 9999 does not exist")),
                 qPrintable(problem.message));
    }

    // Past 100 calls in 20 s the client waits for the window itself; Marketo's own 606
    // (calls from elsewhere) makes it back off too.
    void theRateLimitIsHonoured()
    {
        MarketoApi api(m_client.get());
        for (int i = 0; i < 101; ++i) {
            QList<MarketoToken> tokens;
            QVERIFY(fetch<MarketoToken>([&](auto done) { api.tokens(1001, done); }, &tokens).isNone());
        }
        // The client waited before the 101st call, rather than be refused for it.
        QVERIFY(!m_pauses.isEmpty());
        QVERIFY(m_pauses.first() > 0 && m_pauses.first() <= MarketoRateLimiter::windowMs);

        m_pauses.clear();
        m_server->marketo().failNext(606, 1);
        QList<MarketoToken> tokens;
        QVERIFY(fetch<MarketoToken>([&](auto done) { api.tokens(1001, done); }, &tokens).isNone());
        QCOMPARE(m_pauses.size(), 1);
        QVERIFY(m_pauses.first() >= 1000);
    }

    void theLimiterCountsAWindow()
    {
        MarketoRateLimiter limiter;
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(limiter.delay(1000 + i), 0);
            limiter.record(1000 + i);
        }
        QCOMPARE(limiter.delay(5000), qint64(1000 + 20000 - 5000));
        QCOMPARE(limiter.delay(21000), 0);
    }

    void aLongFieldListGoesInAPostBody()
    {
        QStringList fields;
        for (int i = 0; i < 900; ++i) {
            fields << QStringLiteral("email");
        }
        MarketoApi api(m_client.get());
        QList<QJsonObject> leads;
        const MarketoProblem problem = fetch<QJsonObject>(
            [&](auto done) { api.leadsByEmail({QStringLiteral("ada@analytical-engines.example")}, fields, done); },
            &leads);
        QVERIFY2(problem.isNone(), qPrintable(problem.toString()));
        const auto request = m_server->marketo().requests().last();
        QCOMPARE(request.method, QStringLiteral("POST"));
        QVERIFY(request.query.contains(QStringLiteral("_method=GET")));
        QVERIFY(request.body.contains("filterType=email"));
    }

    void programsAndTokensBecomeTheContext()
    {
        MarketoApi api(m_client.get());
        QList<MarketoProgram> programs;
        QVERIFY(fetch<MarketoProgram>([&](auto done) { api.programs(done); }, &programs).isNone());
        QVERIFY(programs.size() > 30);
        const auto webinar =
            std::find_if(programs.cbegin(), programs.cend(), [](const MarketoProgram& p) { return p.id == 1001; });
        QVERIFY(webinar != programs.cend());
        QCOMPARE(webinar->name, QStringLiteral("Q4 Webinar"));
        QList<MarketoToken> tokens;
        QVERIFY(fetch<MarketoToken>([&](auto done) { api.tokens(1001, done); }, &tokens).isNone());
        QStringList types;
        for (const MarketoToken& token : std::as_const(tokens)) {
            types << token.type.toLower();
        }
        for (const char* type : {"text", "number", "date", "score", "rich text", "sfdc campaign"}) {
            QVERIFY2(types.contains(QLatin1String(type)), type);
        }
        Workspace workspace;
        workspace.context.my.present = true;
        workspace.context.my.values = {{QStringLiteral("apiKey"), QStringLiteral("kept"), true, false}};
        const MarketoImportSummary summary = MarketoImport::mergeTokens(&workspace, *webinar, tokens);
        QCOMPARE(summary.added.size(), tokens.size());
        QCOMPARE(summary.absent, QStringList {QStringLiteral("apiKey")});
        QCOMPARE(workspace.context.program.find(QStringLiteral("name"))->value, QStringLiteral("Q4 Webinar"));
        QCOMPARE(workspace.context.program.find(QStringLiteral("id"))->value, QStringLiteral("1001"));
        QCOMPARE(workspace.context.my.find(QStringLiteral("apiKey"))->value, QStringLiteral("kept"));
    }

    void leadsMergeByEmail()
    {
        MarketoApi api(m_client.get());
        QList<QJsonObject> leads;
        QVERIFY(fetch<QJsonObject>(
                    [&](auto done) {
                        api.leadsByList(1002, {QStringLiteral("email"), QStringLiteral("firstName")}, 0, {}, done);
                    },
                    &leads)
                    .isNone());
        QCOMPARE(leads.size(), 3);
        Workspace workspace;
        QJsonObject existing;
        existing.insert(QStringLiteral("Email Address"), leads.first().value(QStringLiteral("email")));
        existing.insert(QStringLiteral("First Name"), QStringLiteral("Old"));
        workspace.leads = {existing};
        const MarketoImportSummary summary = MarketoImport::mergeLeads(&workspace, leads);
        QCOMPARE(summary.updated.size(), 1);
        QCOMPARE(summary.added.size(), 2);
        QCOMPARE(workspace.leads.size(), 3);
        QCOMPARE(workspace.leads.first().value(QStringLiteral("First Name")),
                 leads.first().value(QStringLiteral("firstName")));
    }

    void noAnswerIsATransportProblem()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        MarketoConnection gone = connection();
        gone.identity = QStringLiteral("http://127.0.0.1:%1/marketo/identity").arg(port);
        m_client->setConnection(gone, QStringLiteral("sandbox-secret"));
        const MarketoProblem problem = authenticate();
        QCOMPARE(problem.kind, MarketoProblem::Kind::Transport);
        QVERIFY2(problem.message.contains(QStringLiteral("refused")), qPrintable(problem.message));
    }

    void cancelEndsWithCancelled()
    {
        MarketoApi api(m_client.get());
        QList<QJsonObject> leads;
        bool called = false;
        MarketoProblem problem;
        api.leadsByList(
            1001, {QStringLiteral("email")}, 0, {}, [&](const QList<QJsonObject>&, const MarketoProblem& p) {
                called = true;
                problem = p;
            });
        m_client->cancel();
        QTRY_VERIFY(called);
        QCOMPARE(problem.kind, MarketoProblem::Kind::Cancelled);
    }

private:
    MarketoConnection connection() const
    {
        MarketoConnection c;
        c.endpoint = m_server->url().toString() + QStringLiteral("/marketo/rest");
        c.identity = m_server->url().toString() + QStringLiteral("/marketo/identity");
        c.clientId = QStringLiteral("sandbox-client");
        return c;
    }

    MarketoProblem authenticate()
    {
        MarketoProblem problem;
        bool done = false;
        m_client->authenticate([&](const MarketoClient::Reply& reply) {
            problem = reply.problem;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000)) {
            return MarketoProblem::transport(QStringLiteral("the test timed out"));
        }
        return problem;
    }

    template <typename T, typename Start>
    MarketoProblem fetch(Start start, QList<T>* items)
    {
        MarketoProblem problem = MarketoProblem::transport(QStringLiteral("the test timed out"));
        bool done = false;
        start([&](const QList<T>& read, const MarketoProblem& p) {
            *items = read;
            problem = p;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000)) {
            return MarketoProblem::transport(QStringLiteral("the test timed out"));
        }
        return problem;
    }

    QNetworkAccessManager m_manager;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<MarketoClient> m_client;
    qint64 m_now = 0;
    QList<qint64> m_pauses;
};

QTEST_GUILESS_MAIN(tst_MarketoClient)
#include "tst_marketoclient.moc"
