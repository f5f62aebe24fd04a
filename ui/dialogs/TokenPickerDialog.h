#pragma once

#include "template/TokenCatalog.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

// The Insert Token picker: the workspace's token catalogue as a tree by scope (name, type,
// sample value for the chosen lead; secret values masked), a search box that filters as
// the user types (scope, name and API name), and an optional `:default=` value. Accepting
// yields the token text to insert at the cursor, e.g. `{{lead.First Name:default=friend}}`.
//
// Keyboard: the search box has focus; Down moves into the tree, Enter (in the search box
// or the tree) inserts the current token, Escape cancels.
//
// Object names: tokenSearchEdit, tokenTree, tokenDefaultEdit, tokenPreviewLabel,
// tokenInsertButton.
class TokenPickerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TokenPickerDialog(QWidget* parent = nullptr);
    ~TokenPickerDialog() override;

    void setTokens(const QList<TokenInfo>& tokens);

    // The text to insert for the current token with the default value, or empty.
    QString tokenText() const;
    // The token text for one token and default: `{{scope.Name}}` or
    // `{{scope.Name:default=value}}`.
    static QString tokenText(const TokenInfo& token, const QString& defaultValue);

signals:
    // Emitted when the dialog is accepted with a token.
    void tokenChosen(const QString& text);

public slots:
    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum Role { TokenIndexRole = Qt::UserRole + 1, SearchRole };

    void applyFilter();
    void selectFirstToken();
    void updatePreview();
    int currentTokenIndex() const;

    QList<TokenInfo> m_tokens;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_search = nullptr;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_default = nullptr;
    QLabel* m_preview = nullptr;
    QPushButton* m_insert = nullptr;
};
