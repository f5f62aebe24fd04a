#pragma once

#include <QStyledItemDelegate>

class WorkspaceDocument;

// The Lead Field cell of a response mapping: a combo of every lead field by display
// name with its type ("Company Name (string)"), committing the field's API name.
class FieldDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit FieldDelegate(WorkspaceDocument* document, QObject* parent = nullptr);
    ~FieldDelegate() override;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    WorkspaceDocument* m_document;
};
