#pragma once

#include <QFrame>

#include <functional>

class PaletteTint;
class QHBoxLayout;
class QLabel;
class QToolButton;

// A non-modal message strip at the top of the window (like a browser's info bar): what
// went wrong opening a file, what a CSV import skipped, the offer to restore unsaved
// work. It never blocks: the window stays usable, and tests read it by objectName.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Error };

    struct Action
    {
        QString text;
        QString objectName;
        std::function<void()> trigger;
    };

    explicit MessageBar(QWidget* parent = nullptr);
    ~MessageBar() override;

    // Replaces the current message; each action is a button that runs it and closes the
    // bar.
    void showMessage(Kind kind, const QString& text, const QList<Action>& actions = {});
    void dismiss();
    QString text() const;
    Kind kind() const { return m_kind; }

signals:
    void dismissed();

private:
    Kind m_kind = Kind::Info;
    QLabel* m_icon;
    QLabel* m_label;
    QHBoxLayout* m_buttons;
    QToolButton* m_close;
    PaletteTint* m_tint;
};
