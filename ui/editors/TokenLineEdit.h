#pragma once

#include "editors/TokenEditor.h"

#include <functional>

class TokenLexer;

// A one-line editor for text with tokens (the URL, header values): looks and moves like
// a QLineEdit (Tab leaves it, Return does not insert a line, pasted line breaks become
// spaces), with the token highlighting, squiggles and completion of TokenEditor.
class TokenLineEdit : public TokenEditor
{
    Q_OBJECT

public:
    explicit TokenLineEdit(QWidget* parent = nullptr);
    ~TokenLineEdit() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Sees the clipboard's text before a paste (keyboard or context menu); when it returns
    // true it has taken the text, and nothing is pasted.
    void setPasteFilter(std::function<bool(const QString&)> filter) { m_pasteFilter = std::move(filter); }

public slots:
    void paste() override;

signals:
    void returnPressed();
    void editingFinished();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void applyPalette() override;

private:
    int lineHeight() const;

    TokenLexer* m_lexer;
    std::function<bool(const QString&)> m_pasteFilter;
};
