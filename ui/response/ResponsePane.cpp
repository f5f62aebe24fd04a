#include "ResponsePane.h"

#include "appearance/PaletteTint.h"
#include "appearance/StatusIcon.h"
#include "appearance/ThemeColors.h"
#include "dialogs/FieldChooserDialog.h"
#include "history/SecretRedactor.h"
#include "model/TrustedCertificate.h"
#include "preview/HttpHeaderModel.h"
#include "response/BodyView.h"
#include "response/CheckResultModel.h"
#include "response/MappingResultModel.h"
#include "response/ResponseTreeModel.h"
#include "response/ShapeDiffModel.h"
#include "widgets/ReadOnlyTable.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFrame>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

// Bodies up to this size are formatted on the UI thread: a worker round trip would only
// add a visible flash of the raw text.
constexpr qsizetype SyncFormatLimit = 256 * 1024;

QString errorKindText(CallResult::ErrorKind kind)
{
    switch (kind) {
    case CallResult::ErrorKind::None:
        return {};
    case CallResult::ErrorKind::Timeout:
        return ResponsePane::tr("Timed out");
    case CallResult::ErrorKind::ConnectionRefused:
        return ResponsePane::tr("Connection refused");
    case CallResult::ErrorKind::HostNotFound:
        return ResponsePane::tr("Host not found");
    case CallResult::ErrorKind::Tls:
        return ResponsePane::tr("TLS error");
    case CallResult::ErrorKind::TooManyRedirects:
        return ResponsePane::tr("Too many redirects");
    case CallResult::ErrorKind::Cancelled:
        return ResponsePane::tr("Cancelled");
    case CallResult::ErrorKind::ResponseTooLarge:
        return ResponsePane::tr("Response too large");
    case CallResult::ErrorKind::ClosedEarly:
        return ResponsePane::tr("Connection closed early");
    case CallResult::ErrorKind::InvalidRequest:
        return ResponsePane::tr("Invalid request");
    case CallResult::ErrorKind::Other:
        return ResponsePane::tr("Network error");
    }
    return {};
}

// Fixed hues with white text read well on light and dark palettes alike.
QColor statusColor(int status, bool transportError)
{
    if (transportError || status >= 500)
        return QColor(0xc6, 0x28, 0x28);
    if (status >= 400)
        return QColor(0xd8, 0x5a, 0x00);
    if (status >= 300)
        return QColor(0x15, 0x65, 0xc0);
    if (status >= 200)
        return QColor(0x2e, 0x7d, 0x32);
    return QColor(0x75, 0x75, 0x75);
}

struct BodyJobResult
{
    QByteArray text;
    QString note;
};

BodyJobResult formatBody(const QByteArray& body, BodyFormat format, bool pretty, qsizetype cap)
{
    BodyJobResult out;
    if (pretty && format != BodyFormat::Text) {
        BodyFormatter::Pretty p = BodyFormatter::pretty(body, format, cap + 1);
        out.text = std::move(p.text);
        if (!p.error.isEmpty())
            out.note = ResponsePane::tr("shown as received: %1").arg(p.error);
    } else {
        out.text = body;
    }
    if (out.text.size() > cap)
        out.text = BodyFormatter::utf8Prefix(out.text, cap);
    return out;
}

