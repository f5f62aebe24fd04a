#include "history/CallHistory.h"
#include "history/SecretRedactor.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

// The call history file: secrets, bounds, a damaged file.
class tst_CallHistory : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void nothingIsWrittenBeforeTheFirstCall();
    void recordsAndReadsBack();
    void secretsNeverReachTheFile_data();
    void secretsNeverReachTheFile();
    void shortSecretsAreNotSearched();
    void oldestDroppedPastTheCallLimit();
    void oldestDroppedPastTheByteLimit();
    void longBodiesAreCut();
    void damagedFileIsSetAside_data();
    void damagedFileIsSetAside();
    void lastLineWithoutNewline();
    void clearRemovesTheFile();

private:
    CallResult call(const QString& url = QStringLiteral("http://127.0.0.1:1/hook"), int status = 200) const;
    QByteArray fileBytes() const;

    QTemporaryDir m_dir;
    QString m_workspaceFile;
    Workspace m_workspace;
    Webhook m_webhook;
};

void tst_CallHistory::init()
{
    QVERIFY(m_dir.isValid());
    // A fresh file per test function and row: rows can run within the same millisecond.
    static int count = 0;
    m_workspaceFile = m_dir.filePath(QStringLiteral("w%1.webhooks.json").arg(++count));
    m_workspace = Workspace();
    m_workspace.context.my.present = true;
    m_workspace.context.my.values = {{QStringLiteral("apiKey"), QStringLiteral("s3cr3t value&\"x\""), true},
                                     {QStringLiteral("region"), QStringLiteral("eu-west"), false}};
    m_webhook = Webhook();
    m_webhook.name = QStringLiteral("Enrich");
    m_webhook.headers = {{QStringLiteral("X-Key"), QStringLiteral("literal-key-123"), true, {}}};
}

CallResult tst_CallHistory::call(const QString& url, int status) const
{
    CallResult result;
    result.method = QStringLiteral("POST");
    result.url = url;
    result.requestHeaders = {{"Host", "127.0.0.1:1"}, {"Content-Type", "application/json"}};
    result.requestBody = "{\"email\": \"a@b.com\"}";
    result.status = status;
    result.reason = QStringLiteral("OK");
    result.responseHeaders = {{"Content-Type", "application/json"}};
    result.body = "{\"data\": {\"company\": \"Acme\"}}";
    result.bodySize = result.body.size();
    result.totalMs = 12.5;
    result.startedAt = QDateTime::currentDateTimeUtc();
    return result;
}

QByteArray tst_CallHistory::fileBytes() const
{
    QFile file(CallHistory::fileNameFor(m_workspaceFile));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_CallHistory::nothingIsWrittenBeforeTheFirstCall()
{
    CallHistory history(m_workspaceFile);
    QCOMPARE(history.fileName(), m_workspaceFile + QStringLiteral(".history.jsonl"));
    QVERIFY(history.entries().isEmpty());
    QVERIFY(history.warnings().isEmpty());
    QVERIFY(!QFile::exists(history.fileName()));
}

void tst_CallHistory::recordsAndReadsBack()
{
    CallHistory history(m_workspaceFile);
    MappingOutcome mapping;
    MappingResult result;
    result.attribute = QStringLiteral("data.company");
    result.field = QStringLiteral("company");
    result.applied = true;
    result.value = QStringLiteral("Acme");
    mapping.mappings.append(result);
    QString error;
    QVERIFY2(history.record(m_workspace, m_webhook, call(), mapping, QStringLiteral("send"), 0, &error),
             qPrintable(error));
    QVERIFY(history.record(
        m_workspace, m_webhook, call(QStringLiteral("http://h/2"), 503), {}, QStringLiteral("designer")));
    const QList<CallHistoryEntry> entries = history.entries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).webhook, QStringLiteral("Enrich"));
    QCOMPARE(entries.at(0).source, QStringLiteral("send"));
    QCOMPARE(entries.at(0).lead.toInt(), 0);
    QCOMPARE(entries.at(0).status(), 200);
    QCOMPARE(entries.at(0).request.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(entries.at(0).mappings.size(), 1);
    QCOMPARE(entries.at(1).status(), 503);
    QCOMPARE(entries.at(1).request.value(QStringLiteral("url")).toString(), QStringLiteral("http://h/2"));
    QVERIFY(entries.at(0).error.isNull());
    QCOMPARE(fileBytes().count('\n'), 2);
}

