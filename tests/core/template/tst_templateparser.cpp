#include "template/TemplateParser.h"

#include <QTest>

// A compact picture of a parse: L(text) T(scope|name|default) M(text) per part.
static QString describe(const QList<TemplatePart>& parts)
{
    QStringList out;
    for (const TemplatePart& p : parts) {
        switch (p.kind) {
        case TemplatePart::Kind::Literal:
            out << QStringLiteral("L(%1)").arg(p.text);
            break;
        case TemplatePart::Kind::Token:
            out << QStringLiteral("T(%1|%2%3)")
                       .arg(p.token.scope,
                            p.token.name,
                            p.token.hasDefault ? QStringLiteral("|") + p.token.defaultValue : QString());
            break;
        case TemplatePart::Kind::Malformed:
            out << QStringLiteral("M(%1)").arg(p.text);
            break;
        }
    }
    return out.join(QLatin1Char(' '));
}

class tst_TemplateParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void problems_data();
    void problems();
    void offsetsCoverTheText_data();
    void offsetsCoverTheText();
    void tokenText();
    void largeTemplatesParseInOnePass();
};

void tst_TemplateParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("literal only") << "hello"
                                  << "L(hello)";
    QTest::newRow("single braces") << "{\"a\": 1}"
                                   << "L({\"a\": 1})";
    QTest::newRow("token") << "{{lead.Email Address}}"
                           << "T(lead|Email Address)";
    QTest::newRow("token in text") << "a={{lead.First Name}}&b"
                                   << "L(a=) T(lead|First Name) L(&b)";
    QTest::newRow("default") << "{{lead.First Name:default=friend}}"
                             << "T(lead|First Name|friend)";
    QTest::newRow("default with spaces") << "{{lead.City:default=New York}}"
                                         << "T(lead|City|New York)";
    QTest::newRow("empty default") << "{{lead.City:default=}}"
                                   << "T(lead|City|)";
    QTest::newRow("default keeps colons") << "{{my.url:default=https://x.test/a}}"
                                          << "T(my|url|https://x.test/a)";
    QTest::newRow("default keyword in any case") << "{{lead.City:DEFAULT=x}}"
                                                 << "T(lead|City|x)";
    QTest::newRow("default holds a single brace") << "{{lead.City:default=a}b}}"
                                                  << "T(lead|City|a}b)";
    QTest::newRow("default keeps backslashes") << "{{lead.City:default=C:\\data\\n}}"
                                               << "T(lead|City|C:\\data\\n)";
    QTest::newRow("scope case kept") << "{{Company.Company Name}}"
                                     << "T(Company|Company Name)";
    QTest::newRow("two tokens adjacent") << "{{lead.a}}{{lead.b}}"
                                         << "T(lead|a) T(lead|b)";
    QTest::newRow("json object around token") << "{\"a\":{{lead.x}}}"
                                              << "L({\"a\":) T(lead|x) L(})";
    QTest::newRow("triple braces") << "{{{lead.x}}}"
                                   << "L({) T(lead|x) L(})";
    QTest::newRow("name with dots") << "{{member.a.b}}"
                                    << "T(member|a.b)";
    QTest::newRow("spaces inside braces") << "x {{ lead.x }} y"
                                          << "L(x ) M({{ lead.x }}) L( y)";
    QTest::newRow("leading space only") << "{{ lead.x}}"
                                        << "M({{ lead.x}})";
    QTest::newRow("trailing space only") << "{{lead.x }}"
                                         << "M({{lead.x }})";
    QTest::newRow("space before dot") << "{{lead .x}}"
                                      << "M({{lead .x}})";
    QTest::newRow("unclosed at end") << "a {{lead.x"
                                     << "L(a ) M({{lead.x)";
    QTest::newRow("unclosed before newline") << "{{lead.x\n}}"
                                             << "M({{lead.x) L(\n}})";
    QTest::newRow("unclosed then token") << "{{lead.x {{lead.y}}"
                                         << "M({{lead.x ) T(lead|y)";
    QTest::newRow("missing dot") << "{{Email}}"
                                 << "M({{Email}})";
    QTest::newRow("missing scope") << "{{.Email}}"
                                   << "M({{.Email}})";
    QTest::newRow("empty name") << "{{lead.}}"
                                << "M({{lead.}})";
    QTest::newRow("empty name with default") << "{{lead.:default=x}}"
                                             << "M({{lead.:default=x}})";
    QTest::newRow("empty braces") << "{{}}"
                                  << "M({{}})";
    QTest::newRow("lone closing") << "a}}b"
                                  << "L(a}}b)";
    QTest::newRow("unicode around") << "é{{lead.x}}ü"
                                    << "L(é) T(lead|x) L(ü)";
}

