#include "WindowTestSupport.h"
#include "appearance/FusionStyle.h"
#include "appearance/Theme.h"
#include "appearance/ThemeColors.h"
#include "editors/LexerColors.h"
#include "editors/TemplateEditor.h"
#include "mainwindow/AppSettings.h"
#include "preview/EncodingsView.h"
#include "widgets/MessageBar.h"

#include <Qsci/qscilexerjson.h>

#include <QApplication>
#include <QLabel>
#include <QStyle>
#include <QTest>

// The Theme setting on the real application: Light and Dark switch to Fusion with their
// palettes and System brings back the style and palette the application started with.
// What draws in colours of its own follows a switch at once: the editors' lexers, a
// message's wash, an error's red. And in the Dark theme every widget of the main window
// has text that reads on its background.
class tst_Theme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        useWindowTestSettings(QStringLiteral("tst_theme"));
        m_systemStyle = QApplication::style()->name();
        m_systemBase = QApplication::palette().color(QPalette::Base);
    }

    void init() { resetWindowTestSettings(); }

    void cleanup() { Theme::apply(Theme::Mode::System); }

    void keysRoundTrip()
    {
        for (Theme::Mode mode : {Theme::Mode::System, Theme::Mode::Light, Theme::Mode::Dark})
            QCOMPARE(Theme::fromKey(Theme::key(mode)), mode);
        QCOMPARE(Theme::fromKey(QStringLiteral("purple"), Theme::Mode::Light), Theme::Mode::Light);
    }

    void darkAndLightUseFusion()
    {
        Theme::apply(Theme::Mode::Dark);
        QCOMPARE(Theme::current(), Theme::Mode::Dark);
        QVERIFY(qobject_cast<FusionStyle*>(QApplication::style()));
        QCOMPARE(QApplication::palette().color(QPalette::Base), Theme::darkPalette().color(QPalette::Base));
        Theme::apply(Theme::Mode::Light);
        QVERIFY(qobject_cast<FusionStyle*>(QApplication::style()));
        QCOMPARE(QApplication::palette().color(QPalette::Base), Theme::lightPalette().color(QPalette::Base));
    }

    void systemBringsBackTheStart()
    {
        Theme::apply(Theme::Mode::Dark);
        Theme::apply(Theme::Mode::System);
        QCOMPARE(Theme::current(), Theme::Mode::System);
        QCOMPARE(QApplication::style()->name(), m_systemStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Base), m_systemBase);
        // The application sets no palette of its own: the platform's changes reach it.
        QVERIFY(!QCoreApplication::testAttribute(Qt::AA_SetPalette));
    }

    void editorsFollow()
    {
        TemplateEditor editor;
        editor.setLanguage(TemplateEditor::Language::Json);
        editor.setText(QStringLiteral("{\"email\": {{lead.Email Address}}}"));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        for (Theme::Mode mode : {Theme::Mode::Dark, Theme::Mode::Light, Theme::Mode::Dark}) {
            Theme::apply(mode);
            const QPalette palette = mode == Theme::Mode::Dark ? Theme::darkPalette() : Theme::lightPalette();
            auto* lexer = qobject_cast<QsciLexerJSON*>(editor.lexer());
            QVERIFY(lexer);
            // The palette reaches widgets through posted events.
            QTRY_COMPARE(editorPaper(editor), bgr(palette.color(QPalette::Base)));
            QCOMPARE(lexer->paper(QsciLexerJSON::String), palette.color(QPalette::Base));
            QCOMPARE(lexer->color(QsciLexerJSON::String), LexerColors::color(LexerColors::Role::String, palette));
        }
    }

    void messagesFollow()
    {
        QWidget parent;
        auto* bar = new MessageBar(&parent);
        Theme::apply(Theme::Mode::Light);
        QTRY_COMPARE(parent.palette().color(QPalette::Window), Theme::lightPalette().color(QPalette::Window));
        bar->showMessage(MessageBar::Kind::Error, QStringLiteral("The file could not be saved."));
        QCOMPARE(bar->palette().color(QPalette::Window),
                 ThemeColors::wash(ThemeColors::Kind::Error, Theme::lightPalette()));
        Theme::apply(Theme::Mode::Dark);
        QTRY_COMPARE(bar->palette().color(QPalette::Window),
                     ThemeColors::wash(ThemeColors::Kind::Error, Theme::darkPalette()));
        // Its other colours come from the theme, not from the time it was shown.
        QCOMPARE(bar->palette().color(QPalette::WindowText), Theme::darkPalette().color(QPalette::WindowText));
    }

    void errorTextFollows()
    {
        EncodingsView view;
        Theme::apply(Theme::Mode::Light);
        QTRY_COMPARE(view.palette().color(QPalette::Window), Theme::lightPalette().color(QPalette::Window));
        view.showEncodings("{\"a\": x}", "{\"a\": \"x\"}", "{\"a\": x}", BodyFormat::Json, TokenEncoding::Json);
        QLabel* none = view.statusLabel(TokenEncoding::None);
        QLabel* json = view.statusLabel(TokenEncoding::Json);
        QCOMPARE(none->palette().color(QPalette::WindowText),
                 ThemeColors::text(ThemeColors::Kind::Error, Theme::lightPalette()));
        Theme::apply(Theme::Mode::Dark);
        QTRY_COMPARE(none->palette().color(QPalette::WindowText),
                     ThemeColors::text(ThemeColors::Kind::Error, Theme::darkPalette()));
        QCOMPARE(json->palette().color(QPalette::WindowText), Theme::darkPalette().color(QPalette::WindowText));
    }

    void settingsSwitchTheWindow()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        AppSettings::Values values = window.settings()->values();
        values.theme = Theme::Mode::Dark;
        window.settings()->setValues(values);
        QCOMPARE(Theme::current(), Theme::Mode::Dark);
        QTRY_COMPARE(unreadable(&window), QString());
        values.theme = Theme::Mode::System;
        window.settings()->setValues(values);
        QCOMPARE(Theme::current(), Theme::Mode::System);
        QCOMPARE(QApplication::style()->name(), m_systemStyle);
    }

