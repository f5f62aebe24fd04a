#include "RowTableEditor.h"

#include "widgets/FlowLayout.h"
#include "widgets/KeyOverrideFilter.h"
#include "widgets/Named.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

RowTableEditor::RowTableEditor(QWidget* parent)
    : QWidget(parent)
    , m_table(createTable(this, "rowTable", QString()))
    , m_add(addButton(QStringLiteral(":/icons/add.png")))
    , m_remove(addButton(QStringLiteral(":/icons/delete.png")))
    , m_up(addButton(QStringLiteral(":/icons/up.png")))
    , m_down(addButton(QStringLiteral(":/icons/down.png")))
{
    m_remove->setText(tr("Remove"));
    m_up->setText(tr("Move Up"));
    m_down->setText(tr("Move Down"));
    // The buttons go on to a second row when the editor is narrow.
    auto* buttons = new FlowLayout;
    for (QPushButton* button : {m_add, m_remove, m_up, m_down}) {
        buttons->addWidget(button);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    const std::pair<QPushButton*, QKeySequence> keys[] = {
        {m_remove, QKeySequence(Qt::Key_Delete)},
        {m_up, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up)},
        {m_down, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down)},
    };
    for (const auto& [button, key] : keys) {
        auto* shortcut = new QShortcut(key, m_table);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, button, &QPushButton::click);
        m_shortcuts.append({button, shortcut});
    }
    connect(m_add, &QPushButton::clicked, this, &RowTableEditor::addRequested);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid()) {
            emit removeRequested(current.row());
        }
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    // F2 must edit the current cell here, not rename the webhook.
    KeyOverrideFilter::install(m_table, KeyOverrideFilter::Keys::UndoRedoAndTableEdit);
}

RowTableEditor::~RowTableEditor() = default;

QPushButton* RowTableEditor::addButton(const QString& icon)
{
    return new QPushButton(QIcon(icon), QString(), this);
}

void RowTableEditor::setNames(const QString& objectNoun,
                              const QString& title,
                              const QString& addText,
                              const QString& noun)
{
    m_table->setObjectName(objectNoun.toLower() + QStringLiteral("sTable"));
    m_table->setAccessibleName(title);
    m_add->setObjectName(QStringLiteral("add%1Button").arg(objectNoun));
    m_add->setText(addText);
    m_add->setAccessibleName(QString(addText).remove(QLatin1Char('&')));
    m_remove->setObjectName(QStringLiteral("remove%1Button").arg(objectNoun));
    m_remove->setAccessibleName(tr("Remove the selected %1").arg(noun));
    m_up->setObjectName(QStringLiteral("move%1UpButton").arg(objectNoun));
    m_up->setAccessibleName(tr("Move the selected %1 up").arg(noun));
    m_down->setObjectName(QStringLiteral("move%1DownButton").arg(objectNoun));
    m_down->setAccessibleName(tr("Move the selected %1 down").arg(noun));
    for (const auto& [button, shortcut] : std::as_const(m_shortcuts)) {
        shortcut->setObjectName(button->objectName() + QStringLiteral("Shortcut"));
        button->setToolTip(QStringLiteral("%1 (%2)").arg(button->accessibleName(),
                                                         shortcut->key().toString(QKeySequence::NativeText)));
    }
}

void RowTableEditor::setPlaceholderText(const QString& text)
{
    if (!m_placeholder) {
        m_placeholder = new QLabel(m_table->viewport());
        m_placeholder->setObjectName(QString(m_table->objectName()).replace(QStringLiteral("Table"), QString())
                                     + QStringLiteral("PlaceholderLabel"));
        m_placeholder->setAlignment(Qt::AlignCenter);
        m_placeholder->setWordWrap(true);
        m_placeholder->setForegroundRole(QPalette::PlaceholderText);
        // Clicks and double-clicks still reach the table.
        m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto* layout = new QVBoxLayout(m_table->viewport());
        layout->addWidget(m_placeholder);
        QAbstractItemModel* model = m_table->model();
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
            connect(model, signal, this, &RowTableEditor::updatePlaceholder);
        }
        connect(model, &QAbstractItemModel::modelReset, this, &RowTableEditor::updatePlaceholder);
    }
    m_placeholder->setText(text);
    m_placeholder->setAccessibleName(text);
    updatePlaceholder();
}

void RowTableEditor::updatePlaceholder()
{
    if (m_placeholder) {
        m_placeholder->setVisible(m_table->model() && m_table->model()->rowCount() == 0);
    }
}

void RowTableEditor::editCell(int row, int column)
{
    const QModelIndex index = m_table->model()->index(row, column);
    m_table->setCurrentIndex(index);
    m_table->setFocus();
    m_table->edit(index);
}

void RowTableEditor::move(int delta)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const int to = current.row() + delta;
    if (to < 0 || to >= m_table->model()->rowCount()) {
        return;
    }
    emit moveRequested(current.row(), to);
    m_table->setCurrentIndex(m_table->model()->index(to, current.column()));
}

QTableView* RowTableEditor::createTable(QWidget* parent, const char* objectName, const QString& accessibleName)
{
    auto* view = named(new QTableView(parent), objectName, accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setTabKeyNavigation(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}
