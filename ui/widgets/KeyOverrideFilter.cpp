#include "KeyOverrideFilter.h"

#include <QKeyEvent>
#include <QWidget>

KeyOverrideFilter::KeyOverrideFilter(QObject* parent) : QObject(parent) { }

KeyOverrideFilter::~KeyOverrideFilter() = default;

void KeyOverrideFilter::install(QWidget* widget, Keys keys)
{
    auto* filter = new KeyOverrideFilter(widget);
    filter->m_keys = keys;
    widget->installEventFilter(filter);
}

bool KeyOverrideFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            // Leave the key to the window's Undo/Redo actions.
            event->ignore();
            return true;
        }
        if (m_keys == Keys::UndoRedoAndTableEdit && key->key() == Qt::Key_F2 && key->modifiers() == Qt::NoModifier) {
            // The table's own edit key: Rename Webhook (F2 too) stays in the list and menu.
            event->accept();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
