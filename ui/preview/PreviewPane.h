#pragma once

#include "http/HttpStackHeaders.h"
#include "model/Webhook.h"
#include "response/BodyFormatter.h"
#include "template/Diagnostic.h"
#include "template/RenderedRequest.h"

#include <QWidget>

class BodyView;
class DiagnosticModel;
class EncodingsView;
class HttpHeaderModel;
class QCheckBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

// The preview of the exact request Marketo would send for the chosen lead: the request
// line, the headers (the webhook's own and, in italics, those the HTTP stack adds), the
// body raw or pretty in a read-only highlighted view, the diagnostics list, and the
// "Encodings" tab comparing the body under the three request token encodings.
//
// Contract: the owner renders and calls showRequest() as the user types (debounced or
// not: an unchanged body, header list or diagnostic list costs a comparison, not a
// re-layout). showEncodings() is only worth calling while isEncodingsTabShown() is true;
// encodingsTabShown() says when the user opened it. Activating a diagnostic row emits
// jumpTo() with the diagnostic's location (a property, or a header or mapping cell) and
// its 1-based line and column (0 when the diagnostic is about the whole property).
//
// Object names: previewRequestLineLabel, previewTabs, previewHeadersTable,
// previewPrettyCheckBox, previewBodyView, previewNoBodyLabel, diagnosticsSummaryLabel,
// diagnosticsTable, encodingsWidget (see EncodingsView).
class PreviewPane : public QWidget
{
    Q_OBJECT

public:
    explicit PreviewPane(QWidget* parent = nullptr);
    ~PreviewPane() override;

    void showRequest(const RenderedRequest& request, const QList<Diagnostic>& diagnostics);
    void showEncodings(const QByteArray& none,
                       const QByteArray& json,
                       const QByteArray& form,
                       TokenEncoding current = TokenEncoding::None);
    // The headers of a request as actually sent (CallResult::requestHeaders) correct the
    // prediction of what the HTTP stack adds.
    void rememberSentHeaders(const QList<QPair<QByteArray, QByteArray>>& sentHeaders);
    void clear();

    bool isPretty() const;
    void setPretty(bool pretty);
    bool isEncodingsTabShown() const;

    DiagnosticModel* diagnosticModel() const { return m_diagnostics; }
    HttpHeaderModel* headerModel() const { return m_headers; }
    BodyView* bodyView() const { return m_body; }

signals:
    void jumpTo(const DiagnosticLocation& where, int line, int column);
    void encodingsTabShown();

private:
    void createRequestLine();
    QWidget* createRequestPage();
    void updateBody();
    void updateSummary();

    RenderedRequest m_request;
    BodyFormat m_format = BodyFormat::Text;
    HttpStackHeaders m_stack;
    QLabel* m_requestLine = nullptr;
    QTabWidget* m_tabs = nullptr;
    HttpHeaderModel* m_headers = nullptr;
    QTableView* m_headersView = nullptr;
    QCheckBox* m_pretty = nullptr;
    QLabel* m_bodyNote = nullptr;
    QStackedWidget* m_bodyStack = nullptr;
    BodyView* m_body = nullptr;
    QLabel* m_noBody = nullptr;
    EncodingsView* m_encodings = nullptr;
    DiagnosticModel* m_diagnostics = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_diagnosticsView = nullptr;
};
