#include "WebhookListPane.h"

#include "document/AddWebhookCommand.h"
#include "document/RemoveWebhookCommand.h"
#include "document/WebhookListModel.h"
#include "document/WorkspaceDocument.h"
#include "mainwindow/MainWindowActions.h"
#include "widgets/Named.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

WebhookListPane::WebhookListPane(WorkspaceDocument* document, MainWindowActions* actions, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new WebhookListModel(document, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filterEdit(named(new QLineEdit(this), "filterEdit", tr("Filter webhooks by name")))
    , m_list(named(new QListView(this), "webhookList", tr("Webhook list")))
{
    named(this, "webhookListPane", tr("Webhooks"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto* title = named(new QLabel(tr("Webhoo&ks"), this), "webhooksLabel", tr("Webhooks"));
    m_filterEdit->setPlaceholderText(tr("Filter by name"));
    m_filterEdit->setClearButtonEnabled(true);
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    title->setBuddy(m_list);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    layout->addLayout(buttons);
    addButton(actions->action(MainWindowActions::AddWebhook), "addWebhookButton");
    addButton(actions->action(MainWindowActions::DuplicateWebhook), "duplicateWebhookButton");
    addButton(actions->action(MainWindowActions::RenameWebhook), "renameWebhookButton");
    addButton(actions->action(MainWindowActions::DeleteWebhook), "deleteWebhookButton");
    for (QToolButton* button : std::as_const(m_buttons)) {
        buttons->addWidget(button);
    }
    buttons->addStretch();

    // The list's own buttons come right after it, not after the whole editor.
    setTabOrder(m_filterEdit, m_list);
    QWidget* previous = m_list;
    for (QToolButton* button : std::as_const(m_buttons)) {
        setTabOrder(previous, button);
        previous = button;
    }

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        const int row = m_proxy->mapToSource(current).row();
        if (row != m_current && current.isValid()) {
            emit webhookChosen(row);
        }
    });
    connect(actions->action(MainWindowActions::AddWebhook), &QAction::triggered, this, &WebhookListPane::addWebhook);
    connect(actions->action(MainWindowActions::DuplicateWebhook),
            &QAction::triggered,
            this,
            &WebhookListPane::duplicateWebhook);
    connect(
        actions->action(MainWindowActions::RenameWebhook), &QAction::triggered, this, &WebhookListPane::renameWebhook);
    connect(
        actions->action(MainWindowActions::DeleteWebhook), &QAction::triggered, this, &WebhookListPane::deleteWebhook);
}

WebhookListPane::~WebhookListPane() = default;

QWidget* WebhookListPane::lastInTabOrder() const
{
    return m_buttons.last();
}

void WebhookListPane::addButton(QAction* action, const char* objectName)
{
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setObjectName(QLatin1String(objectName));
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    button->setAutoRaise(true);
    m_buttons.append(button);
}

Webhook WebhookListPane::starterWebhook(const QString& name, const QString& sandboxUrl)
{
    Webhook webhook;
    webhook.name = name;
    webhook.url = sandboxUrl.isEmpty() ? QStringLiteral("https://") : sandboxUrl + QStringLiteral("/echo");
    webhook.requestType = RequestType::Post;
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.payloadTemplate = QStringLiteral("{\n  \"email\": {{lead.Email Address}}\n}");
    webhook.headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}, false});
    return webhook;
}

void WebhookListPane::showWebhook(int index)
{
    m_current = index;
    QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(index));
    if (!proxyIndex.isValid() && index >= 0 && !m_filterEdit->text().isEmpty()) {
        // The filter hides the webhook being edited (a new one, a duplicate): the list
        // and the editor would disagree, so the filter goes.
        m_filterEdit->clear();
        proxyIndex = m_proxy->mapFromSource(m_model->index(index));
    }
    if (proxyIndex.isValid() && m_list->currentIndex() != proxyIndex) {
        m_list->setCurrentIndex(proxyIndex);
    }
}

void WebhookListPane::addWebhook()
{
    const Webhook webhook = starterWebhook(m_document->uniqueWebhookName(tr("New webhook")), m_sandboxUrl);
    const int index = m_current < 0 ? m_document->workspace().webhooks.size() : m_current + 1;
    m_document->undoStack()->push(new AddWebhookCommand(m_document, index, webhook, tr("Add webhook")));
    emit webhookAdded();
}

void WebhookListPane::duplicateWebhook()
{
    if (m_current < 0) {
        return;
    }
    Webhook copy = m_document->workspace().webhooks.at(m_current);
    copy.name = m_document->uniqueWebhookName(tr("%1 copy").arg(copy.name));
    m_document->undoStack()->push(new AddWebhookCommand(m_document, m_current + 1, copy, tr("Duplicate webhook")));
}

void WebhookListPane::renameWebhook()
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(m_current));
    if (index.isValid()) {
        m_list->setFocus();
        m_list->edit(index);
    }
}

void WebhookListPane::deleteWebhook()
{
    if (m_current >= 0) {
        m_document->undoStack()->push(new RemoveWebhookCommand(m_document, m_current));
    }
}