void tst_CallHistory::secretsNeverReachTheFile_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("url") << QStringLiteral("url");
    QTest::newRow("json body") << QStringLiteral("json");
    QTest::newRow("form body") << QStringLiteral("form");
    QTest::newRow("plain header") << QStringLiteral("header");
    QTest::newRow("authorization") << QStringLiteral("authorization");
    QTest::newRow("secret header echoed") << QStringLiteral("echo");
}

void tst_CallHistory::secretsNeverReachTheFile()
{
    QFETCH(QString, where);
    const QString secret = QStringLiteral("s3cr3t value&\"x\"");
    CallResult c = call();
    QStringList forbidden;
    if (where == QLatin1String("url")) {
        c.url = QStringLiteral("http://h/x?key=s3cr3t%20value%26%22x%22&r=eu-west");
        forbidden = {QStringLiteral("s3cr3t%20value%26%22x%22")};
    } else if (where == QLatin1String("json")) {
        c.requestBody = "{\"key\": \"s3cr3t value&\\\"x\\\"\"}";
        forbidden = {QStringLiteral("s3cr3t value&\\\"x\\\"")};
    } else if (where == QLatin1String("form")) {
        c.requestBody = "key=s3cr3t+value%26%22x%22&region=eu-west";
        forbidden = {QStringLiteral("s3cr3t+value%26%22x%22")};
    } else if (where == QLatin1String("header")) {
        c.requestHeaders.append(qMakePair(QByteArray("X-Other"), QByteArray(secret.toUtf8())));
        forbidden = {QStringLiteral("s3cr3t value")};
    } else if (where == QLatin1String("authorization")) {
        c.requestHeaders.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer tok-98765")));
        forbidden = {QStringLiteral("tok-98765")};
    } else {
        c.requestHeaders.append(qMakePair(QByteArray("X-Key"), QByteArray("literal-key-123")));
        c.body = "{\"headers\": [{\"name\": \"X-Key\", \"value\": \"literal-key-123\"}]}";
        forbidden = {QStringLiteral("literal-key-123")};
    }
    CallHistory history(m_workspaceFile);
    QVERIFY(history.record(m_workspace, m_webhook, c, {}, QStringLiteral("send")));
    const QString text = QString::fromUtf8(fileBytes());
    for (const QString& value : forbidden)
        QVERIFY2(!text.contains(value), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("s3cr3t")));
    QVERIFY(text.contains(SecretRedactor::placeholder()));
    // What is not secret stays readable.
    if (where == QLatin1String("url") || where == QLatin1String("form"))
        QVERIFY(text.contains(QLatin1String("eu-west")));
}

void tst_CallHistory::shortSecretsAreNotSearched()
{
    m_workspace.context.my.values = {{QStringLiteral("pin"), QStringLiteral("1"), true}};
    SecretRedactor redactor(m_workspace, m_webhook);
    QCOMPARE(redactor.redact(QStringLiteral("a1b")), QStringLiteral("a1b"));
    // A secret header is masked by name whatever its length.
    CallResult c = call();
    c.requestHeaders.append(qMakePair(QByteArray("X-Key"), QByteArray("1")));
    CallHistory history(m_workspaceFile);
    const CallHistoryEntry entry = history.makeEntry(m_workspace, m_webhook, c, {}, QStringLiteral("send"));
    QVERIFY(QJsonDocument(entry.request).toJson().contains(SecretRedactor::placeholder().toUtf8()));
}

void tst_CallHistory::oldestDroppedPastTheCallLimit()
{
    CallHistory history(m_workspaceFile);
    CallHistory::Limits limits;
    limits.maxCalls = 5;
    history.setLimits(limits);
    for (int i = 0; i < 8; ++i)
        QVERIFY(history.record(
            m_workspace, m_webhook, call(QStringLiteral("http://h/%1").arg(i)), {}, QStringLiteral("send")));
    const QList<CallHistoryEntry> entries = history.entries();
    QCOMPARE(entries.size(), 5);
    QCOMPARE(entries.first().request.value(QStringLiteral("url")).toString(), QStringLiteral("http://h/3"));
    QCOMPARE(entries.last().request.value(QStringLiteral("url")).toString(), QStringLiteral("http://h/7"));
}

