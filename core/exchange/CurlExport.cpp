#include "CurlExport.h"

#include <QUrl>

namespace {

bool needsAnsiC(const QByteArray& text)
{
    for (const char ch : text) {
        const uchar c = uchar(ch);
        if ((c < 0x20 && c != '\n') || c == 0x7F) {
            return true;
        }
    }
    return false;
}

QByteArray quoteLiteral(const QByteArray& text)
{
    if (text.isEmpty()) {
        return QByteArrayLiteral("''");
    }
    if (!needsAnsiC(text)) {
        QByteArray out = "'";
        for (const char c : text) {
            out += c == '\'' ? QByteArrayLiteral("'\\''") : QByteArray(1, c);
        }
        return out + '\'';
    }
    static const char hex[] = "0123456789abcdef";
    QByteArray out = "$'";
    for (const char ch : text) {
        const uchar c = uchar(ch);
        if (c == '\\' || c == '\'') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            out += char(c);
        }
    }
    return out + '\'';
}

// printf's format for literal bytes: every byte but letters and digits written octal.
QByteArray printfFormat(const QByteArray& text)
{
    QByteArray out;
    for (const char ch : text) {
        const uchar c = uchar(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += char(c);
        } else {
            out += '\\';
            out += char('0' + ((c >> 6) & 7));
            out += char('0' + ((c >> 3) & 7));
            out += char('0' + (c & 7));
        }
    }
    return out;
}

bool isContentType(const QString& name)
{
    return name.trimmed().compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0;
}

} // namespace

QByteArray CurlExport::quote(const QByteArray& text)
{
    return quoteLiteral(text);
}

QByteArray CurlExport::quote(const QList<ExportRenderer::Piece>& pieces)
{
    QByteArray out;
    for (const ExportRenderer::Piece& piece : pieces) {
        if (piece.variable.isEmpty()) {
            if (!piece.text.isEmpty() || pieces.size() == 1) {
                out += quoteLiteral(piece.text);
            }
        } else {
            out += "\"$" + piece.variable.toLatin1() + '"';
        }
    }
    return out;
}

QByteArray CurlExport::wireUrl(const QString& url)
{
    return QUrl::fromEncoded(url.trimmed().toUtf8(), QUrl::TolerantMode).toEncoded(QUrl::RemoveFragment);
}

QByteArray CurlExport::command(const RenderedRequest& request, const ExportRenderer& renderer)
{
    QStringList variables;
    const auto collect = [&](const QByteArray& text) {
        for (const QString& name : renderer.variables(text)) {
            if (!variables.contains(name)) {
                variables.append(name);
            }
        }
    };
    const QByteArray url = wireUrl(request.url);
    collect(url);
    QList<QByteArray> headerWords;
    bool hasContentType = false;
    for (const RenderedHeader& header : request.headers) {
        hasContentType = hasContentType || isContentType(header.name);
        const QByteArray text =
            header.value.isEmpty() ? header.name.toUtf8() + ';' : header.name.toUtf8() + ": " + header.value.toUtf8();
        collect(text);
        headerWords.append(quote(renderer.pieces(text)));
    }
    if (request.hasBody) {
        collect(request.body);
    }

    QByteArray out;
    if (!variables.isEmpty()) {
        out += "# Secrets come from the environment: " + variables.join(QStringLiteral(", ")).toLatin1() + '\n';
    }
    out += "curl --globoff --path-as-is --request " + quoteLiteral(request.method.toUtf8()) + ' '
           + quote(renderer.pieces(url));
    for (const QByteArray& word : headerWords) {
        out += " \\\n  --header " + word;
    }
    if (request.hasBody) {
        if (!hasContentType) {
            out += " \\\n  --header 'Content-Type:'";
        }
        out += " \\\n  --header 'Expect:'";
        if (request.body.contains('\0')) {
            QByteArray feed;
            for (const ExportRenderer::Piece& piece : renderer.pieces(request.body)) {
                feed += piece.variable.isEmpty() ? "printf '" + printfFormat(piece.text) + "'; "
                                                 : "printf '%s' \"$" + piece.variable.toLatin1() + "\"; ";
            }
            feed.chop(2);
            out += " \\\n  --data-binary @<(" + feed + ')';
        } else {
            out += " \\\n  --data-raw " + quote(renderer.pieces(request.body));
        }
    }
    return out + '\n';
}
