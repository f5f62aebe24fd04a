#pragma once

#include "exchange/ExportRenderer.h"
#include "template/RenderedRequest.h"

#include <QByteArray>

// One bash command that makes curl send exactly the request `send` sends: the method, the
// URL as the designer puts it on the wire (--globoff and --path-as-is, so curl changes
// nothing in it), every custom header in order, and the body byte for byte
// (--data-raw, which reads no @file). curl's own Content-Type for a body is removed when the request has
// none, and its Expect: 100-continue, so no header is added that the
// designer does not send; curl's User-Agent and Accept: */* stay, as Qt's own headers do
// on the designer's side.
//
// Quoting is safe for any value: single quotes, or $'…' with \xHH escapes when the text
// holds control characters; a body with a NUL byte is fed through printf. Secrets appear
// as "$WD_SECRET_<KEY>" (see ExportRenderer), read from the environment when the command
// runs; a comment line names them.
class CurlExport
{
public:
    static QByteArray command(const RenderedRequest& request, const ExportRenderer& renderer);
    // One word for bash: literal pieces quoted, secrets as "$VARIABLE".
    static QByteArray quote(const QList<ExportRenderer::Piece>& pieces);
    static QByteArray quote(const QByteArray& text);
    // The URL as HttpClient puts it on the wire.
    static QByteArray wireUrl(const QString& url);
};
