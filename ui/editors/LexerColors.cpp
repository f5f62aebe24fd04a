#include "LexerColors.h"

#include "appearance/ThemeColors.h"

#include <Qsci/qscilexerhtml.h>
#include <Qsci/qscilexerjson.h>

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QWidget>

namespace {

using Role = LexerColors::Role;

Role jsonRole(int style)
{
    switch (style) {
    case QsciLexerJSON::Property:
        return Role::Key;
    case QsciLexerJSON::String:
    case QsciLexerJSON::UnclosedString:
        return Role::String;
    case QsciLexerJSON::Number:
        return Role::Number;
    case QsciLexerJSON::Keyword:
    case QsciLexerJSON::KeywordLD:
        return Role::Keyword;
    case QsciLexerJSON::EscapeSequence:
    case QsciLexerJSON::IRI:
    case QsciLexerJSON::IRICompact:
        return Role::Escape;
    case QsciLexerJSON::CommentLine:
    case QsciLexerJSON::CommentBlock:
        return Role::Comment;
    default:
        return Role::Text;
    }
}

// The XML lexer is QScintilla's HTML lexer in XML mode: its styles are the HTML ones.
Role markupRole(int style)
{
    switch (style) {
    case QsciLexerHTML::Tag:
    case QsciLexerHTML::UnknownTag:
    case QsciLexerHTML::XMLTagEnd:
    case QsciLexerHTML::XMLStart:
    case QsciLexerHTML::XMLEnd:
        return Role::Tag;
    case QsciLexerHTML::Attribute:
    case QsciLexerHTML::UnknownAttribute:
        return Role::Attribute;
    case QsciLexerHTML::HTMLDoubleQuotedString:
    case QsciLexerHTML::HTMLSingleQuotedString:
    case QsciLexerHTML::HTMLValue:
    case QsciLexerHTML::SGMLDoubleQuotedString:
    case QsciLexerHTML::SGMLSingleQuotedString:
        return Role::String;
    case QsciLexerHTML::HTMLNumber:
        return Role::Number;
    case QsciLexerHTML::HTMLComment:
    case QsciLexerHTML::ASPXCComment:
    case QsciLexerHTML::SGMLComment:
        return Role::Comment;
    case QsciLexerHTML::Entity:
    case QsciLexerHTML::CDATA:
        return Role::Escape;
    case QsciLexerHTML::SGMLCommand:
        return Role::Keyword;
    default:
        return Role::Text;
    }
}

// Colours of each role for white paper and for dark paper, before they are made
// readable on the actual Base.
QColor roleColor(Role role, bool dark)
{
    switch (role) {
    case Role::Key:
        return dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0x7a, 0x3e, 0x9d);
    case Role::String:
        return dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15);
    case Role::Number:
        return dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x0a, 0x70, 0x45);
    case Role::Keyword:
        return dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x33, 0xb3);
    case Role::Tag:
        return dark ? QColor(0x4e, 0xc9, 0xb0) : QColor(0x80, 0x00, 0x00);
    case Role::Attribute:
        return dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0xb5, 0x20, 0x0d);
    case Role::Comment:
        return dark ? QColor(0x8a, 0xa8, 0x7a) : QColor(0x5c, 0x63, 0x70);
    case Role::Escape:
        return dark ? QColor(0xd7, 0xba, 0x7d) : QColor(0x04, 0x51, 0xa5);
    case Role::Text:
        break;
    }
    return {};
}

} // namespace

LexerColors::Role LexerColors::role(const QsciLexer& lexer, int style)
{
    const QByteArray language = lexer.language();
    if (language == "JSON")
        return jsonRole(style);
    if (language == "XML" || language == "HTML")
        return markupRole(style);
    return Role::Text;
}

QColor LexerColors::color(Role role, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    if (role == Role::Text)
        return text;
    return ThemeColors::readable(roleColor(role, ThemeColors::isDark(palette)), palette.color(QPalette::Base));
}

QPalette LexerColors::themePalette(const QWidget* widget)
{
    const QWidget* parent = widget->parentWidget();
    return parent ? parent->palette() : QApplication::palette(widget);
}

void LexerColors::apply(QsciLexer* lexer, const QPalette& palette, const QFont& font, bool enabled)
{
    const QColor paper = enabled ? palette.color(QPalette::Base) : palette.color(QPalette::Window);
    const QColor disabledText = palette.color(QPalette::Disabled, QPalette::Text);
    lexer->setDefaultFont(font);
    lexer->setFont(font, -1);
    lexer->setDefaultPaper(paper);
    lexer->setPaper(paper, -1);
    lexer->setDefaultColor(enabled ? palette.color(QPalette::Text) : disabledText);
    for (int style = 0; style < 128; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        lexer->setColor(enabled ? color(role(*lexer, style), palette) : disabledText, style);
    }
}
