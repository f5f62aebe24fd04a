#pragma once

#include <QDialog>

class QLabel;

// Help › About: the designer's version, the versions of Qt and QScintilla it runs on,
// the licences (the GPL-3.0 for the designer, which QScintilla requires), and a link to
// the source. "Copy Version Info" puts the versions on the clipboard for a bug report.
//
// Object names: aboutTitleLabel, aboutVersionsLabel, aboutLicenseLabel, aboutSourceLabel,
// aboutButtonBox, copyVersionInfoButton, aboutCloseButton.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

    // "Webhook Designer 0.1.0, Qt 6.4.2 (built with 6.4.2), QScintilla 2.13.3, on <OS>".
    static QString versionInfo();
    // The address of the source, from the project's HOMEPAGE_URL.
    static QString sourceUrl();
};