QLabel* makeLabel(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ResponsePane::ResponsePane(QWidget* parent)
    : QWidget(parent)
    , m_treeModel(new ResponseTreeModel(this))
    , m_headers(new HttpHeaderModel(this))
    , m_mappings(new MappingResultModel(this))
    , m_checkResults(new CheckResultModel(this))
    , m_shapeDiff(new ShapeDiffModel(this))
{
    m_jobs = new QThreadPool(this);
    setObjectName(QStringLiteral("responsePane"));
    setAccessibleName(tr("Response"));

    QLayout* summary = createSummary();
    m_banner = makeLabel(QStringLiteral("responseBannerLabel"), tr("Response notice"), this);
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    m_bannerTint = new PaletteTint(m_banner, QPalette::Window);
    m_banner->hide();

    createCertificateFrame();
    createTabs();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(summary);
    layout->addWidget(m_banner);
    layout->addWidget(m_certificateFrame);
    layout->addWidget(m_tabs, 1);

    connectActions();
    clear();
}

QLayout* ResponsePane::createSummary()
{
    m_status = makeLabel(QStringLiteral("responseStatusLabel"), tr("Response status"), this);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setMargin(3);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_reason = makeLabel(QStringLiteral("responseReasonLabel"), tr("Response reason"), this);
    m_checksHeadline = makeLabel(QStringLiteral("checksHeadlineLabel"), tr("Checks passed"), this);
    m_checksHeadline->setFont(bold);
    m_checksHeadlineTint = new PaletteTint(m_checksHeadline, QPalette::WindowText);
    m_checksHeadline->hide();
    m_time = makeLabel(QStringLiteral("responseTimeLabel"), tr("Response time"), this);
    m_size = makeLabel(QStringLiteral("responseSizeLabel"), tr("Response size"), this);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("responseBusyBar"));
    m_busy->setAccessibleName(tr("Working"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(m_status->sizeHint().height());
    m_busy->setTextVisible(false);
    m_busy->hide();
    auto* summary = new QHBoxLayout;
    summary->addWidget(m_status);
    summary->addWidget(m_reason);
    summary->addSpacing(12);
    summary->addWidget(m_checksHeadline);
    summary->addStretch();
    summary->addWidget(m_busy);
    summary->addWidget(m_time);
    summary->addSpacing(12);
    summary->addWidget(m_size);
    return summary;
}

void ResponsePane::createCertificateFrame()
{
    m_certificateFrame = new QFrame(this);
    m_certificateFrame->setObjectName(QStringLiteral("tlsCertificateFrame"));
    m_certificateFrame->setAccessibleName(tr("Server certificate"));
    m_certificateFrame->setFrameShape(QFrame::StyledPanel);
    m_certificateLabel =
        makeLabel(QStringLiteral("tlsCertificateLabel"), tr("Server certificate details"), m_certificateFrame);
    m_certificateLabel->setWordWrap(true);
    m_certificateLabel->setTextFormat(Qt::PlainText); // a subject is the server's text, not markup
    m_trustCertificate = new QPushButton(m_certificateFrame);
    m_trustCertificate->setObjectName(QStringLiteral("trustCertificateButton"));
    m_trustCertificate->setAccessibleName(tr("Trust this certificate"));
    auto* certificateLayout = new QHBoxLayout(m_certificateFrame);
    certificateLayout->addWidget(m_certificateLabel, 1);
    certificateLayout->addWidget(m_trustCertificate, 0, Qt::AlignTop);
    m_certificateFrame->hide();
}

QWidget* ResponsePane::createBodyPage()
{
    auto* bodyPage = new QWidget;
    auto* bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    auto* bodyBar = new QHBoxLayout;
    m_pretty = new QCheckBox(tr("&Pretty"), bodyPage);
    m_pretty->setObjectName(QStringLiteral("responsePrettyCheckBox"));
    m_pretty->setAccessibleName(tr("Pretty-print the response body"));
    m_pretty->setChecked(true);
    m_bodyNote = makeLabel(QStringLiteral("responseBodyNoteLabel"), tr("Body notice"), bodyPage);
    m_save = new QPushButton(tr("Save &Body…"), bodyPage);
    m_save->setObjectName(QStringLiteral("responseSaveBodyButton"));
    m_save->setAccessibleName(tr("Save the whole response body to a file"));
    m_save->setEnabled(false);
    bodyBar->addWidget(m_pretty);
    bodyBar->addWidget(m_bodyNote, 1);
    bodyBar->addWidget(m_save);
    m_body = new BodyView(bodyPage);
    m_body->setObjectName(QStringLiteral("responseBodyView"));
    m_body->setAccessibleName(tr("Response body"));
    m_body->setLexerThreshold(lexerThreshold());
    m_body->setDisplayCap(displayCap());
    bodyLayout->addLayout(bodyBar);
    bodyLayout->addWidget(m_body, 1);
    return bodyPage;
}

QWidget* ResponsePane::createTreePage()
{
    auto* treePage = new QWidget;
    auto* treeLayout = new QVBoxLayout(treePage);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    auto* treeBar = new QHBoxLayout;
    m_copyPath = new QToolButton(treePage);
    m_copyPath->setObjectName(QStringLiteral("copyPathButton"));
    m_copyPath->setAccessibleName(tr("Copy the Marketo path"));
    // No mnemonic: every letter of "Copy Path" is taken in the main window.
    m_copyPath->setText(tr("Copy Path"));
    m_copyPath->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_mapPath = new QToolButton(treePage);
    m_mapPath->setObjectName(QStringLiteral("mapToFieldButton"));
    m_mapPath->setAccessibleName(tr("Map to a lead field"));
    m_mapPath->setText(tr("Ma&p to Lead Field…"));
    m_mapPath->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pathLabel = makeLabel(QStringLiteral("responsePathLabel"), tr("Marketo path of the selected node"), treePage);
    treeBar->addWidget(m_copyPath);
    treeBar->addWidget(m_mapPath);
    treeBar->addWidget(m_pathLabel, 1);
    m_treeStatus = makeLabel(QStringLiteral("responseTreeStatusLabel"), tr("Response tree notice"), treePage);
    m_treeStatus->setWordWrap(true);
    m_treeStatus->hide();
    m_tree = new QTreeView(treePage);
    m_tree->setObjectName(QStringLiteral("responseTree"));
    m_tree->setAccessibleName(tr("Response tree"));
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true); // keeps a long list cheap to lay out
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ResponseTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(ResponseTreeModel::NameColumn, 220);
    treeLayout->addLayout(treeBar);
    treeLayout->addWidget(m_treeStatus);
    treeLayout->addWidget(m_tree, 1);
    return treePage;
}

QWidget* ResponsePane::createChecksPage()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_checksLabel = makeLabel(QStringLiteral("checkResultsLabel"), tr("Checks summary"), page);
    m_checksLabel->setWordWrap(true);
    m_checkResultsView = createReadOnlyTable(m_checkResults, page);
    m_checkResultsView->setObjectName(QStringLiteral("checkResultsTable"));
    m_checkResultsView->setAccessibleName(tr("Check results"));
    m_checkResultsView->setColumnWidth(CheckResultModel::CheckColumn, 220);
    m_checkResultsView->setColumnWidth(CheckResultModel::ResultColumn, 90);
    m_checkResultsView->setColumnWidth(CheckResultModel::ActualColumn, 140);
    layout->addWidget(m_checksLabel);
    layout->addWidget(m_checkResultsView, 1);
    return page;
}

