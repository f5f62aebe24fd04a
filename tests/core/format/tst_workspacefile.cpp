#include "format/WorkspaceFile.h"
#include "format/WorkspaceKeys.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

class tst_WorkspaceFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsByteIdentical();
    void readsTheCanonicalFile();
    void unknownKeysAreKept();
    void missingOptionalKeysTakeDefaults();
    void enumsAnyCaseAndNumbersInContext();
    void acceptsUtf8Bom();
    void trustedCertificateRoundTrip();
    void trustedCertificateFingerprintForms_data();
    void trustedCertificateFingerprintForms();
    void trustedCertificateKeepsUnknownKeys();
    void marketoRoundTrip();
    void marketoKeepsUnknownKeys();
    void rejects_data();
    void rejects();
    void errorToString();
    void truncatedFilesNeverCrash();
    void saveIsAtomicAndReadable();
    void saveToMissingDirectoryFails();
    void loadMissingFileFails();
    void largeWorkspaceLoads();
    void idRoundTrip();
    void secretValuesAreNotWritten();
    void legacySecretValuesAreKeptByteIdentical();

private:
    static QByteArray canonicalBytes();
    // The canonical file with a "marketo" block (`block`, its lines without the key)
    // where the writer puts it: after the context, before the webhooks.
    static QByteArray withMarketo(const QByteArray& block);
    static QByteArray testFingerprint();
};

// SHA-256 of tests/data/live-selfsigned.crt, as `openssl x509 -fingerprint -sha256` prints it.
QByteArray tst_WorkspaceFile::testFingerprint()
{
    return QByteArrayLiteral("E3:7F:B6:59:17:AF:00:C9:6D:E5:C2:A6:20:BC:9F:01:2A:46:EE:A0:7C:5E:8D:F7:C1:BA:5F:E8:83:"
                             "DE:CC:B4");
}

