#include "TokenDelegate.h"

#include "editors/TokenLineEdit.h"

#include <QFocusEvent>
#include <QKeyEvent>

namespace {
const char* const kFilledProperty = "tokenDelegateFilled";

bool belongsToList(const QKeyEvent* key)
{
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
    case Qt::Key_Escape:
        return true;
    default:
        return false;
    }
}
} // namespace

TokenDelegate::TokenDelegate(const QString& editorAccessibleName, QObject* parent)
    : QStyledItemDelegate(parent), m_accessibleName(editorAccessibleName)
{
}

TokenDelegate::~TokenDelegate() = default;

void TokenDelegate::setTokens(const QList<TokenInfo>& tokens)
{
    m_tokens = tokens;
    if (m_editor) {
        m_editor->setTokens(tokens);
    }
}

QWidget* TokenDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* editor = new TokenLineEdit(parent);
    editor->setObjectName(QStringLiteral("tokenCellEdit"));
    editor->setAccessibleName(m_accessibleName);
    editor->setTokens(m_tokens);
    // The view's own frame is the cell's; a second one would not fit the row.
    editor->setFrameShape(QFrame::NoFrame);
    auto* self = const_cast<TokenDelegate*>(this);
    connect(editor, &TokenEditor::focusReceived, self, [self, editor] { emit self->editorFocused(editor); });
    m_editor = editor;
    return editor;
}

void TokenDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* line = qobject_cast<TokenLineEdit*>(editor);
    if (!line) {
        return;
    }
    // Later calls come from the model changing under an open editor (an undo): follow it
    // without losing the caret.
    line->replaceText(index.data(Qt::EditRole).toString());
    if (!line->property(kFilledProperty).toBool()) {
        line->setProperty(kFilledProperty, true);
        line->selectAll();
    }
}

void TokenDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* line = qobject_cast<TokenLineEdit*>(editor)) {
        model->setData(index, line->text(), Qt::EditRole);
    }
}

void TokenDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option, const QModelIndex&) const
{
    // The line editor keeps its own fixed height; centre it on the row rather than
    // clip it when the row is shorter.
    QRect rect = option.rect;
    const int height = editor->sizeHint().height();
    if (height > rect.height()) {
        rect.adjust(0, -(height - rect.height()) / 2, 0, 0);
        rect.setHeight(height);
    }
    editor->setGeometry(rect);
}

bool TokenDelegate::eventFilter(QObject* watched, QEvent* event)
{
    auto* editor = qobject_cast<TokenLineEdit*>(watched);
    if (!editor) {
        return QStyledItemDelegate::eventFilter(watched, event);
    }
    switch (event->type()) {
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        auto* key = static_cast<QKeyEvent*>(event);
        if (editor->isListActive() && belongsToList(key)) {
            if (event->type() == QEvent::ShortcutOverride) {
                // Keep Escape away from the window's shortcuts: the list closes first.
                event->accept();
                return true;
            }
            return false; // the editor chooses or dismisses the entry
        }
        break;
    }
    case QEvent::FocusOut: {
        const auto reason = static_cast<QFocusEvent*>(event)->reason();
        // A popup (context menu, the completion list) or another window (the token
        // picker, another application) took the focus: the edit goes on, with its text and
        // caret, when the window is active again; the picker inserts at that caret. The
        // window may learn it lost the focus only after the picker closed, so this cannot
        // ask which window is active now.
        if (reason == Qt::PopupFocusReason || reason == Qt::ActiveWindowFocusReason) {
            return false;
        }
        break;
    }
    default:
        break;
    }
    return QStyledItemDelegate::eventFilter(watched, event);
}
