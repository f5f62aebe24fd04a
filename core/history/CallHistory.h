#pragma once

#include "history/CallHistoryEntry.h"
#include "http/CallResult.h"
#include "model/Workspace.h"
#include "response/MappingResult.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// The history of the calls made from the designer or `send`, kept next to the workspace
// in `<workspace file>.history.jsonl`, one JSON object per line (see CallHistoryEntry).
//
// Contract:
// - Secrets never reach the file: record() passes every call through SecretRedactor.
// - Bounded: past maxCalls entries or maxBytes bytes the oldest entries are dropped;
//   request and response bodies longer than maxBodyBytes are cut (marked "bodyCut").
// - A damaged file (a line that is not a history entry, e.g. after a crash mid-write)
//   is not fatal: it is renamed to `<file>.corrupt-<time>`, the readable entries are
//   kept in a new file, and warnings() says what happened.
// - Nothing is written until the first call is recorded.
class CallHistory
{
public:
    struct Limits
    {
        int maxCalls = 200;
        qint64 maxBytes = 10LL * 1024 * 1024;
        int maxBodyBytes = 64 * 1024;
    };

    explicit CallHistory(const QString& workspaceFileName);

    static QString fileNameFor(const QString& workspaceFileName);
    QString fileName() const { return m_fileName; }
    void setLimits(const Limits& limits) { m_limits = limits; }
    const Limits& limits() const { return m_limits; }

    // The entry for a call, secrets replaced and bodies cut to the limits.
    CallHistoryEntry makeEntry(const Workspace& workspace,
                               const Webhook& webhook,
                               const CallResult& call,
                               const MappingOutcome& mapping,
                               const QString& source,
                               const QJsonValue& lead = QJsonValue::Null) const;
    bool record(const Workspace& workspace,
                const Webhook& webhook,
                const CallResult& call,
                const MappingOutcome& mapping,
                const QString& source,
                const QJsonValue& lead = QJsonValue::Null,
                QString* error = nullptr);
    // Appends an entry as is (the caller has redacted it), then applies the limits.
    bool append(const CallHistoryEntry& entry, QString* error = nullptr);

    // All entries, oldest first. Sets aside a damaged file (see above).
    QList<CallHistoryEntry> entries();
    bool clear(QString* error = nullptr);

    // What the last entries(), record() or append() had to report (a damaged file).
    const QStringList& warnings() const { return m_warnings; }

private:
    // The file's valid lines; a damaged file is set aside and rewritten with them.
    QByteArrayList readLines();
    bool writeLines(const QByteArrayList& lines, QString* error);

    QString m_fileName;
    Limits m_limits;
    QStringList m_warnings;

    Q_DECLARE_TR_FUNCTIONS(CallHistory) // last: it ends in private:
};
