#include "GzipEncoder.h"

#include <array>

quint32 GzipEncoder::crc32(const QByteArray& data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = table[(crc ^ static_cast<quint8>(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

QByteArray GzipEncoder::compress(const QByteArray& data, int level)
{
    // qCompress returns a 4-byte length, then a zlib stream: a 2-byte header, the raw
    // deflate data gzip wants, and a 4-byte Adler-32 that gzip replaces by CRC-32 + size.
    const QByteArray zlib = qCompress(data, level);
    const QByteArray deflate = zlib.mid(4 + 2, zlib.size() - 4 - 2 - 4);

    QByteArray out;
    out.reserve(deflate.size() + 18);
    const char header[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 0, '\xff'};
    out.append(header, sizeof(header));
    out.append(deflate);
    const quint32 crc = crc32(data);
    const quint32 size = static_cast<quint32>(data.size());
    for (int i = 0; i < 4; ++i)
        out.append(static_cast<char>((crc >> (8 * i)) & 0xFF));
    for (int i = 0; i < 4; ++i)
        out.append(static_cast<char>((size >> (8 * i)) & 0xFF));
    return out;
}
