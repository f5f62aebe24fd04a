#pragma once

#include "batch/BatchColumn.h"
#include "batch/BatchLeadResult.h"
#include "history/SecretRedactor.h"
#include "model/Workspace.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <deque>

// A batch run's results, one row per lead in the order the calls finished, compact enough
// for 100,000 leads: per row the lead's label (its email address when it has one), index,
// status, latency, error kind and one cell per evaluated column (each mapped field's value
// or why it is not written, each check added with addColumn()).
//
// The whole result of a call (request as sent, response, mapping outcome), redacted as
// `run --out` writes it, is kept only for failed calls and for the most recent
// recentKept successful ones, and all kept results together stay under a byte cap
// (oldest dropped first): a row tells whether its result is kept, and if not, why.
//
// Columns are fixed before the first add(): lead, status, latency, error, then one per
// field the webhook maps to, in mapping order, then any added with addColumn().
class BatchResults
{
public:
    static constexpr int recentKept = 1000;
    static constexpr qint64 defaultKeptByteCap = 64 * 1024 * 1024;

    BatchResults(const Workspace& workspace, const Webhook& webhook);

    // Adds a column after the existing ones; only while the store is empty.
    bool addColumn(const BatchColumn& column);
    const QList<BatchColumn>& columns() const { return m_columns; }
    // The columns of mapped fields, in order.
    QList<int> fieldColumns() const;

    void setKeptByteCap(qint64 bytes) { m_keptByteCap = bytes; }
    qint64 keptByteCap() const { return m_keptByteCap; }

    void clear();
    // Room for `leads` rows at once: growing a 100,000-row store step by step would hold
    // the old and the new copy of its cells at the same time.
    void reserve(int leads);
    void add(const BatchLeadResult& result);
    int size() const { return int(m_rows.size()); }

    int leadIndex(int row) const { return m_rows.at(row).index; }
    QString lead(int row) const { return m_rows.at(row).lead; }
    // The lead's email address, empty when it has none.
    QString email(int row) const;
    int status(int row) const { return m_rows.at(row).status; }
    double latencyMs(int row) const { return m_rows.at(row).latencyMs; }
    CallResult::ErrorKind errorKind(int row) const { return CallResult::ErrorKind(m_rows.at(row).error); }
    // "200 OK", "timeout", ...: what the Status column shows.
    QString statusText(int row) const;
    // The error in words (a transport error, a non-2xx, an empty 2xx); empty when none.
    QString errorText(int row) const;
    // Not a 2xx, a transport error, or an empty 2xx (Marketo's error 1001).
    bool isFailed(int row) const { return m_rows.at(row).flags & Failed; }
    // How many mapped fields the call writes.
    int writtenCount(int row) const { return m_rows.at(row).written; }
    BatchCell cell(int row, int column) const;

    bool isKept(int row) const { return m_kept.contains(row); }
    // The whole result, redacted; nullptr when it was not kept (see notKeptReason()).
    const BatchLeadResult* kept(int row) const;
    QString notKeptReason(int row) const;
    qint64 keptBytes() const { return m_keptBytes; }
    int keptCount() const { return int(m_kept.size()); }

    // The header names `run --out` masks.
    const QStringList& secretHeaderNames() const { return m_redactor.secretHeaderNames(); }

private:
    enum Flag : quint8 { Failed = 1, HasEmail = 2, DroppedForCap = 4 };

    struct Row
    {
        QString lead;
        float latencyMs = 0;
        qint32 index = -1;
        qint32 text = -1; // interned status reason or error message
        qint16 status = 0;
        quint8 error = 0;
        quint8 flags = 0;
        qint32 written = 0;
    };

    struct Kept
    {
        BatchLeadResult result;
        qint64 bytes = 0;
    };

    qint32 intern(const QString& text);
    void keep(int row, const BatchLeadResult& result);
    void drop(std::deque<int>* order, bool forCap);
    static qint64 sizeOf(const BatchLeadResult& result);

    QList<BatchColumn> m_columns;
    QList<int> m_evaluated; // column -> index into a row's cells, or -1
    int m_cellsPerRow = 0;
    Field m_emailField; // empty name when the catalogue has none

    QList<Row> m_rows;
    QList<BatchCell> m_cells; // m_cellsPerRow per row
    QList<QString> m_texts;   // interned texts: reasons repeat across 100,000 rows
    QHash<QString, qint32> m_textIds;

    SecretRedactor m_redactor;
    QHash<int, Kept> m_kept;
    std::deque<int> m_keptOk;     // rows, oldest first
    std::deque<int> m_keptFailed; // rows, oldest first
    qint64 m_keptBytes = 0;
    qint64 m_keptByteCap = defaultKeptByteCap;

    Q_DECLARE_TR_FUNCTIONS(BatchResults)
};
