#pragma once

#include <QList>
#include <QWidget>

// A small bar chart of call latencies, painted by hand: equal-width bins from 0 to the
// slowest call, bar height by count, with the p50 and p90 marked. Follows the palette.
class LatencyHistogram : public QWidget
{
    Q_OBJECT

public:
    explicit LatencyHistogram(QWidget* parent = nullptr);
    ~LatencyHistogram() override;

    // Latencies in milliseconds; p50/p90 are drawn as vertical lines when >= 0.
    void setSamples(const QList<double>& samplesMs, double p50 = -1, double p90 = -1);
    // Counts per bin for the current samples.
    QList<int> bins() const;
    static int binCount() { return 24; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<double> m_samples;
    double m_max = 0;
    double m_p50 = -1;
    double m_p90 = -1;
};
