#include "PreviewController.h"

#include "document/WorkspaceDocument.h"
#include "history/SecretRedactor.h"
#include "mainwindow/WebhookEditor.h"
#include "preview/PreviewPane.h"
#include "response/ResponsePane.h"
#include "template/Linter.h"
#include "template/Renderer.h"
#include "template/TokenCatalog.h"

#include <QDateTime>

namespace {
constexpr int kPreviewDelayMs = 30;
}

PreviewController::PreviewController(
    WorkspaceDocument* document, WebhookEditor* editor, PreviewPane* preview, ResponsePane* response, QObject* parent)
    : QObject(parent), m_document(document), m_editor(editor), m_preview(preview), m_response(response), m_busy([] {
        return false;
    })
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kPreviewDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &PreviewController::refresh);
    connect(m_preview, &PreviewPane::jumpTo, m_editor, &WebhookEditor::jumpTo);
    connect(m_preview, &PreviewPane::encodingsTabShown, this, &PreviewController::refresh);
}

PreviewController::~PreviewController() = default;

void PreviewController::schedule()
{
    m_timer.start();
}

void PreviewController::refresh()
{
    const int index = m_editor->webhook();
    if (index < 0) {
        m_preview->clear();
        m_editor->showDiagnostics({});
        emit previewUpdated();
        return;
    }
    const Workspace& workspace = m_document->workspace();
    const Webhook& webhook = workspace.webhooks.at(index);
    const QJsonObject lead = m_document->currentLeadObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Renderer renderer(workspace, webhook);
    const RenderedRequest request = renderer.render(lead, now);
    const QList<Diagnostic> diagnostics = Linter::lint(workspace, webhook, m_document->currentLead(), now);
    m_preview->showRequest(request, diagnostics);
    if (m_preview->isEncodingsTabShown()) {
        m_preview->showEncodings(renderer.render(lead, now, TokenEncoding::None).body,
                                 renderer.render(lead, now, TokenEncoding::Json).body,
                                 renderer.render(lead, now, TokenEncoding::FormUrl).body,
                                 webhook.requestTokenEncoding);
    }
    m_editor->showDiagnostics(diagnostics);
    m_editor->updateTemplateLanguage(webhook);

    int errors = 0;
    int warnings = 0;
    for (const Diagnostic& d : diagnostics) {
        errors += d.severity == Diagnostic::Severity::Error;
        warnings += d.severity == Diagnostic::Severity::Warning;
    }
    if (!m_busy()) {
        // The redactor history uses, so the status bar hides exactly what history hides.
        const QString url = SecretRedactor(workspace, webhook).redact(request.url);
        emit statusText(tr("%1 %2 · %n error(s)", nullptr, errors).arg(request.method, url)
                        + tr(", %n warning(s)", nullptr, warnings));
    }
    emit previewUpdated();
}

void PreviewController::refreshTokens()
{
    m_response->setFieldCatalog(m_document->workspace().catalog());
    const TokenCatalog catalog(m_document->workspace(), m_document->currentLead(), QDateTime::currentDateTimeUtc());
    m_editor->setTokens(catalog.tokens());
    schedule();
}
