#include "PaletteTint.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

PaletteTint::PaletteTint(QWidget* widget, QPalette::ColorRole role) : QObject(widget), m_widget(widget), m_role(role)
{
    widget->installEventFilter(this);
}

PaletteTint::~PaletteTint() = default;

void PaletteTint::set(Compute compute)
{
    m_compute = std::move(compute);
    apply();
}

bool PaletteTint::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_widget && !m_applying && m_compute
        && (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange
            || event->type() == QEvent::ParentChange)) {
        apply();
    }
    return QObject::eventFilter(watched, event);
}

void PaletteTint::apply()
{
    const QWidget* parent = m_widget->parentWidget();
    const QPalette inherited = parent ? parent->palette() : QApplication::palette(m_widget);
    // Only the one role is set: the widget's other roles stay resolved from its parent.
    QPalette palette;
    if (m_compute)
        palette.setColor(m_role, m_compute(inherited));
    m_applying = true;
    m_widget->setPalette(palette);
    m_applying = false;
}
