#pragma once

#include "response/BodyFormatter.h"

#include <Qsci/qsciscintilla.h>

class QsciLexer;

// A read-only QScintilla view of a request or response body: line numbers, a JSON or XML
// lexer, colours from the system palette, and marked ranges (the encodings comparison).
//
// It is built to be updated on every keystroke and to take a 50 MB body:
// - setBody() with the bytes already shown does nothing (no re-lexing);
// - the lexer is only swapped when the format changes, and Scintilla styles only what
//   is visible;
// - past lexerThreshold() bytes the lexer and line wrapping are switched off;
// - at most displayCap() bytes go into the editor; isTruncated() then says so and the
//   owner offers to save the whole body.
class BodyView : public QsciScintilla
{
    Q_OBJECT

public:
    explicit BodyView(QWidget* parent = nullptr);
    ~BodyView() override;

    // Returns true when the text changed. `fullSize` is the size of the whole body when
    // utf8 is already a prefix of it (the lexer threshold and isTruncated() go by it).
    bool setBody(const QByteArray& utf8, BodyFormat format, qint64 fullSize = -1);
    void clearBody();
    const QByteArray& body() const { return m_shown; }
    BodyFormat format() const { return m_format; }
    bool isTruncated() const { return m_truncated; }
    bool isLexerActive() const { return lexer() != nullptr; }

    qsizetype lexerThreshold() const { return m_lexerThreshold; }
    void setLexerThreshold(qsizetype bytes) { m_lexerThreshold = bytes; }
    qsizetype displayCap() const { return m_displayCap; }
    void setDisplayCap(qsizetype bytes) { m_displayCap = bytes; }
    // Soft-wraps long lines when the body is under the lexer threshold.
    void setWrapWanted(bool wrap);

    // Marks byte ranges [start, start + length) of the shown text with a soft box; an
    // empty list clears the marks.
    void setMarkedRanges(const QList<QPair<int, int>>& ranges);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyLexer(BodyFormat format, bool enabled);
    void applyPalette();
    void updateMarginWidth();

    QByteArray m_shown;
    BodyFormat m_format = BodyFormat::Text;
    bool m_truncated = false;
    bool m_large = false; // past the lexer threshold: no lexer, no wrapping
    bool m_wrapWanted = false;
    qsizetype m_lexerThreshold = 2 * 1024 * 1024;
    qsizetype m_displayCap = 4 * 1024 * 1024;
    QsciLexer* m_jsonLexer = nullptr;
    QsciLexer* m_xmlLexer = nullptr;
    QList<QPair<int, int>> m_marked;
    int m_marginDigits = 0;
};
