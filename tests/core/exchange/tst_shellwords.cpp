#include "exchange/ShellWords.h"

#include <QTest>

class TestShellWords : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void unterminated_data();
    void unterminated();
};

void TestShellWords::split_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("words");

    const auto s = [](const char* text) { return QString::fromUtf8(text); };
    QTest::newRow("blanks") << s("curl  \t https://a.test/x") << QStringList {s("curl"), s("https://a.test/x")};
    QTest::newRow("single quotes keep everything")
        << s("curl -H 'X: \"$HOME\" \\n'") << QStringList {s("curl"), s("-H"), s("X: \"$HOME\" \\n")};
    QTest::newRow("double quotes with escapes")
        << s("curl -d \"a\\\"b\\\\c\\$d\\`e\\xf\"") << QStringList {s("curl"), s("-d"), s("a\"b\\c$d`e\\xf")};
    QTest::newRow("adjacent quoting is one word") << s("curl 'a'\"b\"c\\ d") << QStringList {s("curl"), s("abc d")};
    QTest::newRow("empty quotes are a word") << s("curl -d ''") << QStringList {s("curl"), s("-d"), QString()};
    QTest::newRow("backslash-newline continuation") << s("curl \\\n  -X POST \\\r\n  https://a.test")
                                                    << QStringList {s("curl"), s("-X"), s("POST"), s("https://a.test")};
    QTest::newRow("newline inside quotes stays") << s("curl -d 'a\nb'") << QStringList {s("curl"), s("-d"), s("a\nb")};
    QTest::newRow("ANSI-C string") << s("curl --data-raw $'{\"a\":\"it\\'s\\n\\t\\\\\\x41\\u00e9\\101\"}'")
                                   << QStringList {s("curl"), s("--data-raw"), s("{\"a\":\"it's\n\t\\A\u00e9A\"}")};
    QTest::newRow("ANSI-C UTF-8 bytes") << s("curl -d $'\\xc3\\xa9t\\xc3\\xa9'")
                                        << QStringList {s("curl"), s("-d"), s("\u00e9t\u00e9")};
    QTest::newRow("dollar without quote is literal") << s("curl $HOME") << QStringList {s("curl"), s("$HOME")};
    QTest::newRow("non-ASCII") << s("curl -d 'Müller 😀'") << QStringList {s("curl"), s("-d"), s("Müller 😀")};
    QTest::newRow("windows caret continuation and escapes")
        << s("curl ^\"https://a.test/x?a=1^&b=2^\" ^\r\n  -H ^\"content-type: application/json^\" ^\n  "
             "--data-raw ^\"^{^\\^\"name^\\^\":^\\^\"Ada 100^%^\\^\"^}^\"")
        << QStringList {s("curl"),
                        s("https://a.test/x?a=1&b=2"),
                        s("-H"),
                        s("content-type: application/json"),
                        s("--data-raw"),
                        s("{\"name\":\"Ada 100%\"}")};
    QTest::newRow("windows caret newline in a value")
        << s("curl ^\"https://a.test^\" --data-raw ^\"a^\n\nb^\"")
        << QStringList {s("curl"), s("https://a.test"), s("--data-raw"), s("a\nb")};
    QTest::newRow("windows backslashes before a quote")
        << s("curl ^\"https://a.test^\" -d \"a\\\\\\\"b\\c\"")
        << QStringList {s("curl"), s("https://a.test"), s("-d"), s("a\\\"b\\c")};
}

void TestShellWords::split()
{
    QFETCH(QString, command);
    QFETCH(QStringList, words);
    QStringList actual;
    QString error;
    QVERIFY2(ShellWords::split(command, &actual, &error), qPrintable(error));
    QCOMPARE(actual, words);
}

void TestShellWords::unterminated_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::newRow("single") << QStringLiteral("curl 'abc") << QStringLiteral("a single quote is not closed");
    QTest::newRow("double") << QStringLiteral("curl \"abc") << QStringLiteral("a double quote is not closed");
    QTest::newRow("ansi") << QStringLiteral("curl $'abc\\'") << QStringLiteral("a $'…' string is not closed");
    QTest::newRow("windows") << QStringLiteral("curl ^\"abc") << QStringLiteral("a double quote is not closed");
}

void TestShellWords::unterminated()
{
    QFETCH(QString, command);
    QFETCH(QString, error);
    QStringList words {QStringLiteral("kept")};
    QString actual;
    QVERIFY(!ShellWords::split(command, &words, &actual));
    QCOMPARE(actual, error);
    QCOMPARE(words, QStringList {QStringLiteral("kept")});
}

QTEST_GUILESS_MAIN(TestShellWords)
#include "tst_shellwords.moc"
