#pragma once

#include "appearance/ThemeColors.h"

#include <QIcon>

class QPalette;

// The small round marks of a verdict (a check passed or failed, a path removed, added or
// retyped): a disc in the colour of its kind, made readable on the palette by
// ThemeColors, with a glyph in the palette's Base colour cut out of it. Drawn rather than
// loaded, so the mark reads in the light and the dark theme alike.
class StatusIcon
{
public:
    enum class Mark { Pass, Fail, Warning, Added };

    static QIcon icon(Mark mark, const QPalette& palette);
    // The kind of colour a mark is drawn in.
    static ThemeColors::Kind kind(Mark mark);
};