QByteArray tst_WorkspaceFile::canonicalBytes()
{
    QFile file(QStringLiteral(WD_TEST_DATA "/workspace/canonical.webhooks.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

void tst_WorkspaceFile::roundTripIsByteIdentical()
{
    const QByteArray bytes = canonicalBytes();
    QVERIFY(!bytes.isEmpty());
    Workspace ws;
    QString error;
    QVERIFY2(WorkspaceFile::read(bytes, &ws, &error), qPrintable(error));
    const QByteArray written = WorkspaceFile::write(ws);
    QCOMPARE(QString::fromUtf8(written), QString::fromUtf8(bytes));

    // And once more through the written bytes: writing is a fixed point.
    Workspace again;
    QVERIFY(WorkspaceFile::read(written, &again, &error));
    QCOMPARE(WorkspaceFile::write(again), written);
}

void tst_WorkspaceFile::readsTheCanonicalFile()
{
    Workspace ws;
    QVERIFY(WorkspaceFile::read(canonicalBytes(), &ws));
    QCOMPARE(ws.timeZone, QStringLiteral("America/Los_Angeles"));
    QCOMPARE(ws.fields.size(), 2);
    QCOMPARE(ws.fields[1].type, FieldType::Float);
    QVERIFY(ws.fields[1].custom);
    QCOMPARE(ws.leads.size(), 2);
    QCOMPARE(ws.leads[0].value(QStringLiteral("Lead Score")).toInt(), 42);
    QCOMPARE(ws.leads[1].value(QStringLiteral("company")).toString(), QStringLiteral("Jack & Jill \"J&J\" Ltd"));
    QCOMPARE(ws.leads[0].value(QStringLiteral("Favorite Color")).toString(), QStringLiteral("Gr\u00fcn"));

    QVERIFY(ws.context.my.present);
    QCOMPARE(ws.context.my.values.size(), 2);
    QVERIFY(ws.context.my.find(QStringLiteral("apiKey"))->secret);
    QVERIFY(!ws.context.my.find(QStringLiteral("region"))->secret);
    QCOMPARE(ws.context.program.values[0].name, QStringLiteral("name"));
    QCOMPARE(ws.context.program.find(QStringLiteral("id"))->value, QStringLiteral("1001"));
    QVERIFY(ws.context.member.present);
    QVERIFY(ws.context.member.values.isEmpty());

    QCOMPARE(ws.webhooks.size(), 2);
    const Webhook& enrich = ws.webhooks[0];
    QCOMPARE(enrich.name, QStringLiteral("Enrich lead"));
    QCOMPARE(enrich.requestType, RequestType::Post);
    QCOMPARE(enrich.requestTokenEncoding, TokenEncoding::Json);
    QCOMPARE(enrich.responseType, ResponseType::Json);
    QCOMPARE(enrich.payloadTemplate,
             QStringLiteral("{\"email\": {{lead.Email Address}}, \"score\": {{lead.Lead Score}}}"));
    QCOMPARE(enrich.headers.size(), 2);
    QVERIFY(!enrich.headers[0].secret);
    QVERIFY(enrich.headers[1].secret);
    QCOMPARE(enrich.responseMappings.size(), 2);
    QCOMPARE(enrich.responseMappings[1].field, QStringLiteral("favoriteColor"));
    QCOMPARE(ws.webhooks[1].requestType, RequestType::Get);
    QCOMPARE(ws.webhookIndex(QStringLiteral("Ping")), 1);
}

void tst_WorkspaceFile::unknownKeysAreKept()
{
    Workspace ws;
    QVERIFY(WorkspaceFile::read(canonicalBytes(), &ws));
    QCOMPARE(ws.extra.keys(), QStringList {QStringLiteral("x-top-level")});
    QCOMPARE(ws.context.extra.value(QStringLiteral("x-context-note")).toString(), QStringLiteral("kept"));
    QCOMPARE(ws.fields[1].extra.value(QStringLiteral("x-note")).toString(), QStringLiteral("kept"));
    QCOMPARE(ws.webhooks[0].extra.value(QStringLiteral("x-webhook-note")).toObject().value(QStringLiteral("b")),
             QJsonValue(QStringLiteral("two")));
    QCOMPARE(ws.webhooks[0].headers[1].extra.value(QStringLiteral("x-header-note")).toArray().size(), 2);
    QCOMPARE(ws.webhooks[0].responseMappings[1].extra.value(QStringLiteral("x-mapping-note")), QJsonValue(true));
    QVERIFY(ws.webhooks[1].extra.isEmpty());
}

void tst_WorkspaceFile::missingOptionalKeysTakeDefaults()
{
    Workspace ws;
    QString error;
    QVERIFY2(WorkspaceFile::read(R"({"format": "webhook-designer/1", "webhooks": [{"name": "x"}]})", &ws, &error),
             qPrintable(error));
    QCOMPARE(ws.timeZone, QStringLiteral("UTC"));
    QVERIFY(ws.fields.isEmpty());
    QVERIFY(ws.leads.isEmpty());
    for (const QString& scope : Context::scopeNames()) {
        QVERIFY(!ws.context.scope(scope)->present);
    }
    QCOMPARE(ws.webhooks.size(), 1);
    const Webhook& h = ws.webhooks[0];
    QCOMPARE(h.requestType, RequestType::Post);
    QCOMPARE(h.requestTokenEncoding, TokenEncoding::None);
    QCOMPARE(h.responseType, ResponseType::None);
    QVERIFY(h.url.isEmpty());
    QVERIFY(h.payloadTemplate.isEmpty());
    QVERIFY(h.headers.isEmpty());
    QVERIFY(h.responseMappings.isEmpty());

    // The written form spells every default out, so the file says what it means.
    const QByteArray written = WorkspaceFile::write(ws);
    QVERIFY(written.contains("\"requestTokenEncoding\": \"none\""));
    QVERIFY(written.contains("\"context\": {}"));
    QVERIFY(written.endsWith("}\n"));
}

void tst_WorkspaceFile::enumsAnyCaseAndNumbersInContext()
{
    Workspace ws;
    QString error;
    const QByteArray bytes = R"({"format": "webhook-designer/1",
        "fields": [{"name": "Tier", "apiName": "tier", "type": "Integer"}],
        "context": {"program": {"id": 1001, "name": "P"}, "my": {"ratio": 0.5}},
        "webhooks": [{"name": "x", "requestType": "patch", "requestTokenEncoding": "Form-Url",
                      "responseType": "XML", "responseMappings": [{"attribute": "a.b", "field": "TIER"}]}]})";
    QVERIFY2(WorkspaceFile::read(bytes, &ws, &error), qPrintable(error));
    QCOMPARE(ws.fields[0].type, FieldType::Integer);
    QCOMPARE(ws.context.program.find(QStringLiteral("id"))->value, QStringLiteral("1001"));
    QCOMPARE(ws.context.my.find(QStringLiteral("ratio"))->value, QStringLiteral("0.5"));
    QCOMPARE(ws.webhooks[0].requestType, RequestType::Patch);
    QCOMPARE(ws.webhooks[0].requestTokenEncoding, TokenEncoding::FormUrl);
    QCOMPARE(ws.webhooks[0].responseType, ResponseType::Xml);
    const QByteArray written = WorkspaceFile::write(ws);
    QVERIFY(written.contains("\"requestType\": \"PATCH\""));
    QVERIFY(written.contains("\"requestTokenEncoding\": \"form-url\""));
    QVERIFY(written.contains("\"type\": \"integer\""));
    QVERIFY(written.contains("\"id\": \"1001\""));
}

void tst_WorkspaceFile::acceptsUtf8Bom()
{
    Workspace ws;
    QVERIFY(WorkspaceFile::read("\xEF\xBB\xBF{\"format\": \"webhook-designer/1\"}", &ws));
    QString error;
    WorkspaceFileProblem problem;
    QVERIFY(!WorkspaceFile::read("\xEF\xBB\xBF{\"format\": 2}", &ws, &error, &problem));
    // Columns count from after the BOM, as an editor shows them.
    QCOMPARE(problem.column, 12);
}

void tst_WorkspaceFile::trustedCertificateRoundTrip()
{
    // Absent by default: a workspace that trusts nothing writes no key for it.
    Workspace ws;
    QVERIFY(WorkspaceFile::read(canonicalBytes(), &ws));
    QVERIFY(!ws.trustedCertificate.isSet());
    QVERIFY(!WorkspaceFile::write(ws).contains("trustedCertificate"));

    ws.trustedCertificate.host = QStringLiteral("dev.example.com");
    ws.trustedCertificate.sha256 = TrustedCertificate::parseFingerprint(QString::fromLatin1(testFingerprint()));
    QVERIFY(ws.trustedCertificate.isSet());
    const QByteArray written = WorkspaceFile::write(ws);
    // After the context, before the webhooks; upper case with colons.
    const QByteArray block = "  \"trustedCertificate\": {\n    \"host\": \"dev.example.com\",\n    \"sha256\": \""
                             + testFingerprint() + "\"\n  },\n  \"webhooks\": [";
    QVERIFY2(written.contains(block), written.constData());
    QVERIFY(written.indexOf("\"context\"") < written.indexOf("\"trustedCertificate\""));

    Workspace again;
    QString error;
    QVERIFY2(WorkspaceFile::read(written, &again, &error), qPrintable(error));
    QVERIFY(again.trustedCertificate == ws.trustedCertificate);
    QVERIFY(!again.extra.contains(QStringLiteral("trustedCertificate"))); // known, not kept aside
    QCOMPARE(WorkspaceFile::write(again), written);
}

void tst_WorkspaceFile::trustedCertificateFingerprintForms_data()
{
    QTest::addColumn<QString>("fingerprint");
    const QString canonical = QString::fromLatin1(testFingerprint());
    QString plain = canonical;
    plain.remove(QLatin1Char(':'));
    QTest::newRow("upper case with colons") << canonical;
    QTest::newRow("lower case with colons") << canonical.toLower();
    QTest::newRow("upper case digits only") << plain;
    QTest::newRow("lower case digits only") << plain.toLower();
    QTest::newRow("mixed case") << plain.left(32).toLower() + plain.mid(32);
    QTest::newRow("surrounding spaces") << QStringLiteral("  ") + canonical + QStringLiteral(" ");
}

void tst_WorkspaceFile::trustedCertificateFingerprintForms()
{
    QFETCH(QString, fingerprint);
    const QByteArray bytes = "{\"format\": \"webhook-designer/1\", \"trustedCertificate\": {\"host\": \"127.0.0.1\", "
                             "\"sha256\": \""
                             + fingerprint.toUtf8() + "\"}}";
    Workspace ws;
    QString error;
    QVERIFY2(WorkspaceFile::read(bytes, &ws, &error), qPrintable(error));
    QCOMPARE(ws.trustedCertificate.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(ws.trustedCertificate.sha256.size(), 32);
    QCOMPARE(ws.trustedCertificate.sha256.toHex(':').toUpper(), testFingerprint());
    QVERIFY(WorkspaceFile::write(ws).contains("\"sha256\": \"" + testFingerprint() + '"'));
}

void tst_WorkspaceFile::trustedCertificateKeepsUnknownKeys()
{
    const QByteArray bytes = "{\"format\": \"webhook-designer/1\", \"trustedCertificate\": {\"x-note\": \"kept\", "
                             "\"host\": \"Dev.Example.com\", \"sha256\": \""
                             + testFingerprint() + "\"}}";
    Workspace ws;
    QVERIFY(WorkspaceFile::read(bytes, &ws));
    QCOMPARE(ws.trustedCertificate.host, QStringLiteral("Dev.Example.com")); // as written
    QCOMPARE(ws.trustedCertificate.extra.value(QStringLiteral("x-note")).toString(), QStringLiteral("kept"));
    const QByteArray written = WorkspaceFile::write(ws);
    QVERIFY2(written.contains("\"sha256\": \"" + testFingerprint() + "\",\n    \"x-note\": \"kept\"\n  }"),
             written.constData());
}

QByteArray tst_WorkspaceFile::withMarketo(const QByteArray& block)
{
    QByteArray bytes = canonicalBytes();
    const qsizetype at = bytes.indexOf("  \"webhooks\": [");
    if (at < 0) {
        return {};
    }
    return bytes.insert(at, "  \"marketo\": " + block + ",\n");
}

void tst_WorkspaceFile::marketoRoundTrip()
{
    // Absent until connected: a workspace without it writes no key for it.
    Workspace plain;
    QVERIFY(WorkspaceFile::read(canonicalBytes(), &plain));
    QVERIFY(!plain.marketo.isSet());
    QVERIFY(!WorkspaceFile::write(plain).contains("\"marketo\""));

    const QByteArray block = "{\n"
                             "    \"endpoint\": \"https://123-ABC-456.mktorest.com/rest\",\n"
                             "    \"identity\": \"https://123-ABC-456.mktorest.com/identity\",\n"
                             "    \"clientId\": \"5f1c0d3e-7a2b-4c8d-9e0f-1a2b3c4d5e6f\",\n"
                             "    \"instanceFields\": [\n"
                             "      \"id\",\n"
                             "      \"email\",\n"
                             "      \"createdAt\",\n"
                             "      \"companySizeBand\",\n"
                             "      \"kokyakuRank\"\n"
                             "    ],\n"
                             "    \"readOnlyFields\": [\n"
                             "      \"id\",\n"
                             "      \"createdAt\"\n"
                             "    ]\n"
                             "  }";
    const QByteArray bytes = withMarketo(block);
    QVERIFY(!bytes.isEmpty());
    Workspace ws;
    QString error;
    QVERIFY2(WorkspaceFile::read(bytes, &ws, &error), qPrintable(error));
    QCOMPARE(ws.marketo.endpoint, QStringLiteral("https://123-ABC-456.mktorest.com/rest"));
    QCOMPARE(ws.marketo.identity, QStringLiteral("https://123-ABC-456.mktorest.com/identity"));
    QCOMPARE(ws.marketo.clientId, QStringLiteral("5f1c0d3e-7a2b-4c8d-9e0f-1a2b3c4d5e6f"));
    QCOMPARE(ws.marketo.instanceFields,
             (QStringList {QStringLiteral("id"),
                           QStringLiteral("email"),
                           QStringLiteral("createdAt"),
                           QStringLiteral("companySizeBand"),
                           QStringLiteral("kokyakuRank")}));
    QCOMPARE(ws.marketo.readOnlyFields, (QStringList {QStringLiteral("id"), QStringLiteral("createdAt")}));
    QVERIFY(ws.marketo.extra.isEmpty());
    QVERIFY(!ws.extra.contains(QStringLiteral("marketo"))); // known, not kept aside
    QCOMPARE(QString::fromUtf8(WorkspaceFile::write(ws)), QString::fromUtf8(bytes));

    // Connected but no field import yet: only the three strings.
    ws.marketo.instanceFields.clear();
    ws.marketo.readOnlyFields.clear();
    const QByteArray connected = WorkspaceFile::write(ws);
    QCOMPARE(QString::fromUtf8(connected),
             QString::fromUtf8(withMarketo("{\n"
                                           "    \"endpoint\": \"https://123-ABC-456.mktorest.com/rest\",\n"
                                           "    \"identity\": \"https://123-ABC-456.mktorest.com/identity\",\n"
                                           "    \"clientId\": \"5f1c0d3e-7a2b-4c8d-9e0f-1a2b3c4d5e6f\"\n"
                                           "  }")));
    Workspace again;
    QVERIFY2(WorkspaceFile::read(connected, &again, &error), qPrintable(error));
    QVERIFY(again.marketo.isSet());
    QVERIFY(again.marketo.instanceFields.isEmpty());
    QCOMPARE(WorkspaceFile::write(again), connected);

    // After a trusted certificate, as the writer orders them.
    again.trustedCertificate.host = QStringLiteral("dev.example.com");
    again.trustedCertificate.sha256 = TrustedCertificate::parseFingerprint(QString::fromLatin1(testFingerprint()));
    const QByteArray both = WorkspaceFile::write(again);
    QVERIFY(both.indexOf("\"trustedCertificate\"") < both.indexOf("\"marketo\""));
    QVERIFY(both.indexOf("\"marketo\"") < both.indexOf("\"webhooks\""));
    Workspace third;
    QVERIFY2(WorkspaceFile::read(both, &third, &error), qPrintable(error));
    QCOMPARE(WorkspaceFile::write(third), both);
}

void tst_WorkspaceFile::marketoKeepsUnknownKeys()
{
    const QByteArray bytes = withMarketo("{\n"
                                         "    \"endpoint\": \"http://127.0.0.1:18787/marketo/rest\",\n"
                                         "    \"identity\": \"http://127.0.0.1:18787/marketo/identity\",\n"
                                         "    \"clientId\": \"sandbox-client\",\n"
                                         "    \"instanceFields\": [\n"
                                         "      \"email\"\n"
                                         "    ],\n"
                                         "    \"x-munchkin\": \"123-ABC-456\",\n"
                                         "    \"x-partition\": {\n"
                                         "      \"ids\": [\n"
                                         "        1,\n"
                                         "        2\n"
                                         "      ],\n"
                                         "      \"name\": \"Default\"\n"
                                         "    }\n"
                                         "  }");
    Workspace ws;
    QString error;
    QVERIFY2(WorkspaceFile::read(bytes, &ws, &error), qPrintable(error));
    QCOMPARE(ws.marketo.extra.keys(), (QStringList {QStringLiteral("x-munchkin"), QStringLiteral("x-partition")}));
    QCOMPARE(ws.marketo.extra.value(QStringLiteral("x-munchkin")).toString(), QStringLiteral("123-ABC-456"));
    QCOMPARE(ws.marketo.extra.value(QStringLiteral("x-partition")).toObject().value(QStringLiteral("ids")).toArray(),
             (QJsonArray {1, 2}));
    QVERIFY(ws.marketo.readOnlyFields.isEmpty());
    // Unknown keys come after the known ones, and the bytes stay as they were (keys of an
    // unknown object in name order, as every unknown object in the file is written).
    QCOMPARE(QString::fromUtf8(WorkspaceFile::write(ws)), QString::fromUtf8(bytes));
    // Not confused with the workspace's own unknown keys.
    QCOMPARE(ws.extra.keys(), QStringList {QStringLiteral("x-top-level")});
}

void tst_WorkspaceFile::rejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    // Syntax errors: no path, a line and column from the parser's offset.
    QTest::newRow("empty file") << QByteArray() << "" << 1 << 1 << "";
    QTest::newRow("missing comma") << QByteArray("{\n  \"format\": \"webhook-designer/1\"\n  \"leads\": []\n}") << ""
                                   << 3 << 4 << "";
    QTest::newRow("unterminated string") << QByteArray("{\n  \"format\": \"webhook-designer/1\n}") << "" << 3 << 2
                                         << "";
    QTest::newRow("invalid utf-8") << QByteArray("{\"format\": \"webhook-designer/1\", \"timeZone\": \"\xff\"}") << ""
                                   << 1 << 47 << "";
    QTest::newRow("too deep") << QByteArray(100000, '[') << "" << 1 << 0 << "";
    QTest::newRow("not an object") << QByteArray("[]") << "" << 1 << 1 << "a workspace must be a JSON object";

    // Format.
    QTest::newRow("no format") << QByteArray("{\n  \"webhooks\": []\n}") << "format" << 1 << 1 << "missing \"format\"";
    QTest::newRow("wrong format") << QByteArray("{\n  \"format\": \"webhook-designer/2\"\n}") << "format" << 2 << 13
                                  << "unsupported format \"webhook-designer/2\"";
    QTest::newRow("format type") << QByteArray("{\"format\": 1}") << "format" << 1 << 12
                                 << "expected a string, found a number";

    const QByteArray head = "{\n  \"format\": \"webhook-designer/1\",\n";
    // Top-level members (line 3 onwards).
    QTest::newRow("timeZone type") << head + "  \"timeZone\": true\n}"
                                   << "timeZone" << 3 << 15 << "expected a string, found a boolean";
    QTest::newRow("timeZone unknown") << head + "  \"timeZone\": \"Mars/Base\"\n}"
                                      << "timeZone" << 3 << 15 << "unknown time zone \"Mars/Base\"";
    QTest::newRow("fields type") << head + "  \"fields\": {}\n}"
                                 << "fields" << 3 << 13 << "expected an array, found an object";
    QTest::newRow("field not object") << head + "  \"fields\": [1]\n}"
                                      << "fields[0]" << 3 << 14 << "expected an object, found a number";
    QTest::newRow("field type unknown")
        << head + "  \"fields\": [{\"name\": \"A\", \"apiName\": \"a\", \"type\": \"money\"}]\n}"
        << "fields[0].type" << 3 << 52
        << "unknown field type \"money\" (expected string, text, email, phone, url, date, datetime, reference, "
           "integer, float, currency, score, percent or boolean)";
    QTest::newRow("field no api name") << head + "  \"fields\": [\n    {\"name\": \"A\"}\n  ]\n}"
                                       << "fields[0].apiName" << 4 << 5 << "missing \"apiName\"";
    QTest::newRow("field empty name") << head + "  \"fields\": [{\"name\": \" \", \"apiName\": \"a\"}]\n}"
                                      << "fields[0].name" << 3 << 23 << "a field needs a name";
    QTest::newRow("field duplicate")
        << head + "  \"fields\": [{\"name\": \"A\", \"apiName\": \"a\"},\n    {\"name\": \"B\", \"apiName\": \"A\"}]\n}"
        << "fields[1].apiName" << 4 << 30 << "duplicate API name \"A\" (also fields[0])";
    // Tokens and mappings find fields by name or API name: a standard one's cannot be reused.
    QTest::newRow("field reuses a standard name")
        << head + "  \"fields\": [{\"name\": \"company name\", \"apiName\": \"x\"}]\n}"
        << "fields[0].name" << 3 << 23
        << "\"company name\" is already a standard field (Company Name, API name company): a custom field needs a "
           "name of its own";
    QTest::newRow("field reuses a standard API name")
        << head + "  \"fields\": [{\"name\": \"Revenue2\", \"apiName\": \"company\"}]\n}"
        << "fields[0].apiName" << 3 << 46
        << "\"company\" is already a standard field's API name (Company Name): a custom field needs an API name of "
           "its own";
    QTest::newRow("leads type") << head + "  \"leads\": \"ada\"\n}"
                                << "leads" << 3 << 12 << "expected an array, found a string";
    QTest::newRow("lead not object") << head + "  \"leads\": [{}, null]\n}"
                                     << "leads[1]" << 3 << 17 << "expected an object, found null";
    QTest::newRow("lead value array") << head + "  \"leads\": [{\"Tags\": [\"a\"]}]\n}"
                                      << "leads[0].Tags" << 3 << 22
                                      << "a lead value must be a string, number, boolean or null, found an array";
    QTest::newRow("lead value object path quoted") << head + "  \"leads\": [\n    {\"First Name\": {}}\n  ]\n}"
                                                   << "leads[0][\"First Name\"]" << 4 << 20 << "found an object";
    QTest::newRow("context type") << head + "  \"context\": []\n}"
                                  << "context" << 3 << 14 << "expected an object, found an array";
    QTest::newRow("scope type") << head + "  \"context\": {\"program\": \"Q4\"}\n}"
                                << "context.program" << 3 << 26 << "expected an object, found a string";
    QTest::newRow("context value bool") << head + "  \"context\": {\"my\": {\"flag\": true}}\n}"
                                        << "context.my.flag" << 3 << 30
                                        << "a context value must be a string, found a boolean";
    QTest::newRow("secret token unknown")
        << head + "  \"context\": {\"my\": {\"a\": \"1\"}, \"secretMyTokens\": [\"b\"]}\n}"
        << "context.secretMyTokens[0]" << 3 << 52 << "no My Token named \"b\"";
    QTest::newRow("secret tokens type") << head + "  \"context\": {\"secretMyTokens\": \"a\"}\n}"
                                        << "context.secretMyTokens" << 3 << 33 << "expected an array";

    // The trusted certificate: the value of "host" is on line 4, column 13, that of
    // "sha256" on line 5, column 15.
    const QByteArray fp = "E37FB65917AF00C96DE5C2A620BC9F012A46EEA07C5E8DF7C1BA5FE883DECCB4";
    const auto trust = [&head](const QByteArray& host, const QByteArray& sha256) {
        return head + "  \"trustedCertificate\": {\n    \"host\": " + host + ",\n    \"sha256\": " + sha256
               + "\n  }\n}";
    };
    const QByteArray hex64 = '"' + fp + '"';
    QTest::newRow("trust type") << head + "  \"trustedCertificate\": \"dev.example.com\"\n}"
                                << "trustedCertificate" << 3 << 25 << "expected an object, found a string";
    QTest::newRow("trust no host") << head + "  \"trustedCertificate\": {\"sha256\": " + hex64 + "}\n}"
                                   << "trustedCertificate.host" << 3 << 25 << "missing \"host\"";
    QTest::newRow("trust host empty") << trust("\"\"", hex64) << "trustedCertificate.host" << 4 << 13
                                      << "a trusted certificate needs a host";
    QTest::newRow("trust host blank") << trust("\"  \"", hex64) << "trustedCertificate.host" << 4 << 13
                                      << "a trusted certificate needs a host";
    QTest::newRow("trust host type") << trust("7", hex64) << "trustedCertificate.host" << 4 << 13
                                     << "expected a string, found a number";
    QTest::newRow("trust host with port")
        << trust("\"dev.example.com:8443\"", hex64) << "trustedCertificate.host" << 4 << 13 << "without the port";
    QTest::newRow("trust host with scheme")
        << trust("\"https://dev.example.com\"", hex64) << "trustedCertificate.host" << 4 << 13 << "without the scheme";
    QTest::newRow("trust host with path")
        << trust("\"dev.example.com/api\"", hex64) << "trustedCertificate.host" << 4 << 13 << "without path";
    QTest::newRow("trust no sha256") << head + "  \"trustedCertificate\": {\"host\": \"a\"}\n}"
                                     << "trustedCertificate.sha256" << 3 << 25 << "missing \"sha256\"";
    QTest::newRow("trust sha256 type") << trust("\"a\"", "[\"" + fp + "\"]") << "trustedCertificate.sha256" << 5 << 15
                                       << "expected a string, found an array";
    QTest::newRow("trust sha256 empty") << trust("\"a\"", "\"\"") << "trustedCertificate.sha256" << 5 << 15
                                        << "expected 64 hexadecimal digits";
    QTest::newRow("trust sha256 63 digits") << trust("\"a\"", '"' + fp.left(63) + '"') << "trustedCertificate.sha256"
                                            << 5 << 15 << "expected 64 hexadecimal digits";
    QTest::newRow("trust sha256 66 digits") << trust("\"a\"", '"' + fp + "00\"") << "trustedCertificate.sha256" << 5
                                            << 15 << "expected 64 hexadecimal digits";
    QTest::newRow("trust sha256 not hex") << trust("\"a\"", "\"G" + fp.mid(1) + '"') << "trustedCertificate.sha256" << 5
                                          << 15 << "expected 64 hexadecimal digits";
    QTest::newRow("trust sha256 misplaced colons")
        << trust("\"a\"", "\"E37:F" + fp.mid(4) + '"') << "trustedCertificate.sha256" << 5 << 15
        << "expected 64 hexadecimal digits";
    QTest::newRow("trust sha-1 fingerprint")
        << trust("\"a\"", '"' + QByteArray::fromHex(fp.left(40)).toHex(':') + '"') << "trustedCertificate.sha256" << 5
        << 15 << "expected 64 hexadecimal digits";

    // Webhooks.
    QTest::newRow("webhooks type") << head + "  \"webhooks\": {}\n}"
                                   << "webhooks" << 3 << 15 << "expected an array, found an object";
    QTest::newRow("webhook not object") << head + "  \"webhooks\": [\"x\"]\n}"
                                        << "webhooks[0]" << 3 << 16 << "expected an object, found a string";
    QTest::newRow("webhook no name") << head + "  \"webhooks\": [\n    {\"url\": \"x\"}\n  ]\n}"
                                     << "webhooks[0].name" << 4 << 5 << "missing \"name\"";
    QTest::newRow("webhook empty name") << head + "  \"webhooks\": [{\"name\": \"\"}]\n}"
                                        << "webhooks[0].name" << 3 << 25 << "a webhook needs a name";
    QTest::newRow("webhook name type") << head + "  \"webhooks\": [{\"name\": 7}]\n}"
                                       << "webhooks[0].name" << 3 << 25 << "expected a string, found a number";
    QTest::newRow("duplicate webhook")
        << head + "  \"webhooks\": [\n    {\"name\": \"A\"},\n    {\"name\": \"B\"},\n    {\"name\": \"A\"}\n  ]\n}"
        << "webhooks[2].name" << 6 << 14 << "duplicate webhook name \"A\" (also webhooks[0])";
    QTest::newRow("request type") << head
                                         + "  \"webhooks\": [{\"name\": \"a\"}, {\"name\": \"b\"},\n    {\"name\": "
                                           "\"c\", \"requestType\": \"FETCH\"}]\n}"
                                  << "webhooks[2].requestType" << 4 << 34
                                  << "unknown request type \"FETCH\" (expected GET, POST, PUT, PATCH or DELETE)";
    QTest::newRow("encoding") << head + "  \"webhooks\": [{\"name\": \"a\", \"requestTokenEncoding\": \"xml\"}]\n}"
                              << "webhooks[0].requestTokenEncoding" << 3 << 54
                              << "unknown request token encoding \"xml\" (expected none, json or form-url)";
    QTest::newRow("response type") << head + "  \"webhooks\": [{\"name\": \"a\", \"responseType\": \"html\"}]\n}"
                                   << "webhooks[0].responseType" << 3 << 46
                                   << "unknown response type \"html\" (expected none, json or xml)";
    QTest::newRow("url type") << head + "  \"webhooks\": [{\"name\": \"a\", \"url\": [\"x\"]}]\n}"
                              << "webhooks[0].url" << 3 << 37 << "expected a string, found an array";
    QTest::newRow("template type") << head + "  \"webhooks\": [{\"name\": \"a\", \"template\": {}}]\n}"
                                   << "webhooks[0].template" << 3 << 42 << "expected a string, found an object";
    QTest::newRow("headers type") << head + "  \"webhooks\": [{\"name\": \"a\", \"headers\": {}}]\n}"
                                  << "webhooks[0].headers" << 3 << 41 << "expected an array";
    QTest::newRow("header no name") << head
                                           + "  \"webhooks\": [{\"name\": \"a\", \"headers\": [{\"value\": \"v\"}]}]\n}"
                                    << "webhooks[0].headers[0].name" << 3 << 42 << "missing \"name\"";
    QTest::newRow("header secret type")
        << head + "  \"webhooks\": [{\"name\": \"a\", \"headers\": [{\"name\": \"X\", \"secret\": \"yes\"}]}]\n}"
        << "webhooks[0].headers[0].secret" << 3 << 66 << "expected a boolean, found a string";
    QTest::newRow("mappings type") << head + "  \"webhooks\": [{\"name\": \"a\", \"responseMappings\": 1}]\n}"
                                   << "webhooks[0].responseMappings" << 3 << 50 << "expected an array";
    QTest::newRow("mapping unknown field")
        << head
               + "  \"webhooks\": [{\"name\": \"a\",\n    \"responseMappings\": [{\"attribute\": \"x\", \"field\": "
                 "\"shoe\"}]}]\n}"
        << "webhooks[0].responseMappings[0].field" << 4 << 54 << "no lead field with API name \"shoe\"";
    QTest::newRow("mapping display name") << head
                                                 + "  \"webhooks\": [{\"name\": \"a\",\n    \"responseMappings\": "
                                                   "[{\"attribute\": \"x\", \"field\": \"Company "
                                                   "Name\"}]}]\n}"
                                          << "webhooks[0].responseMappings[0].field" << 4 << 54 << "\"company\"";
    QTest::newRow("mapping to other custom field")
        << head
               + "  \"fields\": [{\"name\": \"A\", \"apiName\": \"a\"}],\n"
                 "  \"webhooks\": [{\"name\": \"a\", \"responseMappings\": [{\"field\": \"b\"}]}]\n}"
        << "webhooks[0].responseMappings[0].field" << 4 << 61 << "no lead field with API name \"b\"";

    // The Marketo connection (line 3).
    const QByteArray mkto = "  \"marketo\": {\"endpoint\": ";
    const QByteArray rest = "\"https://mkto.example/rest\"";
    const QByteArray identity = ", \"identity\": \"https://mkto.example/identity\"";
    QTest::newRow("marketo type") << head + "  \"marketo\": []\n}"
                                  << "marketo" << 3 << 14 << "expected an object, found an array";
    QTest::newRow("marketo endpoint ftp")
        << head + mkto + "\"ftp://mkto.example/rest\"" + identity + ", \"clientId\": \"c\"}\n}"
        << "marketo.endpoint" << 3 << 27
        << "expected an http:// or https:// address, found "
           "\"ftp://mkto.example/rest\"";
    QTest::newRow("marketo endpoint relative")
        << head + mkto + "\"/rest\"" + identity + ", \"clientId\": \"c\"}\n}"
        << "marketo.endpoint" << 3 << 27 << "expected an http:// or https:// address, found \"/rest\"";
    QTest::newRow("marketo endpoint missing") << head + "  \"marketo\": {\"clientId\": \"c\"}\n}"
                                              << "marketo.endpoint" << 3 << 14 << "missing \"endpoint\"";
    QTest::newRow("marketo identity no host")
        << head + mkto + rest + ", \"identity\": \"https://\", \"clientId\": \"c\"}\n}"
        << "marketo.identity" << 3 << 68 << "expected an http:// or https:// address, found \"https://\"";
    QTest::newRow("marketo clientId missing") << head + mkto + rest + identity + "}\n}"
                                              << "marketo.clientId" << 3 << 14 << "missing \"clientId\"";
    QTest::newRow("marketo clientId number") << head + mkto + rest + identity + ", \"clientId\": 42}\n}"
                                             << "marketo.clientId" << 3 << 113 << "expected a string, found a number";
    QTest::newRow("marketo instanceFields object")
        << head + mkto + rest + identity + ", \"clientId\": \"c\",\n    \"instanceFields\": {\"id\": true}}\n}"
        << "marketo.instanceFields" << 4 << 23 << "expected an array of field API names, found an object";
    QTest::newRow("marketo instanceFields number item")
        << head + mkto + rest + identity + ", \"clientId\": \"c\",\n    \"instanceFields\": [\"id\", 7]}\n}"
        << "marketo.instanceFields[1]" << 4 << 30 << "expected a string, found a number";
    QTest::newRow("marketo readOnlyFields string")
        << head + mkto + rest + identity + ", \"clientId\": \"c\",\n    \"readOnlyFields\": \"id\"}\n}"
        << "marketo.readOnlyFields" << 4 << 23 << "expected an array of field API names, found a string";
}

void tst_WorkspaceFile::rejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    Workspace ws;
    ws.timeZone = QStringLiteral("untouched");
    QString error;
    WorkspaceFileProblem problem;
    QVERIFY(!WorkspaceFile::read(bytes, &ws, &error, &problem));
    QCOMPARE(error, problem.toString());
    QCOMPARE(ws.timeZone, QStringLiteral("untouched"));
    QCOMPARE(problem.path, path);
    QCOMPARE(problem.line, line);
    if (column > 0) {
        QCOMPARE(problem.column, column);
    } else {
        QVERIFY(problem.column >= 1);
    }
    QVERIFY2(problem.message.contains(message), qPrintable(problem.message));
}

