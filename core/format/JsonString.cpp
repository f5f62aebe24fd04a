#include "JsonString.h"

void JsonString::append(QByteArray& out, QStringView text, Style style)
{
    const qsizetype old = out.size();
    out.resize(old + size(text, style));
    char* end = write(out.data() + old, text, style);
    Q_ASSERT(end == out.constData() + out.size());
    Q_UNUSED(end);
}
