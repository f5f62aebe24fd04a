#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Export…: which format (curl, http, postman, sheet) and which file. The scope label says
// what goes in: the current webhook for curl and the setup sheet, every webhook for the
// .http file and the Postman collection, rendered for the chosen sample lead. Changing
// the format changes the file name's extension. The dialog writes nothing itself.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    // `baseName` is the file name without extension the dialog proposes (a path).
    ExportDialog(const QString& webhookName,
                 int webhookCount,
                 const QString& leadName,
                 const QString& baseName,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    // "curl", "http", "postman" or "sheet".
    QString format() const;
    void setFormat(const QString& format);
    QString fileName() const;

    // The file extension of a format, with its dot: ".sh", ".http", ...
    static QString suffix(const QString& format);

private:
    void formatChanged();
    void browse();

    QString m_webhookName;
    int m_webhookCount;
    QString m_leadName;
    QString m_lastFormat;
    QComboBox* m_format;
    QLabel* m_scope;
    QLineEdit* m_file;
    QPushButton* m_export;
};
