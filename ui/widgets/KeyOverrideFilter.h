#pragma once

#include <QObject>

class QWidget;

// Settles which keys a widget keeps and which go to the window's shortcuts: Undo and
// Redo always go to the window's actions (a line edit's own undo would bypass the
// document's stack); a table also keeps F2 as its edit key, which elsewhere renames the
// webhook.
class KeyOverrideFilter : public QObject
{
    Q_OBJECT

public:
    enum class Keys { UndoRedo, UndoRedoAndTableEdit };

    explicit KeyOverrideFilter(QObject* parent = nullptr);
    ~KeyOverrideFilter() override;

    // Installs a filter owned by `widget`.
    static void install(QWidget* widget, Keys keys);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    Keys m_keys = Keys::UndoRedo;
};
