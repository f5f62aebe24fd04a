#pragma once

#include "model/Webhook.h"

#include <QWidget>

class MainWindowActions;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QToolButton;
class WebhookListModel;
class WorkspaceDocument;

// The list of the workspace's webhooks, with a filter by name and the Add, Duplicate,
// Rename and Delete buttons under it. Choosing a webhook in the list is reported through
// webhookChosen(); the window decides which webhook is edited and shows it here.
//
// Contract: the webhook being edited is always the list's current row: a filter that
// would hide it (a new or duplicated webhook) is cleared. Adding, duplicating and
// deleting are undoable edits of the document; renaming edits the name in the list.
class WebhookListPane : public QWidget
{
    Q_OBJECT

public:
    WebhookListPane(WorkspaceDocument* document, MainWindowActions* actions, QWidget* parent = nullptr);
    ~WebhookListPane() override;

    // Makes `index` (-1: none) the webhook the list shows as current.
    void showWebhook(int index);
    QListView* list() const { return m_list; }
    // The last widget of the pane in the tab order, which the editor follows.
    QWidget* lastInTabOrder() const;
    // Where a new webhook's URL points: the sandbox's echo, when it runs.
    void setSandboxUrl(const QString& url) { m_sandboxUrl = url; }

    // A new webhook that works at once: a JSON POST of the lead's email to the sandbox's
    // echo (an https:// stub without the sandbox).
    static Webhook starterWebhook(const QString& name, const QString& sandboxUrl);

signals:
    void webhookChosen(int index);
    // A webhook was added: the window puts the cursor in its name.
    void webhookAdded();

private:
    void addButton(QAction* action, const char* objectName);
    void addWebhook();
    void duplicateWebhook();
    void renameWebhook();
    void deleteWebhook();

    WorkspaceDocument* m_document;
    WebhookListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filterEdit;
    QListView* m_list;
    QList<QToolButton*> m_buttons;
    QString m_sandboxUrl;
    int m_current = -1;
};
