#include "TokenEditor.h"

#include "appearance/ThemeColors.h"
#include "editors/LexerColors.h"
#include "editors/TokenApis.h"
#include "template/TemplateParser.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexer.h>

#include <QApplication>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QToolTip>

namespace {
constexpr int kTokenIndicator = 8;
constexpr int kMalformedIndicator = 9;
constexpr int kErrorIndicator = 10;
constexpr int kWarningIndicator = 11;
constexpr int kInfoIndicator = 12;
constexpr int kDwellMs = 400;

// Byte offsets of character offsets, walking forward through the text once.
class Utf8Walker
{
public:
    explicit Utf8Walker(const QString& text) : m_text(text) { }
    int toByte(int offset)
    {
        offset = qBound(0, offset, int(m_text.size()));
        if (offset < m_char) {
            m_char = 0;
            m_byte = 0;
        }
        m_byte += QStringView(m_text).mid(m_char, offset - m_char).toUtf8().size();
        m_char = offset;
        return m_byte;
    }

private:
    const QString& m_text;
    int m_char = 0;
    int m_byte = 0;
};
} // namespace

TokenEditor::TokenEditor(QWidget* parent) : QsciScintilla(parent)
{
    setUtf8(true);
    // The window's undo stack owns undo; Scintilla's would fight it.
    SendScintilla(SCI_SETUNDOCOLLECTION, false);
    const QList<int> reserved = {
        (Qt::CTRL | Qt::Key_Z).toCombined(),
        (Qt::CTRL | Qt::Key_Y).toCombined(),
        (Qt::CTRL | Qt::SHIFT | Qt::Key_Z).toCombined(),
        (Qt::CTRL | Qt::Key_T).toCombined(),
        (Qt::CTRL | Qt::Key_Return).toCombined(),
        (Qt::CTRL | Qt::Key_Enter).toCombined(),
        (Qt::CTRL | Qt::SHIFT | Qt::Key_T).toCombined(),
        (Qt::ALT | Qt::Key_Backspace).toCombined(),
    };
    for (QsciCommand* command : standardCommands()->commands()) {
        if (reserved.contains(command->key())) {
            command->setKey(0);
        }
        if (reserved.contains(command->alternateKey())) {
            command->setAlternateKey(0);
        }
    }

    indicatorDefine(StraightBoxIndicator, kTokenIndicator);
    SendScintilla(SCI_INDICSETUNDER, kTokenIndicator, true);
    SendScintilla(SCI_INDICSETALPHA, kTokenIndicator, 50);
    SendScintilla(SCI_INDICSETOUTLINEALPHA, kTokenIndicator, 120);
    indicatorDefine(DotsIndicator, kMalformedIndicator);
    indicatorDefine(SquiggleIndicator, kErrorIndicator);
    indicatorDefine(SquiggleIndicator, kWarningIndicator);
    indicatorDefine(DotsIndicator, kInfoIndicator);

    SendScintilla(SCI_SETMOUSEDWELLTIME, kDwellMs);
    connect(this, &QsciScintillaBase::SCN_DWELLSTART, this, [this](int position, int x, int y) {
        const QString tip = hoverText(position);
        if (!tip.isEmpty()) {
            QToolTip::showText(viewport()->mapToGlobal(QPoint(x, y)), tip, viewport());
        }
    });
    connect(this, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });

    // Entries may contain spaces and '?' (sample URLs): neither may separate or type them.
    SendScintilla(SCI_AUTOCSETTYPESEPARATOR, 0x1e);
    SendScintilla(SCI_AUTOCSETORDER, 2 /* SC_ORDER_CUSTOM: keep the ranking */);
    SendScintilla(SCI_AUTOCSETAUTOHIDE, false);
    SendScintilla(SCI_AUTOCSETIGNORECASE, true);
    SendScintilla(SCI_AUTOCSETMAXHEIGHT, 12);
    m_completionTimer.setSingleShot(true);
    m_completionTimer.setInterval(0);
    connect(&m_completionTimer, &QTimer::timeout, this, &TokenEditor::updateCompletion);
    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, [this](int) { scheduleCompletion(); });
    connect(this, &QsciScintilla::userListActivated, this, [this](int id, const QString& entry) {
        if (id == kTokenListId) {
            acceptCompletion(entry);
        }
    });
    connect(this, &QsciScintilla::textChanged, this, &TokenEditor::highlight);

    setEditorFontSize(QApplication::font().pointSize() > 0 ? QApplication::font().pointSize() : 10);
}