void tst_WorkspaceFile::errorToString()
{
    QString error;
    const QByteArray bytes = R"({"format": "webhook-designer/1", "webhooks": [{"name": "a"}, {"name": "b"},
        {"name": "c", "requestType": "FETCH"}]})";
    Workspace ws;
    QVERIFY(!WorkspaceFile::read(bytes, &ws, &error));
    QCOMPARE(error,
             QStringLiteral("webhooks[2].requestType: unknown request type \"FETCH\" (expected GET, POST, PUT, PATCH "
                            "or DELETE)"));

    QVERIFY(!WorkspaceFile::read("{\n  \"format\" \"webhook-designer/1\"\n}", &ws, &error));
    QVERIFY2(error.startsWith(QStringLiteral("line 2, column ")), qPrintable(error));
}

void tst_WorkspaceFile::truncatedFilesNeverCrash()
{
    // Every prefix of a valid file, and every single-byte corruption of its first part: the
    // reader must answer (usually with an error) and never crash or hang.
    const QByteArray bytes = canonicalBytes();
    QVERIFY(!bytes.isEmpty());
    int rejected = 0;
    for (int n = 0; n < bytes.size(); ++n) {
        Workspace ws;
        QString error;
        WorkspaceFileProblem problem;
        if (!WorkspaceFile::read(bytes.left(n), &ws, &error, &problem)) {
            ++rejected;
            QVERIFY(problem.line >= 1);
        }
    }
    // Only the final newline may go.
    QCOMPARE(rejected, int(bytes.size()) - 1);
    for (int i = 0; i < qMin(int(bytes.size()), 600); ++i) {
        for (const char c : {'"', '{', ']', '\\', '\0'}) {
            QByteArray corrupt = bytes;
            corrupt[i] = c;
            Workspace ws;
            QString error;
            WorkspaceFileProblem problem;
            if (!WorkspaceFile::read(corrupt, &ws, &error, &problem)) {
                QVERIFY(!problem.message.isEmpty());
            }
        }
    }
}

