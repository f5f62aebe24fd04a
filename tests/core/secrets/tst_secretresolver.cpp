#include "RecordingSecretStore.h"
#include "model/Workspace.h"
#include "secrets/SecretResolver.h"

#include <QTest>

namespace {

const QString kId = QStringLiteral("11111111-2222-3333-4444-555555555555");

// Three secret My Tokens and one secret header, each with the value `fileValue` as a file
// written before the keychain would hold it (empty: as a file written since).
Workspace workspace(const QString& fileValue = QString())
{
    Workspace w;
    w.id = kId;
    w.context.my.values = {{QStringLiteral("a"), fileValue, true, false},
                           {QStringLiteral("b"), fileValue, true, false},
                           {QStringLiteral("plain"), QStringLiteral("p"), false, false},
                           {QStringLiteral("c"), fileValue, true, false}};
    Webhook h;
    h.name = QStringLiteral("Hook");
    h.headers = {{QStringLiteral("Authorization"), fileValue, true, {}}};
    w.webhooks = {h};
    return w;
}

QProcessEnvironment environment(const QList<QPair<QString, QString>>& variables)
{
    QProcessEnvironment env;
    for (const auto& [name, value] : variables) {
        env.insert(name, value);
    }
    return env;
}

QStringList sources(const QList<SecretStatus>& statuses)
{
    QStringList out;
    for (const SecretStatus& status : statuses) {
        out << status.key + QLatin1Char('=') + SecretStatus::sourceName(status.source);
    }
    return out;
}

} // namespace

class tst_SecretResolver : public QObject
{
    Q_OBJECT

private slots:
    void sourceNames();
    void environmentThenStoreThenFileThenMissing();
    void emptyVariableCountsAsUnset();
    void storeIsAskedOnlyForWhatTheEnvironmentLacks();
    void storeIsNotAskedAgainAfterAFailure();
    void withoutStoreOnlyEnvironmentAndFile();
    void workspaceWithoutIdDoesNotAskTheStore();
    void aFoundSecretIsNoLongerMissing();
};

void tst_SecretResolver::sourceNames()
{
    QCOMPARE(SecretStatus::sourceName(SecretStatus::Source::Environment), QStringLiteral("environment"));
    QCOMPARE(SecretStatus::sourceName(SecretStatus::Source::Keychain), QStringLiteral("keychain"));
    QCOMPARE(SecretStatus::sourceName(SecretStatus::Source::File), QStringLiteral("file"));
    QCOMPARE(SecretStatus::sourceName(SecretStatus::Source::Missing), QStringLiteral("missing"));
}

void tst_SecretResolver::environmentThenStoreThenFileThenMissing()
{
    // a: in all three places; b: in the store and the file; c: in the file only; the
    // header: nowhere. The file holds a value for a, b and c only.
    Workspace w = workspace();
    w.context.my.values[0].value = QStringLiteral("file-a");
    w.context.my.values[1].value = QStringLiteral("file-b");
    w.context.my.values[3].value = QStringLiteral("file-c");
    RecordingSecretStore store;
    QVERIFY(store.write(kId, QStringLiteral("my.a"), QStringLiteral("store-a")));
    QVERIFY(store.write(kId, QStringLiteral("my.b"), QStringLiteral("store-b")));
    // An entry of another workspace is not this one's.
    QVERIFY(store.write(QStringLiteral("other"), QStringLiteral("my.c"), QStringLiteral("other-c")));
    store.calls.clear();

    SecretResolver resolver(&store, environment({{QStringLiteral("WD_SECRET_MY_A"), QStringLiteral("env-a")}}));
    const QList<SecretStatus> statuses = resolver.resolve(&w);

    QCOMPARE(sources(statuses),
             (QStringList {QStringLiteral("my.a=environment"),
                           QStringLiteral("my.b=keychain"),
                           QStringLiteral("my.c=file"),
                           QStringLiteral("header.Hook.Authorization=missing")}));
    QCOMPARE(statuses.at(0).variable, QStringLiteral("WD_SECRET_MY_A"));
    QCOMPARE(statuses.at(3).variable, QStringLiteral("WD_SECRET_HEADER_HOOK_AUTHORIZATION"));
    QCOMPARE(w.context.my.values.at(0).value, QStringLiteral("env-a"));
    QCOMPARE(w.context.my.values.at(1).value, QStringLiteral("store-b"));
    QCOMPARE(w.context.my.values.at(2).value, QStringLiteral("p"));
    QCOMPARE(w.context.my.values.at(3).value, QStringLiteral("file-c"));
    QCOMPARE(w.webhooks.at(0).headers.at(0).value, QString());
    QVERIFY(!w.context.my.values.at(0).missing);
    QVERIFY(!w.context.my.values.at(1).missing);
    QVERIFY(!w.context.my.values.at(3).missing);
    QVERIFY(w.webhooks.at(0).headers.at(0).missing);
    QVERIFY(resolver.storeProblem().isEmpty());
    // The environment answered for a: the store was asked for the others only.
    QCOMPARE(store.calls,
             (QStringList {QStringLiteral("read %1/my.b").arg(kId),
                           QStringLiteral("read %1/my.c").arg(kId),
                           QStringLiteral("read %1/header.Hook.Authorization").arg(kId)}));
}

