#include "widgets/FlowLayout.h"

#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

// Rows that wrap: all items on one row when there is room, as many rows as needed when
// there is not, never narrower than the widest item, hidden items taking no place, and
// a height that grows with the rows for the layout around it.
class tst_FlowLayout : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_window = std::make_unique<QWidget>();
        m_layout = new FlowLayout(m_window.get(), 10);
        m_layout->setContentsMargins(0, 0, 0, 0);
        for (const char* text : {"Add Header", "Remove", "Move Up", "Move Down"}) {
            auto* button = new QPushButton(QString::fromLatin1(text), m_window.get());
            button->setFixedSize(100, 30);
            m_layout->addWidget(button);
            m_buttons << button;
        }
    }

    void cleanup()
    {
        m_buttons.clear();
        m_window.reset();
    }

    void oneRowWhenThereIsRoom()
    {
        QCOMPARE(m_layout->sizeHint(), QSize(4 * 100 + 3 * 10, 30));
        m_layout->setGeometry(QRect(0, 0, 500, 30));
        for (int i = 0; i < m_buttons.size(); ++i)
            QCOMPARE(m_buttons.at(i)->geometry(), QRect(i * 110, 0, 100, 30));
        QCOMPARE(m_layout->heightForWidth(500), 30);
    }

    void wrapsWhenNarrow_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("perRow");
        QTest::newRow("three fit") << 330 << 3;
        QTest::newRow("two fit") << 250 << 2;
        QTest::newRow("one fits") << 150 << 1;
        QTest::newRow("narrower than an item") << 60 << 1;
    }

    void wrapsWhenNarrow()
    {
        QFETCH(int, width);
        QFETCH(int, perRow);
        const int rows = (int(m_buttons.size()) + perRow - 1) / perRow;
        QCOMPARE(m_layout->heightForWidth(width), rows * 30 + (rows - 1) * 10);
        m_layout->setGeometry(QRect(0, 0, width, m_layout->heightForWidth(width)));
        for (int i = 0; i < m_buttons.size(); ++i) {
            const QRect geometry = m_buttons.at(i)->geometry();
            QCOMPARE(geometry.top(), (i / perRow) * 40);
            QCOMPARE(geometry.left(), (i % perRow) * 110);
        }
    }

    void neverNarrowerThanTheWidestItem()
    {
        m_buttons.at(2)->setFixedSize(160, 30);
        QCOMPARE(m_layout->minimumSize(), QSize(160, 30));
        QVERIFY(m_layout->hasHeightForWidth());
    }

    void hiddenItemsTakeNoPlace()
    {
        m_buttons.at(1)->hide();
        QCOMPARE(m_layout->sizeHint().width(), 3 * 100 + 2 * 10);
        m_layout->setGeometry(QRect(0, 0, 500, 30));
        QCOMPARE(m_buttons.at(2)->geometry().left(), 110);
    }

    void takesItsRowsInAColumn()
    {
        // In a column, what comes below starts below the last row.
        QWidget outer;
        auto* column = new QVBoxLayout(&outer);
        auto* flow = new FlowLayout(nullptr, 10);
        column->addLayout(flow);
        QList<QPushButton*> buttons;
        for (int i = 0; i < 4; ++i) {
            buttons << new QPushButton(QStringLiteral("Button %1").arg(i), &outer);
            buttons.last()->setFixedSize(100, 30);
            flow->addWidget(buttons.last());
        }
        auto* below = new QPushButton(QStringLiteral("Below"), &outer);
        column->addWidget(below);
        column->addStretch();
        outer.resize(140, 400);
        outer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&outer));
        QTRY_COMPARE(buttons.last()->y(), buttons.first()->y() + 3 * 40);
        QVERIFY(below->y() >= buttons.last()->geometry().bottom());
    }

private:
    std::unique_ptr<QWidget> m_window;
    FlowLayout* m_layout = nullptr;
    QList<QPushButton*> m_buttons;
};

QTEST_MAIN(tst_FlowLayout)
#include "tst_flowlayout.moc"
