#pragma once

#include "mainwindow/AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

// Edits the designer's settings (AppSettings::Values): the call timeout, whether
// redirects are followed, the sandbox's preferred port, the editors' font size and the
// theme; it also shows which keychain keeps secret values. The caller hands the values in
// and takes them back; the dialog stores nothing.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    using Values = AppSettings::Values;

    explicit SettingsDialog(QWidget* parent = nullptr);
    ~SettingsDialog() override;

    Values values() const;
    void setValues(const Values& values);
    // Which keychain keeps secret values, and why it cannot when `problem` is set.
    void setKeychain(const QString& backend, const QString& problem);

private:
    QSpinBox* m_timeout;
    QCheckBox* m_redirects;
    QSpinBox* m_port;
    QSpinBox* m_fontSize;
    QComboBox* m_theme;
    QLabel* m_keychain;
};
