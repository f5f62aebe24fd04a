#pragma once

#include "model/Workspace.h"
#include "template/RenderedRequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// Renders webhooks for an export with every secret left out. A copy of the workspace
// holds a marker (letters and digits, which no encoding changes) in place of each secret
// header value and secret My Token; the rendered request carries the markers wherever the
// values would be, encoded or not, and pieces() splits a rendered text at them so that an
// exporter writes a variable there: "$WD_SECRET_<KEY>" for curl, {{WD_SECRET_<KEY>}} for
// the .http file and Postman. A secret header's variable stands for its whole value. The
// variable's value goes in as it is: a secret My Token that its place encodes (a quote
// under JSON encoding, a space in the URL) must be given already encoded.
class ExportRenderer
{
public:
    // A run of literal bytes, or (when `variable` is set) the place of one secret.
    struct Piece
    {
        QByteArray text;
        QString variable; // "WD_SECRET_MY_APIKEY"
    };

    explicit ExportRenderer(const Workspace& workspace);

    const Workspace& workspace() const { return m_workspace; }
    // The request as `send` would build it for the lead, secrets as markers. Missing
    // secrets are no error here.
    RenderedRequest render(int webhookIndex, const QJsonObject& lead, const QDateTime& now) const;
    // Text split at the markers; one empty literal piece for empty text.
    QList<Piece> pieces(const QByteArray& text) const;
    // The variables that occur in the text, in order, each once.
    QStringList variables(const QByteArray& text) const;
    // The text with each marker replaced by prefix + variable + suffix.
    QByteArray substitute(const QByteArray& text, const QByteArray& prefix, const QByteArray& suffix) const;

private:
    Workspace m_workspace;
    QString m_nonce;
    QStringList m_variables; // by marker index
};
