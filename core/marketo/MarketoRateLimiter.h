#pragma once

#include <QList>
#include <QtGlobal>

// Marketo's REST limit: at most 100 calls in any 20 seconds. The limiter remembers when
// the recent calls started and says how long the next one must wait. Times are
// milliseconds on any monotonic clock the caller chooses (tests pass their own).
class MarketoRateLimiter
{
public:
    static constexpr int maxCalls = 100;
    static constexpr qint64 windowMs = 20000;

    // How long to wait before a call at `now`; 0 when it may start at once.
    qint64 delay(qint64 now) const;
    void record(qint64 now);
    // After a 606 from Marketo: its own count says the window is full, so wait it out.
    qint64 backoff(qint64 now) const;

private:
    void forget(qint64 now) const;

    mutable QList<qint64> m_starts; // oldest first, only those inside the window
};