void tst_WorkspaceFile::saveIsAtomicAndReadable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace ws;
    QVERIFY(WorkspaceFile::read(canonicalBytes(), &ws));
    const QString fileName = dir.filePath(QStringLiteral("a.webhooks.json"));
    QString message;
    QVERIFY2(WorkspaceFile::save(ws, fileName, &message), qPrintable(message));
    ws.webhooks[0].name = QStringLiteral("Renamed");
    QVERIFY(WorkspaceFile::save(ws, fileName, &message));
    // QSaveFile leaves no temporary file behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("a.webhooks.json")});
    Workspace loaded;
    QString error;
    QVERIFY2(WorkspaceFile::load(fileName, &loaded, &error), qPrintable(error));
    QCOMPARE(loaded.webhooks[0].name, QStringLiteral("Renamed"));
    QCOMPARE(WorkspaceFile::write(loaded), WorkspaceFile::write(ws));
}

void tst_WorkspaceFile::saveToMissingDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString message;
    QVERIFY(!WorkspaceFile::save(Workspace(), dir.filePath(QStringLiteral("no/such/dir/a.webhooks.json")), &message));
    QVERIFY(message.contains(QStringLiteral("cannot save")));
}

void tst_WorkspaceFile::loadMissingFileFails()
{
    Workspace ws;
    QString error;
    WorkspaceFileProblem problem;
    QVERIFY(!WorkspaceFile::load(QStringLiteral("/nonexistent/x.webhooks.json"), &ws, &error, &problem));
    QVERIFY(problem.path.isEmpty());
    QVERIFY(error.startsWith(QStringLiteral("cannot read /nonexistent/x.webhooks.json")));
}

