#pragma once

#include "marketo/MarketoImport.h"
#include "marketo/MarketoProblem.h"
#include "model/Workspace.h"

#include <QDialog>

class MarketoApi;
class MarketoClient;
class ProgramListModel;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSortFilterProxyModel;
class QSpinBox;

// One import from Marketo into the open workspace: the lead fields, sample leads (by
// email or from a static list) or a program's My Tokens (from a picker with a search
// box). Fetch reads from Marketo with progress and can be cancelled; the dialog then
// previews what would be added, updated and left alone, and Apply accepts it. Nothing
// changes the workspace before Apply: the caller applies result() as one undoable step.
//
// Object names: marketoFetchButton, marketoApplyButton, marketoCloseButton,
// marketoProgress, marketoStatus, marketoPreview, marketoEmailsEdit, marketoByEmailRadio,
// marketoByListRadio, marketoListSpin, marketoLimitSpin, marketoProgramSearch,
// marketoProgramList, marketoPersonalDataLabel.
class MarketoImportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Fields, Leads, Tokens };

    MarketoImportDialog(Kind kind, const Workspace& workspace, MarketoClient* client, QWidget* parent = nullptr);
    ~MarketoImportDialog() override;

    Kind kind() const { return m_kind; }
    // The workspace with the import merged; what Apply takes.
    const Workspace& result() const { return m_result; }
    const MarketoImportSummary& summary() const { return m_summary; }
    // The undo stack's name for the step: "Import Fields from Marketo", ...
    QString undoText() const;
    // Why the last fetch failed; none after a success, a cancel or a missing choice.
    const MarketoProblem& problem() const { return m_problem; }

public slots:
    void fetch();
    void cancelFetch();

signals:
    // A fetch ended: with a preview, a problem, or cancelled.
    void fetchFinished(bool ok);
    void programsLoaded(bool ok);

private:
    QWidget* createParameters();
    void loadPrograms();
    void setBusy(bool busy, const QString& text);
    void showPreview();
    void fail(const QString& text);

    Kind m_kind;
    Workspace m_workspace;
    Workspace m_result;
    MarketoImportSummary m_summary;
    MarketoProblem m_problem;
    MarketoClient* m_client;
    MarketoApi* m_api;
    bool m_busy = false;

    QPushButton* m_fetch;
    QPushButton* m_apply;
    QPushButton* m_close;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPlainTextEdit* m_preview;
    QLabel* m_personalData = nullptr;
    QRadioButton* m_byEmail = nullptr;
    QRadioButton* m_byList = nullptr;
    QPlainTextEdit* m_emails = nullptr;
    QSpinBox* m_list = nullptr;
    QSpinBox* m_limit = nullptr;
    QLineEdit* m_programSearch = nullptr;
    QListView* m_programList = nullptr;
    ProgramListModel* m_programs = nullptr;
    QSortFilterProxyModel* m_programFilter = nullptr;
};
