#include "RecordingSecretStore.h"
#include "format/WorkspaceFile.h"
#include "secrets/SecretMigration.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

// A file written before the keychain: the secret My Token and the secret header hold
// their values; a second secret token is empty. (Not a raw string: moc misreads it.)
const char legacyJson[] = "{\n"
                          "  \"format\": \"webhook-designer/1\",\n"
                          "  \"timeZone\": \"UTC\",\n"
                          "  \"fields\": [],\n"
                          "  \"leads\": [],\n"
                          "  \"context\": {\n"
                          "    \"my\": {\n"
                          "      \"apiKey\": \"sk_live_plain_123\",\n"
                          "      \"region\": \"emea\",\n"
                          "      \"unset\": \"\"\n"
                          "    },\n"
                          "    \"secretMyTokens\": [\n"
                          "      \"apiKey\",\n"
                          "      \"unset\"\n"
                          "    ]\n"
                          "  },\n"
                          "  \"webhooks\": [\n"
                          "    {\n"
                          "      \"name\": \"Enrich\",\n"
                          "      \"url\": \"https://api.example.com/enrich\",\n"
                          "      \"requestType\": \"POST\",\n"
                          "      \"template\": \"{}\",\n"
                          "      \"requestTokenEncoding\": \"json\",\n"
                          "      \"responseType\": \"json\",\n"
                          "      \"headers\": [\n"
                          "        {\n"
                          "          \"name\": \"X-Api-Key\",\n"
                          "          \"value\": \"hdr_plain_456\",\n"
                          "          \"secret\": true\n"
                          "        }\n"
                          "      ]\n"
                          "    }\n"
                          "  ]\n"
                          "}\n";