TokenEditor::~TokenEditor() = default;

void TokenEditor::installLexer(QsciLexer* lexer)
{
    setLexer(lexer);
    if (!lexer->apis()) {
        m_apis = new TokenApis(lexer);
    } else {
        m_apis = qobject_cast<TokenApis*>(lexer->apis());
    }
    if (m_apis) {
        m_apis->setTokens(m_tokens);
    }
    applyPalette();
    highlight();
    applyDiagnosticIndicators();
}

QColor TokenEditor::severityColor(Diagnostic::Severity severity) const
{
    const ThemeColors::Kind kind = severity == Diagnostic::Severity::Error     ? ThemeColors::Kind::Error
                                   : severity == Diagnostic::Severity::Warning ? ThemeColors::Kind::Warning
                                                                               : ThemeColors::Kind::Info;
    return ThemeColors::text(kind, LexerColors::themePalette(this));
}

void TokenEditor::applyPalette()
{
    const QPalette pal = LexerColors::themePalette(this);
    const QColor base = isEnabled() ? pal.color(QPalette::Base) : pal.color(QPalette::Window);
    const QColor text = pal.color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::Text);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(m_fontSize);
    setFont(font);
    if (QsciLexer* current = lexer())
        LexerColors::apply(current, pal, font, isEnabled());
    setPaper(base);
    setColor(text);
    setCaretForegroundColor(text);
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMarginsBackgroundColor(pal.color(QPalette::Window));
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    setMarginsFont(font);
    // QScintilla takes the indicator's alpha from the colour: keep the fill a light wash
    // so the text stays readable in light and dark palettes.
    QColor tokenFill = pal.color(QPalette::Highlight);
    tokenFill.setAlpha(45);
    setIndicatorForegroundColor(tokenFill, kTokenIndicator);
    SendScintilla(SCI_INDICSETOUTLINEALPHA, kTokenIndicator, 140);
    setIndicatorForegroundColor(severityColor(Diagnostic::Severity::Error), kErrorIndicator);
    setIndicatorForegroundColor(severityColor(Diagnostic::Severity::Warning), kWarningIndicator);
    setIndicatorForegroundColor(severityColor(Diagnostic::Severity::Info), kInfoIndicator);
    setIndicatorForegroundColor(severityColor(Diagnostic::Severity::Warning), kMalformedIndicator);
    // Braces: the matching pair on a wash of the selection colour. Scintilla cannot pair
    // a brace across a token (the JSON lexer styles the token's braces apart), so one it
    // calls unmatched is drawn as plain text rather than flagged.
    QColor braceWash = pal.color(QPalette::Highlight);
    braceWash.setAlpha(110);
    setMatchedBraceBackgroundColor(ThemeColors::over(braceWash, base));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceBackgroundColor(base);
    setUnmatchedBraceForegroundColor(text);
    SendScintilla(SCI_STYLESETBACK, STYLE_DEFAULT, base);
}

void TokenEditor::setEditorFontSize(int pointSize)
{
    m_fontSize = qBound(6, pointSize, 48);
    applyPalette();
}

void TokenEditor::changeEvent(QEvent* event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::EnabledChange) {
        applyPalette();
    }
}

void TokenEditor::focusInEvent(QFocusEvent* event)
{
    QsciScintilla::focusInEvent(event);
    emit focusReceived();
}

