#pragma once

#include "template/Diagnostic.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

struct RenderedHeader
{
    QString name;
    QString value;
    bool secret = false;
};

// The request Marketo would send for one webhook, lead and context.
struct RenderedRequest
{
    QString method;                // "GET", "POST", ...
    QString url;                   // literal text as written, token values percent-encoded
    QList<RenderedHeader> headers; // the custom headers, in order, tokens rendered
    QByteArray body;               // UTF-8; empty when the method sends no body
    bool hasBody = false;          // false for GET
    QList<Diagnostic> diagnostics;

    bool hasErrors() const { return Diagnostic::hasErrors(diagnostics); }
    // {"method","url","headers":[{"name","value"}],"body","diagnostics":[...]} as the CLI
    // prints it; with maskSecrets, secret header values become "••••••".
    QJsonObject toJson(bool maskSecrets = false) const;
};
