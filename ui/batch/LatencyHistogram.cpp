#include "LatencyHistogram.h"

#include <QPainter>

LatencyHistogram::LatencyHistogram(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("batchHistogramWidget"));
    setAccessibleName(tr("Latency histogram"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

LatencyHistogram::~LatencyHistogram() = default;

void LatencyHistogram::setSamples(const QList<double>& samplesMs, double p50, double p90)
{
    m_samples = samplesMs;
    m_max = 0;
    for (double v : m_samples)
        m_max = qMax(m_max, v);
    m_p50 = p50;
    m_p90 = p90;
    setToolTip(m_samples.isEmpty()
                   ? QString()
                   : tr("%n call(s), 0 to %1 ms", nullptr, int(m_samples.size())).arg(m_max, 0, 'f', 0));
    update();
}

QList<int> LatencyHistogram::bins() const
{
    QList<int> counts(binCount(), 0);
    if (m_samples.isEmpty())
        return counts;
    for (double v : m_samples) {
        const int bin = m_max > 0 ? qBound(0, int(v / m_max * binCount()), binCount() - 1) : 0;
        ++counts[bin];
    }
    return counts;
}

QSize LatencyHistogram::sizeHint() const
{
    return {320, 90};
}

QSize LatencyHistogram::minimumSizeHint() const
{
    return {120, 70};
}

void LatencyHistogram::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    const int labelHeight = fontMetrics().height();
    const QRect plot = rect().adjusted(1, 1, -1, -labelHeight - 2);
    painter.fillRect(plot, pal.color(QPalette::Base));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(plot.adjusted(0, 0, -1, -1));
    painter.setPen(pal.color(QPalette::Text));
    if (m_samples.isEmpty()) {
        painter.drawText(plot, Qt::AlignCenter, tr("No calls yet"));
        return;
    }
    const QList<int> counts = bins();
    const int highest = *std::max_element(counts.begin(), counts.end());
    const double binWidth = double(plot.width() - 2) / binCount();
    for (int i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0)
            continue;
        const int h = qMax(1, int(double(counts[i]) / highest * (plot.height() - 4)));
        const QRectF bar(plot.left() + 1 + i * binWidth + 1, plot.bottom() - h, binWidth - 2, h);
        painter.fillRect(bar, pal.color(QPalette::Highlight));
    }
    const auto marker = [&](double ms, const QString& label) {
        if (ms < 0 || m_max <= 0)
            return;
        const int x = plot.left() + 1 + int(ms / m_max * (plot.width() - 2));
        painter.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
        painter.drawLine(x, plot.top(), x, plot.bottom());
        // Near the right edge the label goes to the left of its line, not off the widget.
        const int labelWidth = painter.fontMetrics().horizontalAdvance(label);
        const int labelX = x + 3 + labelWidth > plot.right() ? x - 3 - labelWidth : x + 3;
        painter.drawText(labelX, plot.top() + labelHeight, label);
    };
    marker(m_p50, QStringLiteral("p50"));
    marker(m_p90, QStringLiteral("p90"));
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QRect(0, plot.bottom() + 2, width(), labelHeight), Qt::AlignLeft, QStringLiteral("0 ms"));
    painter.drawText(QRect(0, plot.bottom() + 2, width(), labelHeight),
                     Qt::AlignRight,
                     QStringLiteral("%1 ms").arg(m_max, 0, 'f', 0));
}
