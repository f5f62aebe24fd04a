#include "PreviewPane.h"

#include "preview/DiagnosticModel.h"
#include "preview/EncodingsView.h"
#include "preview/HttpHeaderModel.h"
#include "response/BodyView.h"
#include "widgets/ReadOnlyTable.h"

#include <QCheckBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {
// Pretty-printing runs on the UI thread while typing; past this the raw body is shown.
constexpr qsizetype PrettyLimit = 1024 * 1024;

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    QTableView* view = createReadOnlyTable(model, parent);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    return view;
}
} // namespace

PreviewPane::PreviewPane(QWidget* parent)
    : QWidget(parent), m_headers(new HttpHeaderModel(this)), m_diagnostics(new DiagnosticModel(this))
{
    setObjectName(QStringLiteral("previewPane"));
    setAccessibleName(tr("Request preview"));

    createRequestLine();
    QWidget* requestPage = createRequestPage();

    m_encodings = new EncodingsView(this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_tabs->setAccessibleName(tr("Preview views"));
    // No mnemonics on these tabs: the window's form labels and menus use up their letters.
    m_tabs->addTab(requestPage, tr("Request"));
    m_tabs->addTab(m_encodings, tr("Encodings"));

    auto* diagnosticsBox = new QWidget(this);
    auto* diagnosticsLayout = new QVBoxLayout(diagnosticsBox);
    diagnosticsLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(diagnosticsBox);
    m_summary->setObjectName(QStringLiteral("diagnosticsSummaryLabel"));
    m_summary->setAccessibleName(tr("Diagnostics summary"));
    m_diagnosticsView = makeTable(m_diagnostics, diagnosticsBox);
    m_diagnosticsView->setObjectName(QStringLiteral("diagnosticsTable"));
    m_diagnosticsView->setAccessibleName(tr("Diagnostics"));
    m_diagnosticsView->setToolTip(tr("Click or press Enter to jump to the place"));
    for (int c : {DiagnosticModel::SeverityColumn, DiagnosticModel::WhereColumn, DiagnosticModel::PositionColumn})
        m_diagnosticsView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    diagnosticsLayout->addWidget(m_summary);
    diagnosticsLayout->addWidget(m_diagnosticsView, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("previewSplitter"));
    split->addWidget(m_tabs);
    split->addWidget(diagnosticsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_requestLine);
    layout->addWidget(split, 1);

    connect(m_pretty, &QCheckBox::toggled, this, [this] { updateBody(); });
    const auto jumpToDiagnostic = [this](const QModelIndex& index) {
        const Diagnostic& d = m_diagnostics->diagnostic(index.row());
        emit jumpTo(d.where, d.line, d.column);
    };
    connect(m_diagnosticsView, &QTableView::activated, this, jumpToDiagnostic);
    // A list of places to go: one click is enough, as in an IDE's issues list. Where the
    // style already activates on a single click, activated() has done it.
    connect(m_diagnosticsView, &QTableView::clicked, this, [this, jumpToDiagnostic](const QModelIndex& index) {
        if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_diagnosticsView))
            jumpToDiagnostic(index);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (isEncodingsTabShown())
            emit encodingsTabShown();
    });
    clear();

    // HttpStackHeaders probes a loopback server once per process and blocks while it
    // does: run it off the UI thread and correct the prediction when it answers.
    // A watcher owned by the pane, not QFuture::then(): it dies with the pane.
    auto* probe = new QFutureWatcher<HttpStackHeaders::Headers>(this);
    connect(probe, &QFutureWatcherBase::finished, this, [this, probe] {
        rememberSentHeaders(probe->result());
        probe->deleteLater();
    });
    probe->setFuture(QtConcurrent::run([]() -> HttpStackHeaders::Headers { return HttpStackHeaders::probed(); }));
}

void PreviewPane::createRequestLine()
{
    m_requestLine = new QLabel(this);
    m_requestLine->setObjectName(QStringLiteral("previewRequestLineLabel"));
    m_requestLine->setAccessibleName(tr("Request method and URL"));
    m_requestLine->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_requestLine->setWordWrap(true);
    // Word wrap cannot break a long URL: as Preferred, its width would become the window's
    // minimum, wider than the screen. The line is selectable and in full in the tooltip.
    m_requestLine->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_requestLine->setTextFormat(Qt::PlainText);
    QFont lineFont = m_requestLine->font();
    lineFont.setBold(true);
    m_requestLine->setFont(lineFont);
}

