#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

// The cells of the checks table (CheckModel), each with the editor its kind of check
// wants:
// - Check: a combo of the kinds in a marketer's words (checkKindCombo);
// - Applies To: for a field check a combo of the lead fields by display
//   name, committing the API name, that takes a typed API name too (checkFieldCombo); for
//   a response attribute a line edit completing the webhook's mapped attributes, its
//   baseline's paths and those of the last response (checkPathEdit); for a status a line
//   edit completing 2xx, 200, 201... (checkStatusEdit);
// - Expected: yes or no for "is written" and "has attribute" (checkFlagCombo), the
//   milliseconds for a latency (checkLatencySpinBox), else a line edit (checkExpectedEdit).
// The Name cell keeps the default line edit.
class CheckDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit CheckDelegate(QObject* parent = nullptr);
    ~CheckDelegate() override;

    // The paths of the last response shown, offered with the webhook's own.
    void setResponsePaths(const QStringList& paths) { m_responsePaths = paths; }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    QWidget* createTargetEditor(QWidget* parent, const QModelIndex& index) const;
    QWidget* createExpectedEditor(QWidget* parent, const QModelIndex& index) const;
    QStringList pathsFor(const QModelIndex& index) const;

    QStringList m_responsePaths;
};
