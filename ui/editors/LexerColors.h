#pragma once

#include <QColor>

class QFont;
class QPalette;
class QWidget;
class QsciLexer;

// The colours of a QScintilla lexer's styles, taken from the palette. QScintilla's
// lexers come with colours made for black text on white paper, which a dark palette
// cannot use. Here each style of the JSON and XML lexers gets the colour of its role
// (a key, a string, a number, a keyword, a tag...), in a set for light or dark
// palettes, made readable on the palette's Base (ThemeColors); every style's paper is
// Base. Styles of other lexers (TokenLexer) are plain text, and so is what the JSON
// lexer calls an error: tokens are not JSON, so every token would look like a mistake.
//
// Contract: after apply(), every style of the lexer has a contrast of at least 4.5:1
// against its paper, in any palette whose Base and Text have that contrast themselves.
class LexerColors
{
public:
    enum class Role { Text, Key, String, Number, Keyword, Tag, Attribute, Comment, Escape };

    static Role role(const QsciLexer& lexer, int style);
    static QColor color(Role role, const QPalette& palette);

    // The palette a QScintilla widget takes its colours from: its parent's, or the
    // application's. Not the widget's own: QScintilla writes the paper and text colours
    // it is given into that palette, which would then stay as it is when the theme
    // changes.
    static QPalette themePalette(const QWidget* widget);

    // Sets the font, the paper and the colour of every style of `lexer`. A disabled
    // editor shows all text in the palette's disabled text colour on Window.
    static void apply(QsciLexer* lexer, const QPalette& palette, const QFont& font, bool enabled = true);
};
