#pragma once

#include <QProxyStyle>

// Fusion, the style of the Light and Dark themes, with one change: on a dark palette the
// box of a check box or radio button gets an outline that shows. Fusion draws it in a
// shade of the window colour, which is invisible on a dark base, so an unchecked box in
// a table looked like an empty cell.
class FusionStyle : public QProxyStyle
{
    Q_OBJECT

public:
    FusionStyle();
    ~FusionStyle() override;

    void drawPrimitive(PrimitiveElement element,
                       const QStyleOption* option,
                       QPainter* painter,
                       const QWidget* widget = nullptr) const override;
};
