#pragma once

#include <QByteArray>

// FNV-1a: the sandbox's made-up data (companies, tokens) must be the same on every run,
// and qHash is seeded per process.
inline quint32 stableHash(const QByteArray& bytes)
{
    quint32 hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= static_cast<quint8>(c);
        hash *= 16777619u;
    }
    return hash;
}