QWidget* ResponsePane::createShapePage()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    m_shapeStatus = makeLabel(QStringLiteral("shapeStatusLabel"), tr("Shape compared with the baseline"), page);
    m_shapeStatus->setWordWrap(true);
    // No mnemonics: the window's labels and menus use up their letters.
    m_saveBaseline = new QPushButton(tr("Save as Baseline"), page);
    m_saveBaseline->setObjectName(QStringLiteral("saveBaselineButton"));
    m_saveBaseline->setAccessibleName(tr("Save this response's shape as the baseline"));
    m_saveBaseline->setToolTip(tr("Keeps every path of this response with its type in the webhook; later "
                                  "responses are compared with it."));
    m_clearBaseline = new QPushButton(tr("Clear Baseline"), page);
    m_clearBaseline->setObjectName(QStringLiteral("clearBaselineButton"));
    m_clearBaseline->setAccessibleName(tr("Clear the webhook's baseline"));
    bar->addWidget(m_shapeStatus, 1);
    bar->addWidget(m_saveBaseline, 0, Qt::AlignTop);
    bar->addWidget(m_clearBaseline, 0, Qt::AlignTop);
    m_shapeView = createReadOnlyTable(m_shapeDiff, page);
    m_shapeView->setObjectName(QStringLiteral("shapeDiffTable"));
    m_shapeView->setAccessibleName(tr("Shape drift from the baseline"));
    for (int column : {ShapeDiffModel::BaselinePathColumn, ShapeDiffModel::ResponsePathColumn})
        m_shapeView->setColumnWidth(column, 130);
    for (int column : {ShapeDiffModel::BaselineTypeColumn, ShapeDiffModel::ResponseTypeColumn})
        m_shapeView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    layout->addLayout(bar);
    layout->addWidget(m_shapeView, 1);
    return page;
}

