#pragma once

#include "editors/TokenEditor.h"

class QsciLexerJSON;
class QsciLexerXML;
class TokenLexer;

// The payload template editor: line numbers, a JSON or XML lexer chosen from the
// Content-Type header or the content itself, tokens highlighted, diagnostics as
// squiggles with the message on hover and a marker in the margin, "{{" completion.
class TemplateEditor : public TokenEditor
{
    Q_OBJECT

public:
    enum class Language { Text, Json, Xml };

    explicit TemplateEditor(QWidget* parent = nullptr);
    ~TemplateEditor() override;

    // JSON or XML by the Content-Type when it names one, else by the first character of
    // the content ('{' or '[' is JSON, '<' is XML), else plain text.
    static Language detectLanguage(const QString& contentType, const QString& content);
    void setLanguage(Language language);
    Language language() const { return m_language; }

    void setDiagnostics(const QList<Diagnostic>& diagnostics) override;

protected:
    void applyPalette() override;

private:
    void updateLineNumberWidth();

    Language m_language = Language::Text;
    TokenLexer* m_textLexer;
    QsciLexerJSON* m_jsonLexer;
    QsciLexerXML* m_xmlLexer;
};
