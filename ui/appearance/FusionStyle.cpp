#include "FusionStyle.h"

#include "appearance/ThemeColors.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

FusionStyle::FusionStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
    setObjectName(QStringLiteral("fusion"));
}

FusionStyle::~FusionStyle() = default;

void FusionStyle::drawPrimitive(PrimitiveElement element,
                                const QStyleOption* option,
                                QPainter* painter,
                                const QWidget* widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    // Fusion draws an item view's check box through PE_IndicatorCheckBox as well.
    if ((element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton)
        || !ThemeColors::isDark(option->palette))
        return;
    // A user interface part needs a contrast of 3:1 with what is next to it.
    const QColor base = option->palette.color(QPalette::Base);
    QColor outline = ThemeColors::readable(option->palette.color(QPalette::Mid), base, 3.0);
    if (!(option->state & State_Enabled))
        outline = ThemeColors::readable(base.lighter(150), base, 1.6);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(outline);
    painter->setBrush(Qt::NoBrush);
    // The same box Fusion fills: its rectangle, on pixel centres.
    const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (element == PE_IndicatorRadioButton)
        painter->drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5));
    else
        painter->drawRect(box);
    painter->restore();
}