void ResponsePane::createTabs()
{
    QWidget* bodyPage = createBodyPage();
    QWidget* treePage = createTreePage();
    auto* headersView = createReadOnlyTable(m_headers, this);
    headersView->setObjectName(QStringLiteral("responseHeadersTable"));
    headersView->setAccessibleName(tr("Response headers"));
    headersView->horizontalHeader()->setSectionResizeMode(HttpHeaderModel::NameColumn, QHeaderView::ResizeToContents);

    m_mappingsView = createReadOnlyTable(m_mappings, this);
    m_mappingsView->setObjectName(QStringLiteral("mappingResultsTable"));
    m_mappingsView->setAccessibleName(tr("Mapped fields"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("responseTabs"));
    m_tabs->setAccessibleName(tr("Response views"));
    // No mnemonics on these tabs: the window's form labels and menus use up their letters.
    m_tabs->addTab(bodyPage, tr("Body"));
    m_tabs->addTab(treePage, tr("Tree"));
    m_tabs->addTab(headersView, tr("Headers"));
    m_tabs->addTab(m_mappingsView, tr("Mapped Fields"));
    m_tabs->addTab(createChecksPage(), tr("Checks"));
    m_tabs->addTab(createShapePage(), tr("Shape"));
    m_request = new QPlainTextEdit(this);
    m_request->setObjectName(QStringLiteral("responseRequestView"));
    m_request->setAccessibleName(tr("Request as sent"));
    m_request->setReadOnly(true);
    m_request->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_request, tr("Request"));
    // The viewport, not the view: a page of a tab widget that was never shown only gets its
    // real viewport size when first shown.
    m_mappingsView->viewport()->installEventFilter(this);
}

void ResponsePane::connectActions()
{
    connect(m_pretty, &QCheckBox::toggled, this, [this] { startBodyJob(); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString fileName = QFileDialog::getSaveFileName(this, tr("Save Response Body"));
        if (fileName.isEmpty())
            return;
        QString error;
        if (!saveBody(fileName, &error))
            QMessageBox::warning(this, tr("Save Response Body"), error);
    });
    connect(m_trustCertificate, &QPushButton::clicked, this, [this] {
        const PeerCertificate& certificate = m_result.tlsCertificate;
        if (certificate.trustable)
            emit trustCertificateRequested(certificate.host, certificate.sha256);
    });
    connect(m_saveBaseline, &QPushButton::clicked, this, &ResponsePane::saveBaselineRequested);
    connect(m_clearBaseline, &QPushButton::clicked, this, &ResponsePane::clearBaselineRequested);
    connect(m_copyPath, &QToolButton::clicked, this, &ResponsePane::copySelectedPath);
    connect(m_mapPath, &QToolButton::clicked, this, &ResponsePane::mapSelectedPath);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { updateTreeActions(); });
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] { updateTreeActions(); });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (!m_tree->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        QAction* copy = menu.addAction(m_copyPath->text(), this, &ResponsePane::copySelectedPath);
        QAction* map = menu.addAction(m_mapPath->text(), this, &ResponsePane::mapSelectedPath);
        copy->setEnabled(m_copyPath->isEnabled());
        map->setEnabled(m_mapPath->isEnabled());
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
}

ResponsePane::~ResponsePane() = default;

void ResponsePane::setFieldCatalog(const FieldCatalog& catalog)
{
    m_catalog = catalog;
}

