#include "FormBody.h"

namespace {

QByteArray decodePart(QByteArray part)
{
    part.replace('+', ' ');
    return QByteArray::fromPercentEncoding(part);
}

} // namespace

QList<QPair<QByteArray, QByteArray>> FormBody::decode(const QByteArray& body)
{
    QList<QPair<QByteArray, QByteArray>> fields;
    const QList<QByteArray> pairs = body.split('&');
    for (const QByteArray& pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        fields.append(
            {decodePart(eq < 0 ? pair : pair.left(eq)), decodePart(eq < 0 ? QByteArray() : pair.mid(eq + 1))});
    }
    return fields;
}