void tst_WorkspaceFile::largeWorkspaceLoads()
{
    // Built as text, not through write(), to keep the test fast under sanitizers.
    constexpr int count = 100000;
    QByteArray bytes = "{\"format\": \"webhook-designer/1\", \"webhooks\": [\n";
    bytes.reserve(count * 160);
    for (int i = 0; i < count; ++i) {
        bytes +=
            "{\"name\": \"Webhook " + QByteArray::number(i)
            + "\", \"url\": \"https://example.com/?e={{lead.Email Address}}\", \"requestTokenEncoding\": \"json\", "
              "\"responseMappings\": [{\"attribute\": \"data.company\", \"field\": \"company\"}]},\n";
    }
    bytes.chop(2);
    bytes += "]}";

    Workspace loaded;
    QString error;
    WorkspaceFileProblem problem;
    QVERIFY2(WorkspaceFile::read(bytes, &loaded, &error, &problem), qPrintable(error));
    QCOMPARE(loaded.webhooks.size(), count);
    QCOMPARE(loaded.webhooks.last().name, QStringLiteral("Webhook 99999"));
    QCOMPARE(loaded.webhooks.last().responseMappings.size(), 1);

    // A duplicate at the very end is still found, with its path and line (a smaller file:
    // one large read is enough to show the scale, and sanitizer runs stay short).
    constexpr int small = 5000;
    QByteArray duplicated = "{\"format\": \"webhook-designer/1\", \"webhooks\": [\n";
    for (int i = 0; i < small; ++i) {
        duplicated += "{\"name\": \"Webhook " + QByteArray::number(i) + "\"},\n";
    }
    duplicated += "{\"name\": \"Webhook 5\"}]}";
    QVERIFY(!WorkspaceFile::read(duplicated, &loaded, &error, &problem));
    QCOMPARE(problem.path, QStringLiteral("webhooks[5000].name"));
    QVERIFY(problem.message.contains(QStringLiteral("also webhooks[5]")));
    QCOMPARE(problem.line, small + 2);
    QCOMPARE(problem.column, 10);
    QCOMPARE(loaded.webhooks.size(), count); // a failed read leaves the workspace alone
}

