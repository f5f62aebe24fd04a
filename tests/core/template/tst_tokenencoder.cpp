#include "template/TokenEncoder.h"
#include "template/TokenResolver.h"

#include <QTest>

namespace {

TokenValue value(TokenValue::Kind kind, const QString& text)
{
    TokenValue v;
    v.status = kind == TokenValue::Kind::Missing ? TokenValue::Status::Empty : TokenValue::Status::Ok;
    v.kind = kind;
    v.text = text;
    return v;
}

} // namespace

Q_DECLARE_METATYPE(TokenEncoding)
Q_DECLARE_METATYPE(TokenValue::Kind)

class tst_TokenEncoder : public QObject
{
    Q_OBJECT

private slots:
    void body_data();
    void body();
    void jsonEscapes_data();
    void jsonEscapes();
    void formUrl_data();
    void formUrl();
    void urlComponent_data();
    void urlComponent();
    void everyAsciiCharacter();
    void appendsToExistingBytes();
    void formatNumber_data();
    void formatNumber();
};

void tst_TokenEncoder::body_data()
{
    QTest::addColumn<TokenValue::Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<TokenEncoding>("encoding");
    QTest::addColumn<QByteArray>("expected");

    using K = TokenValue::Kind;
    const auto none = TokenEncoding::None;
    const auto json = TokenEncoding::Json;
    const auto form = TokenEncoding::FormUrl;
    const QString jack = QStringLiteral("Jack \"J\" & Jill");

    // Each value kind under each encoding, as Marketo inserts it.
    QTest::newRow("string/none") << K::String << jack << none << QByteArray("Jack \"J\" & Jill");
    QTest::newRow("string/json") << K::String << jack << json << QByteArray("\"Jack \\\"J\\\" & Jill\"");
    QTest::newRow("string/form") << K::String << jack << form << QByteArray("Jack+%22J%22+%26+Jill");
    QTest::newRow("number/none") << K::Number << "42" << none << QByteArray("42");
    QTest::newRow("number/json") << K::Number << "42" << json << QByteArray("42");
    QTest::newRow("number/form") << K::Number << "42" << form << QByteArray("42");
    QTest::newRow("decimal/form") << K::Number << "-1.5e+21" << form << QByteArray("-1.5e%2B21");
    QTest::newRow("missing/none") << K::Missing << "" << none << QByteArray();
    QTest::newRow("missing/json") << K::Missing << "" << json << QByteArray("null");
    QTest::newRow("missing/form") << K::Missing << "" << form << QByteArray();
    QTest::newRow("boolean/none") << K::Boolean << "true" << none << QByteArray("true");
    QTest::newRow("boolean/json") << K::Boolean << "false" << json << QByteArray("false");
    QTest::newRow("boolean/form") << K::Boolean << "true" << form << QByteArray("true");
    QTest::newRow("empty string/json") << K::String << "" << json << QByteArray("\"\"");
    QTest::newRow("non-ascii/none") << K::String << "Zoë 😀" << none << QByteArray("Zo\xc3\xab \xf0\x9f\x98\x80");
    QTest::newRow("non-ascii/json") << K::String << "Zoë 😀" << json << QByteArray("\"Zo\xc3\xab \xf0\x9f\x98\x80\"");
    QTest::newRow("non-ascii/form") << K::String << "Zoë 😀" << form << QByteArray("Zo%C3%AB+%F0%9F%98%80");
    QTest::newRow("cjk/form") << K::String << "東京" << form << QByteArray("%E6%9D%B1%E4%BA%AC");
    QTest::newRow("lone surrogate/none") << K::String << QString(QChar(0xD800)) << none << QByteArray("\xef\xbf\xbd");
    QTest::newRow("lone surrogate/json") << K::String << QString(QChar(0xDC00)) + QLatin1Char('a') << json
                                         << QByteArray("\"\xef\xbf\xbd"
                                                       "a\"");
}

void tst_TokenEncoder::body()
{
    QFETCH(TokenValue::Kind, kind);
    QFETCH(QString, text);
    QFETCH(TokenEncoding, encoding);
    QFETCH(QByteArray, expected);

    const TokenValue v = value(kind, text);
    QCOMPARE(TokenEncoder::encodeBody(v, encoding), expected);
    // The renderer sizes a body with bodySize() before writing: it must be exact.
    QCOMPARE(TokenEncoder::bodySize(v, encoding), expected.size());
    QByteArray raw(expected.size() + 8, '#');
    char* end = TokenEncoder::writeBody(raw.data() + 4, v, encoding);
    QCOMPARE(end - raw.constData(), qsizetype(expected.size() + 4));
    QCOMPARE(raw.mid(4, expected.size()), expected);
    QCOMPARE(raw.right(4), QByteArray("####"));
}

