#include "FlowLayout.h"

#include <QStyle>
#include <QWidget>

FlowLayout::FlowLayout(QWidget* parent, int spacing) : QLayout(parent), m_spacing(spacing) { }

FlowLayout::~FlowLayout()
{
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem* item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // All in one row.
    int width = 0;
    int height = 0;
    int visible = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += hint.width();
        height = qMax(height, hint.height());
        ++visible;
    }
    const QMargins margins = contentsMargins();
    return QSize(width + qMax(0, visible - 1) * horizontalGap() + margins.left() + margins.right(),
                 height + margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const
{
    const QMargins margins = contentsMargins();
    const QRect area = rect.marginsRemoved(margins);
    int x = area.x();
    int y = area.y();
    int rowHeight = 0;
    // A row's items share its height and are centred in it, as a box layout does.
    QList<QPair<QLayoutItem*, QRect>> row;
    const auto placeRow = [&] {
        for (auto& [item, geometry] : row) {
            geometry.moveTop(geometry.top() + (rowHeight - geometry.height()) / 2);
            if (apply)
                item->setGeometry(geometry);
        }
        row.clear();
    };
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint =
            item->sizeHint().boundedTo(QSize(area.width(), QWIDGETSIZE_MAX)).expandedTo(item->minimumSize());
        if (x > area.x() && x + hint.width() > area.right() + 1) {
            placeRow();
            x = area.x();
            y += rowHeight + verticalGap();
            rowHeight = 0;
        }
        row.append({item, QRect(QPoint(x, y), hint)});
        x += hint.width() + horizontalGap();
        rowHeight = qMax(rowHeight, hint.height());
    }
    placeRow();
    return y + rowHeight - rect.y() + margins.bottom();
}

namespace {
int styleGap(const QWidget* parent, QStyle::PixelMetric metric)
{
    const int gap = parent ? parent->style()->pixelMetric(metric, nullptr, parent) : -1;
    return gap >= 0 ? gap : 6;
}
} // namespace

int FlowLayout::horizontalGap() const
{
    return m_spacing >= 0 ? m_spacing : styleGap(parentWidget(), QStyle::PM_LayoutHorizontalSpacing);
}

int FlowLayout::verticalGap() const
{
    return m_spacing >= 0 ? m_spacing : styleGap(parentWidget(), QStyle::PM_LayoutVerticalSpacing);
}
