// Hostile input files and values: a NUL byte in a token value, a 10 MB
// single-line template, a CSV with 10,000 columns, a workspace with 100,000 webhooks.
// Each case asserts the precise outcome, never a duration.

#include "format/CsvImporter.h"
#include "format/WorkspaceFile.h"
#include "http/HttpClient.h"
#include "template/Renderer.h"

#include <QTest>
#include <QTimeZone>

namespace {
const QDateTime now(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());

Workspace workspaceWithFirstName(const QString& firstName)
{
    Workspace workspace;
    QJsonObject lead;
    lead.insert(QStringLiteral("First Name"), firstName);
    workspace.leads.append(lead);
    return workspace;
}

QByteArray webhooksFile(int count, const QByteArray& last = {})
{
    QByteArray out = "{\"format\": \"webhook-designer/1\", \"webhooks\": [\n";
    for (int i = 0; i < count; ++i) {
        out += "{\"name\": \"w" + QByteArray::number(i)
               + "\", \"url\": \"https://example.com/{{lead.Id}}\", \"requestType\": \"GET\"},\n";
    }
    out += last.isEmpty() ? QByteArray("{\"name\": \"last\"}") : last;
    out += "]}\n";
    return out;
}
} // namespace

class tst_HostileInput : public QObject
{
    Q_OBJECT

private slots:
    void nulInTokenValue_data();
    void nulInTokenValue();
    void nulInHeaderTokenValue();
    void tenMegabyteTemplate();
    void csvWithTenThousandColumns();
    void workspaceWithHundredThousandWebhooks();
    void duplicateNameAfterHundredThousandWebhooks();
};

void tst_HostileInput::nulInTokenValue_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("none") << int(TokenEncoding::None) << QByteArray("x=a\0b;", 6);
    QTest::newRow("json") << int(TokenEncoding::Json) << QByteArray("x=\"a\\u0000b\";");
    QTest::newRow("form-url") << int(TokenEncoding::FormUrl) << QByteArray("x=a%00b;");
}

void tst_HostileInput::nulInTokenValue()
{
    QFETCH(int, encoding);
    QFETCH(QByteArray, body);
    const QString value = QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    const Workspace workspace = workspaceWithFirstName(value);
    Webhook webhook;
    webhook.name = QStringLiteral("nul");
    webhook.url = QStringLiteral("https://example.com/?q={{lead.First Name}}");
    webhook.payloadTemplate = QStringLiteral("x={{lead.First Name}};");
    webhook.requestTokenEncoding = TokenEncoding(encoding);

    const RenderedRequest request = Renderer(workspace, webhook).render(workspace.leads.constFirst(), now);
    QCOMPARE(request.body, body);
    QCOMPARE(request.url, QStringLiteral("https://example.com/?q=a%00b"));
}

void tst_HostileInput::nulInHeaderTokenValue()
{
    const QString value = QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    const Workspace workspace = workspaceWithFirstName(value);
    Webhook webhook;
    webhook.name = QStringLiteral("nul");
    webhook.url = QStringLiteral("https://example.com/");
    webhook.headers.append({QStringLiteral("X-Name"), QStringLiteral("{{lead.First Name}}"), false, {}});

    const RenderedRequest request = Renderer(workspace, webhook).render(workspace.leads.constFirst(), now);
    QCOMPARE(request.headers.size(), 1);
    // Header values are rendered raw; the client refuses to put the NUL on the wire.
    QCOMPARE(request.headers.constFirst().value, value);
    QCOMPARE(HttpClient::validate(request),
             QStringLiteral("The request was not sent: header \"X-Name\" contains a NUL character."));
}

