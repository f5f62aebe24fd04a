#pragma once

#include "exchange/SetupSheet.h"

#include <QDialog>

// The Marketo setup sheet of one webhook (SetupSheet): every value the admin types into
// Marketo, in the order of Marketo's dialogs (New Webhook, Set Custom Header, Edit
// Response Mappings), each with a Copy button that puts exactly that value on the
// clipboard, then the lint findings still open. "Copy as Markdown" copies the whole sheet.
//
// Buttons are named "copyButton<i>" after the index of their entry in sheet().entries();
// a secret's placeholder and the findings have none.
class SetupSheetDialog : public QDialog
{
    Q_OBJECT

public:
    SetupSheetDialog(const SetupSheet& sheet, const QString& webhookName, QWidget* parent = nullptr);
    ~SetupSheetDialog() override;

    const SetupSheet& sheet() const { return m_sheet; }

signals:
    // A value went to the clipboard; `what` names it ("URL").
    void copied(const QString& what);

private:
    SetupSheet m_sheet;
};
