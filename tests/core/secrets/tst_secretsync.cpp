#include "RecordingSecretStore.h"
#include "model/Workspace.h"
#include "secrets/SecretSync.h"

#include <QTest>

namespace {

const QString kId = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001");

// A workspace as the window holds it: a secret My Token, a plain one, and a webhook with
// a secret header.
Workspace workspace()
{
    Workspace w;
    w.id = kId;
    w.context.my.values = {{QStringLiteral("apiKey"), QStringLiteral("k1"), true, false},
                           {QStringLiteral("region"), QStringLiteral("emea"), false, false}};
    Webhook h;
    h.name = QStringLiteral("Hook");
    h.headers = {{QStringLiteral("X-Key"), QStringLiteral("h1"), true, {}}};
    w.webhooks = {h};
    return w;
}

QString entry(const QString& key)
{
    return kId + QLatin1Char('/') + key;
}

QHash<QString, QString> entries(std::initializer_list<std::pair<const char*, const char*>> list)
{
    QHash<QString, QString> out;
    for (const auto& [key, value] : list) {
        out.insert(entry(QString::fromUtf8(key)), QString::fromUtf8(value));
    }
    return out;
}

} // namespace

class tst_SecretSync : public QObject
{
    Q_OBJECT

private slots:
    void updateWritesNewAndChangedValuesOnly();
    void removalWaitsForSave();
    void renameMovesTheEntryAtSave();
    void undoOfADeleteWritesTheValueBack();
    void discardRestoresTheLastSavedState();
    void discardAfterLoadRestoresWhatWasStored();
    void nothingIsWrittenWhileSecretsAreInTheFile();
    void anotherWorkspaceStartsAfresh();
    void storeFailureIsReported();
};

void tst_SecretSync::updateWritesNewAndChangedValuesOnly()
{
    RecordingSecretStore store;
    SecretSync sync(&store);
    QCOMPARE(sync.store(), &store);
    sync.reset(kId, {});
    Workspace w = workspace();
    QString error;
    QVERIFY2(sync.update(w, &error), qPrintable(error));
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k1"}, {"header.Hook.X-Key", "h1"}}));
    QCOMPARE(store.calls.size(), 2);

    // Nothing changed: nothing written.
    store.calls.clear();
    QVERIFY(sync.update(w));
    QCOMPARE(store.calls, QStringList());

    // One value changed, one secret added without a value yet: one write.
    w.context.my.values[0].value = QStringLiteral("k2");
    w.context.my.values.append({QStringLiteral("later"), QString(), true, false});
    QVERIFY(sync.update(w));
    QCOMPARE(store.calls, QStringList {QStringLiteral("write %1=k2").arg(entry(QStringLiteral("my.apiKey")))});
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k2"}, {"header.Hook.X-Key", "h1"}}));
    QCOMPARE(sync.written().value(QStringLiteral("my.apiKey")), QStringLiteral("k2"));

    // A value the store already holds since the load is not written again.
    RecordingSecretStore loaded;
    SecretSync fresh(&loaded);
    fresh.reset(kId, {{QStringLiteral("my.apiKey"), QStringLiteral("k1")}});
    QVERIFY(fresh.update(workspace()));
    QCOMPARE(loaded.calls, QStringList {QStringLiteral("write %1=h1").arg(entry(QStringLiteral("header.Hook.X-Key")))});
}

void tst_SecretSync::removalWaitsForSave()
{
    RecordingSecretStore store;
    SecretSync sync(&store);
    sync.reset(kId, {});
    Workspace w = workspace();
    QVERIFY(sync.saved(w));
    QCOMPARE(store.entries().size(), 2);

    // Deleting the header and unmarking the token: the file on disk still names both.
    w.webhooks[0].headers.clear();
    w.context.my.values[0].secret = false;
    store.calls.clear();
    QVERIFY(sync.update(w));
    QCOMPARE(store.calls, QStringList());
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k1"}, {"header.Hook.X-Key", "h1"}}));

    QString error;
    QVERIFY2(sync.saved(w, &error), qPrintable(error));
    QCOMPARE(store.entries(), (QHash<QString, QString>()));
    QCOMPARE(store.calls.size(), 2);
    QVERIFY(store.calls.contains(QStringLiteral("remove %1").arg(entry(QStringLiteral("my.apiKey")))));
    QVERIFY(store.calls.contains(QStringLiteral("remove %1").arg(entry(QStringLiteral("header.Hook.X-Key")))));
    QVERIFY(sync.written().isEmpty());
}

void tst_SecretSync::renameMovesTheEntryAtSave()
{
    RecordingSecretStore store;
    SecretSync sync(&store);
    sync.reset(kId, {});
    Workspace w = workspace();
    QVERIFY(sync.saved(w));

    w.webhooks[0].name = QStringLiteral("Renamed");
    QVERIFY(sync.update(w));
    // Both until the save: the old name is what the file on disk says.
    QCOMPARE(store.entries(),
             entries({{"my.apiKey", "k1"}, {"header.Hook.X-Key", "h1"}, {"header.Renamed.X-Key", "h1"}}));
    QVERIFY(sync.saved(w));
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k1"}, {"header.Renamed.X-Key", "h1"}}));
}

