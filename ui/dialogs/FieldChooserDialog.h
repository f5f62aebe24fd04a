#pragma once

#include "model/FieldCatalog.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;

// Picks the lead field a response mapping writes: the workspace's fields by display name
// with their type, filtered as the user types. Down moves to the list, Enter accepts.
// Used by the response tree's "Map to lead field…" to create a mapping in one step.
//
// Object names: fieldSearchEdit, fieldList, fieldPathLabel.
class FieldChooserDialog : public QDialog
{
    Q_OBJECT

public:
    FieldChooserDialog(const FieldCatalog& catalog, const QString& path, QWidget* parent = nullptr);
    ~FieldChooserDialog() override;

    // The chosen field's API name; empty when none is selected.
    QString selectedApiName() const;
    void setFilter(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilter();

    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
};
