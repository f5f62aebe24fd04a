#include "WorkspaceFiles.h"

#include "document/ImportLeadsCommand.h"
#include "document/WorkspaceDocument.h"
#include "format/CsvImporter.h"
#include "format/WorkspaceFile.h"
#include "mainwindow/AppSettings.h"
#include "mainwindow/RecoveryManager.h"
#include "mainwindow/WebhookListPane.h"
#include "mainwindow/WorkspaceSecrets.h"
#include "widgets/MessageBar.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QUndoStack>
#include <QUrl>

namespace {
const QString kSampleSandboxUrl = QStringLiteral("http://127.0.0.1:18787");
}

WorkspaceFiles::WorkspaceFiles(WorkspaceDocument* document,
                               AppSettings* settings,
                               RecoveryManager* recovery,
                               WorkspaceSecrets* secrets,
                               MessageBar* messageBar,
                               QWidget* window)
    : QObject(window)
    , m_document(document)
    , m_settings(settings)
    , m_recovery(recovery)
    , m_secrets(secrets)
    , m_messageBar(messageBar)
    , m_window(window)
{
}

WorkspaceFiles::~WorkspaceFiles() = default;

QByteArray WorkspaceFiles::sampleWorkspace() const
{
    QFile file(QStringLiteral(":/sample.webhooks.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArray bytes = file.readAll();
    if (!m_sandboxUrl.isEmpty() && m_sandboxUrl != kSampleSandboxUrl) {
        bytes.replace(kSampleSandboxUrl.toUtf8(), m_sandboxUrl.toUtf8());
    }
    return bytes;
}

void WorkspaceFiles::openSample()
{
    Workspace workspace;
    QString error;
    if (!WorkspaceFile::read(sampleWorkspace(), &workspace, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The bundled sample workspace could not be read: %1").arg(error));
        m_document->reset(Workspace(), QString());
        return;
    }
    // The sample's demo values are not a user's file: they go to the keychain like typed
    // ones, at the first edit or save.
    workspace.secretsInFile = false;
    m_secrets->load(&workspace);
    m_document->reset(workspace, QString());
    // The sample's connection is to the built-in sandbox, whose secret is no secret.
    if (workspace.marketo.isSet()) {
        m_secrets->keepForSession(MarketoConnection::secretKey(), QStringLiteral("sandbox-secret"));
    }
}

bool WorkspaceFiles::maybeSave()
{
    if (!m_document->isModified()) {
        return true;
    }
    const auto answer = QMessageBox::warning(
        m_window,
        tr("Unsaved changes"),
        tr("The workspace \"%1\" has unsaved changes. Save them?")
            .arg(m_document->filePath().isEmpty() ? tr("Untitled") : QFileInfo(m_document->filePath()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
        QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        return save();
    }
    if (answer == QMessageBox::Discard) {
        m_secrets->discard();
        return true;
    }
    return false;
}

void WorkspaceFiles::newWorkspace()
{
    if (!maybeSave()) {
        return;
    }
    Workspace workspace;
    workspace.webhooks.append(WebhookListPane::starterWebhook(tr("New webhook"), m_sandboxUrl));
    QJsonObject lead;
    lead.insert(QStringLiteral("First Name"), QStringLiteral("Ada"));
    lead.insert(QStringLiteral("Last Name"), QStringLiteral("Lovelace"));
    lead.insert(QStringLiteral("Email Address"), QStringLiteral("ada@example.com"));
    workspace.leads.append(lead);
    m_secrets->load(&workspace);
    m_document->reset(workspace, QString());
    m_recovery->clear();
}

void WorkspaceFiles::open()
{
    if (!maybeSave()) {
        return;
    }
    const QString fileName =
        askForFile(tr("Open Workspace"), tr("Webhook workspaces (*.webhooks.json *.json);;All files (*)"));
    if (!fileName.isEmpty()) {
        openFile(fileName);
    }
}

QString WorkspaceFiles::askForFile(const QString& title, const QString& filter) const
{
    // Next to the open workspace, where its leads and siblings most likely are.
    return QFileDialog::getOpenFileName(m_window, title, QFileInfo(m_document->filePath()).absolutePath(), filter);
}

void WorkspaceFiles::openRecent(const QString& fileName)
{
    if (maybeSave()) {
        openFile(fileName);
    }
}

bool WorkspaceFiles::openFile(const QString& fileName)
{
    Workspace workspace;
    QString error;
    if (!WorkspaceFile::load(fileName, &workspace, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Could not open \"%1\": %2").arg(QDir::toNativeSeparators(fileName), error));
        return false;
    }
    // Before the reset, which may offer to move the file's secrets into the keychain.
    m_messageBar->dismiss();
    m_secrets->load(&workspace);
    m_document->reset(workspace, QFileInfo(fileName).absoluteFilePath());
    m_settings->addRecentFile(QFileInfo(fileName).absoluteFilePath());
    emit statusText(tr("Opened %1").arg(QDir::toNativeSeparators(fileName)));
    return true;
}

bool WorkspaceFiles::save()
{
    if (m_document->filePath().isEmpty()) {
        return saveAs();
    }
    return saveToFile(m_document->filePath());
}

bool WorkspaceFiles::saveAs()
{
    QString fileName = QFileDialog::getSaveFileName(
        m_window, tr("Save Workspace As"), saveAsStartPath(), tr("Webhook workspaces (*.webhooks.json)"));
    if (fileName.isEmpty()) {
        return false;
    }
    if (!fileName.endsWith(QLatin1String(".json"))) {
        fileName += WorkspaceFile::fileSuffix();
    }
    return saveToFile(fileName);
}

QString WorkspaceFiles::saveAsStartPath() const
{
    if (!m_document->filePath().isEmpty()) {
        return m_document->filePath();
    }
    // Not the working directory: started from a launcher that is / or the install folder.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QFileInfo(dir).isDir()) {
        dir = QDir::homePath();
    }
    return QDir(dir).filePath(QStringLiteral("untitled") + WorkspaceFile::fileSuffix());
}

bool WorkspaceFiles::saveToFile(const QString& fileName)
{
    QString message;
    if (!WorkspaceFile::save(m_document->workspace(), fileName, &message)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Could not save \"%1\": %2").arg(QDir::toNativeSeparators(fileName), message));
        return false;
    }
    m_document->markSaved(QFileInfo(fileName).absoluteFilePath());
    m_secrets->saved();
    m_settings->addRecentFile(QFileInfo(fileName).absoluteFilePath());
    m_recovery->clear();
    emit statusText(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)));
    return true;
}