void tst_SecretResolver::emptyVariableCountsAsUnset()
{
    Workspace w = workspace();
    RecordingSecretStore store;
    QVERIFY(store.write(kId, QStringLiteral("my.a"), QStringLiteral("store-a")));
    SecretResolver resolver(
        &store,
        environment({{QStringLiteral("WD_SECRET_MY_A"), QString()}, {QStringLiteral("WD_SECRET_MY_B"), QString()}}));
    const QList<SecretStatus> statuses = resolver.resolve(&w);
    QCOMPARE(statuses.at(0).source, SecretStatus::Source::Keychain);
    QCOMPARE(w.context.my.values.at(0).value, QStringLiteral("store-a"));
    QCOMPARE(statuses.at(1).source, SecretStatus::Source::Missing);
    QVERIFY(w.context.my.values.at(1).missing);
}

void tst_SecretResolver::storeIsAskedOnlyForWhatTheEnvironmentLacks()
{
    Workspace w = workspace();
    RecordingSecretStore store;
    SecretResolver resolver(&store,
                            environment({{QStringLiteral("WD_SECRET_MY_A"), QStringLiteral("1")},
                                         {QStringLiteral("WD_SECRET_MY_B"), QStringLiteral("2")},
                                         {QStringLiteral("WD_SECRET_MY_C"), QStringLiteral("3")},
                                         {QStringLiteral("WD_SECRET_HEADER_HOOK_AUTHORIZATION"), QStringLiteral("4")},
                                         // Names are case-sensitive: this one is not the variable of "my.a".
                                         {QStringLiteral("wd_secret_my_a"), QStringLiteral("lower")}}));
    const QList<SecretStatus> statuses = resolver.resolve(&w);
    QCOMPARE(sources(statuses),
             (QStringList {QStringLiteral("my.a=environment"),
                           QStringLiteral("my.b=environment"),
                           QStringLiteral("my.c=environment"),
                           QStringLiteral("header.Hook.Authorization=environment")}));
    QCOMPARE(w.context.my.values.at(0).value, QStringLiteral("1"));
    QCOMPARE(w.webhooks.at(0).headers.at(0).value, QStringLiteral("4"));
    QCOMPARE(store.calls, QStringList());
}

void tst_SecretResolver::storeIsNotAskedAgainAfterAFailure()
{
    Workspace w = workspace(QStringLiteral("from-file"));
    w.context.my.values[1].value.clear();
    RecordingSecretStore store;
    QVERIFY(store.write(kId, QStringLiteral("my.c"), QStringLiteral("store-c")));
    store.calls.clear();
    store.setFailure(QStringLiteral("no keychain service is reachable"));

    SecretResolver resolver(&store, QProcessEnvironment());
    const QList<SecretStatus> statuses = resolver.resolve(&w);
    QCOMPARE(resolver.storeProblem(), QStringLiteral("no keychain service is reachable"));
    QCOMPARE(store.calls, QStringList {QStringLiteral("read %1/my.a").arg(kId)});
    // The failure is no answer: each secret falls back to the file, or is missing.
    QCOMPARE(sources(statuses),
             (QStringList {QStringLiteral("my.a=file"),
                           QStringLiteral("my.b=missing"),
                           QStringLiteral("my.c=file"),
                           QStringLiteral("header.Hook.Authorization=file")}));
    QCOMPARE(w.context.my.values.at(3).value, QStringLiteral("from-file"));

    // Nor on a later resolve, even once the store would answer.
    store.setFailure(QString());
    Workspace again = workspace();
    const QList<SecretStatus> later = resolver.resolve(&again);
    QCOMPARE(store.calls.size(), 1);
    QCOMPARE(later.at(2).source, SecretStatus::Source::Missing);
    QCOMPARE(resolver.storeProblem(), QStringLiteral("no keychain service is reachable"));
}

void tst_SecretResolver::withoutStoreOnlyEnvironmentAndFile()
{
    Workspace w = workspace();
    w.context.my.values[1].value = QStringLiteral("file-b");
    SecretResolver resolver(nullptr, environment({{QStringLiteral("WD_SECRET_MY_A"), QStringLiteral("env-a")}}));
    QCOMPARE(sources(resolver.resolve(&w)),
             (QStringList {QStringLiteral("my.a=environment"),
                           QStringLiteral("my.b=file"),
                           QStringLiteral("my.c=missing"),
                           QStringLiteral("header.Hook.Authorization=missing")}));
    QVERIFY(resolver.storeProblem().isEmpty());
}

void tst_SecretResolver::workspaceWithoutIdDoesNotAskTheStore()
{
    Workspace w = workspace();
    w.id.clear();
    RecordingSecretStore store;
    QVERIFY(store.write(QString(), QStringLiteral("my.a"), QStringLiteral("stray")));
    store.calls.clear();
    SecretResolver resolver(&store, QProcessEnvironment());
    const QList<SecretStatus> statuses = resolver.resolve(&w);
    QCOMPARE(store.calls, QStringList());
    QCOMPARE(statuses.at(0).source, SecretStatus::Source::Missing);
    QCOMPARE(w.context.my.values.at(0).value, QString());
}

void tst_SecretResolver::aFoundSecretIsNoLongerMissing()
{
    Workspace w = workspace();
    SecretResolver nowhere(nullptr, QProcessEnvironment());
    nowhere.resolve(&w);
    QVERIFY(w.context.my.values.at(0).missing);
    SecretResolver found(nullptr, environment({{QStringLiteral("WD_SECRET_MY_A"), QStringLiteral("later")}}));
    found.resolve(&w);
    QVERIFY(!w.context.my.values.at(0).missing);
    QCOMPARE(w.context.my.values.at(0).value, QStringLiteral("later"));
    QVERIFY(w.context.my.values.at(1).missing);
    // A value that is not secret is never touched.
    QVERIFY(!w.context.my.values.at(2).missing);
}

QTEST_GUILESS_MAIN(tst_SecretResolver)
#include "tst_secretresolver.moc"
