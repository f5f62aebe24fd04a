#include "appearance/Theme.h"
#include "appearance/ThemeColors.h"
#include "editors/LexerColors.h"
#include "editors/TokenLexer.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerxml.h>

#include <QFontDatabase>
#include <QTest>

#include <memory>

// The colours the editors' lexers get from the palette: every style of the JSON and XML
// lexers reads on its paper (Base) in the Light and Dark themes, keys, strings and
// numbers stay apart, and what the JSON lexer calls an error (a token) is plain text.
class tst_LexerColors : public QObject
{
    Q_OBJECT

private slots:
    void everyStyleReads_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QPalette>("palette");
        for (const char* language : {"JSON", "XML", "text"}) {
            QTest::addRow("%s light", language) << QString::fromLatin1(language) << Theme::lightPalette();
            QTest::addRow("%s dark", language) << QString::fromLatin1(language) << Theme::darkPalette();
        }
    }

    void everyStyleReads()
    {
        QFETCH(QString, language);
        QFETCH(QPalette, palette);
        const std::unique_ptr<QsciLexer> lexer = make(language);
        LexerColors::apply(lexer.get(), palette, QFontDatabase::systemFont(QFontDatabase::FixedFont));
        int styles = 0;
        for (int style = 0; style < 128; ++style) {
            if (lexer->description(style).isEmpty())
                continue;
            ++styles;
            const QString what = QStringLiteral("style %1 (%2)").arg(style).arg(lexer->description(style));
            QVERIFY2(lexer->paper(style) == palette.color(QPalette::Base), qPrintable(what));
            const double ratio = ThemeColors::contrast(lexer->color(style), lexer->paper(style));
            QVERIFY2(ratio >= ThemeColors::minimumTextContrast, qPrintable(what + QStringLiteral(": %1").arg(ratio)));
        }
        QVERIFY(styles > 0);
    }

    void rolesStayApart_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << Theme::lightPalette();
        QTest::newRow("dark") << Theme::darkPalette();
    }

    void rolesStayApart()
    {
        QFETCH(QPalette, palette);
        QsciLexerJSON json;
        LexerColors::apply(&json, palette, QFont());
        const QList<int> styles = {QsciLexerJSON::Default,
                                   QsciLexerJSON::Property,
                                   QsciLexerJSON::String,
                                   QsciLexerJSON::Number,
                                   QsciLexerJSON::Keyword};
        for (int a : styles) {
            for (int b : styles) {
                if (a != b)
                    QVERIFY2(json.color(a) != json.color(b), qPrintable(QStringLiteral("%1 and %2").arg(a).arg(b)));
            }
        }
        QsciLexerXML xml;
        LexerColors::apply(&xml, palette, QFont());
        QVERIFY(xml.color(QsciLexerHTML::Tag) != xml.color(QsciLexerHTML::Attribute));
        QVERIFY(xml.color(QsciLexerHTML::Tag) != xml.color(QsciLexerHTML::Default));
    }

    void aTokenIsNotAnError()
    {
        QsciLexerJSON json;
        LexerColors::apply(&json, Theme::darkPalette(), QFont());
        QCOMPARE(json.color(QsciLexerJSON::Error), Theme::darkPalette().color(QPalette::Text));
        QCOMPARE(json.paper(QsciLexerJSON::Error), Theme::darkPalette().color(QPalette::Base));
    }

    void disabledIsGreyOnWindow()
    {
        QsciLexerJSON json;
        const QPalette palette = Theme::darkPalette();
        LexerColors::apply(&json, palette, QFont(), false);
        QCOMPARE(json.color(QsciLexerJSON::String), palette.color(QPalette::Disabled, QPalette::Text));
        QCOMPARE(json.paper(QsciLexerJSON::String), palette.color(QPalette::Window));
    }

private:
    static std::unique_ptr<QsciLexer> make(const QString& language)
    {
        if (language == QLatin1String("JSON"))
            return std::make_unique<QsciLexerJSON>();
        if (language == QLatin1String("XML"))
            return std::make_unique<QsciLexerXML>();
        return std::make_unique<TokenLexer>();
    }
};

QTEST_MAIN(tst_LexerColors)
#include "tst_lexercolors.moc"
