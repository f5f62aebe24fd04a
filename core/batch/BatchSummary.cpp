#include "BatchSummary.h"

#include <QtMath>

#include <algorithm>

void BatchSummary::begin(int leads, int concurrency)
{
    *this = BatchSummary();
    m_leads = leads;
    m_concurrency = concurrency;
}

void BatchSummary::add(const CallResult& call, const MappingOutcome& mapping)
{
    ++m_completed;
    if (call.status > 0)
        ++m_statusHistogram[call.status];
    if (call.error != CallResult::ErrorKind::None) {
        ++m_errorsByKind[CallResult::errorKindName(call.error)];
    } else if (call.isSuccess()) {
        ++m_ok;
        if (call.isEmpty2xx())
            ++m_empty2xx;
    } else {
        ++m_non2xx;
    }
    // Every call that went out counts, answered or not: Marketo waits for a timeout too,
    // so a run of timeouts must not estimate 0 ms. A request refused before sending, or
    // cancelled by the user, says nothing about the server.
    if (call.error != CallResult::ErrorKind::Cancelled && call.error != CallResult::ErrorKind::InvalidRequest) {
        m_latencies.append(call.totalMs);
        m_sorted = false;
    }
    for (const MappingResult& result : mapping.mappings) {
        if (result.applied)
            ++m_fieldWrites[result.field];
    }
}

void BatchSummary::finish(double durationMs, bool cancelled)
{
    m_durationMs = durationMs;
    m_cancelled = cancelled;
    std::sort(m_latencies.begin(), m_latencies.end());
    m_sorted = true;
}

int BatchSummary::errors() const
{
    int total = 0;
    for (int count : m_errorsByKind)
        total += count;
    return total;
}

double BatchSummary::throughputPerSecond() const
{
    return m_durationMs > 0 ? m_completed * 1000.0 / m_durationMs : 0;
}

double BatchSummary::percentile(const QList<double>& sorted, double percent)
{
    if (sorted.isEmpty())
        return 0;
    const int rank = qBound(1, qCeil(percent / 100.0 * sorted.size()), int(sorted.size()));
    return sorted.at(rank - 1);
}

double BatchSummary::latencyPercentile(double percent) const
{
    if (m_sorted)
        return percentile(m_latencies, percent);
    QList<double> sorted = m_latencies;
    std::sort(sorted.begin(), sorted.end());
    return percentile(sorted, percent);
}

double BatchSummary::latencyMean() const
{
    if (m_latencies.isEmpty())
        return 0;
    double sum = 0;
    for (double latency : m_latencies)
        sum += latency;
    return sum / m_latencies.size();
}

double BatchSummary::latencyMax() const
{
    return m_latencies.isEmpty() ? 0 : *std::max_element(m_latencies.begin(), m_latencies.end());
}

BatchSummary::Estimate BatchSummary::estimate(qint64 leads) const
{
    // Marketo's calls add up at the same latency: one after the other, or in waves of
    // 20 (the last wave may be partial).
    const double latency = latencyMean();
    Estimate estimate;
    estimate.leads = leads;
    estimate.serialMs = leads * latency;
    estimate.parallelMs = std::ceil(double(leads) / marketoConnections) * latency;
    return estimate;
}

QString BatchSummary::humanDuration(double ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(qRound(ms));
    const double seconds = ms / 1000.0;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(QString::number(seconds, 'f', 1));
    const qint64 total = qRound64(seconds);
    const qint64 days = total / 86400;
    const qint64 hours = (total % 86400) / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 secs = total % 60;
    if (days > 0)
        return QStringLiteral("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return QStringLiteral("%1 h %2 min").arg(hours).arg(minutes);
    return QStringLiteral("%1 min %2 s").arg(minutes).arg(secs);
}

QJsonObject BatchSummary::estimateJson(qint64 leads) const
{
    const Estimate e = estimate(leads);
    return QJsonObject {{QStringLiteral("leads"), double(e.leads)},
                        {QStringLiteral("serialMs"), qRound64(e.serialMs) * 1.0},
                        {QStringLiteral("serial"), humanDuration(e.serialMs)},
                        {QStringLiteral("parallelMs"), qRound64(e.parallelMs) * 1.0},
                        {QStringLiteral("parallel"), humanDuration(e.parallelMs)}};
}

QJsonObject BatchSummary::toJson() const
{
    QJsonObject byKind;
    for (auto it = m_errorsByKind.begin(); it != m_errorsByKind.end(); ++it)
        byKind.insert(it.key(), it.value());
    QJsonObject histogram;
    for (auto it = m_statusHistogram.begin(); it != m_statusHistogram.end(); ++it)
        histogram.insert(QString::number(it.key()), it.value());
    QJsonObject writes;
    for (auto it = m_fieldWrites.begin(); it != m_fieldWrites.end(); ++it)
        writes.insert(it.key(), it.value());
    const auto ms = [](double value) { return qRound(value * 10) / 10.0; };
    return QJsonObject {
        {QStringLiteral("leads"), m_leads},
        {QStringLiteral("completed"), m_completed},
        {QStringLiteral("cancelled"), m_cancelled},
        {QStringLiteral("concurrency"), m_concurrency},
        {QStringLiteral("counts"),
         QJsonObject {{QStringLiteral("ok"), m_ok},
                      {QStringLiteral("non2xx"), m_non2xx},
                      {QStringLiteral("empty2xx"), m_empty2xx},
                      {QStringLiteral("errors"), errors()},
                      {QStringLiteral("errorsByKind"), byKind}}},
        {QStringLiteral("statusHistogram"), histogram},
        {QStringLiteral("latencyMs"),
         QJsonObject {{QStringLiteral("p50"), ms(latencyPercentile(50))},
                      {QStringLiteral("p90"), ms(latencyPercentile(90))},
                      {QStringLiteral("p99"), ms(latencyPercentile(99))},
                      {QStringLiteral("max"), ms(latencyMax())},
                      {QStringLiteral("mean"), ms(latencyMean())}}},
        {QStringLiteral("durationMs"), ms(m_durationMs)},
        {QStringLiteral("throughputPerSecond"), ms(throughputPerSecond())},
        {QStringLiteral("fieldWrites"), writes},
        {QStringLiteral("estimate"),
         QJsonObject {{QStringLiteral("latencyMs"), ms(latencyMean())},
                      {QStringLiteral("connections"), marketoConnections},
                      {QStringLiteral("thisRun"), estimateJson(m_leads)},
                      {QStringLiteral("leads100000"), estimateJson(100000)}}},
    };
}
