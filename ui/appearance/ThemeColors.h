#pragma once

#include <QColor>
#include <QList>

class QPalette;

// Colours that carry a meaning (an error, a warning, information, success, a marked
// span, the wash behind a message) for a given palette, so that they read in the light
// and the dark theme alike and in whatever palette the system provides. The hue says
// what; the lightness is chosen for the palette: text in these colours has a contrast of
// at least 4.5:1 (WCAG level AA) on both the palette's Base, where views and editors
// draw, and its Window.
class ThemeColors
{
public:
    enum class Kind { Error, Warning, Info, Success };

    // Whether the palette draws light text on dark backgrounds.
    static bool isDark(const QPalette& palette);

    // Text (or a squiggle, a margin marker) of this kind.
    static QColor text(Kind kind, const QPalette& palette);
    // A colour of the palette's family made readable as text: `color`'s hue, lighter or
    // darker as needed.
    static QColor readableText(const QColor& color, const QPalette& palette);
    // The background of a message of this kind: a wash of its hue over the window
    // colour, under which the palette's WindowText stays readable.
    static QColor wash(Kind kind, const QPalette& palette);
    // The fill of a marked span (where the bodies of two encodings differ): amber, with
    // as much opacity as leaves the palette's Text and each of `inks` (the colours the
    // marked text may have) readable on it, drawn over Base.
    static QColor mark(const QPalette& palette, const QList<QColor>& inks = {});
    // `top`, with its alpha, painted over the opaque `bottom`.
    static QColor over(const QColor& top, const QColor& bottom);

    // The WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white).
    static double contrast(const QColor& a, const QColor& b);
    // `color` with its hue and saturation, made lighter or darker until its contrast
    // against `background` reaches `ratio` (or the lightness runs out).
    static QColor readable(const QColor& color, const QColor& background, double ratio = 4.5);

    static constexpr double minimumTextContrast = 4.5;

private:
    static QColor hue(Kind kind);
};
