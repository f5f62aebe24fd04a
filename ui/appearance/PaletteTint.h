#pragma once

#include <QObject>
#include <QPalette>

#include <functional>

class QWidget;

// Keeps one colour role of a widget (a message's background, an error's text) at a
// colour computed from the palette the widget inherits, and computes it again whenever
// that palette changes: a colour set once would stay light when the theme turns dark.
// The widget's other roles keep following its parent.
class PaletteTint : public QObject
{
    Q_OBJECT

public:
    using Compute = std::function<QColor(const QPalette& inherited)>;

    // Owned by `widget`.
    PaletteTint(QWidget* widget, QPalette::ColorRole role);
    ~PaletteTint() override;

    // The colour from now on; an empty function gives the inherited colour back.
    void set(Compute compute);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();

    QWidget* m_widget;
    QPalette::ColorRole m_role;
    Compute m_compute;
    bool m_applying = false;
};
