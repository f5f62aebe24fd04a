#include "TokenLineEdit.h"

#include "editors/TokenLexer.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QStyle>
#include <QStyleOptionFrame>

TokenLineEdit::TokenLineEdit(QWidget* parent) : TokenEditor(parent), m_lexer(new TokenLexer(this))
{
    for (int margin = 0; margin < 5; ++margin) {
        setMarginWidth(margin, 0);
    }
    SendScintilla(SCI_SETMARGINLEFT, 0, 4);
    SendScintilla(SCI_SETMARGINRIGHT, 0, 4);
    setWrapMode(WrapNone);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    SendScintilla(SCI_SETHSCROLLBAR, false);
    SendScintilla(SCI_SETVSCROLLBAR, false);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, true);
    setCaretLineVisible(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    installLexer(m_lexer);

    // A paste may bring line breaks; a one-line field keeps them as spaces.
    connect(this, &QsciScintilla::textChanged, this, [this] {
        const QString current = text();
        if (current.contains(QLatin1Char('\n')) || current.contains(QLatin1Char('\r'))) {
            QString flat = current;
            flat.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
            flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
            flat.replace(QLatin1Char('\r'), QLatin1Char(' '));
            const int offset = cursorOffset();
            setText(flat);
            setCursorOffset(offset);
        }
    });
}

TokenLineEdit::~TokenLineEdit()
{
    setLexer(nullptr);
}

int TokenLineEdit::lineHeight() const
{
    return int(SendScintilla(SCI_TEXTHEIGHT, 0));
}

QSize TokenLineEdit::sizeHint() const
{
    const int frame = 2 * frameWidth();
    return {200, lineHeight() + frame + 6};
}

QSize TokenLineEdit::minimumSizeHint() const
{
    return {60, sizeHint().height()};
}

void TokenLineEdit::applyPalette()
{
    TokenEditor::applyPalette();
    setFixedHeight(sizeHint().height());
    // Centre the single line vertically.
    SendScintilla(SCI_SETEXTRAASCENT, 1);
    SendScintilla(SCI_SETEXTRADESCENT, 1);
}

void TokenLineEdit::paste()
{
    if (m_pasteFilter && m_pasteFilter(QApplication::clipboard()->text())) {
        return;
    }
    TokenEditor::paste();
}

void TokenLineEdit::keyPressEvent(QKeyEvent* event)
{
    // Scintilla pastes from its own key map, past the paste() slot; route it there.
    if (event->matches(QKeySequence::Paste) && !isReadOnly()) {
        paste();
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !isListActive()) {
        if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
            emit returnPressed();
            event->accept();
            return;
        }
        // Ctrl+Return and friends belong to the window's actions.
        event->ignore();
        return;
    }
    if ((event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) && !isListActive()) {
        // QsciScintillaBase::focusNextPrevChild() refuses to move on from editable text.
        QWidget::focusNextPrevChild(event->key() == Qt::Key_Tab && !(event->modifiers() & Qt::ShiftModifier));
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Up || event->key() == Qt::Key_Down || event->key() == Qt::Key_PageUp
         || event->key() == Qt::Key_PageDown)
        && !isListActive()) {
        event->ignore();
        return;
    }
    TokenEditor::keyPressEvent(event);
}

void TokenLineEdit::focusOutEvent(QFocusEvent* event)
{
    TokenEditor::focusOutEvent(event);
    if (isListActive() && event->reason() != Qt::PopupFocusReason) {
        cancelList();
    }
    emit editingFinished();
}
