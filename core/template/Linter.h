#pragma once

#include "model/Workspace.h"
#include "template/Diagnostic.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

// Finds the mistakes a Marketo user makes in a webhook: the render diagnostics for a
// sample lead plus structural checks (None encoding with tokens in a JSON or form body,
// quotes around tokens under JSON encoding, invalid rendered JSON/XML, payload on GET,
// body without Content-Type, invalid header names, unaddressable mapping paths, unknown
// mapping fields, ...).
class Linter
{
public:
    // Lints with the sample lead at leadIndex (the first lead when -1 and there is one).
    // Every diagnostic carries the webhook's name.
    static QList<Diagnostic> lint(const Workspace& workspace,
                                  const Webhook& webhook,
                                  int leadIndex = -1,
                                  const QDateTime& now = QDateTime::currentDateTimeUtc());
    static QList<Diagnostic> lintAll(const Workspace& workspace,
                                     const QDateTime& now = QDateTime::currentDateTimeUtc());

    Q_DECLARE_TR_FUNCTIONS(Linter) // last: it ends in private:
};
