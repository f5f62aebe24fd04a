#pragma once

#include "history/CallHistoryEntry.h"
#include "template/RenderedRequest.h"

#include <QDialog>

class BodyView;
class HistoryModel;
class QLabel;
class QPushButton;
class QTableView;

// The history of calls (CallHistory::entries()): a table of past calls and, for the
// selected one, the request and the response as they were recorded. "Re-send" emits
// resendRequested() with the recorded request; the history keeps secrets redacted, so
// the window puts the workspace's secret header values back (by header name) before
// sending, and refuses, through showNotice(), a call that held other secret values.
// setEntries() may be called again while the dialog is open (a new call was recorded).
//
// Object names: historyTable, historyRequestView, historyResponseView,
// historyResendButton, historyCountLabel, historyNoticeLabel, historyCloseButton.
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HistoryDialog(QWidget* parent = nullptr);
    ~HistoryDialog() override;

    void setEntries(const QList<CallHistoryEntry>& entries);
    HistoryModel* model() const { return m_model; }
    void selectRow(int row);
    // A word about the selected call (why it was not sent again); hidden again when
    // another call is selected or the entries change.
    void showNotice(const QString& text);
    QString notice() const;

    // The recorded request as a RenderedRequest (headers in order, body as text).
    static RenderedRequest requestOf(const CallHistoryEntry& entry);
    // "POST url\nName: value\n...\n\nbody" and "200 OK\nName: value\n\nbody" as shown.
    static QByteArray requestText(const CallHistoryEntry& entry);
    static QByteArray responseText(const CallHistoryEntry& entry);

signals:
    void resendRequested(const RenderedRequest& request, const QString& webhook);

private:
    void showCurrent();

    HistoryModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    BodyView* m_request = nullptr;
    BodyView* m_response = nullptr;
    QPushButton* m_resend = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_notice = nullptr;
};