void TokenEditor::setTokens(const QList<TokenInfo>& tokens)
{
    m_tokens = tokens;
    if (m_apis) {
        m_apis->setTokens(tokens);
    }
}

int TokenEditor::byteOffset(int charOffset) const
{
    const QString all = text();
    return QStringView(all).left(qBound(0, charOffset, int(all.size()))).toUtf8().size();
}

void TokenEditor::highlight()
{
    const QString all = text();
    const int bytes = int(SendScintilla(SCI_GETLENGTH));
    SendScintilla(SCI_SETINDICATORCURRENT, kTokenIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, bytes);
    SendScintilla(SCI_SETINDICATORCURRENT, kMalformedIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, bytes);
    m_tokenRanges.clear();
    Utf8Walker walker(all);
    for (const TemplatePart& part : TemplateParser::parse(all)) {
        if (part.kind == TemplatePart::Kind::Literal) {
            continue;
        }
        const int start = walker.toByte(part.offset);
        const int end = walker.toByte(part.offset + part.length);
        if (part.kind == TemplatePart::Kind::Token) {
            SendScintilla(SCI_SETINDICATORCURRENT, kTokenIndicator);
            QString tip = part.token.scope + QLatin1Char('.') + part.token.name;
            if (m_apis) {
                if (const TokenInfo* info = m_apis->find(part.token.scope, part.token.name)) {
                    tip = TokenApis::entryText(*info);
                }
            }
            m_tokenRanges.append({start, end, tip});
        } else {
            SendScintilla(SCI_SETINDICATORCURRENT, kMalformedIndicator);
            m_tokenRanges.append({start, end, part.problem});
        }
        SendScintilla(SCI_INDICATORFILLRANGE, start, end - start);
    }
}

void TokenEditor::setDiagnostics(const QList<Diagnostic>& diagnostics)
{
    m_diagnostics = diagnostics;
    applyDiagnosticIndicators();
}

void TokenEditor::applyDiagnosticIndicators()
{
    const int bytes = int(SendScintilla(SCI_GETLENGTH));
    for (int indicator : {kErrorIndicator, kWarningIndicator, kInfoIndicator}) {
        SendScintilla(SCI_SETINDICATORCURRENT, indicator);
        SendScintilla(SCI_INDICATORCLEARRANGE, 0, bytes);
    }
    m_diagnosticRanges.clear();
    const QString all = text();
    for (const Diagnostic& d : m_diagnostics) {
        int offset = d.offset;
        if (offset < 0 && d.line > 0) {
            // Only a line and column: find the line's first character.
            int line = 1;
            int pos = 0;
            while (line < d.line && pos >= 0) {
                pos = all.indexOf(QLatin1Char('\n'), pos);
                if (pos >= 0) {
                    ++pos;
                    ++line;
                }
            }
            offset = pos < 0 ? -1 : pos + qMax(0, d.column - 1);
        }
        if (offset < 0 || offset > all.size()) {
            continue;
        }
        const int start = byteOffset(offset);
        const int end = qMax(start + 1, byteOffset(offset + qMax(1, d.length)));
        const int indicator = d.severity == Diagnostic::Severity::Error     ? kErrorIndicator
                              : d.severity == Diagnostic::Severity::Warning ? kWarningIndicator
                                                                            : kInfoIndicator;
        SendScintilla(SCI_SETINDICATORCURRENT, indicator);
        SendScintilla(SCI_INDICATORFILLRANGE, start, qMin(end, bytes) - start);
        m_diagnosticRanges.append(
            {start, end, Diagnostic::severityName(d.severity) + QStringLiteral(": ") + d.message});
    }
}

