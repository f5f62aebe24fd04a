#pragma once

#include "template/Diagnostic.h"
#include "template/TokenCatalog.h"

#include <Qsci/qsciscintilla.h>

#include <QTimer>

class QsciLexer;
class TokenApis;

// The QScintilla set-up shared by every editor that takes tokens (template, URL, header
// values): tokens marked with an indicator, malformed tokens and diagnostics as
// squiggles with the message on hover, and the token completion list that opens on "{{"
// (or Ctrl+Space) and narrows as the user types. Undo belongs to the window's undo
// stack, so Scintilla's own undo is off and its Ctrl+Z/Ctrl+Y/Ctrl+T bindings are
// released for the window's actions.
class TokenEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit TokenEditor(QWidget* parent = nullptr);
    ~TokenEditor() override;

    void setTokens(const QList<TokenInfo>& tokens);
    TokenApis* apis() const { return m_apis; }

    // Diagnostics about this editor's text; offsets are in characters of text().
    virtual void setDiagnostics(const QList<Diagnostic>& diagnostics);
    const QList<Diagnostic>& diagnostics() const { return m_diagnostics; }
    // The message shown on hover at a byte position, empty when none.
    QString hoverText(int position) const;

    // Replaces the whole text without moving the caret further than needed (undo/redo,
    // switching webhooks); does not open the completion list.
    void replaceText(const QString& text);
    // Inserts at the caret, replacing the selection (Insert Token).
    void insertAtCursor(const QString& text);
    // Character offset of the caret in text().
    int cursorOffset() const;
    void setCursorOffset(int offset);

    void setEditorFontSize(int pointSize);
    int editorFontSize() const { return m_fontSize; }

    // Opens the token list for an unclosed "{{" before the caret; returns false when the
    // caret is not inside one.
    bool showTokenCompletion();
    bool isTokenListActive() const;

    static constexpr int kTokenListId = 17;

signals:
    void focusReceived();

protected:
    // The colour of a diagnostic's squiggle or margin marker: red, amber or blue, as
    // the palette lets them read.
    QColor severityColor(Diagnostic::Severity severity) const;
    // Installs a lexer (owned by the caller), attaches the token completion source and
    // applies the palette and font to it.
    void installLexer(QsciLexer* lexer);
    // Fonts and colours from the palette; called again whenever the palette changes.
    virtual void applyPalette();

    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Range
    {
        int start;
        int end;
        QString text;
    };
    void highlight();
    void applyDiagnosticIndicators();
    void scheduleCompletion();
    void updateCompletion();
    void acceptCompletion(const QString& entry);
    int byteOffset(int charOffset) const;

    TokenApis* m_apis = nullptr;
    QList<TokenInfo> m_tokens;
    QList<Diagnostic> m_diagnostics;
    QList<Range> m_diagnosticRanges;
    QList<Range> m_tokenRanges;
    QTimer m_completionTimer;
    int m_completionStart = -1;
    int m_fontSize = 10;
};