void ResponsePane::showResult(const CallResult& result, const MappingOutcome& outcome, const QStringList& secretHeaders)
{
    ++m_generation;
    m_result = result;
    const bool transportError = result.error != CallResult::ErrorKind::None;

    if (transportError && result.status == 0) {
        m_status->setText(errorKindText(result.error));
        m_reason->setText(QString());
    } else {
        m_status->setText(QString::number(result.status));
        m_reason->setText(result.reason);
    }
    m_status->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 3px; padding: 1px 8px; }")
            .arg(statusColor(result.status, transportError).name()));
    m_time->setText(tr("%1 ms").arg(result.totalMs, 0, 'f', result.totalMs < 10 ? 1 : 0));
    m_time->setToolTip(tr("Connect %1 ms · first byte %2 ms · total %3 ms")
                           .arg(result.connectMs < 0 ? tr("n/a") : QString::number(result.connectMs, 'f', 1))
                           .arg(result.firstByteMs < 0 ? tr("n/a") : QString::number(result.firstByteMs, 'f', 1))
                           .arg(result.totalMs, 0, 'f', 1));
    m_size->setText(BodyFormatter::sizeText(qMax<qint64>(result.bodySize, result.body.size())));

    if (transportError) {
        QString text = tr("%1: %2").arg(errorKindText(result.error), result.errorMessage);
        // The client's message usually quotes the details already; say them once.
        if (!result.tlsDetails.isEmpty() && !result.errorMessage.contains(result.tlsDetails))
            text += QStringLiteral("\n") + result.tlsDetails;
        showBanner(text, true);
    } else if (result.status < 200 || result.status > 299) {
        showBanner(
            tr("Response was %1: Marketo applies no response mappings unless the status is 2xx.").arg(result.status),
            true);
    } else if (result.isEmpty2xx()) {
        showBanner(tr("The response is a %1 with an empty body: Marketo reports error 1001 and maps nothing.")
                       .arg(result.status),
                   true);
    } else if (!outcome.statusApplies && !outcome.reason.isEmpty()) {
        showBanner(outcome.reason, false);
    } else if (result.bodyTruncated) {
        showBanner(tr("Only the first %1 of the body were kept.").arg(BodyFormatter::sizeText(result.body.size())),
                   false);
    } else {
        showBanner(QString(), false);
    }

    showCertificate(result.error == CallResult::ErrorKind::Tls ? result.tlsCertificate : PeerCertificate());

    QList<HttpHeaderModel::Row> rows;
    rows.reserve(result.responseHeaders.size());
    for (const auto& header : result.responseHeaders)
        rows.append({QString::fromLatin1(header.first), QString::fromUtf8(header.second), false, false});
    m_headers->setRows(rows);
    m_request->setPlainText(requestText(result, secretHeaders));
    m_mappings->setOutcome(outcome, m_catalog);
    fitMappingColumns();

    m_format = BodyFormatter::detect(BodyFormatter::contentType(result.responseHeaders), result.body);
    m_save->setEnabled(!result.body.isEmpty());
    // The call is over: the bar now only stands for formatting still running off the UI
    // thread (a small body is formatted at once and starts no job).
    m_busy->setVisible(m_pendingJobs > 0);
    startBodyJob();
    startTreeJob();
}

QString ResponsePane::requestText(const CallResult& result, const QStringList& secretHeaders)
{
    if (result.method.isEmpty() && result.url.isEmpty())
        return QString();
    // A request body is small in practice; a huge one is cut so the view stays quick.
    constexpr qsizetype shownBytes = 1024 * 1024;
    QString text = result.method + QLatin1Char(' ') + result.url + QLatin1Char('\n');
    // The view may be on a shared screen: credentials stay masked, as in the call history.
    static const QList<QByteArray> masked = {"authorization", "proxy-authorization", "cookie"};
    for (const auto& header : result.requestHeaders) {
        const bool secret = masked.contains(header.first.toLower())
                            || secretHeaders.contains(QString::fromLatin1(header.first), Qt::CaseInsensitive);
        text += QString::fromLatin1(header.first) + QStringLiteral(": ")
                + (secret ? SecretRedactor::placeholder() : QString::fromUtf8(header.second)) + QLatin1Char('\n');
    }
    if (!result.requestBody.isEmpty()) {
        text += QLatin1Char('\n') + QString::fromUtf8(result.requestBody.left(shownBytes));
        if (result.requestBody.size() > shownBytes)
            text += QLatin1Char('\n') + tr("… (%1 in all)").arg(BodyFormatter::sizeText(result.requestBody.size()));
    }
    return text;
}

void ResponsePane::showPending()
{
    ++m_generation; // results of work for the previous response are now moot
    m_status->setText(tr("Sending…"));
    m_status->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 3px; padding: 1px 8px; }")
            .arg(statusColor(0, false).name()));
    m_reason->clear();
    m_time->clear();
    m_size->clear();
    showBanner(QString(), false);
    showCertificate(PeerCertificate());
    showVerdict(CallVerdict(), false);
    m_busy->show();
}

void ResponsePane::clear()
{
    ++m_generation;
    m_result = CallResult();
    m_status->setText(tr("No response yet"));
    m_status->setStyleSheet(QString());
    m_reason->clear();
    m_time->clear();
    m_size->clear();
    showBanner(QString(), false);
    showCertificate(PeerCertificate());
    m_body->clearBody();
    m_bodyNote->clear();
    m_save->setEnabled(false);
    m_treeModel->clear();
    m_treeStatus->hide();
    m_headers->setRows({});
    m_request->clear();
    m_mappings->clear();
    showVerdict(CallVerdict(), false);
    m_busy->setVisible(m_pendingJobs > 0);
}

