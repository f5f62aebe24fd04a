#include "ThemeColors.h"

#include <QPalette>

#include <algorithm>
#include <cmath>

namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

QColor mix(const QColor& base, const QColor& tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

} // namespace

bool ThemeColors::isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Base)) < luminance(palette.color(QPalette::Text));
}

QColor ThemeColors::hue(Kind kind)
{
    switch (kind) {
    case Kind::Error:
        return QColor(0xd0, 0x30, 0x30);
    case Kind::Warning:
        return QColor(0xe0, 0x90, 0x10);
    case Kind::Success:
        return QColor(0x2e, 0x8b, 0x3a);
    case Kind::Info:
        break;
    }
    return QColor(0x30, 0x80, 0xe0);
}

QColor ThemeColors::text(Kind kind, const QPalette& palette)
{
    return readableText(hue(kind), palette);
}

QColor ThemeColors::readableText(const QColor& color, const QPalette& palette)
{
    // Against the background it is harder to read on: the one nearer to its lightness.
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const QColor onBase = readable(color, base);
    return contrast(onBase, window) >= minimumTextContrast ? onBase : readable(onBase, window);
}

QColor ThemeColors::wash(Kind kind, const QPalette& palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    // As much of the hue as leaves the text readable: 20%, less if the palette is of low
    // contrast already.
    for (double amount = 0.2; amount > 0.0; amount -= 0.05) {
        const QColor washed = mix(window, hue(kind), amount);
        if (contrast(washed, text) >= minimumTextContrast)
            return washed;
    }
    return window;
}

QColor ThemeColors::mark(const QPalette& palette, const QList<QColor>& inks)
{
    const QColor base = palette.color(QPalette::Base);
    const QList<QColor> all = QList<QColor> {palette.color(QPalette::Text)} + inks;
    QColor amber(0xff, 0xb0, 0x00);
    for (int alpha = 115; alpha > 0; alpha -= 5) {
        amber.setAlpha(alpha);
        const QColor marked = over(amber, base);
        if (std::all_of(all.begin(), all.end(), [&marked](const QColor& ink) {
                return contrast(ink, marked) >= minimumTextContrast;
            }))
            return amber;
    }
    amber.setAlpha(0);
    return amber;
}

QColor ThemeColors::over(const QColor& top, const QColor& bottom)
{
    return mix(bottom, top, top.alphaF());
}

double ThemeColors::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor ThemeColors::readable(const QColor& color, const QColor& background, double ratio)
{
    if (contrast(color, background) >= ratio)
        return color;
    // Away from the background's lightness, in small steps, keeping hue and saturation.
    const bool lighten = luminance(background) < 0.18;
    const QColor hsl = color.toHsl();
    for (int lightness = hsl.lightness(); lightness >= 0 && lightness <= 255; lightness += lighten ? 4 : -4) {
        const QColor candidate = QColor::fromHsl(hsl.hslHue(), hsl.hslSaturation(), lightness);
        if (contrast(candidate, background) >= ratio)
            return candidate;
    }
    return lighten ? QColor(Qt::white) : QColor(Qt::black);
}
