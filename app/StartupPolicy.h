#pragma once

#include <QStringList>

class MainWindow;

// What the designer opens when it starts: the workspace last opened (while it still
// opens), else the bundled sample; then a file named on the command line (a workspace
// to open, or a CSV to import into what is open); last, the offer to restore the work a
// crash left behind, so that nothing opened after it hides the offer.
class StartupPolicy
{
public:
    // `files` are the command line's positional arguments; only the first one counts.
    static void apply(MainWindow* window, const QStringList& files);
};
