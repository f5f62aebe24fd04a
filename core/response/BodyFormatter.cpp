#include "BodyFormatter.h"

#include "format/FormBody.h"

#include <QLocale>

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

BodyFormat BodyFormatter::detect(const QByteArray& contentType, const QByteArray& body)
{
    const QByteArray type = contentType.toLower();
    if (type.contains("json"))
        return BodyFormat::Json;
    if (type.contains("xml"))
        return BodyFormat::Xml;
    if (type.contains("x-www-form-urlencoded"))
        return BodyFormat::Form;
    for (const char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '{' || c == '[')
            return BodyFormat::Json;
        if (c == '<')
            return BodyFormat::Xml;
        break;
    }
    return BodyFormat::Text;
}

QByteArray BodyFormatter::contentType(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    for (const auto& header : headers) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

BodyFormatter::Pretty BodyFormatter::pretty(const QByteArray& body, BodyFormat format, qsizetype limit)
{
    switch (format) {
    case BodyFormat::Json:
        return prettyJson(body, limit);
    case BodyFormat::Xml:
        return prettyXml(body, limit);
    case BodyFormat::Form:
        return prettyForm(body);
    case BodyFormat::Text:
        break;
    }
    return {body, {}};
}

BodyFormatter::Pretty BodyFormatter::prettyJson(const QByteArray& body, qsizetype limit)
{
    // A re-indenting scanner rather than QJsonDocument: it keeps key order, number
    // spelling and string escapes byte for byte, and runs in one pass over 50 MB. It is a
    // state machine over the bytes (in a string or not, after a backslash, the depth)
    // kept in one loop on purpose: split into functions, that state would have to travel
    // between them by reference on every byte.
    QByteArray out;
    out.reserve(limit >= 0 ? qMin(limit + 1024, body.size() * 2) : body.size() + body.size() / 4);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    QString error;
    const auto newline = [&out](int indent) {
        out += '\n';
        out.append(qsizetype(indent) * 2, ' ');
    };
    const qsizetype n = body.size();
    const char* data = body.constData();
    for (qsizetype i = 0; i < n; ++i) {
        if (limit >= 0 && out.size() >= limit)
            return {out, {}};
        const char c = data[i];
        if (inString) {
            // Copy the run of plain string bytes at once: most of a body is string content.
            if (!escaped && c != '\\' && c != '"') {
                qsizetype j = i + 1;
                while (j < n && data[j] != '\\' && data[j] != '"')
                    ++j;
                out.append(data + i, j - i);
                i = j - 1;
                continue;
            }
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            break;
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            // Keep empty containers on one line: "{}" reads better than a broken pair.
            qsizetype j = i + 1;
            while (j < n && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n'))
                ++j;
            if (j < n && (data[j] == '}' || data[j] == ']')) {
                out += data[j];
                i = j;
                break;
            }
            ++depth;
            newline(depth);
            break;
        }
        case '}':
        case ']':
            if (depth == 0 && error.isEmpty())
                error = tr("unbalanced '%1' at byte %2").arg(QLatin1Char(c)).arg(i);
            depth = qMax(0, depth - 1);
            newline(depth);
            out += c;
            break;
        case ',':
            out += c;
            newline(depth);
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
            break;
        }
    }
    if (error.isEmpty() && (inString || depth != 0))
        error = inString ? tr("unterminated string") : tr("unclosed object or array");
    if (!error.isEmpty())
        return {body, error};
    out += '\n';
    return {out, {}};
}

BodyFormatter::Pretty BodyFormatter::prettyXml(const QByteArray& body, qsizetype limit)
{
    QXmlStreamReader reader(body);
    QByteArray out;
    out.reserve(limit >= 0 ? qMin(limit + 1024, body.size() * 2) : body.size() + body.size() / 4);
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        if (limit >= 0 && out.size() >= limit)
            return {out, {}};
        reader.readNext();
        if (reader.isWhitespace())
            continue; // the writer re-indents; original indentation would double up
        writer.writeCurrentToken(reader);
    }
    if (reader.hasError()) {
        return {
            body,
            tr("line %1, column %2: %3").arg(reader.lineNumber()).arg(reader.columnNumber()).arg(reader.errorString())};
    }
    if (!out.endsWith('\n'))
        out += '\n';
    return {out, {}};
}

BodyFormatter::Pretty BodyFormatter::prettyForm(const QByteArray& body)
{
    QByteArray out;
    for (const auto& field : FormBody::decode(body)) {
        out += field.first;
        out += " = ";
        out += field.second;
        out += '\n';
    }
    return {out, {}};
}

QByteArray BodyFormatter::utf8Prefix(const QByteArray& bytes, qsizetype maxBytes)
{
    if (bytes.size() <= maxBytes)
        return bytes;
    qsizetype end = maxBytes;
    // Step back over continuation bytes (10xxxxxx) to the start of the cut sequence.
    while (end > 0 && (uchar(bytes.at(end)) & 0xC0) == 0x80)
        --end;
    return bytes.left(end);
}

QString BodyFormatter::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}