void tst_HostileInput::tenMegabyteTemplate()
{
    // 10 MB on one line: literal text with a token every kilobyte.
    const QString chunk = QString(1000, QLatin1Char('x')) + QStringLiteral("{{lead.First Name}}");
    const int chunks = 10 * 1024 * 1024 / int(chunk.size()) + 1;
    QString text;
    text.reserve(chunk.size() * chunks);
    for (int i = 0; i < chunks; ++i) {
        text += chunk;
    }
    QVERIFY(text.size() > 10 * 1024 * 1024);

    const Workspace workspace = workspaceWithFirstName(QStringLiteral("Jack & Jill"));
    Webhook webhook;
    webhook.name = QStringLiteral("big");
    webhook.url = QStringLiteral("https://example.com/");
    webhook.payloadTemplate = text;
    webhook.requestTokenEncoding = TokenEncoding::FormUrl;

    const RenderedRequest request = Renderer(workspace, webhook).render(workspace.leads.constFirst(), now);
    QVERIFY(!request.hasErrors());
    const QByteArray expectedChunk = QByteArray(1000, 'x') + "Jack+%26+Jill";
    QCOMPARE(request.body.size(), expectedChunk.size() * chunks);
    QCOMPARE(request.body.left(expectedChunk.size()), expectedChunk);
    QCOMPARE(request.body.right(expectedChunk.size()), expectedChunk);
    QCOMPARE(request.body.count("Jack+%26+Jill"), chunks);
}

void tst_HostileInput::csvWithTenThousandColumns()
{
    constexpr int columns = 10000;
    QByteArray header = "Email Address";
    QByteArray row1 = "ada@example.com";
    QByteArray row2 = "jack@example.com";
    for (int i = 1; i < columns; ++i) {
        header += ",c" + QByteArray::number(i);
        row1 += ",v" + QByteArray::number(i);
        row2 += ',';
    }
    const QByteArray csv = header + "\r\n" + row1 + "\r\n" + row2 + "\r\nshort,row\r\n";

    CsvImportResult result;
    QVERIFY(CsvImporter::import(csv, FieldCatalog(), &result));
    QCOMPARE(result.leads.size(), 2);
    QCOMPARE(result.columnKeys.size(), columns);
    QCOMPARE(result.unknownColumns.size(), columns - 1);
    QCOMPARE(result.leads.at(0).size(), columns);
    QCOMPARE(result.leads.at(0).value(QLatin1String("Email Address")).toString(), QStringLiteral("ada@example.com"));
    QCOMPARE(result.leads.at(0).value(QLatin1String("c5000")).toString(), QStringLiteral("v5000"));
    QCOMPARE(result.leads.at(0).value(QLatin1String("c9999")).toString(), QStringLiteral("v9999"));
    QCOMPARE(result.leads.at(1).size(), 1); // empty cells leave their keys out
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.constFirst().row, 4);
    QCOMPARE(result.errors.constFirst().line, 4);
    QVERIFY2(result.errors.constFirst().message.contains(QStringLiteral("2 fields")),
             qPrintable(result.errors.constFirst().toString()));
    QVERIFY2(result.errors.constFirst().message.contains(QStringLiteral("10000")),
             qPrintable(result.errors.constFirst().toString()));
}

void tst_HostileInput::workspaceWithHundredThousandWebhooks()
{
    const QByteArray bytes = webhooksFile(100000);
    Workspace workspace;
    QString error;
    QVERIFY2(WorkspaceFile::read(bytes, &workspace, &error), qPrintable(error));
    QCOMPARE(workspace.webhooks.size(), 100001);
    QCOMPARE(workspace.webhookIndex(QStringLiteral("w99999")), 99999);
    QCOMPARE(workspace.webhooks.at(99999).url, QStringLiteral("https://example.com/{{lead.Id}}"));
    QCOMPARE(workspace.webhooks.at(99999).requestType, RequestType::Get);
    QCOMPARE(workspace.webhooks.constLast().name, QStringLiteral("last"));
}

void tst_HostileInput::duplicateNameAfterHundredThousandWebhooks()
{
    const QByteArray bytes = webhooksFile(100000, "{\"name\": \"w5\"}");
    Workspace workspace;
    workspace.timeZone = QStringLiteral("Europe/Paris");
    QString error;
    WorkspaceFileProblem problem;
    QVERIFY(!WorkspaceFile::read(bytes, &workspace, &error, &problem));
    QCOMPARE(problem.path, QStringLiteral("webhooks[100000].name"));
    QVERIFY2(problem.message.contains(QStringLiteral("w5")), qPrintable(error));
    QCOMPARE(workspace.timeZone, QStringLiteral("Europe/Paris")); // untouched on failure
}

QTEST_GUILESS_MAIN(tst_HostileInput)
#include "tst_hostileinput.moc"