private:
    static QColor editorPaper(TemplateEditor& editor)
    {
        return QColor(
            QRgb(editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, QsciScintillaBase::STYLE_DEFAULT)));
    }

    // Scintilla gives colours as 0xBBGGRR.
    static QColor bgr(const QColor& color) { return QColor(color.blue(), color.green(), color.red()); }

    // The first widget whose text does not read on its background, or nothing.
    static QString unreadable(QWidget* window)
    {
        const QList<QWidget*> widgets = window->findChildren<QWidget*>() << window;
        const QPair<QPalette::ColorRole, QPalette::ColorRole> pairs[] = {{QPalette::WindowText, QPalette::Window},
                                                                         {QPalette::Text, QPalette::Base},
                                                                         {QPalette::ButtonText, QPalette::Button}};
        for (QWidget* widget : widgets) {
            // Disabled text may be faint: it is the active colours that must read.
            const QPalette palette = widget->palette();
            for (const auto& [text, background] : pairs) {
                const double ratio = ThemeColors::contrast(palette.color(QPalette::Active, text),
                                                           palette.color(QPalette::Active, background));
                if (ratio < ThemeColors::minimumTextContrast)
                    return QStringLiteral("%1 (%2), roles %3 on %4: %5")
                        .arg(widget->objectName(), QLatin1String(widget->metaObject()->className()))
                        .arg(text)
                        .arg(background)
                        .arg(ratio);
            }
        }
        return {};
    }

    QString m_systemStyle;
    QColor m_systemBase;
};

QTEST_MAIN(tst_Theme)
#include "tst_theme.moc"
