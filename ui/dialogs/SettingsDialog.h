#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

// The designer's settings, kept in QSettings: the call timeout, whether redirects are
// followed, the sandbox's preferred port and the editors' font size.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Values
    {
        int timeoutSeconds = 30;
        bool followRedirects = true;
        int sandboxPort = 18787;
        int editorFontSize = 10;
    };

    explicit SettingsDialog(QWidget* parent = nullptr);
    ~SettingsDialog() override;

    static Values load();
    static void save(const Values& values);

    Values values() const;
    void setValues(const Values& values);

private:
    QSpinBox* m_timeout;
    QCheckBox* m_redirects;
    QSpinBox* m_port;
    QSpinBox* m_fontSize;
};