void tst_TemplateParser::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(describe(TemplateParser::parse(text)), expected);
}

void tst_TemplateParser::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problemContains");

    QTest::newRow("spaces") << "{{ lead.x }}"
                            << "remove the spaces inside the braces";
    QTest::newRow("unclosed") << "{{lead.x"
                              << "never closed";
    QTest::newRow("missing dot") << "{{Email}}"
                                 << "missing scope";
    QTest::newRow("missing scope") << "{{.Email}}"
                                   << "missing scope";
    QTest::newRow("empty name") << "{{lead.}}"
                                << "name after the dot is empty";
    QTest::newRow("empty braces") << "{{}}"
                                  << "empty braces";
    QTest::newRow("bad scope") << "{{le$ad.x}}"
                               << "scope must be one word";
}

void tst_TemplateParser::problems()
{
    QFETCH(QString, text);
    QFETCH(QString, problemContains);
    const auto parts = TemplateParser::parse(text);
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.first().kind, TemplatePart::Kind::Malformed);
    QVERIFY2(parts.first().problem.contains(problemContains), qPrintable(parts.first().problem));
}

void tst_TemplateParser::offsetsCoverTheText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("mixed") << "POST {{lead.a}} and {{ bad }} then {{lead.b:default=c}} {{unclosed";
    QTest::newRow("multi-line") << "{\n  \"a\": {{lead.a}},\n  \"b\": \"{{x\"\n}";
    QTest::newRow("braces galore") << "{{{{{{}}}}}}{{{lead.x}}}}}{{";
}

void tst_TemplateParser::offsetsCoverTheText()
{
    QFETCH(QString, text);
    const auto parts = TemplateParser::parse(text);
    int expectedOffset = 0;
    QString rebuilt;
    for (const TemplatePart& p : parts) {
        QCOMPARE(p.offset, expectedOffset);
        QCOMPARE(p.length, int(p.text.size()));
        QCOMPARE(p.text, text.mid(p.offset, p.length));
        QVERIFY(p.length > 0);
        expectedOffset += p.length;
        rebuilt += p.text;
    }
    QCOMPARE(rebuilt, text);
}

void tst_TemplateParser::tokenText()
{
    const auto parts = TemplateParser::parse(QStringLiteral("{{Lead.first name:default=x}}"));
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.first().token.text(), QStringLiteral("{{Lead.first name:default=x}}"));
    TokenRef plain;
    plain.scope = QStringLiteral("lead");
    plain.name = QStringLiteral("Email Address");
    QCOMPARE(plain.text(), QStringLiteral("{{lead.Email Address}}"));
}

void tst_TemplateParser::largeTemplatesParseInOnePass()
{
    // Inputs that would make a naive parser quadratic: 10 MB on one line, a long run of
    // openings without a closing, and a long run of braces. Each must parse completely
    // (no timing threshold: a quadratic parser simply does not finish in CI's time).
    QString big;
    big.reserve(10 * 1024 * 1024);
    const QString chunk = QStringLiteral("{\"k\": {{lead.Email Address}}, \"v\": \"xxxxxxxxxxxx\"} ");
    while (big.size() < 10 * 1024 * 1024) {
        big += chunk;
    }
    const auto parts = TemplateParser::parse(big);
    QVERIFY(parts.size() > 300000);
    QCOMPARE(parts.at(1).kind, TemplatePart::Kind::Token);

    const QString openings = QString(QStringLiteral("{{a")).repeated(1000000);
    const auto openParts = TemplateParser::parse(openings);
    QCOMPARE(openParts.size(), 1000000);
    QCOMPARE(openParts.last().kind, TemplatePart::Kind::Malformed);

    const QString braces(2000000, QLatin1Char('{'));
    const auto braceParts = TemplateParser::parse(braces);
    QCOMPARE(braceParts.size(), 2);
    QCOMPARE(braceParts.last().kind, TemplatePart::Kind::Malformed);
}

QTEST_GUILESS_MAIN(tst_TemplateParser)
#include "tst_templateparser.moc"