void ResponsePane::showVerdict(const CallVerdict& verdict, bool hasBaseline)
{
    m_verdict = verdict;
    m_checkResults->setResults(verdict.checks);
    m_shapeDiff->setDrift(verdict.drift);
    const int checksTab = m_tabs->indexOf(m_checkResultsView->parentWidget());
    const int shapeTab = m_tabs->indexOf(m_shapeView->parentWidget());
    const QString headline = checksHeadline();
    m_checksHeadline->setText(headline);
    m_checksHeadline->setVisible(!headline.isEmpty());
    if (headline.isEmpty()) {
        m_checksLabel->setText(tr("No checks were judged: there is no response of this webhook yet."));
        m_tabs->setTabIcon(checksTab, QIcon());
    } else {
        const bool passed = verdict.passed();
        const StatusIcon::Mark mark = passed ? StatusIcon::Mark::Pass : StatusIcon::Mark::Fail;
        m_checksHeadlineTint->set(
            [mark](const QPalette& inherited) { return ThemeColors::text(StatusIcon::kind(mark), inherited); });
        m_checksHeadline->setToolTip(verdict.summary());
        m_checksLabel->setText(verdict.summary());
        m_tabs->setTabIcon(checksTab, StatusIcon::icon(mark, palette()));
    }
    showShapeStatus(hasBaseline);
    const int failures = m_shapeDiff->failureCount();
    m_tabs->setTabIcon(shapeTab,
                       failures > 0               ? StatusIcon::icon(StatusIcon::Mark::Fail, palette())
                       : !verdict.drift.isEmpty() ? StatusIcon::icon(StatusIcon::Mark::Warning, palette())
                                                  : QIcon());
}

void ResponsePane::showShapeStatus(bool hasBaseline)
{
    const QList<ShapeDifference>& drift = m_verdict.drift;
    if (!hasBaseline) {
        m_shapeStatus->setText(m_verdict.shape ? tr("No baseline yet. Save as Baseline keeps this response's shape: "
                                                    "later responses are compared with it.")
                                               : tr("No baseline yet, and no response with a shape to keep."));
        return;
    }
    if (!m_verdict.shape) {
        m_shapeStatus->setText(tr("This response has no shape to compare with the baseline: it is not the "
                                  "webhook's Response Type, or there is no body."));
        return;
    }
    if (drift.isEmpty()) {
        m_shapeStatus->setText(tr("Same shape as the baseline."));
        return;
    }
    int removed = 0;
    int added = 0;
    int retyped = 0;
    for (const ShapeDifference& difference : drift) {
        removed += difference.change == ShapeDifference::Change::Removed ? 1 : 0;
        added += difference.change == ShapeDifference::Change::Added ? 1 : 0;
        retyped += difference.change == ShapeDifference::Change::Retyped ? 1 : 0;
    }
    QString text =
        tr("Changed from the baseline: %1 removed, %2 added, %3 retyped.").arg(removed).arg(added).arg(retyped);
    const int failures = m_shapeDiff->failureCount();
    if (failures > 0)
        text +=
            QLatin1Char(' ') + tr("%1 of them break a mapping: its field would no longer be written.").arg(failures);
    m_shapeStatus->setText(text);
}

void ResponsePane::setBaselineActions(bool canSave, bool canClear)
{
    m_saveBaseline->setEnabled(canSave);
    m_clearBaseline->setEnabled(canClear);
}

QString ResponsePane::checksHeadline() const
{
    if (m_verdict.checks.isEmpty())
        return {};
    int passed = 0;
    for (const CheckResult& result : m_verdict.checks)
        passed += result.passed ? 1 : 0;
    QString text = m_verdict.checks.size() == 1 ? tr("%1 of 1 check passed").arg(passed)
                                                : tr("%1 of %2 checks passed").arg(passed).arg(m_verdict.checks.size());
    const int failures = m_shapeDiff->failureCount();
    if (failures > 0)
        text += QStringLiteral(" · ") + tr("mapped paths changed: %1").arg(failures);
    return text;
}

bool ResponsePane::isPretty() const
{
    return m_pretty->isChecked();
}

void ResponsePane::setPretty(bool pretty)
{
    m_pretty->setChecked(pretty);
}