void tst_TokenEncoder::jsonEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("quote") << "a\"b" << QByteArray("\"a\\\"b\"");
    QTest::newRow("backslash") << "a\\b" << QByteArray("\"a\\\\b\"");
    QTest::newRow("newline") << "a\nb" << QByteArray("\"a\\nb\"");
    QTest::newRow("carriage return") << "a\rb" << QByteArray("\"a\\rb\"");
    QTest::newRow("tab") << "a\tb" << QByteArray("\"a\\tb\"");
    QTest::newRow("backspace") << "a\bb" << QByteArray("\"a\\bb\"");
    QTest::newRow("form feed") << "a\fb" << QByteArray("\"a\\fb\"");
    QTest::newRow("other control") << QStringLiteral("a") + QChar(0x01) + QChar(0x1F)
                                   << QByteArray("\"a\\u0001\\u001F\"");
    QTest::newRow("nul") << QString(QChar(0)) << QByteArray("\"\\u0000\"");
    QTest::newRow("delete stays") << QString(QChar(0x7F)) << QByteArray("\"\x7f\"");
    QTest::newRow("slash stays") << "a/b" << QByteArray("\"a/b\"");
    QTest::newRow("single quote stays") << "it's" << QByteArray("\"it's\"");
    QTest::newRow("line separator stays utf-8") << QString(QChar(0x2028)) << QByteArray("\"\xe2\x80\xa8\"");
    QTest::newRow("html stays") << "<b>&amp;</b>" << QByteArray("\"<b>&amp;</b>\"");
    // "Control characters" are JSON's: U+0000-U+001F. DEL and the C1 controls are other
    // Unicode, which stays UTF-8.
    QTest::newRow("C1 control stays utf-8") << QString(QChar(0x85)) << QByteArray("\"\xc2\x85\"");
    QTest::newRow("no-break space stays utf-8") << QString(QChar(0xA0)) << QByteArray("\"\xc2\xa0\"");
}

void tst_TokenEncoder::jsonEscapes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(TokenEncoder::jsonString(text), expected);
    QCOMPARE(TokenEncoder::bodySize(value(TokenValue::Kind::String, text), TokenEncoding::Json), expected.size());
}

void tst_TokenEncoder::formUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("kept") << "AZaz09-._*" << QByteArray("AZaz09-._*");
    QTest::newRow("space") << "a b" << QByteArray("a+b");
    QTest::newRow("tilde encoded") << "~" << QByteArray("%7E");
    QTest::newRow("reserved") << "!#$&'()+,/:;=?@[]"
                              << QByteArray("%21%23%24%26%27%28%29%2B%2C%2F%3A%3B%3D%3F%40%5B%5D");
    QTest::newRow("percent") << "100%" << QByteArray("100%25");
    QTest::newRow("plus") << "a+b" << QByteArray("a%2Bb");
    QTest::newRow("newline") << "a\r\nb" << QByteArray("a%0D%0Ab");
    QTest::newRow("upper-case hex") << "ÿ" << QByteArray("%C3%BF");
}

void tst_TokenEncoder::formUrl()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(TokenEncoder::formUrl(text), expected);
    QCOMPARE(TokenEncoder::bodySize(value(TokenValue::Kind::String, text), TokenEncoding::FormUrl), expected.size());
}

void tst_TokenEncoder::urlComponent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unreserved kept") << "AZaz09-._~"
                                     << "AZaz09-._~";
    QTest::newRow("space is %20") << "a b"
                                  << "a%20b";
    QTest::newRow("star encoded") << "*"
                                  << "%2A";
    QTest::newRow("plus") << "a+b"
                          << "a%2Bb";
    QTest::newRow("email") << "ada@example.com"
                           << "ada%40example.com";
    QTest::newRow("query characters") << "a&b=c?d#e/f"
                                      << "a%26b%3Dc%3Fd%23e%2Ff";
    QTest::newRow("percent") << "50%"
                             << "50%25";
    QTest::newRow("utf-8") << "Zoë"
                           << "Zo%C3%AB";
    QTest::newRow("emoji") << "😀"
                           << "%F0%9F%98%80";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_TokenEncoder::urlComponent()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(TokenEncoder::urlComponent(text), expected);
}

