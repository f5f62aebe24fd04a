#include "StatusIcon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace {

QPixmap draw(StatusIcon::Mark mark, const QColor& disc, const QColor& glyph, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    painter.setPen(Qt::NoPen);
    painter.setBrush(disc);
    painter.drawEllipse(QRectF(0.5, 0.5, s - 1, s - 1));
    QPen pen(glyph, s / 8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    switch (mark) {
    case StatusIcon::Mark::Pass: {
        QPainterPath tick;
        tick.moveTo(s * 0.28, s * 0.52);
        tick.lineTo(s * 0.44, s * 0.68);
        tick.lineTo(s * 0.72, s * 0.34);
        painter.drawPath(tick);
        break;
    }
    case StatusIcon::Mark::Fail:
        painter.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        painter.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    case StatusIcon::Mark::Warning:
        painter.drawLine(QPointF(s * 0.5, s * 0.25), QPointF(s * 0.5, s * 0.56));
        painter.setBrush(glyph);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(s * 0.5, s * 0.73), s / 14, s / 14);
        break;
    case StatusIcon::Mark::Added:
        painter.drawLine(QPointF(s * 0.5, s * 0.28), QPointF(s * 0.5, s * 0.72));
        painter.drawLine(QPointF(s * 0.28, s * 0.5), QPointF(s * 0.72, s * 0.5));
        break;
    }
    return pixmap;
}

} // namespace

ThemeColors::Kind StatusIcon::kind(Mark mark)
{
    switch (mark) {
    case Mark::Pass:
        return ThemeColors::Kind::Success;
    case Mark::Fail:
        return ThemeColors::Kind::Error;
    case Mark::Warning:
        return ThemeColors::Kind::Warning;
    case Mark::Added:
        break;
    }
    return ThemeColors::Kind::Info;
}

QIcon StatusIcon::icon(Mark mark, const QPalette& palette)
{
    // Drawn anew for each request: the tables that show these hold a few dozen rows, and
    // a cache would outlive the application's palette.
    const QColor disc = ThemeColors::text(kind(mark), palette);
    const QColor glyph = palette.color(QPalette::Base);
    QIcon icon;
    for (int size : {16, 32})
        icon.addPixmap(draw(mark, disc, glyph, size));
    return icon;
}
