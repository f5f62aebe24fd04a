#pragma once

#include "checks/CallVerdict.h"
#include "http/CallResult.h"
#include "model/FieldCatalog.h"
#include "response/BodyFormatter.h"
#include "response/MappingResult.h"

#include <QWidget>

class BodyView;
class CheckResultModel;
class HttpHeaderModel;
class MappingResultModel;
class PaletteTint;
class QCheckBox;
class QFrame;
class QLabel;
class QLayout;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QThreadPool;
class QToolButton;
class QTreeView;
class ResponseTreeModel;
class ShapeDiffModel;

// A live call's response: status (coloured), reason, time and size; a banner when
// Marketo would apply nothing (non-2xx, an empty 2xx is error 1001, a transport error);
// and tabs for the body (read-only, highlighted, pretty toggle), the response tree (copy a
// node's Marketo path or map it to a lead field in one step), the headers, the mapped
// fields (before, after, or why not written), the checks (each check passed or failed,
// with a headline "3 of 4 checks passed" beside the status, where it needs no scrolling),
// the shape (the drift from the webhook's baseline side by side, with Save as Baseline
// and Clear Baseline; the pane only asks, the window makes the edit) and the request as
// it was sent.
//
// A 50 MB response never freezes the window: pretty-printing and tree parsing run on
// worker threads (a newer showResult() makes older work moot), the lexer and wrapping are
// off past lexerThreshold(), and the body view holds at most displayCap() bytes with a
// "Save body…" button for the rest. busyChanged(false) says all background work is done.
//
// Object names: responseStatusLabel, responseReasonLabel, responseTimeLabel,
// responseSizeLabel, responseBusyBar, responseBannerLabel, responseTabs,
// responsePrettyCheckBox, responseBodyNoteLabel, responseSaveBodyButton, responseBodyView,
// responseTree, responseTreeStatusLabel, responsePathLabel, copyPathButton,
// mapToFieldButton, responseHeadersTable, mappingResultsTable, checksHeadlineLabel,
// checkResultsTable, checkResultsLabel, shapeStatusLabel, shapeDiffTable,
// saveBaselineButton, clearBaselineButton, responseRequestView, tlsCertificateFrame,
// tlsCertificateLabel, trustCertificateButton.
//
// A TLS error with the server's certificate shows the certificate (host, subject, issuer,
// validity, SHA-256) and, when trusting it would let the call through, a "Trust this
// certificate for HOST" button that emits trustCertificateRequested(); the pane changes
// nothing itself.
class ResponsePane : public QWidget
{
    Q_OBJECT

public:
    explicit ResponsePane(QWidget* parent = nullptr);
    ~ResponsePane() override;

    // The catalogue gives the mapped fields their display names and feeds the field chooser.
    void setFieldCatalog(const FieldCatalog& catalog);
    // `secretHeaders`: the names of the webhook's secret headers, masked in the Request tab
    // (Authorization, Proxy-Authorization and Cookie always are).
    void showResult(const CallResult& result, const MappingOutcome& outcome, const QStringList& secretHeaders = {});
    void showPending();
    void clear();
    // The checks' results and the drift of the response shown; `hasBaseline` says
    // whether its webhook has a baseline to compare with.
    void showVerdict(const CallVerdict& verdict, bool hasBaseline);
    const CallVerdict& verdict() const { return m_verdict; }
    // Whether Save as Baseline (the response shown is the edited webhook's and has a
    // shape) and Clear Baseline (that webhook has one) apply now.
    void setBaselineActions(bool canSave, bool canClear);
    // The headline, "3 of 4 checks passed"; empty when no checks were judged.
    QString checksHeadline() const;

    const CallResult& result() const { return m_result; }
    bool isBusy() const { return m_pendingJobs > 0; }
    bool isPretty() const;
    void setPretty(bool pretty);
    // Writes the whole received body; false with a message in *error on failure.
    bool saveBody(const QString& fileName, QString* error = nullptr) const;
    QString bannerText() const;

