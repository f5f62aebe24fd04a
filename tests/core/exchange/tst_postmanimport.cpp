#include "exchange/PostmanImport.h"

#include <QTest>

class TestPostmanImport : public QObject
{
    Q_OBJECT

private slots:
    void collection();
    void notACollection_data();
    void notACollection();
};

void TestPostmanImport::collection()
{
    const QByteArray json = R"({
      "info": {"name": "Vendor", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
      "variable": [{"key": "base", "value": "https://api.vendor.test"}, {"key": "token", "value": "t-1"}],
      "event": [{"listen": "prerequest", "script": {"exec": ["x"]}}],
      "item": [
        {"name": "Contacts", "item": [
          {"name": "Create", "request": {
            "method": "POST",
            "header": [{"key": "X-Src", "value": "mkto"}, {"key": "X-Off", "value": "1", "disabled": true}],
            "url": {"raw": "{{base}}/contacts?list={{listId}}", "host": ["{{base}}"]},
            "body": {"mode": "raw", "raw": "{\"email\": \"{{email}}\", \"path\": \"a\\\\b\"}",
                     "options": {"raw": {"language": "json"}}}}},
          {"name": "Form", "request": {
            "method": "PUT",
            "auth": {"type": "basic", "basic": [{"key": "username", "value": "ada"}, {"key": "password", "value": "pw"}]},
            "url": "https://api.vendor.test/f",
            "body": {"mode": "urlencoded", "urlencoded": [{"key": "name", "value": "A & B"},
                                                          {"key": "id", "value": "{{id}}"},
                                                          {"key": "off", "value": "x", "disabled": true}]}}}
        ]},
        {"name": "Key", "event": [{"listen": "test"}], "request": {
          "method": "GET", "url": {"raw": "https://api.vendor.test/k"},
          "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"}, {"key": "value", "value": "v"}]}}},
        {"name": "Upload", "request": {"method": "POST", "url": "https://api.vendor.test/u",
          "auth": {"type": "oauth2"}, "body": {"mode": "formdata", "formdata": []}}},
        {"name": "Head", "request": {"method": "HEAD", "url": "https://api.vendor.test/h"}},
        {"name": "Guid", "request": {"method": "GET", "url": "https://api.vendor.test/{{$guid}}", "auth": {"type": "noauth"}}}
      ]})";
    PostmanImport import;
    QString error;
    QVERIFY2(import.parse(json, &error), qPrintable(error));
    const QList<Webhook>& w = import.webhooks();
    QCOMPARE(w.size(), 5);

    QCOMPARE(w.at(0).name, QStringLiteral("Contacts / Create"));
    QCOMPARE(w.at(0).requestType, RequestType::Post);
    QCOMPARE(w.at(0).url, QStringLiteral("https://api.vendor.test/contacts?list={{my.listId}}"));
    QCOMPARE(w.at(0).payloadTemplate, QStringLiteral("{\"email\": \"{{my.email}}\", \"path\": \"a\\\\\\\\b\"}"));
    QCOMPARE(w.at(0).headers.size(), 3);
    QCOMPARE(w.at(0).headers.at(0).name, QStringLiteral("X-Src"));
    QCOMPARE(w.at(0).headers.at(1).name, QStringLiteral("Content-Type"));
    QCOMPARE(w.at(0).headers.at(1).value, QStringLiteral("application/json"));
    QCOMPARE(w.at(0).headers.at(2).value, QStringLiteral("Bearer {{my.token}}"));

    QCOMPARE(w.at(1).name, QStringLiteral("Contacts / Form"));
    QCOMPARE(w.at(1).payloadTemplate, QStringLiteral("name=A+%26+B&id={{my.id}}"));
    QCOMPARE(w.at(1).requestTokenEncoding, TokenEncoding::FormUrl);
    QCOMPARE(w.at(1).headers.at(0).value, QStringLiteral("application/x-www-form-urlencoded"));
    QCOMPARE(w.at(1).headers.at(1).value, QStringLiteral("Basic YWRhOnB3"));

    QCOMPARE(w.at(2).headers.size(), 1);
    QCOMPARE(w.at(2).headers.at(0).name, QStringLiteral("X-Key"));
    QCOMPARE(w.at(2).headers.at(0).value, QStringLiteral("v"));
    QCOMPARE(w.at(3).payloadTemplate, QString());
    QVERIFY(w.at(3).headers.isEmpty());
    QCOMPARE(w.at(4).url, QStringLiteral("https://api.vendor.test/{{$guid}}"));

    QStringList tokens;
    for (const ContextValue& v : import.myTokens()) {
        tokens.append(v.name + QLatin1Char('=') + v.value);
    }
    QCOMPARE(tokens,
             (QStringList {QStringLiteral("base=https://api.vendor.test"),
                           QStringLiteral("token=t-1"),
                           QStringLiteral("listId="),
                           QStringLiteral("email="),
                           QStringLiteral("id=")}));
    QCOMPARE(
        import.notes(),
        (QStringList {
            QStringLiteral("the collection's scripts are not carried: a Marketo webhook runs no scripts"),
            QStringLiteral("Contacts / Create: {{base}} is written out in the URL, since Marketo would "
                           "percent-encode a token's value there"),
            QStringLiteral("Key: scripts are not carried: a Marketo webhook runs no scripts"),
            QStringLiteral("Upload: the formdata body is not carried: a Marketo webhook sends one text body (no "
                           "multipart form, file or GraphQL)"),
            QStringLiteral("Upload: auth of type oauth2 is not carried (a Marketo webhook sends fixed headers, no "
                           "OAuth flow or signature): add the header it produces by hand"),
            QStringLiteral("Head: not imported: a Marketo webhook cannot send HEAD (only GET, POST, PUT, PATCH and "
                           "DELETE)"),
            QStringLiteral("Guid: the dynamic variable {{$guid}} is not carried; it is left as written"),
        }));
}

void TestPostmanImport::notACollection_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{")
                              << QStringLiteral("the file is not JSON: unterminated object at byte 1");
    QTest::newRow("array") << QByteArray("[]")
                           << QStringLiteral("the file is not a Postman collection: it is not a JSON object");
    QTest::newRow("no items") << QByteArray("{\"info\": {}}")
                              << QStringLiteral("the file is not a Postman collection (v2.1): it has no \"item\" list");
    QTest::newRow("nothing sendable") << QByteArray(
        "{\"item\": [{\"name\": \"h\", \"request\": {\"method\": \"HEAD\", \"url\": \"https://a\"}}]}")
                                      << QStringLiteral("the collection has no request a Marketo webhook can send");
}

void TestPostmanImport::notACollection()
{
    QFETCH(QByteArray, bytes);
    PostmanImport import;
    QString error;
    QVERIFY(!import.parse(bytes, &error));
    QTEST(error, "error");
}

QTEST_GUILESS_MAIN(TestPostmanImport)
#include "tst_postmanimport.moc"