bool ResponsePane::saveBody(const QString& fileName, QString* error) const
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(m_result.body) != m_result.body.size()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

QString ResponsePane::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void ResponsePane::copySelectedPath()
{
    const QString path = selectedPath();
    if (path.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(path);
    emit pathCopied(path);
}

void ResponsePane::mapSelectedPath()
{
    const QString path = selectedPath();
    if (path.isEmpty())
        return;
    if (m_catalog.fields().isEmpty()) {
        emit createMapping(path, QString());
        return;
    }
    FieldChooserDialog dialog(m_catalog, path, this);
    // Suggest the field whose name matches the node's last key, e.g. "email" for data.email.
    const QString lastKey = path.section(QLatin1Char('.'), -1).section(QLatin1Char('['), 0, 0);
    if (m_catalog.find(lastKey))
        dialog.setFilter(lastKey);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedApiName().isEmpty())
        emit createMapping(path, dialog.selectedApiName());
}

void ResponsePane::showCertificate(const PeerCertificate& certificate)
{
    if (certificate.isNull()) {
        m_certificateFrame->hide();
        return;
    }
    const QString fingerprint = TrustedCertificate::fingerprintText(certificate.sha256);
    QString text = tr("Certificate of %1\nSubject: %2\nIssuer: %3\nValid from %4 to %5\nSHA-256: %6")
                       .arg(certificate.host,
                            certificate.subject,
                            certificate.issuer,
                            certificate.notBefore.toString(Qt::ISODate),
                            certificate.notAfter.toString(Qt::ISODate),
                            fingerprint);
    if (!certificate.trustable) {
        text += QLatin1Char('\n')
                + tr("Trusting this certificate would not help: it fails the check for another reason than being "
                     "self-signed.");
    }
    m_certificateLabel->setText(text);
    m_trustCertificate->setText(tr("Trust this certificate for %1").arg(certificate.host));
    m_trustCertificate->setAccessibleName(tr("Trust this certificate for %1").arg(certificate.host));
    m_trustCertificate->setToolTip(tr("Saves SHA-256 %1 for %2 in the workspace; calls to %2 then accept this "
                                      "certificate and no other. A workspace trusts one certificate at a time.")
                                       .arg(fingerprint, certificate.host));
    m_trustCertificate->setVisible(certificate.trustable);
    m_certificateFrame->show();
}

void ResponsePane::showBanner(const QString& text, bool error)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    // A wash of red or blue over the window colour, again when the theme changes.
    const ThemeColors::Kind kind = error ? ThemeColors::Kind::Error : ThemeColors::Kind::Info;
    m_bannerTint->set([kind](const QPalette& inherited) { return ThemeColors::wash(kind, inherited); });
}

void ResponsePane::startBodyJob()
{
    const QByteArray body = m_result.body;
    const BodyFormat format = m_format;
    const bool pretty = m_pretty->isChecked();
    m_pretty->setEnabled(format != BodyFormat::Text);
    const QString sizeNote = body.size() > displayCap()
                                 ? tr("Showing the first %1 of %2")
                                       .arg(BodyFormatter::sizeText(displayCap()), BodyFormatter::sizeText(body.size()))
                                 : QString();
    const auto show = [this, format, sizeNote, size = body.size()](const BodyJobResult& r) {
        m_body->setBody(r.text, format, size);
        QStringList notes;
        if (!sizeNote.isEmpty())
            notes << sizeNote;
        if (size > lexerThreshold())
            notes << tr("highlighting off for a body this large");
        if (!r.note.isEmpty())
            notes << r.note;
        m_bodyNote->setText(notes.join(QStringLiteral(" · ")));
    };
    if (body.size() <= SyncFormatLimit) {
        show(formatBody(body, format, pretty, displayCap()));
        return;
    }
    m_body->setBody(QByteArray(), BodyFormat::Text);
    m_bodyNote->setText(tr("Preparing %1…").arg(BodyFormatter::sizeText(body.size())));
    jobStarted();
    const quint64 generation = m_generation;
    // A watcher owned by the pane rather than QFuture::then(): it dies with the pane, so a
    // late result never reaches a destroyed widget.
    auto* watcher = new QFutureWatcher<BodyJobResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, show] {
        if (generation == m_generation)
            show(watcher->result());
        watcher->deleteLater();
        jobFinished();
    });
    watcher->setFuture(QtConcurrent::run(m_jobs, formatBody, body, format, pretty, displayCap()));
}

