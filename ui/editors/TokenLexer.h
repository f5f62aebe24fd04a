#pragma once

#include <Qsci/qscilexercustom.h>

// The lexer of text that is neither JSON nor XML (URLs, header values, form bodies): one
// plain style in the palette's colours. Tokens are marked by the editor's indicator, as
// in the JSON and XML modes; the lexer exists so the completion source has a lexer to
// attach to.
class TokenLexer : public QsciLexerCustom
{
    Q_OBJECT

public:
    explicit TokenLexer(QObject* parent = nullptr);
    ~TokenLexer() override;

    const char* language() const override;
    QString description(int style) const override;
    void styleText(int start, int end) override;
};
