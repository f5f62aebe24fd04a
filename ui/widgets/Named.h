#pragma once

#include <QLatin1String>
#include <QString>

// A widget's objectName and accessible name in one place: tests find widgets by the
// first, screen readers read the second.
template <typename W>
W* named(W* widget, const char* objectName, const QString& accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}
