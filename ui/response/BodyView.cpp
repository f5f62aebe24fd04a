#include "BodyView.h"

#include "appearance/ThemeColors.h"
#include "editors/LexerColors.h"

#include <QEvent>
#include <QFontDatabase>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerxml.h>

namespace {
constexpr int MarkIndicator = 8; // indicators 0-7 belong to lexers
}

BodyView::BodyView(QWidget* parent)
    : QsciScintilla(parent), m_jsonLexer(new QsciLexerJSON(this)), m_xmlLexer(new QsciLexerXML(this))
{
    setUtf8(true);
    setReadOnly(true);
    setMarginLineNumbers(0, true);
    setMarginWidth(1, 0);
    setCaretLineVisible(false);
    setEolMode(EolUnix);
    setBraceMatching(NoBraceMatch);
    // Styling only what is visible keeps a big body cheap; a page-sized layout cache avoids
    // re-measuring lines while scrolling.
    SendScintilla(SCI_SETIDLESTYLING, SC_IDLESTYLING_NONE);
    SendScintilla(SCI_SETLAYOUTCACHE, SC_CACHE_PAGE);
    // Horizontal scrolling only as wide as the longest line seen, not Scintilla's 2000 px.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);
    SendScintilla(SCI_INDICSETSTYLE, MarkIndicator, INDIC_STRAIGHTBOX);
    SendScintilla(SCI_INDICSETOUTLINEALPHA, MarkIndicator, 170);
    SendScintilla(SCI_INDICSETUNDER, MarkIndicator, true);
    applyPalette();
    updateMarginWidth();
}

BodyView::~BodyView() = default;

bool BodyView::setBody(const QByteArray& utf8, BodyFormat format, qint64 fullSize)
{
    const qint64 size = qMax<qint64>(fullSize, utf8.size());
    const QByteArray shown = utf8.size() > m_displayCap ? BodyFormatter::utf8Prefix(utf8, m_displayCap) : utf8;
    const bool truncated = size > shown.size();
    const bool large = size > m_lexerThreshold;
    const bool sameText = shown.size() == m_shown.size() && (shown.isSharedWith(m_shown) || shown == m_shown);

    m_truncated = truncated;
    applyLexer(format, !large);
    m_format = format;
    m_large = large;
    setWrapMode(m_wrapWanted && !large ? WrapWord : WrapNone);
    if (sameText)
        return false;

    // Keep the reader's place when the preview re-renders while they type.
    const long firstLine = SendScintilla(SCI_GETFIRSTVISIBLELINE);
    m_shown = shown;
    m_marked.clear();
    setReadOnly(false);
    // SCI_SETTEXT takes the bytes as they are: no QString round trip for a large body.
    SendScintilla(SCI_SETTEXT, 0UL, m_shown.constData());
    setReadOnly(true);
    SendScintilla(SCI_SETFIRSTVISIBLELINE, firstLine);
    updateMarginWidth();
    return true;
}

void BodyView::clearBody()
{
    setBody({}, BodyFormat::Text);
}

void BodyView::setWrapWanted(bool wrap)
{
    m_wrapWanted = wrap;
    setWrapMode(m_wrapWanted && !m_large ? WrapWord : WrapNone);
}

void BodyView::setMarkedRanges(const QList<QPair<int, int>>& ranges)
{
    if (ranges == m_marked)
        return;
    const long length = SendScintilla(SCI_GETLENGTH);
    SendScintilla(SCI_SETINDICATORCURRENT, MarkIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0UL, length);
    for (const auto& range : ranges) {
        const int start = qBound(0, range.first, int(length));
        const int count = qBound(0, range.second, int(length) - start);
        if (count > 0)
            SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(start), count);
    }
    m_marked = ranges;
}

void BodyView::changeEvent(QEvent* event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void BodyView::applyLexer(BodyFormat format, bool enabled)
{
    QsciLexer* wanted = nullptr;
    if (enabled && format == BodyFormat::Json)
        wanted = m_jsonLexer;
    else if (enabled && format == BodyFormat::Xml)
        wanted = m_xmlLexer;
    if (wanted == lexer())
        return;
    setLexer(wanted);
    // setLexer resets the fonts and colours to the lexer's; put the palette back.
    applyPalette();
}

void BodyView::applyPalette()
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QPalette pal = LexerColors::themePalette(this);
    for (QsciLexer* lexer : {static_cast<QsciLexer*>(m_jsonLexer), static_cast<QsciLexer*>(m_xmlLexer)})
        LexerColors::apply(lexer, pal, mono);
    setFont(mono);
    setPaper(pal.color(QPalette::Base));
    setColor(pal.color(QPalette::Text));
    setMarginsFont(mono);
    setMarginsBackgroundColor(pal.color(QPalette::Window));
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    // Marked spans: a fill every lexer colour stays readable on, and an outline that
    // shows where the span ends.
    QList<QColor> inks;
    for (int role = 0; role <= int(LexerColors::Role::Escape); ++role)
        inks.append(LexerColors::color(LexerColors::Role(role), pal));
    setIndicatorForegroundColor(ThemeColors::mark(pal, inks), MarkIndicator);
    m_marginDigits = 0;
    updateMarginWidth();
}

void BodyView::updateMarginWidth()
{
    const int digits = QString::number(qMax(1, lines())).size();
    if (digits == m_marginDigits)
        return;
    m_marginDigits = digits;
    setMarginWidth(0, QString(digits + 1, QLatin1Char('9')));
}
