#include "appearance/Theme.h"
#include "appearance/ThemeColors.h"

#include <QTest>

Q_DECLARE_METATYPE(ThemeColors::Kind)

// Colours with a meaning read in every palette: the contrast ratio itself against
// WCAG's reference values, then text of each kind on Base and Window, the wash behind a
// message under WindowText, and the mark under Text and the editors' colours, in the
// Light and Dark themes and in palettes a desktop may give (low contrast, mid grey).
class tst_ThemeColors : public QObject
{
    Q_OBJECT

private slots:
    void contrast_data()
    {
        QTest::addColumn<QColor>("a");
        QTest::addColumn<QColor>("b");
        QTest::addColumn<double>("ratio");
        QTest::newRow("black on white") << QColor(Qt::black) << QColor(Qt::white) << 21.0;
        QTest::newRow("white on black") << QColor(Qt::white) << QColor(Qt::black) << 21.0;
        QTest::newRow("same") << QColor(0x77, 0x33, 0x99) << QColor(0x77, 0x33, 0x99) << 1.0;
        // WCAG's examples: #767676 is the lightest grey with 4.5:1 on white.
        QTest::newRow("grey 767676 on white") << QColor(0x76, 0x76, 0x76) << QColor(Qt::white) << 4.54;
        QTest::newRow("red on white") << QColor(Qt::red) << QColor(Qt::white) << 4.0;
    }

    void contrast()
    {
        QFETCH(QColor, a);
        QFETCH(QColor, b);
        QFETCH(double, ratio);
        QVERIFY2(qAbs(ThemeColors::contrast(a, b) - ratio) < 0.01,
                 qPrintable(QString::number(ThemeColors::contrast(a, b))));
    }

    void readableReachesTheRatio_data()
    {
        QTest::addColumn<QColor>("color");
        QTest::addColumn<QColor>("background");
        QTest::newRow("yellow on white") << QColor(Qt::yellow) << QColor(Qt::white);
        QTest::newRow("navy on black") << QColor(0, 0, 0x80) << QColor(Qt::black);
        QTest::newRow("red on dark grey") << QColor(0xc0, 0x30, 0x30) << QColor(0x25, 0x25, 0x25);
        QTest::newRow("grey on mid grey") << QColor(0x80, 0x80, 0x80) << QColor(0x77, 0x77, 0x77);
    }

    void readableReachesTheRatio()
    {
        QFETCH(QColor, color);
        QFETCH(QColor, background);
        const QColor readable = ThemeColors::readable(color, background);
        QVERIFY2(ThemeColors::contrast(readable, background) >= 4.5, qPrintable(readable.name()));
        // A colour that reads already is kept.
        QCOMPARE(ThemeColors::readable(readable, background), readable);
    }

    void textReads_data() { palettes(true); }

    void textReads()
    {
        QFETCH(QPalette, palette);
        QFETCH(ThemeColors::Kind, kind);
        const QColor text = ThemeColors::text(kind, palette);
        for (QPalette::ColorRole role : {QPalette::Base, QPalette::Window}) {
            const double ratio = ThemeColors::contrast(text, palette.color(role));
            QVERIFY2(ratio >= ThemeColors::minimumTextContrast,
                     qPrintable(QStringLiteral("%1 on role %2: %3").arg(text.name()).arg(role).arg(ratio)));
        }
    }

    void kindsStayApart()
    {
        // Red is still red in the dark: the kinds keep their hues.
        for (const QPalette& palette : {Theme::lightPalette(), Theme::darkPalette()}) {
            const int error = ThemeColors::text(ThemeColors::Kind::Error, palette).hslHue();
            const int success = ThemeColors::text(ThemeColors::Kind::Success, palette).hslHue();
            const int info = ThemeColors::text(ThemeColors::Kind::Info, palette).hslHue();
            QVERIFY(error < 20 || error > 340);
            QVERIFY(success > 90 && success < 150);
            QVERIFY(info > 190 && info < 230);
        }
    }

    void washKeepsTheTextReadable_data() { palettes(true); }

    void washKeepsTheTextReadable()
    {
        QFETCH(QPalette, palette);
        QFETCH(ThemeColors::Kind, kind);
        const QColor wash = ThemeColors::wash(kind, palette);
        QVERIFY(ThemeColors::contrast(palette.color(QPalette::WindowText), wash) >= ThemeColors::minimumTextContrast);
    }

    void washShowsInTheThemes()
    {
        for (const QPalette& palette : {Theme::lightPalette(), Theme::darkPalette()})
            QVERIFY(ThemeColors::wash(ThemeColors::Kind::Error, palette) != palette.color(QPalette::Window));
    }

    void markKeepsTheTextReadable_data() { palettes(false); }

    void markKeepsTheTextReadable()
    {
        QFETCH(QPalette, palette);
        const QList<QColor> inks = {ThemeColors::text(ThemeColors::Kind::Error, palette),
                                    ThemeColors::text(ThemeColors::Kind::Info, palette)};
        const QColor mark = ThemeColors::mark(palette, inks);
        const QColor marked = ThemeColors::over(mark, palette.color(QPalette::Base));
        for (const QColor& ink : inks + QList<QColor> {palette.color(QPalette::Text)})
            QVERIFY2(ThemeColors::contrast(ink, marked) >= ThemeColors::minimumTextContrast, qPrintable(ink.name()));
    }

    void markShowsInTheThemes()
    {
        for (const QPalette& palette : {Theme::lightPalette(), Theme::darkPalette()})
            QVERIFY(ThemeColors::mark(palette).alpha() > 0);
    }

    void darkness()
    {
        QVERIFY(ThemeColors::isDark(Theme::darkPalette()));
        QVERIFY(!ThemeColors::isDark(Theme::lightPalette()));
    }

private:
    // The palettes a colour must work in, with each kind when `withKinds`.
    static void palettes(bool withKinds)
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<ThemeColors::Kind>("kind");
        QPalette lowContrast = Theme::darkPalette();
        lowContrast.setColor(QPalette::Base, QColor(0x44, 0x44, 0x44));
        lowContrast.setColor(QPalette::Window, QColor(0x50, 0x50, 0x50));
        lowContrast.setColor(QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
        lowContrast.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
        QPalette solarizedLight = Theme::lightPalette();
        solarizedLight.setColor(QPalette::Base, QColor(0xfd, 0xf6, 0xe3));
        solarizedLight.setColor(QPalette::Window, QColor(0xee, 0xe8, 0xd5));
        solarizedLight.setColor(QPalette::Text, QColor(0x58, 0x6e, 0x75));
        solarizedLight.setColor(QPalette::WindowText, QColor(0x07, 0x36, 0x42));
        const QList<QPair<const char*, QPalette>> all = {{"light", Theme::lightPalette()},
                                                         {"dark", Theme::darkPalette()},
                                                         {"low contrast dark", lowContrast},
                                                         {"solarized light", solarizedLight}};
        const QList<QPair<const char*, ThemeColors::Kind>> kinds = {{"error", ThemeColors::Kind::Error},
                                                                    {"warning", ThemeColors::Kind::Warning},
                                                                    {"info", ThemeColors::Kind::Info},
                                                                    {"success", ThemeColors::Kind::Success}};
        for (const auto& [name, palette] : all) {
            if (!withKinds) {
                QTest::newRow(name) << palette << ThemeColors::Kind::Info;
                continue;
            }
            for (const auto& [kindName, kind] : kinds)
                QTest::addRow("%s %s", name, kindName) << palette << kind;
        }
    }
};

QTEST_MAIN(tst_ThemeColors)
#include "tst_themecolors.moc"
