#pragma once

#include <QLabel>

// A one-line label that shows as much of its text as fits, elided in the middle, with
// the whole text in its tooltip. Its size policy ignores the text, so a long text (a
// URL) never sets the width of the window it sits in.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget* parent = nullptr);
    ~ElidedLabel() override;

    void setFullText(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    QString m_fullText;
};