    BodyView* bodyView() const { return m_body; }
    QTreeView* treeView() const { return m_tree; }
    ResponseTreeModel* treeModel() const { return m_treeModel; }
    MappingResultModel* mappingModel() const { return m_mappings; }
    HttpHeaderModel* headerModel() const { return m_headers; }
    CheckResultModel* checkResultModel() const { return m_checkResults; }
    ShapeDiffModel* shapeDiffModel() const { return m_shapeDiff; }

    static qsizetype lexerThreshold() { return 2 * 1024 * 1024; }
    static qsizetype displayCap() { return 1024 * 1024; }

public slots:
    // The selected tree node's path to the clipboard.
    void copySelectedPath();
    // Asks for a lead field and emits createMapping() for the selected tree node.
    void mapSelectedPath();

signals:
    // A new response mapping from the tree: the Marketo path and the chosen field's API
    // name (empty if the catalogue is empty and no field could be chosen).
    void createMapping(const QString& path, const QString& fieldApiName);
    void pathCopied(const QString& path);
    // The user chose to trust the certificate of the failed call shown: the host and the
    // SHA-256 digest (32 raw bytes) to put in the workspace.
    void trustCertificateRequested(const QString& host, const QByteArray& sha256);
    void busyChanged(bool busy);
    void saveBaselineRequested();
    void clearBaselineRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // "METHOD URL", the headers as sent, a blank line and the body.
    static QString requestText(const CallResult& result, const QStringList& secretHeaders);
    QLayout* createSummary();
    void createCertificateFrame();
    QWidget* createBodyPage();
    QWidget* createTreePage();
    QWidget* createChecksPage();
    QWidget* createShapePage();
    void showShapeStatus(bool hasBaseline);
    void createTabs();
    void connectActions();
    void fitMappingColumns();
    void showBanner(const QString& text, bool error);
    void showCertificate(const PeerCertificate& certificate);
    void startBodyJob();
    void startTreeJob();
    void jobStarted();
    void jobFinished();
    void updateTreeActions();
    QString selectedPath() const;

    CallResult m_result;
    FieldCatalog m_catalog;
    BodyFormat m_format = BodyFormat::Text;
    quint64 m_generation = 0;
    int m_pendingJobs = 0;
    // The formatting and tree jobs of a large body run here, not on Qt's global pool: the
    // raster paint engine waits on the global pool, and two long jobs there would stall
    // every repaint of the window until they end.
    QThreadPool* m_jobs = nullptr;

    QLabel* m_status = nullptr;
    QLabel* m_reason = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_size = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_banner = nullptr;
    PaletteTint* m_bannerTint = nullptr;
    QFrame* m_certificateFrame = nullptr;
    QLabel* m_certificateLabel = nullptr;
    QPushButton* m_trustCertificate = nullptr;
    QTabWidget* m_tabs = nullptr;
    QCheckBox* m_pretty = nullptr;
    QLabel* m_bodyNote = nullptr;
    QPushButton* m_save = nullptr;
    BodyView* m_body = nullptr;
    QTreeView* m_tree = nullptr;
    ResponseTreeModel* m_treeModel = nullptr;
    QLabel* m_treeStatus = nullptr;
    QLabel* m_pathLabel = nullptr;
    QToolButton* m_copyPath = nullptr;
    QToolButton* m_mapPath = nullptr;
    HttpHeaderModel* m_headers = nullptr;
    MappingResultModel* m_mappings = nullptr;
    QTableView* m_mappingsView = nullptr;
    CallVerdict m_verdict;
    QLabel* m_checksHeadline = nullptr;
    PaletteTint* m_checksHeadlineTint = nullptr;
    QLabel* m_checksLabel = nullptr;
    CheckResultModel* m_checkResults = nullptr;
    QTableView* m_checkResultsView = nullptr;
    QLabel* m_shapeStatus = nullptr;
    QPushButton* m_saveBaseline = nullptr;
    QPushButton* m_clearBaseline = nullptr;
    ShapeDiffModel* m_shapeDiff = nullptr;
    QTableView* m_shapeView = nullptr;
    QPlainTextEdit* m_request = nullptr;
};
