#pragma once

#include "template/TokenCatalog.h"

#include <QPointer>
#include <QStyledItemDelegate>

class TokenEditor;
class TokenLineEdit;

// The editor of a table cell that takes tokens (the Value column of the custom headers):
// a TokenLineEdit with the same token highlighting and "{{" completion as the URL field,
// fed by the catalogue given to setTokens() (the window keeps it current as the lead and
// context change, and open editors follow).
//
// Contract:
// - The editor starts from the model's EditRole text, all selected like a QLineEdit cell
//   editor. For a secret header that is the real value, exactly as HeaderModel hands it to
//   any editor; the masked DisplayRole is what the table shows when not editing.
// - Return, Tab or moving the focus to another widget commits through the model's setData
//   (HeaderModel pushes an undo command); Escape closes the editor without committing.
// - While the completion list is open, Return, Tab and Escape belong to the list: they
//   choose or dismiss an entry and the editor stays open.
// - The editor stays open while a popup or another window has the focus (the token
//   picker, another application), so the picker can insert at its caret.
//
// Object name of the editor: tokenCellEdit (accessible name given to the constructor).
class TokenDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TokenDelegate(const QString& editorAccessibleName, QObject* parent = nullptr);
    ~TokenDelegate() override;

    void setTokens(const QList<TokenInfo>& tokens);
    const QList<TokenInfo>& tokens() const { return m_tokens; }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
    void
    updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

signals:
    // An editor of this delegate received the keyboard focus (the Insert Token target).
    void editorFocused(TokenEditor* editor);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QList<TokenInfo> m_tokens;
    QString m_accessibleName;
    mutable QPointer<TokenLineEdit> m_editor;
};