Workspace legacy()
{
    Workspace w;
    WorkspaceFile::read(QByteArray(legacyJson), &w);
    return w;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_SecretMigration : public QObject
{
    Q_OBJECT

private slots:
    void movesTheValuesAndGivesAnId();
    void keepsAnExistingId();
    void workspaceWithoutValuesInFileIsLeftAlone();
    void storeFailureLeavesTheWorkspaceUnchanged();
    void migrateFileRewritesWithoutValues();
    void migrateFileLeavesTheFileUntouchedOnStoreFailure();
    void migrateFileOfAnUnreadableFileFails();
};

void tst_SecretMigration::movesTheValuesAndGivesAnId()
{
    Workspace w = legacy();
    QVERIFY(w.secretsInFile);
    QVERIFY(w.id.isEmpty());
    RecordingSecretStore store;
    QStringList moved;
    QString error;
    QVERIFY2(SecretMigration::migrate(&w, &store, &moved, &error), qPrintable(error));
    QCOMPARE(moved, (QStringList {QStringLiteral("my.apiKey"), QStringLiteral("header.Enrich.X-Api-Key")}));
    QVERIFY(!QUuid::fromString(w.id).isNull());
    QCOMPARE(QUuid::fromString(w.id).toString(QUuid::WithoutBraces), w.id);
    QVERIFY(!w.secretsInFile);
    QCOMPARE(store.entries().size(), 2);
    QCOMPARE(store.entries().value(w.id + QStringLiteral("/my.apiKey")), QStringLiteral("sk_live_plain_123"));
    QCOMPARE(store.entries().value(w.id + QStringLiteral("/header.Enrich.X-Api-Key")), QStringLiteral("hdr_plain_456"));
    // The workspace keeps its values for the session; the file it writes holds none.
    QCOMPARE(w.context.my.values.at(0).value, QStringLiteral("sk_live_plain_123"));
    const QByteArray written = WorkspaceFile::write(w);
    QVERIFY(!written.contains("sk_live_plain_123"));
    QVERIFY(!written.contains("hdr_plain_456"));
    QVERIFY(written.contains("\"emea\""));
    QVERIFY(written.contains(w.id.toUtf8()));

    // Done twice, nothing more moves.
    store.calls.clear();
    QVERIFY(SecretMigration::migrate(&w, &store, &moved));
    QCOMPARE(moved, QStringList());
    QCOMPARE(store.calls, QStringList());
}

void tst_SecretMigration::keepsAnExistingId()
{
    Workspace w = legacy();
    w.id = QStringLiteral("12345678-1234-1234-1234-123456789abc");
    RecordingSecretStore store;
    QStringList moved;
    QVERIFY(SecretMigration::migrate(&w, &store, &moved));
    QCOMPARE(w.id, QStringLiteral("12345678-1234-1234-1234-123456789abc"));
    QVERIFY(store.entries().contains(QStringLiteral("12345678-1234-1234-1234-123456789abc/my.apiKey")));
}

void tst_SecretMigration::workspaceWithoutValuesInFileIsLeftAlone()
{
    Workspace w = legacy();
    w.context.my.values[0].value.clear();
    w.webhooks[0].headers[0].value.clear();
    w.secretsInFile = false;
    RecordingSecretStore store;
    QStringList moved {QStringLiteral("stale")};
    QVERIFY(SecretMigration::migrate(&w, &store, &moved));
    QCOMPARE(moved, QStringList());
    QVERIFY(w.id.isEmpty());
    QCOMPARE(store.calls, QStringList());
}

void tst_SecretMigration::storeFailureLeavesTheWorkspaceUnchanged()
{
    // A store that fails at once, and one that takes the first value and then locks.
    for (const int writes : {0, 1}) {
        Workspace w = legacy();
        const QByteArray before = WorkspaceFile::write(w);
        RecordingSecretStore store;
        store.failWritesAfter(writes);
        QStringList moved;
        QString error;
        QVERIFY(!SecretMigration::migrate(&w, &store, &moved, &error));
        QCOMPARE(error, QStringLiteral("the keychain is locked"));
        QCOMPARE(moved, QStringList());
        QVERIFY(w.id.isEmpty());
        QVERIFY(w.secretsInFile);
        QCOMPARE(WorkspaceFile::write(w), before);
    }
}

void tst_SecretMigration::migrateFileRewritesWithoutValues()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("legacy.webhooks.json"));
    QVERIFY(writeAll(path, legacyJson));
    RecordingSecretStore store;
    QStringList moved;
    QString id;
    QString error;
    QVERIFY2(SecretMigration::migrateFile(path, &store, &moved, &id, &error), qPrintable(error));
    QCOMPARE(moved.size(), 2);
    QVERIFY(!QUuid::fromString(id).isNull());

    const QByteArray bytes = readAll(path);
    QVERIFY(!bytes.contains("sk_live_plain_123"));
    QVERIFY(!bytes.contains("hdr_plain_456"));
    Workspace reread;
    QVERIFY(WorkspaceFile::read(bytes, &reread, &error));
    QCOMPARE(reread.id, id);
    QVERIFY(!reread.secretsInFile);
    QVERIFY(reread.context.my.values.at(0).secret);
    QVERIFY(reread.webhooks.at(0).headers.at(0).secret);
    QCOMPARE(store.entries().value(id + QStringLiteral("/my.apiKey")), QStringLiteral("sk_live_plain_123"));

    // A second run finds nothing to move and leaves the file as it is.
    QStringList again;
    QString sameId;
    QVERIFY(SecretMigration::migrateFile(path, &store, &again, &sameId));
    QCOMPARE(again, QStringList());
    QCOMPARE(sameId, id);
    QCOMPARE(readAll(path), bytes);
}

void tst_SecretMigration::migrateFileLeavesTheFileUntouchedOnStoreFailure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("legacy.webhooks.json"));
    QVERIFY(writeAll(path, legacyJson));
    RecordingSecretStore store;
    store.failWritesAfter(1);
    QStringList moved;
    QString id;
    QString error;
    QVERIFY(!SecretMigration::migrateFile(path, &store, &moved, &id, &error));
    QCOMPARE(error, QStringLiteral("the keychain is locked"));
    QCOMPARE(readAll(path), QByteArray(legacyJson));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("legacy.webhooks.json")});
    QVERIFY(id.isEmpty());
}

void tst_SecretMigration::migrateFileOfAnUnreadableFileFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RecordingSecretStore store;
    QStringList moved;
    QString error;
    QVERIFY(!SecretMigration::migrateFile(
        dir.filePath(QStringLiteral("absent.webhooks.json")), &store, &moved, nullptr, &error));
    QVERIFY(!error.isEmpty());
    const QString broken = dir.filePath(QStringLiteral("broken.webhooks.json"));
    QVERIFY(writeAll(broken, "{\"format\": "));
    error.clear();
    QVERIFY(!SecretMigration::migrateFile(broken, &store, &moved, nullptr, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(broken), QByteArray("{\"format\": "));
    QCOMPARE(store.calls, QStringList());
}

QTEST_GUILESS_MAIN(tst_SecretMigration)
#include "tst_secretmigration.moc"
