#include "MarketoRateLimiter.h"

void MarketoRateLimiter::forget(qint64 now) const
{
    while (!m_starts.isEmpty() && m_starts.first() <= now - windowMs) {
        m_starts.removeFirst();
    }
}

qint64 MarketoRateLimiter::delay(qint64 now) const
{
    forget(now);
    if (m_starts.size() < maxCalls) {
        return 0;
    }
    // The oldest call in the window leaves it at oldest + windowMs.
    return m_starts.at(m_starts.size() - maxCalls) + windowMs - now;
}

void MarketoRateLimiter::record(qint64 now)
{
    forget(now);
    m_starts.append(now);
}

qint64 MarketoRateLimiter::backoff(qint64 now) const
{
    forget(now);
    return m_starts.isEmpty() ? windowMs : m_starts.first() + windowMs - now;
}