void tst_TokenEncoder::everyAsciiCharacter()
{
    // Each encoding's rule for every ASCII character, spelled out here rather than taken
    // from the code: JSON escapes the quote, the backslash and U+0000-U+001F
    // (\b \t \n \f \r short, others \u00XX); Form/Url keeps A-Z a-z 0-9 - . _ *, sends a
    // space as + and every other byte as upper-case %XX; a URL component keeps the
    // unreserved A-Z a-z 0-9 - . _ ~ and sends a space as %20.
    const auto alnum = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    const auto hex = [](char c) { return QByteArray("%") + QByteArray(1, c).toHex().toUpper(); };
    for (int i = 0; i < 0x80; ++i) {
        const char c = char(i);
        const QString text = QString(QChar(char16_t(i)));

        QByteArray json;
        switch (c) {
        case '"':
            json = "\\\"";
            break;
        case '\\':
            json = "\\\\";
            break;
        case '\b':
            json = "\\b";
            break;
        case '\t':
            json = "\\t";
            break;
        case '\n':
            json = "\\n";
            break;
        case '\f':
            json = "\\f";
            break;
        case '\r':
            json = "\\r";
            break;
        default:
            json = i < 0x20 ? QByteArray("\\u00") + QByteArray(1, c).toHex().toUpper() : QByteArray(1, c);
        }
        QCOMPARE(TokenEncoder::jsonString(text), QByteArray("\"") + json + "\"");

        const QByteArray form = alnum(c) || c == '-' || c == '.' || c == '_' || c == '*' ? QByteArray(1, c)
                                : c == ' '                                               ? QByteArray("+")
                                                                                         : hex(c);
        QCOMPARE(TokenEncoder::formUrl(text), form);

        const QByteArray url = alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ? QByteArray(1, c) : hex(c);
        QCOMPARE(TokenEncoder::urlComponent(text).toLatin1(), url);
    }
}

void tst_TokenEncoder::appendsToExistingBytes()
{
    QByteArray out("{\"a\": ");
    TokenEncoder::appendBody(out, value(TokenValue::Kind::String, QStringLiteral("x\"y")), TokenEncoding::Json);
    out.append(", \"b\": ");
    TokenEncoder::appendBody(out, value(TokenValue::Kind::Missing, QString()), TokenEncoding::Json);
    out.append('}');
    QCOMPARE(out, QByteArray("{\"a\": \"x\\\"y\", \"b\": null}"));

    QString url = QStringLiteral("https://x.test/?q=");
    TokenEncoder::appendUrlComponent(url, QStringLiteral("a b"));
    QCOMPARE(url, QStringLiteral("https://x.test/?q=a%20b"));

    // A long value takes the same path as a short one.
    const QString longText = QString(QStringLiteral("é\"")).repeated(5000);
    const QByteArray encoded = TokenEncoder::jsonString(longText);
    QCOMPARE(encoded.size(), 2 + 5000 * 4);
    QVERIFY(encoded.startsWith("\"\xc3\xa9\\\""));
}

void tst_TokenEncoder::formatNumber_data()
{
    QTest::addColumn<double>("number");
    QTest::addColumn<QString>("expected");

    QTest::newRow("integer") << 42.0 << "42";
    QTest::newRow("negative integer") << -7.0 << "-7";
    QTest::newRow("zero") << 0.0 << "0";
    QTest::newRow("half") << 0.5 << "0.5";
    QTest::newRow("tenth") << 0.1 << "0.1";
    QTest::newRow("shortest round-trip") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::newRow("currency") << 1500000.5 << "1500000.5";
    QTest::newRow("large") << 1e21 << "1e+21";
    QTest::newRow("small") << 1.5e-7 << "1.5e-07";
    QTest::newRow("2^53") << 9007199254740992.0 << "9007199254740992";
}

void tst_TokenEncoder::formatNumber()
{
    QFETCH(double, number);
    QFETCH(QString, expected);
    QCOMPARE(TokenResolver::formatNumber(number), expected);
}

QTEST_GUILESS_MAIN(tst_TokenEncoder)
#include "tst_tokenencoder.moc"