void tst_CallHistory::oldestDroppedPastTheByteLimit()
{
    CallHistory history(m_workspaceFile);
    CallHistory::Limits limits;
    limits.maxBytes = 3000;
    history.setLimits(limits);
    for (int i = 0; i < 20; ++i)
        QVERIFY(history.record(
            m_workspace, m_webhook, call(QStringLiteral("http://h/%1").arg(i)), {}, QStringLiteral("send")));
    QVERIFY(fileBytes().size() <= 3000);
    const QList<CallHistoryEntry> entries = history.entries();
    QVERIFY(entries.size() >= 2);
    QVERIFY(entries.size() < 20);
    QCOMPARE(entries.last().request.value(QStringLiteral("url")).toString(), QStringLiteral("http://h/19"));
}

void tst_CallHistory::longBodiesAreCut()
{
    CallHistory history(m_workspaceFile);
    CallResult c = call();
    c.body = QByteArray(200 * 1024, 'a');
    QVERIFY(history.record(m_workspace, m_webhook, c, {}, QStringLiteral("send")));
    const CallHistoryEntry entry = history.entries().value(0);
    const QJsonObject response = entry.response.toObject();
    QCOMPARE(response.value(QStringLiteral("body")).toString().size(), history.limits().maxBodyBytes);
    QVERIFY(response.value(QStringLiteral("bodyCut")).toBool());
    QVERIFY(!entry.request.value(QStringLiteral("bodyCut")).toBool());
}

void tst_CallHistory::damagedFileIsSetAside_data()
{
    QTest::addColumn<QByteArray>("damage");
    QTest::addColumn<int>("line");
    QTest::newRow("garbage line") << QByteArray("this is not json\n") << 2;
    QTest::newRow("cut mid-line") << QByteArray("{\"time\": \"2026-") << 2;
    QTest::newRow("json but not an entry") << QByteArray("{\"a\": 1}\n") << 2;
}

void tst_CallHistory::damagedFileIsSetAside()
{
    QFETCH(QByteArray, damage);
    QFETCH(int, line);
    CallHistory history(m_workspaceFile);
    QVERIFY(history.record(m_workspace, m_webhook, call(QStringLiteral("http://h/1")), {}, QStringLiteral("send")));
    {
        QFile file(history.fileName());
        QVERIFY(file.open(QIODevice::Append));
        file.write(damage);
    }
    const QList<CallHistoryEntry> entries = history.entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(history.warnings().size(), 1);
    QVERIFY2(history.warnings().first().contains(QStringLiteral("line %1").arg(line)),
             qPrintable(history.warnings().first()));
    const QStringList aside =
        QDir(m_dir.path()).entryList({QFileInfo(history.fileName()).fileName() + QStringLiteral(".corrupt-*")});
    QCOMPARE(aside.size(), 1);
    // The history goes on, clean.
    QVERIFY(history.record(m_workspace, m_webhook, call(QStringLiteral("http://h/2")), {}, QStringLiteral("send")));
    QCOMPARE(history.entries().size(), 2);
    QVERIFY(history.warnings().isEmpty());
}

void tst_CallHistory::lastLineWithoutNewline()
{
    CallHistory history(m_workspaceFile);
    QVERIFY(history.record(m_workspace, m_webhook, call(QStringLiteral("http://h/1")), {}, QStringLiteral("send")));
    QByteArray bytes = fileBytes();
    bytes.chop(1);
    {
        QFile file(history.fileName());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }
    QVERIFY(history.record(m_workspace, m_webhook, call(QStringLiteral("http://h/2")), {}, QStringLiteral("send")));
    QCOMPARE(history.entries().size(), 2);
    QVERIFY(history.warnings().isEmpty());
}

void tst_CallHistory::clearRemovesTheFile()
{
    CallHistory history(m_workspaceFile);
    QVERIFY(history.record(m_workspace, m_webhook, call(), {}, QStringLiteral("send")));
    QVERIFY(history.clear());
    QVERIFY(history.entries().isEmpty());
    QVERIFY(!QFile::exists(history.fileName()));
}

QTEST_GUILESS_MAIN(tst_CallHistory)
#include "tst_callhistory.moc"