void tst_SecretSync::undoOfADeleteWritesTheValueBack()
{
    RecordingSecretStore store;
    SecretSync sync(&store);
    sync.reset(kId, {});
    const Workspace original = workspace();
    QVERIFY(sync.saved(original));

    // Delete, undo, before any save: the entry never left.
    Workspace deleted = original;
    deleted.context.my.values.removeFirst();
    QVERIFY(sync.update(deleted));
    QVERIFY(sync.update(original));
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k1"}, {"header.Hook.X-Key", "h1"}}));

    // Delete, save (the entry goes), undo: the value is written back at once.
    QVERIFY(sync.saved(deleted));
    QCOMPARE(store.entries(), entries({{"header.Hook.X-Key", "h1"}}));
    store.calls.clear();
    QVERIFY(sync.update(original));
    QCOMPARE(store.calls, QStringList {QStringLiteral("write %1=k1").arg(entry(QStringLiteral("my.apiKey")))});
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k1"}, {"header.Hook.X-Key", "h1"}}));
}

void tst_SecretSync::discardRestoresTheLastSavedState()
{
    RecordingSecretStore store;
    SecretSync sync(&store);
    sync.reset(kId, {});
    Workspace w = workspace();
    QVERIFY(sync.saved(w));

    // After the save: a changed value, a new secret, a deleted one.
    w.context.my.values[0].value = QStringLiteral("k2");
    w.context.my.values.append({QStringLiteral("extra"), QStringLiteral("e1"), true, false});
    w.webhooks[0].headers.clear();
    QVERIFY(sync.update(w));
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k2"}, {"my.extra", "e1"}, {"header.Hook.X-Key", "h1"}}));

    QString error;
    QVERIFY2(sync.discard(&error), qPrintable(error));
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k1"}, {"header.Hook.X-Key", "h1"}}));
    QCOMPARE(sync.written().size(), 2);
    QCOMPARE(sync.written().value(QStringLiteral("my.apiKey")), QStringLiteral("k1"));

    // A second discard has nothing left to do.
    store.calls.clear();
    QVERIFY(sync.discard());
    QCOMPARE(store.calls, QStringList());
}

void tst_SecretSync::discardAfterLoadRestoresWhatWasStored()
{
    RecordingSecretStore store;
    QVERIFY(store.write(kId, QStringLiteral("my.apiKey"), QStringLiteral("stored")));
    SecretSync sync(&store);
    sync.reset(kId, {{QStringLiteral("my.apiKey"), QStringLiteral("stored")}});
    Workspace w = workspace();
    QVERIFY(sync.update(w));
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k1"}, {"header.Hook.X-Key", "h1"}}));
    QVERIFY(sync.discard());
    QCOMPARE(store.entries(), entries({{"my.apiKey", "stored"}}));
}

void tst_SecretSync::nothingIsWrittenWhileSecretsAreInTheFile()
{
    RecordingSecretStore store;
    SecretSync sync(&store);
    sync.reset(kId, {});
    Workspace inFile = workspace();
    inFile.secretsInFile = true;
    QVERIFY(sync.update(inFile));
    QVERIFY(sync.saved(inFile));
    Workspace noId = workspace();
    noId.id.clear();
    QVERIFY(sync.update(noId));
    QVERIFY(sync.saved(noId));
    QCOMPARE(store.calls, QStringList());
}

void tst_SecretSync::anotherWorkspaceStartsAfresh()
{
    RecordingSecretStore store;
    SecretSync sync(&store);
    sync.reset(kId, {});
    QVERIFY(sync.saved(workspace()));

    Workspace other = workspace();
    other.id = QStringLiteral("bbbbbbbb-0000-0000-0000-000000000002");
    other.context.my.values[0].value = QStringLiteral("other-key");
    other.webhooks.clear();
    QVERIFY(sync.update(other));
    QVERIFY(sync.saved(other));
    QVERIFY(sync.discard());
    // The first workspace's entries are not the second's to remove or restore.
    QCOMPARE(store.entries().value(entry(QStringLiteral("my.apiKey"))), QStringLiteral("k1"));
    QCOMPARE(store.entries().value(entry(QStringLiteral("header.Hook.X-Key"))), QStringLiteral("h1"));
    QCOMPARE(store.entries().value(other.id + QStringLiteral("/my.apiKey")), QStringLiteral("other-key"));
    QCOMPARE(store.entries().size(), 3);
}

void tst_SecretSync::storeFailureIsReported()
{
    RecordingSecretStore store;
    SecretSync sync(&store);
    sync.reset(kId, {});
    store.setFailure(QStringLiteral("the keychain is locked"));
    QString error;
    QVERIFY(!sync.update(workspace(), &error));
    QCOMPARE(error, QStringLiteral("the keychain is locked"));
    QVERIFY(sync.written().isEmpty());
    error.clear();
    QVERIFY(!sync.saved(workspace(), &error));
    QCOMPARE(error, QStringLiteral("the keychain is locked"));

    // Once the store works again, the next update writes what is still unwritten.
    store.setFailure(QString());
    QVERIFY(sync.update(workspace()));
    QCOMPARE(store.entries(), entries({{"my.apiKey", "k1"}, {"header.Hook.X-Key", "h1"}}));
}

QTEST_GUILESS_MAIN(tst_SecretSync)
#include "tst_secretsync.moc"
