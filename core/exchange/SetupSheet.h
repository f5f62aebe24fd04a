#pragma once

#include "model/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

// The Marketo setup sheet of one webhook: every value the admin types into Marketo, in
// the order of Marketo's dialogs, so the transfer is mechanical. New Webhook (Webhook
// Name, Description, URL, Request Type, Template with its tokens as written, Request Token
// Encoding, Response Type), then Set Custom Header (each pair), then Edit Response
// Mappings (each response attribute with the Marketo field's display name), then the lint
// findings still open. A secret header's value is never shown: the entry says where it is.
class SetupSheet
{
public:
    struct Entry
    {
        QString section; // "New Webhook", "Set Custom Header", "Edit Response Mappings", "Open findings"
        QString label;   // "URL", "Header", "Value", "Response Attribute", "error", ...
        QString value;
        bool copyable = true; // false for a secret's placeholder and for findings
    };

    // The findings are the linter's for the sample lead at leadIndex (the first when -1).
    SetupSheet(const Workspace& workspace,
               int webhookIndex,
               const QDateTime& now = QDateTime::currentDateTimeUtc(),
               int leadIndex = -1);

    const QList<Entry>& entries() const { return m_entries; }
    // The sheet as Markdown: a heading per dialog, each value in a fenced block.
    QString markdown() const;

private:
    QString m_name;
    QList<Entry> m_entries;

    Q_DECLARE_TR_FUNCTIONS(SetupSheet) // last: it ends in private:
};
