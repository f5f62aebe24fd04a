#pragma once

#include <QString>

// One header of a request as it goes on the wire, for showing it: the webhook's own
// headers and those Qt's HTTP stack adds (addedByStack), with secret values flagged so a
// view can mask them.
struct WireHeader
{
    QString name;
    QString value;
    bool addedByStack = false; // not in the webhook: Qt adds it when sending
    bool secret = false;
    bool operator==(const WireHeader& o) const
    {
        return name == o.name && value == o.value && addedByStack == o.addedByStack && secret == o.secret;
    }
};