void WorkspaceFiles::importCsvDialog()
{
    const QString fileName = askForFile(tr("Import Leads from CSV"), tr("CSV files (*.csv);;All files (*)"));
    if (!fileName.isEmpty()) {
        importCsv(fileName);
    }
}

bool WorkspaceFiles::importCsv(const QString& fileName)
{
    CsvImportResult result;
    QString error;
    if (!CsvImporter::importFile(fileName, m_document->workspace().catalog(), &result, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Could not import \"%1\": %2").arg(QDir::toNativeSeparators(fileName), error));
        return false;
    }
    if (!result.leads.isEmpty()) {
        m_document->undoStack()->push(new ImportLeadsCommand(m_document, result.leads, m_document->workspace().fields));
    }
    showCsvProblems(fileName, result);
    emit leadsImported();
    return !result.leads.isEmpty();
}

void WorkspaceFiles::showCsvProblems(const QString& fileName, const CsvImportResult& result)
{
    QStringList problems;
    constexpr int kShownErrors = 5;
    for (int i = 0; i < result.errors.size() && i < kShownErrors; ++i) {
        problems.append(result.errors.at(i).toString());
    }
    if (result.errors.size() > kShownErrors) {
        problems.append(tr("and %n more row(s)", nullptr, int(result.errors.size() - kShownErrors)));
    }
    problems += result.warnings;
    const QString summary =
        tr("Imported %n lead(s) from \"%1\".", nullptr, int(result.leads.size())).arg(QFileInfo(fileName).fileName());
    if (problems.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Info, summary);
    } else {
        m_messageBar->showMessage(result.errors.isEmpty() ? MessageBar::Kind::Warning : MessageBar::Kind::Error,
                                  summary + QLatin1Char(' ')
                                      + tr("%n row(s) skipped: ", nullptr, int(result.errors.size()))
                                      + problems.join(QStringLiteral("; ")));
    }
}

bool WorkspaceFiles::accepts(const QMimeData* mime)
{
    for (const QUrl& url : mime->urls()) {
        const QString path = url.toLocalFile().toLower();
        if (path.endsWith(QLatin1String(".json")) || path.endsWith(QLatin1String(".csv"))) {
            return true;
        }
    }
    return false;
}

void WorkspaceFiles::drop(const QMimeData* mime)
{
    for (const QUrl& url : mime->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
            importCsv(path);
        } else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) && maybeSave()) {
            openFile(path);
        }
    }
}
