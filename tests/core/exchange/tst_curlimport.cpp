#include "exchange/CurlImport.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

using Headers = QList<QPair<QString, QString>>;

Headers headersOf(const Webhook& webhook)
{
    Headers list;
    for (const Header& h : webhook.headers) {
        list.append({h.name, h.value});
    }
    return list;
}

QPair<QString, QString> h(const char* name, const char* value)
{
    return {QString::fromUtf8(name), QString::fromUtf8(value)};
}

const char* form = "application/x-www-form-urlencoded";

} // namespace

class TestCurlImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void options_data();
    void options();
    void notes_data();
    void notes();
    void refused_data();
    void refused();
    void browserCopy();
    void dataFiles();
    void percentEncode();

private:
    QTemporaryDir m_dir;
};

void TestCurlImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile lines(m_dir.filePath(QStringLiteral("lines.txt")));
    QVERIFY(lines.open(QIODevice::WriteOnly));
    lines.write("a=1\r\n&b=2\n");
    lines.close();
    QFile binary(m_dir.filePath(QStringLiteral("body.json")));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write("{\"a\": 1}\n");
    binary.close();
    QFile bad(m_dir.filePath(QStringLiteral("bad.bin")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("a\xff");
    bad.close();
    QFile text(m_dir.filePath(QStringLiteral("note.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("x y&z");
    text.close();
}

void TestCurlImport::options_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QString>("body");

    const auto s = [](const char* text) { return QString::fromUtf8(text); };
    QTest::newRow("bare URL is GET") << s("curl https://a.test/v1?x=1") << s("GET") << s("https://a.test/v1?x=1")
                                     << Headers {} << QString();
    QTest::newRow("--url and -X") << s("curl -X PUT --url https://a.test/p") << s("PUT") << s("https://a.test/p")
                                  << Headers {} << QString();
    QTest::newRow("attached -XDELETE") << s("curl -XDELETE https://a.test/p") << s("DELETE") << s("https://a.test/p")
                                       << Headers {} << QString();
    QTest::newRow("headers in order") << s("curl https://a.test -H 'X-One: 1' --header 'x-two:  two words '")
                                      << s("GET") << s("https://a.test")
                                      << Headers {h("X-One", "1"), h("x-two", "two words")} << QString();
    QTest::newRow("empty header with semicolon") << s("curl https://a.test -H 'X-Empty;'") << s("GET")
                                                 << s("https://a.test") << Headers {h("X-Empty", "")} << QString();
    QTest::newRow("-d is POST with form type, joined with &")
        << s("curl https://a.test -d a=1 --data 'b=2 3' --data-ascii c=4") << s("POST") << s("https://a.test")
        << Headers {h("Content-Type", form)} << s("a=1&b=2 3&c=4");
    QTest::newRow("a header's Content-Type wins")
        << s("curl https://a.test -H 'content-type: text/plain' -d hi") << s("POST") << s("https://a.test")
        << Headers {h("content-type", "text/plain")} << s("hi");
    QTest::newRow("--data-raw keeps @") << s("curl https://a.test --data-raw '@me'") << s("POST") << s("https://a.test")
                                        << Headers {h("Content-Type", form)} << s("@me");
    QTest::newRow("--data-binary as given") << s("curl -X PATCH https://a.test --data-binary $'a\\nb'") << s("PATCH")
                                            << s("https://a.test") << Headers {h("Content-Type", form)} << s("a\nb");
    QTest::newRow("--data-urlencode forms")
        << s("curl https://a.test --data-urlencode 'name=Ada Lovelace&co' --data-urlencode '=a b' --data-urlencode "
             "'é~'")
        << s("POST") << s("https://a.test") << Headers {h("Content-Type", form)}
        << s("name=Ada+Lovelace%26co&a+b&%C3%A9~");
    QTest::newRow("--json") << s("curl https://a.test --json '{\"a\":' --json '1}'") << s("POST") << s("https://a.test")
                            << Headers {h("Content-Type", "application/json"), h("Accept", "application/json")}
                            << s("{\"a\":1}");
    QTest::newRow("--json keeps the user's Accept")
        << s("curl https://a.test -H 'Accept: text/csv' --json '{}'") << s("POST") << s("https://a.test")
        << Headers {h("Accept", "text/csv"), h("Content-Type", "application/json")} << s("{}");
    QTest::newRow("-G moves data to the query")
        << s("curl -G https://a.test/s?q=1 -d a=1 --data-urlencode 'b=x y'") << s("GET")
        << s("https://a.test/s?q=1&a=1&b=x+y") << Headers {} << QString();
    QTest::newRow("-G without a query") << s("curl --get https://a.test/s -d a=1") << s("GET")
                                        << s("https://a.test/s?a=1") << Headers {} << QString();
    QTest::newRow("-u basic") << s("curl -u 'ada:s3cr:et' https://a.test") << s("GET") << s("https://a.test")
                              << Headers {h("Authorization", "Basic YWRhOnMzY3I6ZXQ=")} << QString();
    QTest::newRow("-A -e -b")
        << s("curl -A 'Vendor/1.0' -e 'https://r.test/;auto' -b 'a=1' --cookie 'b=2' https://a.test") << s("GET")
        << s("https://a.test")
        << Headers {h("User-Agent", "Vendor/1.0"), h("Referer", "https://r.test/"), h("Cookie", "a=1; b=2")}
        << QString();
    QTest::newRow("clustered flags") << s("curl -sSLkv -i --compressed -m 5 --connect-timeout 2 https://a.test")
                                     << s("GET") << s("https://a.test") << Headers {} << QString();
    QTest::newRow("backslash doubled in template")
        << s("curl https://a.test --data-raw '{\"p\":\"C:\\\\x\"}'") << s("POST") << s("https://a.test")
        << Headers {h("Content-Type", form)} << s("{\"p\":\"C:\\\\\\\\x\"}");
    QTest::newRow("no scheme is http") << s("curl a.test/x") << s("GET") << s("http://a.test/x") << Headers {}
                                       << QString();
    QTest::newRow("DELETE with body") << s("curl -X DELETE https://a.test -d id=4") << s("DELETE")
                                      << s("https://a.test") << Headers {h("Content-Type", form)} << s("id=4");
}

void TestCurlImport::options()
{
    QFETCH(QString, command);
    CurlImport import;
    QString error;
    QVERIFY2(import.parse(command, &error), qPrintable(error));
    QTEST(WebhookEnums::name(import.webhook().requestType), "method");
    QTEST(import.webhook().url, "url");
    QTEST(headersOf(import.webhook()), "headers");
    QTEST(import.webhook().payloadTemplate, "body");
}

void TestCurlImport::notes_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("notes");
    const auto s = [](const char* text) { return QString::fromUtf8(text); };
    QTest::newRow("none") << s("curl https://a.test") << QStringList {};
    QTest::newRow("-k and -m") << s("curl -k -m 2.5 https://a.test")
                               << QStringList {s("-k means trust the server's certificate whatever it is: for a "
                                                 "self-signed certificate, trust it in the designer (Marketo itself "
                                                 "accepts only certificates from a public authority)"),
                                               s("-m 2.5 maps to the timeout: `send --timeout-ms 2500`; Marketo waits "
                                                 "30 seconds at most")};
    QTest::newRow("-L -s") << s("curl -Ls https://a.test")
                           << QStringList {s("-L follows redirects; the designer follows them too"),
                                           s("--silent only changes what curl prints; the designer shows the whole "
                                             "response")};
    QTest::newRow("header removal") << s("curl -H 'Accept:' https://a.test")
                                    << QStringList {s("-H \"Accept:\" removes a header curl adds; Marketo adds none")};
    QTest::newRow("cookie file") << s("curl -b jar.txt https://a.test")
                                 << QStringList {s("-b jar.txt reads cookies from a file; they are not imported, and "
                                                   "Marketo keeps no cookies")};
    QTest::newRow("braces") << s("curl https://a.test/{{x}}")
                            << QStringList {s("the request holds {{…}}, which Marketo reads as a token")};
}

void TestCurlImport::notes()
{
    QFETCH(QString, command);
    CurlImport import;
    QVERIFY(import.parse(command));
    QTEST(import.notes(), "notes");
}

void TestCurlImport::refused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    const auto s = [](const char* text) { return QString::fromUtf8(text); };
    QTest::newRow("not curl") << s("wget https://a.test") << s("the command does not start with curl");
    QTest::newRow("empty") << s("  ") << s("the command is empty");
    QTest::newRow("no URL") << s("curl -s") << s("the command has no URL");
    QTest::newRow("form") << s("curl -F a=@x https://a.test")
                          << s("-F sends a multipart form (file uploads), which a Marketo webhook cannot send: Marketo "
                               "sends one text body");
    QTest::newRow("upload") << s("curl -T x https://a.test")
                            << s("-T uploads a file, which a Marketo webhook cannot do: Marketo sends one text body "
                                 "from its template");
    QTest::newRow("head") << s("curl -I https://a.test")
                          << s("-I sends a HEAD request; a Marketo webhook sends only GET, POST, PUT, PATCH or DELETE");
    QTest::newRow("OPTIONS") << s("curl -X OPTIONS https://a.test")
                             << s("the request type OPTIONS cannot be sent by a Marketo webhook: it sends GET, POST, "
                                  "PUT, PATCH or DELETE");
    QTest::newRow("GET with body") << s("curl -X GET -d a=1 https://a.test")
                                   << s("the command sends a body with GET, and Marketo sends no body with GET: use -G "
                                        "to put the data in the URL, or another request type");
    QTest::newRow("unreadable file") << s("curl -d @/nonexistent/x https://a.test")
                                     << s("the data file \"/nonexistent/x\" cannot be read: No such file or directory");
    QTest::newRow("stdin") << s("curl -d @- https://a.test")
                           << s("@- reads the data from standard input, which the import cannot do: put the data in "
                                "the command");
    QTest::newRow("unknown option") << s("curl --proxy p:1 https://a.test")
                                    << s("the curl option --proxy cannot be imported: remove it if it does not change "
                                         "the request, and try again");
    QTest::newRow("two URLs") << s("curl https://a.test https://b.test")
                              << s("the command calls more than one URL (https://a.test and https://b.test); a webhook "
                                   "calls one");
    QTest::newRow("ftp") << s("curl ftp://a.test/x")
                         << s("the URL is ftp://; a Marketo webhook calls http:// or https:// URLs");
    QTest::newRow("missing value") << s("curl https://a.test -H") << s("the curl option -H needs a value");
    QTest::newRow("quote") << s("curl 'https://a.test")
                           << s("the command cannot be read: a single quote is not closed");
    QTest::newRow("binary body")
        << QStringLiteral("curl https://a.test --data-binary @%1").arg(m_dir.filePath(QStringLiteral("bad.bin")))
        << s("the body is not UTF-8 text; a Marketo webhook sends a text template");
}

void TestCurlImport::refused()
{
    QFETCH(QString, command);
    CurlImport import;
    QString error;
    QVERIFY(!import.parse(command, &error));
    QTEST(error, "error");
}

void TestCurlImport::browserCopy()
{
    // As a browser's "Copy as cURL (bash)" writes it.
    const QString command = QStringLiteral("curl 'https://api.vendor.test/v2/contacts?src=mkto' \\\n"
                                           "  -H 'accept: application/json, text/plain, */*' \\\n"
                                           "  -H 'accept-language: en-GB,en;q=0.9' \\\n"
                                           "  -H 'content-type: application/json' \\\n"
                                           "  -b 'session=abc; theme=dark' \\\n"
                                           "  -H 'origin: https://app.vendor.test' \\\n"
                                           "  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\\n"
                                           "  --data-raw $'{\"email\":\"ada@example.com\",\"note\":\"it\\'s\"}' \\\n"
                                           "  --compressed");
    CurlImport import;
    QString error;
    QVERIFY2(import.parse(command, &error), qPrintable(error));
    const Webhook& webhook = import.webhook();
    QCOMPARE(webhook.name, QStringLiteral("api.vendor.test/v2/contacts"));
    QCOMPARE(webhook.requestType, RequestType::Post);
    QCOMPARE(webhook.url, QStringLiteral("https://api.vendor.test/v2/contacts?src=mkto"));
    QCOMPARE(webhook.payloadTemplate, QStringLiteral("{\"email\":\"ada@example.com\",\"note\":\"it's\"}"));
    QCOMPARE(headersOf(webhook),
             (Headers {h("accept", "application/json, text/plain, */*"),
                       h("accept-language", "en-GB,en;q=0.9"),
                       h("content-type", "application/json"),
                       h("origin", "https://app.vendor.test"),
                       h("user-agent", "Mozilla/5.0 (X11; Linux x86_64)"),
                       h("Cookie", "session=abc; theme=dark")}));
}

void TestCurlImport::dataFiles()
{
    CurlImport import;
    import.setBaseDirectory(m_dir.path());
    QString error;
    QVERIFY2(import.parse(QStringLiteral("curl https://a.test -d @lines.txt"), &error), qPrintable(error));
    QCOMPARE(import.webhook().payloadTemplate, QStringLiteral("a=1&b=2"));
    QVERIFY2(import.parse(QStringLiteral("curl https://a.test --data-binary @body.json"), &error), qPrintable(error));
    QCOMPARE(import.webhook().payloadTemplate, QStringLiteral("{\"a\": 1}\n"));
    QVERIFY2(import.parse(QStringLiteral("curl https://a.test --data-urlencode t@note.txt"), &error),
             qPrintable(error));
    QCOMPARE(import.webhook().payloadTemplate, QStringLiteral("t=x+y%26z"));
    QVERIFY2(import.parse(QStringLiteral("curl https://a.test --json @body.json"), &error), qPrintable(error));
    QCOMPARE(import.webhook().payloadTemplate, QStringLiteral("{\"a\": 1}\n"));
}

void TestCurlImport::percentEncode()
{
    QCOMPARE(CurlImport::percentEncode("AZaz09-._~ !*'()/+=&\xc3\xa9"),
             QByteArray("AZaz09-._~+%21%2A%27%28%29%2F%2B%3D%26%C3%A9"));
}

QTEST_GUILESS_MAIN(TestCurlImport)
#include "tst_curlimport.moc"
