#pragma once

#include "exchange/ExportRenderer.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

// A .http file, as the JetBrains HTTP Client, VS Code's REST Client and httpyac read it:
// one request per webhook, rendered for a lead, separated by "### name" lines. Secrets
// are {{WD_SECRET_<KEY>}} variables, each declared at the top from the environment
// variable of the same name ("@WD_SECRET_X = {{$processEnv WD_SECRET_X}}", which all three
// clients read; empty when unset), as the curl export and the CLI read them. A file
// variable declared empty would not do: httpyac reads "@X =" as a request line, and a
// value in the file overrides one given on its command line.
class HttpFileExport
{
public:
    // The webhooks at `indexes`, rendered for the lead.
    static QByteArray
    file(const ExportRenderer& renderer, const QList<int>& indexes, const QJsonObject& lead, const QDateTime& now);
};