void ResponsePane::startTreeJob()
{
    m_treeModel->clear();
    if (m_result.body.isEmpty() || (m_format != BodyFormat::Json && m_format != BodyFormat::Xml)) {
        m_treeStatus->setText(m_result.body.isEmpty()
                                  ? tr("The response has no body.")
                                  : tr("The body is neither JSON nor XML: there is no tree to show."));
        m_treeStatus->setVisible(true);
        return;
    }
    const auto show = [this](const std::shared_ptr<const ResponseDocument>& document) {
        m_treeModel->setDocument(document);
        m_treeStatus->setText(document->error());
        m_treeStatus->setVisible(!document->error().isEmpty());
        if (m_treeModel->rowCount() == 1)
            m_tree->expand(m_treeModel->index(0, 0));
    };
    if (m_result.body.size() <= SyncFormatLimit) {
        show(ResponseDocument::parse(m_result.body, m_format));
        return;
    }
    m_treeStatus->setText(tr("Reading %1…").arg(BodyFormatter::sizeText(m_result.body.size())));
    m_treeStatus->setVisible(true);
    jobStarted();
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<std::shared_ptr<const ResponseDocument>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, show] {
        if (generation == m_generation)
            show(watcher->result());
        watcher->deleteLater();
        jobFinished();
    });
    watcher->setFuture(QtConcurrent::run(m_jobs, &ResponseDocument::parse, m_result.body, m_format));
}

void ResponsePane::jobStarted()
{
    if (m_pendingJobs++ == 0) {
        m_busy->show();
        emit busyChanged(true);
    }
}

void ResponsePane::jobFinished()
{
    if (--m_pendingJobs == 0) {
        m_busy->hide();
        emit busyChanged(false);
    }
}

bool ResponsePane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_mappingsView->viewport() && event->type() == QEvent::Resize)
        fitMappingColumns();
    return QWidget::eventFilter(watched, event);
}

void ResponsePane::fitMappingColumns()
{
    // Path, field and values get the width of their text, but together never so much that
    // the result, the one column that says why a field is not written, leaves the view:
    // the widest are cut to a common cap until the result keeps its share.
    constexpr int first = MappingResultModel::AttributeColumn;
    constexpr int last = MappingResultModel::AfterColumn;
    // QTableView hides sizeHintForColumn(), QAbstractItemView offers it (and it is virtual).
    const QAbstractItemView* view = m_mappingsView;
    QList<int> wanted;
    int total = 0;
    for (int column = first; column <= last; ++column) {
        wanted.append(
            qMax(view->sizeHintForColumn(column), m_mappingsView->horizontalHeader()->sectionSizeHint(column)));
        total += wanted.last();
    }
    const int budget = qMax(m_mappingsView->viewport()->width() * 2 / 3, 4 * 60);
    int cap = total;
    if (total > budget) {
        // The largest cap under which the capped widths still fit the budget.
        QList<int> sorted = wanted;
        std::sort(sorted.begin(), sorted.end());
        int below = 0;
        for (int i = 0; i < sorted.size(); ++i) {
            const int remaining = int(sorted.size()) - i;
            const int even = (budget - below) / remaining;
            if (even <= sorted.at(i)) {
                cap = even;
                break;
            }
            below += sorted.at(i);
        }
    }
    for (int column = first; column <= last; ++column)
        m_mappingsView->setColumnWidth(column, qMin(wanted.at(column - first), cap));
}

void ResponsePane::updateTreeActions()
{
    const QModelIndex current = m_tree->currentIndex();
    const bool addressable = m_treeModel->isAddressable(current);
    m_copyPath->setEnabled(addressable);
    m_mapPath->setEnabled(addressable && current.siblingAtColumn(0).data(ResponseTreeModel::ScalarRole).toBool());
    if (!current.isValid())
        m_pathLabel->clear();
    else if (addressable)
        m_pathLabel->setText(m_treeModel->path(current));
    else
        m_pathLabel->setText(current.data(ResponseTreeModel::NotAddressableReasonRole).toString());
}

QString ResponsePane::selectedPath() const
{
    return m_treeModel->path(m_tree->currentIndex());
}