void tst_WorkspaceFile::idRoundTrip()
{
    const QByteArray bytes = R"({"format": "webhook-designer/1", "id": "0f8fad5b-d9cb-469f-a165-70867728950e"})";
    Workspace ws;
    QString error;
    QVERIFY2(WorkspaceFile::read(bytes, &ws, &error), qPrintable(error));
    QCOMPARE(ws.id, QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e"));
    // A known key: not kept as an unknown one, so it is written once, in its place.
    QVERIFY(WorkspaceKeys::root().contains(QStringLiteral("id")));
    QVERIFY(ws.extra.isEmpty());
    const QByteArray written = WorkspaceFile::write(ws);
    QVERIFY2(written.startsWith("{\n  \"format\": \"webhook-designer/1\",\n"
                                "  \"id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\",\n"
                                "  \"timeZone\": \"UTC\",\n"),
             written.constData());
    QCOMPARE(written.count("0f8fad5b-d9cb-469f-a165-70867728950e"), 1);
    Workspace again;
    QVERIFY(WorkspaceFile::read(written, &again, &error));
    QCOMPARE(again.id, ws.id);
    QCOMPARE(WorkspaceFile::write(again), written);

    // Without an id, none is written: files saved before keep their bytes.
    QVERIFY(!WorkspaceFile::write(Workspace()).contains("\"id\""));
    QVERIFY(!WorkspaceFile::read(R"({"format": "webhook-designer/1", "id": 7})", &ws, &error));
    QVERIFY2(error.contains(QStringLiteral("id")), qPrintable(error));

    const QString fresh = Workspace::newId();
    QCOMPARE(fresh.size(), 36);
    QVERIFY(fresh != Workspace::newId());
}

void tst_WorkspaceFile::secretValuesAreNotWritten()
{
    Workspace ws;
    ws.id = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
    ws.context.my.present = true;
    ws.context.my.values = {{QStringLiteral("My Token"), QStringLiteral("tok-secret-1"), true, false},
                            {QStringLiteral("region"), QStringLiteral("emea"), false, false}};
    Webhook hook;
    hook.name = QStringLiteral("Hook");
    hook.url = QStringLiteral("https://api.example.com/");
    hook.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer hdr-secret-2"), true, {}},
                    {QStringLiteral("Accept"), QStringLiteral("application/json"), false, {}}};
    ws.webhooks = {hook};
    QVERIFY(!ws.secretsInFile);

    const QByteArray written = WorkspaceFile::write(ws);
    QVERIFY2(!written.contains("tok-secret-1"), written.constData());
    QVERIFY2(!written.contains("hdr-secret-2"), written.constData());
    // The token keeps its name with an empty value and its flag; the header its name and
    // flag, with no "value" at all.
    QVERIFY2(written.contains("    \"my\": {\n      \"My Token\": \"\",\n      \"region\": \"emea\"\n    },\n"),
             written.constData());
    QVERIFY2(written.contains("    \"secretMyTokens\": [\n      \"My Token\"\n    ]"), written.constData());
    QVERIFY2(
        written.contains("        {\n          \"name\": \"Authorization\",\n          \"secret\": true\n        },\n"
                         "        {\n          \"name\": \"Accept\",\n          \"value\": \"application/json\"\n"
                         "        }\n"),
        written.constData());

    Workspace reread;
    QString error;
    QVERIFY2(WorkspaceFile::read(written, &reread, &error), qPrintable(error));
    QVERIFY(!reread.secretsInFile);
    QCOMPARE(reread.context.my.values.at(0).name, QStringLiteral("My Token"));
    QCOMPARE(reread.context.my.values.at(0).value, QString());
    QVERIFY(reread.context.my.values.at(0).secret);
    QCOMPARE(reread.context.my.values.at(1).value, QStringLiteral("emea"));
    QCOMPARE(reread.webhooks.at(0).headers.at(0).value, QString());
    QVERIFY(reread.webhooks.at(0).headers.at(0).secret);
    QCOMPARE(reread.webhooks.at(0).headers.at(1).value, QStringLiteral("application/json"));
    QCOMPARE(WorkspaceFile::write(reread), written);
}

