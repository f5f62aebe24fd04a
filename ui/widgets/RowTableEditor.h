#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QShortcut;
class QTableView;

// A table of rows the user adds, removes and reorders (a webhook's custom headers, its
// response mappings): the view, with Add, Remove, Move Up and Move Down buttons under it
// and keys for them in the table (Delete, Ctrl+Shift+Up, Ctrl+Shift+Down).
//
// Contract: it changes no data itself. Each button asks through a signal (with the
// current row, only when there is one and the move stays inside the table), and the
// owner pushes the undo command. The row buttons read alike in both tables ("Remove"),
// so their accessible names and tooltips name the table's noun.
class RowTableEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RowTableEditor(QWidget* parent = nullptr);
    ~RowTableEditor() override;

    // Names the parts after `objectNoun`: "Header" gives headersTable, addHeaderButton,
    // removeHeaderButton, moveHeaderUpButton and moveHeaderDownButton. `title` is the
    // table's accessible name, `addText` the Add button's text and `noun` what a row is.
    void setNames(const QString& objectNoun, const QString& title, const QString& addText, const QString& noun);
    QTableView* table() const { return m_table; }
    // What the empty table says, in its middle (the label is named after the table:
    // checksTable gives checksPlaceholderLabel). Call after the table has its model.
    void setPlaceholderText(const QString& text);
    QLabel* placeholder() const { return m_placeholder; }
    // Makes `row`, `column` current and opens its editor, e.g. for a row just added.
    void editCell(int row, int column);

    // A view set up as every table of the window is: whole rows selected, one at a time,
    // edited by typing or double-click, no row numbers, no wrapping.
    static QTableView* createTable(QWidget* parent, const char* objectName, const QString& accessibleName);

signals:
    void addRequested();
    void removeRequested(int row);
    void moveRequested(int row, int to);

private:
    QPushButton* addButton(const QString& icon);
    void move(int delta);
    void updatePlaceholder();

    QTableView* m_table;
    QLabel* m_placeholder = nullptr;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_up;
    QPushButton* m_down;
    // The Remove, Move Up and Move Down buttons with the table's keys for them.
    QList<std::pair<QPushButton*, QShortcut*>> m_shortcuts;
};
