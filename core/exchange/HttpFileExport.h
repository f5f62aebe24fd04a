#pragma once

#include "exchange/ExportRenderer.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

// A .http file, as the JetBrains HTTP Client, VS Code's REST Client and httpyac read it:
// one request per webhook, rendered for a lead, separated by "### name" lines. Secrets
// are {{WD_SECRET_<KEY>}} variables, each declared empty at the top ("@WD_SECRET_X =")
// so that the file runs as it is and the user fills them in.
class HttpFileExport
{
public:
    // The webhooks at `indexes`, rendered for the lead.
    static QByteArray
    file(const ExportRenderer& renderer, const QList<int>& indexes, const QJsonObject& lead, const QDateTime& now);
};
