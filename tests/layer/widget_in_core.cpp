// Must NOT compile: core may not use widgets. The `core_layer` test builds this file with
// exactly wdcore's include paths and libraries and passes only when the compiler cannot
// find <QWidget>.
#include <QWidget>

void widgetInCore()
{
    QWidget widget;
}
