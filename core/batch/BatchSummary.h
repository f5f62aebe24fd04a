#pragma once

#include "http/CallResult.h"
#include "response/MappingResult.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

// The numbers a batch run ends with: counts (2xx, other statuses,
// transport errors by kind), a status histogram, latency percentiles, throughput, how
// many times each lead field would be written, and the estimate a marketer needs: how
// long Marketo would take for this many leads, and for 100,000, at the measured latency,
// one call at a time and with Marketo's 20 connections.
//
// Plain data: add() each lead's outcome, then finish() with the run's wall time.
class BatchSummary
{
public:
    static constexpr int marketoConnections = 20;

    struct Estimate
    {
        qint64 leads = 0;
        double serialMs = 0;   // one call after the other
        double parallelMs = 0; // with marketoConnections calls in flight
    };

    void begin(int leads, int concurrency);
    void add(const CallResult& call, const MappingOutcome& mapping);
    void finish(double durationMs, bool cancelled);

    int leads() const { return m_leads; }
    int completed() const { return m_completed; }
    int ok() const { return m_ok; }
    int non2xx() const { return m_non2xx; }
    int empty2xx() const { return m_empty2xx; }
    int errors() const;
    const QMap<QString, int>& errorsByKind() const { return m_errorsByKind; }
    const QMap<int, int>& statusHistogram() const { return m_statusHistogram; }
    const QMap<QString, int>& fieldWrites() const { return m_fieldWrites; }
    bool cancelled() const { return m_cancelled; }
    double durationMs() const { return m_durationMs; }
    double throughputPerSecond() const;

    // Latency of the calls that got an answer (any status), in milliseconds; 0 when none.
    double latencyPercentile(double percent) const;
    double latencyMean() const;
    double latencyMax() const;

    Estimate estimate(qint64 leads) const;

    // "450 ms", "12.5 s", "3 min 20 s", "1 h 23 min", "2 d 4 h".
    static QString humanDuration(double ms);
    // Nearest-rank percentile of sorted values.
    static double percentile(const QList<double>& sorted, double percent);

    // {"leads","completed","cancelled","concurrency","counts":{"ok","non2xx","empty2xx",
    // "errors","errorsByKind":{kind:n}},"statusHistogram":{"200":n},"latencyMs":{"p50",
    // "p90","p99","max","mean"},"durationMs","throughputPerSecond","fieldWrites":{field:n},
    // "estimate":{"latencyMs","connections","thisRun":{...},"leads100000":{...}}} where
    // each estimate is {"leads","serialMs","serial","parallelMs","parallel"}.
    QJsonObject toJson() const;

private:
    QJsonObject estimateJson(qint64 leads) const;

    int m_leads = 0;
    int m_concurrency = 0;
    int m_completed = 0;
    int m_ok = 0;
    int m_non2xx = 0;
    int m_empty2xx = 0;
    QMap<QString, int> m_errorsByKind;
    QMap<int, int> m_statusHistogram;
    QMap<QString, int> m_fieldWrites;
    QList<double> m_latencies; // sorted by finish()
    bool m_sorted = true;
    double m_durationMs = 0;
    bool m_cancelled = false;
};

Q_DECLARE_METATYPE(BatchSummary)
