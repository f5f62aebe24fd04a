#include "TokenLexer.h"

TokenLexer::TokenLexer(QObject* parent) : QsciLexerCustom(parent) { }

TokenLexer::~TokenLexer() = default;

const char* TokenLexer::language() const
{
    return "Text";
}

QString TokenLexer::description(int style) const
{
    return style == 0 ? tr("Text") : QString();
}

void TokenLexer::styleText(int start, int end)
{
    startStyling(start);
    setStyling(end - start, 0);
}
