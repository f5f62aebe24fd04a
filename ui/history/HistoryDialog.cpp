#include "HistoryDialog.h"

#include "history/HistoryModel.h"
#include "response/BodyView.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QByteArray headerLines(const QJsonArray& headers)
{
    QByteArray out;
    for (const QJsonValue& header : headers) {
        const QJsonObject h = header.toObject();
        out += h.value(QStringLiteral("name")).toString().toUtf8() + ": "
               + h.value(QStringLiteral("value")).toString().toUtf8() + '\n';
    }
    return out;
}

} // namespace

HistoryDialog::HistoryDialog(QWidget* parent) : QDialog(parent), m_model(new HistoryModel(this))
{
    setObjectName(QStringLiteral("historyDialog"));
    setAccessibleName(tr("Call history"));
    setWindowTitle(tr("Call History"));

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("historyCountLabel"));
    m_count->setAccessibleName(tr("Number of calls"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("historyNoticeLabel"));
    m_notice->setAccessibleName(tr("History notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Past calls"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_request = new BodyView(this);
    m_request->setObjectName(QStringLiteral("historyRequestView"));
    m_request->setAccessibleName(tr("Recorded request"));
    m_response = new BodyView(this);
    m_response->setObjectName(QStringLiteral("historyResponseView"));
    m_response->setAccessibleName(tr("Recorded response"));

    auto* bodies = new QSplitter(Qt::Horizontal);
    bodies->addWidget(m_request);
    bodies->addWidget(m_response);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bodies);
    split->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("historyCloseButton"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close the call history"));
    m_resend = buttons->addButton(tr("&Re-send"), QDialogButtonBox::ActionRole);
    m_resend->setObjectName(QStringLiteral("historyResendButton"));
    m_resend->setAccessibleName(tr("Send the selected request again"));
    m_resend->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addWidget(split, 1);
    layout->addWidget(m_notice);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showCurrent(); });
    connect(m_resend, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentIndex().row();
        if (row >= 0)
            emit resendRequested(requestOf(m_model->entry(row)), m_model->entry(row).webhook);
    });
    resize(860, 600);
}

HistoryDialog::~HistoryDialog() = default;

void HistoryDialog::setEntries(const QList<CallHistoryEntry>& entries)
{
    m_model->setEntries(entries);
    m_notice->hide();
    m_count->setText(tr("%n call(s), newest first", nullptr, int(entries.size())));
    if (!entries.isEmpty())
        selectRow(0);
    showCurrent();
}

void HistoryDialog::selectRow(int row)
{
    m_table->setCurrentIndex(m_model->index(row, 0));
}

RenderedRequest HistoryDialog::requestOf(const CallHistoryEntry& entry)
{
    RenderedRequest request;
    request.method = entry.request.value(QStringLiteral("method")).toString();
    request.url = entry.request.value(QStringLiteral("url")).toString();
    for (const QJsonValue& header : entry.request.value(QStringLiteral("headers")).toArray()) {
        const QJsonObject h = header.toObject();
        request.headers.append(
            {h.value(QStringLiteral("name")).toString(), h.value(QStringLiteral("value")).toString(), false});
    }
    request.body = entry.request.value(QStringLiteral("body")).toString().toUtf8();
    request.hasBody = request.method != QLatin1String("GET");
    return request;
}

QByteArray HistoryDialog::requestText(const CallHistoryEntry& entry)
{
    return entry.request.value(QStringLiteral("method")).toString().toUtf8() + ' '
           + entry.request.value(QStringLiteral("url")).toString().toUtf8() + '\n'
           + headerLines(entry.request.value(QStringLiteral("headers")).toArray()) + '\n'
           + entry.request.value(QStringLiteral("body")).toString().toUtf8();
}

QByteArray HistoryDialog::responseText(const CallHistoryEntry& entry)
{
    if (!entry.response.isObject()) {
        const QJsonObject error = entry.error.toObject();
        return tr("No response: %1\n%2")
            .arg(error.value(QStringLiteral("kind")).toString(), error.value(QStringLiteral("message")).toString())
            .toUtf8();
    }
    const QJsonObject response = entry.response.toObject();
    return QByteArray::number(response.value(QStringLiteral("status")).toInt()) + ' '
           + response.value(QStringLiteral("reason")).toString().toUtf8() + '\n'
           + headerLines(response.value(QStringLiteral("headers")).toArray()) + '\n'
           + response.value(QStringLiteral("body")).toString().toUtf8();
}

void HistoryDialog::showNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString HistoryDialog::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void HistoryDialog::showCurrent()
{
    m_notice->hide();
    const int row = m_table->currentIndex().row();
    m_resend->setEnabled(row >= 0);
    if (row < 0) {
        m_request->clearBody();
        m_response->clearBody();
        return;
    }
    m_request->setBody(requestText(m_model->entry(row)), BodyFormat::Text);
    m_response->setBody(responseText(m_model->entry(row)), BodyFormat::Text);
}