QString TokenEditor::hoverText(int position) const
{
    QStringList lines;
    for (const Range& r : m_diagnosticRanges) {
        if (position >= r.start && position < r.end) {
            lines.append(r.text);
        }
    }
    for (const Range& r : m_tokenRanges) {
        if (position >= r.start && position < r.end && !r.text.isEmpty()) {
            lines.append(r.text);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void TokenEditor::replaceText(const QString& newText)
{
    if (newText == text()) {
        return;
    }
    const int offset = cursorOffset();
    const int firstLine = firstVisibleLine();
    setText(newText);
    setCursorOffset(qMin(offset, int(newText.size())));
    setFirstVisibleLine(firstLine);
}

void TokenEditor::insertAtCursor(const QString& insert)
{
    replaceSelectedText(insert);
}

int TokenEditor::cursorOffset() const
{
    const int position = int(SendScintilla(SCI_GETCURRENTPOS));
    QByteArray bytes = text().toUtf8();
    bytes.truncate(position);
    return QString::fromUtf8(bytes).size();
}

void TokenEditor::setCursorOffset(int offset)
{
    const int position = byteOffset(offset);
    SendScintilla(SCI_GOTOPOS, position);
}

void TokenEditor::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        if (!showTokenCompletion()) {
            insertAtCursor(QStringLiteral("{{"));
            showTokenCompletion();
        }
        event->accept();
        return;
    }
    // Tab indents in the template; Ctrl+Tab still leaves the editor for keyboard users.
    // QWidget's focusNextPrevChild(), not Scintilla's: that one refuses for editable text.
    if ((event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab)
        && (event->modifiers() & Qt::ControlModifier)) {
        QWidget::focusNextPrevChild(event->key() == Qt::Key_Tab && !(event->modifiers() & Qt::ShiftModifier));
        event->accept();
        return;
    }
    const bool listWasActive = isListActive();
    QsciScintilla::keyPressEvent(event);
    if (listWasActive
        && (event->key() == Qt::Key_Backspace || event->key() == Qt::Key_Delete || event->key() == Qt::Key_Left
            || event->key() == Qt::Key_Right)) {
        scheduleCompletion();
    }
}

void TokenEditor::scheduleCompletion()
{
    m_completionTimer.start();
}

bool TokenEditor::isTokenListActive() const
{
    return isListActive() && m_completionStart >= 0;
}

bool TokenEditor::showTokenCompletion()
{
    updateCompletion();
    return m_completionStart >= 0;
}

void TokenEditor::updateCompletion()
{
    const int caret = int(SendScintilla(SCI_GETCURRENTPOS));
    const int line = int(SendScintilla(SCI_LINEFROMPOSITION, caret));
    const int lineStart = int(SendScintilla(SCI_POSITIONFROMLINE, line));
    const QString before = QString::fromUtf8(text(line).toUtf8().left(caret - lineStart));
    const int open = before.lastIndexOf(QStringLiteral("{{"));
    const QString typed = open < 0 ? QString() : before.mid(open + 2);
    constexpr int kMaxTyped = 80;
    if (open < 0 || typed.contains(QStringLiteral("}")) || typed.contains(QLatin1Char('{'))
        || typed.size() > kMaxTyped) {
        if (isListActive() && m_completionStart >= 0) {
            cancelList();
        }
        m_completionStart = -1;
        return;
    }
    QStringList entries;
    if (m_apis) {
        m_apis->updateAutoCompletionList({typed}, entries);
    }
    if (entries.isEmpty()) {
        if (isListActive()) {
            cancelList();
        }
        m_completionStart = -1;
        return;
    }
    m_completionStart = lineStart + before.left(open).toUtf8().size();
    showUserList(kTokenListId, entries);
}

void TokenEditor::acceptCompletion(const QString& entry)
{
    if (m_completionStart < 0) {
        return;
    }
    const int caret = int(SendScintilla(SCI_GETCURRENTPOS));
    int end = caret;
    // A closing "}}" already typed after the caret belongs to the token being completed.
    const QByteArray after = text().toUtf8().mid(caret, 2);
    if (after == "}}") {
        end += 2;
    }
    SendScintilla(SCI_SETSEL, m_completionStart, end);
    m_completionStart = -1;
    replaceSelectedText(QStringLiteral("{{") + TokenApis::tokenPath(entry) + QStringLiteral("}}"));
}