// The Request tab: headers over body.
QWidget* PreviewPane::createRequestPage()
{
    auto* requestPage = new QSplitter(Qt::Vertical);
    requestPage->setObjectName(QStringLiteral("previewRequestSplitter"));
    m_headersView = makeTable(m_headers, requestPage);
    m_headersView->setObjectName(QStringLiteral("previewHeadersTable"));
    m_headersView->setAccessibleName(tr("Request headers"));
    m_headersView->horizontalHeader()->setSectionResizeMode(HttpHeaderModel::NameColumn, QHeaderView::ResizeToContents);

    auto* bodyBox = new QWidget(requestPage);
    auto* bodyLayout = new QVBoxLayout(bodyBox);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    auto* bodyBar = new QHBoxLayout;
    m_pretty = new QCheckBox(tr("&Pretty"), bodyBox);
    m_pretty->setObjectName(QStringLiteral("previewPrettyCheckBox"));
    m_pretty->setAccessibleName(tr("Pretty-print the body"));
    m_pretty->setToolTip(tr("Show the body re-indented; Marketo sends it as written"));
    m_bodyNote = new QLabel(bodyBox);
    m_bodyNote->setObjectName(QStringLiteral("previewBodyNoteLabel"));
    m_bodyNote->setAccessibleName(tr("Body size and format"));
    bodyBar->addWidget(m_pretty);
    bodyBar->addStretch();
    bodyBar->addWidget(m_bodyNote);
    bodyLayout->addLayout(bodyBar);
    m_bodyStack = new QStackedWidget(bodyBox);
    m_body = new BodyView(m_bodyStack);
    m_body->setObjectName(QStringLiteral("previewBodyView"));
    m_body->setAccessibleName(tr("Request body"));
    // No soft wrapping: it re-lays out the whole body on every keystroke (8 ms at 10 KB).
    m_body->setWrapWanted(false);
    m_noBody = new QLabel(m_bodyStack);
    m_noBody->setObjectName(QStringLiteral("previewNoBodyLabel"));
    m_noBody->setAccessibleName(tr("No request body"));
    m_noBody->setAlignment(Qt::AlignCenter);
    m_noBody->setWordWrap(true);
    m_bodyStack->addWidget(m_body);
    m_bodyStack->addWidget(m_noBody);
    bodyLayout->addWidget(m_bodyStack, 1);
    requestPage->addWidget(m_headersView);
    requestPage->addWidget(bodyBox);
    requestPage->setStretchFactor(0, 1);
    requestPage->setStretchFactor(1, 3);
    return requestPage;
}

PreviewPane::~PreviewPane() = default;

void PreviewPane::showRequest(const RenderedRequest& request, const QList<Diagnostic>& diagnostics)
{
    const QString line =
        request.method.isEmpty() ? QString() : QStringLiteral("%1  %2").arg(request.method, request.url);
    if (m_requestLine->text() != line) {
        m_requestLine->setText(line);
        m_requestLine->setToolTip(line);
    }
    m_headers->setRows(m_stack.rows(request));

    QByteArray contentType;
    for (const RenderedHeader& header : request.headers) {
        if (header.name.trimmed().compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            contentType = header.value.toUtf8();
    }
    const BodyFormat format = BodyFormatter::detect(contentType, request.body);
    const bool bodyChanged = format != m_format || request.hasBody != m_request.hasBody
                             || request.body != m_request.body || request.method != m_request.method;
    m_format = format;
    m_request = request;
    if (bodyChanged)
        updateBody();

    m_diagnostics->setDiagnostics(diagnostics);
    updateSummary();
}

void PreviewPane::showEncodings(const QByteArray& none,
                                const QByteArray& json,
                                const QByteArray& form,
                                TokenEncoding current)
{
    m_encodings->showEncodings(none, json, form, m_format, current);
}

void PreviewPane::rememberSentHeaders(const QList<QPair<QByteArray, QByteArray>>& sentHeaders)
{
    m_stack.learn(sentHeaders);
    m_headers->setRows(m_stack.rows(m_request));
}

void PreviewPane::clear()
{
    m_request = RenderedRequest();
    m_format = BodyFormat::Text;
    m_requestLine->setText(tr("No webhook selected"));
    m_requestLine->setToolTip(QString());
    m_headers->setRows({});
    m_diagnostics->setDiagnostics({});
    m_encodings->clear();
    updateBody();
    updateSummary();
}

bool PreviewPane::isPretty() const
{
    return m_pretty->isChecked();
}

void PreviewPane::setPretty(bool pretty)
{
    m_pretty->setChecked(pretty);
}

bool PreviewPane::isEncodingsTabShown() const
{
    return m_tabs->currentWidget() == m_encodings && isVisible();
}

void PreviewPane::updateBody()
{
    if (!m_request.hasBody) {
        m_noBody->setText(m_request.method.isEmpty()
                              ? QString()
                              : tr("%1 sends no body: Marketo sends the payload only for POST, PUT, PATCH and DELETE.")
                                    .arg(m_request.method));
        m_bodyStack->setCurrentWidget(m_noBody);
        m_body->clearBody();
        m_bodyNote->setText(QString());
        m_pretty->setEnabled(false);
        return;
    }
    m_bodyStack->setCurrentWidget(m_body);
    m_pretty->setEnabled(m_format != BodyFormat::Text);
    QString note = BodyFormatter::sizeText(m_request.body.size());
    QByteArray text = m_request.body;
    if (m_pretty->isChecked() && m_format != BodyFormat::Text) {
        if (m_request.body.size() > PrettyLimit) {
            note += tr(" · too large to pretty-print while typing");
        } else {
            const BodyFormatter::Pretty pretty = BodyFormatter::pretty(m_request.body, m_format);
            text = pretty.text;
            if (!pretty.error.isEmpty())
                note += tr(" · shown as sent: %1").arg(pretty.error);
        }
    }
    m_body->setBody(text, m_format);
    if (m_body->isTruncated())
        note += tr(" · showing the first %1").arg(BodyFormatter::sizeText(m_body->displayCap()));
    m_bodyNote->setText(note);
}

void PreviewPane::updateSummary()
{
    const int errors = m_diagnostics->count(Diagnostic::Severity::Error);
    const int warnings = m_diagnostics->count(Diagnostic::Severity::Warning);
    const int infos = m_diagnostics->count(Diagnostic::Severity::Info);
    QString text;
    if (errors + warnings + infos == 0) {
        text = tr("No problems found");
    } else {
        QStringList parts;
        if (errors)
            parts << tr("%n error(s)", nullptr, errors);
        if (warnings)
            parts << tr("%n warning(s)", nullptr, warnings);
        if (infos)
            parts << tr("%n note(s)", nullptr, infos);
        text = parts.join(QStringLiteral(", "));
    }
    if (m_summary->text() != text)
        m_summary->setText(text);
}
