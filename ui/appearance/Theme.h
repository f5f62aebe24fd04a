#pragma once

#include <QPalette>
#include <QString>

// The designer's look, for the whole application: the system's own (its widget style and
// palette, which may be dark), or Fusion with a light or a dark palette. apply() may be
// called at any time; every widget follows at once, the editors included, since they
// take their colours from the palette (LexerColors, ThemeColors).
class Theme
{
public:
    enum class Mode { System, Light, Dark };

    // Switches the application to `mode`. The first call remembers the system's style
    // and palette, so that System brings them back.
    static void apply(Mode mode);
    static Mode current();

    // How the settings file stores a mode ("system", "light", "dark"), and back;
    // anything else reads as `fallback`.
    static QString key(Mode mode);
    static Mode fromKey(const QString& key, Mode fallback = Mode::System);

    // Fusion's palettes for Light and Dark.
    static QPalette lightPalette();
    static QPalette darkPalette();
};