void tst_WorkspaceFile::legacySecretValuesAreKeptByteIdentical()
{
    // The canonical file was written before the keychain: its secret token and header
    // hold values, and writing it back must not drop what the keychain does not have yet.
    const QByteArray bytes = canonicalBytes();
    QVERIFY(bytes.contains("\"apiKey\": \"abc123\""));
    Workspace ws;
    QVERIFY(WorkspaceFile::read(bytes, &ws));
    QVERIFY(ws.secretsInFile);
    QVERIFY(ws.id.isEmpty());
    QCOMPARE(ws.context.my.values.at(0).value, QStringLiteral("abc123"));
    QCOMPARE(WorkspaceFile::write(ws), bytes);

    // Once moved, the same workspace writes neither value.
    const QString headerValue = ws.webhooks.at(0).headers.at(1).value;
    QVERIFY(ws.webhooks.at(0).headers.at(1).secret);
    QVERIFY(!headerValue.isEmpty());
    ws.secretsInFile = false;
    const QByteArray moved = WorkspaceFile::write(ws);
    QVERIFY(!moved.contains("abc123"));
    QVERIFY(!moved.contains(headerValue.toUtf8()));
}

QTEST_GUILESS_MAIN(tst_WorkspaceFile)
#include "tst_workspacefile.moc"
