#pragma once

#include <QByteArray>

// Wraps Qt's zlib compression (qCompress) as a gzip member (RFC 1952), so the sandbox can
// send `Content-Encoding: gzip` without linking zlib itself.
class GzipEncoder
{
public:
    static QByteArray compress(const QByteArray& data, int level = 6);
    static quint32 crc32(const QByteArray& data);
};
