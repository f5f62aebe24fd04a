#include "MarketoImportDialog.h"

#include "marketo/MarketoApi.h"
#include "marketo/MarketoClient.h"
#include "marketo/ProgramListModel.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

// "Added (3): a, b, c" with at most `shown` names.
QString listLine(const QString& title, const QStringList& names)
{
    constexpr int shown = 40;
    QString line = QStringLiteral("%1 (%2): ").arg(title).arg(names.size());
    line += names.mid(0, shown).join(QStringLiteral(", "));
    if (names.size() > shown) {
        line += QStringLiteral(", …");
    }
    return line;
}

} // namespace

MarketoImportDialog::MarketoImportDialog(Kind kind, const Workspace& workspace, MarketoClient* client, QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_workspace(workspace)
    , m_result(workspace)
    , m_client(client)
    , m_api(new MarketoApi(client))
    , m_fetch(new QPushButton(tr("&Fetch"), this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("marketoImportDialog"));
    setWindowTitle(kind == Kind::Fields  ? tr("Import Fields from Marketo")
                   : kind == Kind::Leads ? tr("Import Leads from Marketo")
                                         : tr("Import My Tokens from Marketo"));
    m_fetch->setObjectName(QStringLiteral("marketoFetchButton"));
    m_apply->setObjectName(QStringLiteral("marketoApplyButton"));
    m_apply->setEnabled(false);
    m_close->setObjectName(QStringLiteral("marketoCloseButton"));
    m_progress->setObjectName(QStringLiteral("marketoProgress"));
    m_progress->setVisible(false);
    m_status->setObjectName(QStringLiteral("marketoStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setObjectName(QStringLiteral("marketoPreview"));
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("What the import would change"));
    m_preview->setPlaceholderText(
        tr("Fetch shows here what the import would add and update, before anything changes."));

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_fetch, QDialogButtonBox::ActionRole);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    connect(m_fetch, &QPushButton::clicked, this, &MarketoImportDialog::fetch);
    connect(m_apply, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (m_busy) {
            cancelFetch();
        } else {
            reject();
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createParameters());
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);
    resize(620, 520);
    if (m_kind == Kind::Tokens) {
        loadPrograms();
    }
}

MarketoImportDialog::~MarketoImportDialog()
{
    m_client->cancel();
    delete m_api;
}

QWidget* MarketoImportDialog::createParameters()
{
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    const QString instance = m_workspace.marketo.endpoint;
    switch (m_kind) {
    case Kind::Fields: {
        auto* text = new QLabel(tr("Reads the lead fields of %1: custom fields are added or updated, fields the "
                                   "instance lacks are reported and kept, and the linter then checks tokens and "
                                   "mappings against the instance (unknown fields, read-only fields).")
                                    .arg(instance),
                                box);
        text->setWordWrap(true);
        form->addRow(text);
        break;
    }
    case Kind::Leads: {
        m_byEmail = new QRadioButton(tr("By &email address"), box);
        m_byEmail->setObjectName(QStringLiteral("marketoByEmailRadio"));
        m_byList = new QRadioButton(tr("From a static &list"), box);
        m_byList->setObjectName(QStringLiteral("marketoByListRadio"));
        auto* group = new QButtonGroup(box);
        group->addButton(m_byEmail);
        group->addButton(m_byList);
        m_byEmail->setChecked(true);
        m_emails = new QPlainTextEdit(box);
        m_emails->setObjectName(QStringLiteral("marketoEmailsEdit"));
        m_emails->setAccessibleName(tr("Email addresses, one per line"));
        m_emails->setPlaceholderText(tr("One email address per line"));
        m_emails->setMaximumHeight(90);
        m_list = new QSpinBox(box);
        m_list->setObjectName(QStringLiteral("marketoListSpin"));
        m_list->setAccessibleName(tr("Static list id"));
        m_list->setRange(1, std::numeric_limits<int>::max());
        m_limit = new QSpinBox(box);
        m_limit->setObjectName(QStringLiteral("marketoLimitSpin"));
        m_limit->setAccessibleName(tr("At most this many leads"));
        m_limit->setRange(1, 100000);
        m_limit->setValue(100);
        m_personalData = new QLabel(tr("Leads are personal data. Imported leads are saved in the workspace file: "
                                       "keep it out of shared repositories, or remove the leads before sharing."),
                                    box);
        m_personalData->setObjectName(QStringLiteral("marketoPersonalDataLabel"));
        m_personalData->setWordWrap(true);
        form->addRow(m_byEmail);
        form->addRow(m_emails);
        form->addRow(m_byList);
        form->addRow(tr("List &id:"), m_list);
        form->addRow(tr("At &most:"), m_limit);
        form->addRow(m_personalData);
        const auto sync = [this] {
            m_emails->setEnabled(m_byEmail->isChecked());
            m_list->setEnabled(m_byList->isChecked());
            m_limit->setEnabled(m_byList->isChecked());
        };
        connect(m_byEmail, &QRadioButton::toggled, this, sync);
        sync();
        break;
    }
    case Kind::Tokens: {
        m_programs = new ProgramListModel(this);
        m_programFilter = new QSortFilterProxyModel(this);
        m_programFilter->setSourceModel(m_programs);
        m_programFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
        m_programSearch = new QLineEdit(box);
        m_programSearch->setObjectName(QStringLiteral("marketoProgramSearch"));
        m_programSearch->setPlaceholderText(tr("Search programs by name or id"));
        m_programSearch->setClearButtonEnabled(true);
        m_programSearch->setAccessibleName(tr("Search programs"));
        m_programList = new QListView(box);
        m_programList->setObjectName(QStringLiteral("marketoProgramList"));
        m_programList->setAccessibleName(tr("Programs"));
        m_programList->setModel(m_programFilter);
        m_programList->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_programList->setMinimumHeight(140);
        connect(
            m_programSearch, &QLineEdit::textChanged, m_programFilter, &QSortFilterProxyModel::setFilterFixedString);
        connect(m_programList, &QListView::doubleClicked, this, &MarketoImportDialog::fetch);
        connect(m_programSearch, &QLineEdit::returnPressed, this, &MarketoImportDialog::fetch);
        // Typing narrows the list; the first match is the choice until another is clicked,
        // so a name and Return are enough.
        connect(m_programFilter, &QSortFilterProxyModel::layoutChanged, this, [this] {
            if (!m_programList->currentIndex().isValid() && m_programFilter->rowCount() > 0) {
                m_programList->setCurrentIndex(m_programFilter->index(0, 0));
            }
        });
        connect(m_programFilter, &QSortFilterProxyModel::rowsRemoved, this, [this] {
            if (!m_programList->currentIndex().isValid() && m_programFilter->rowCount() > 0) {
                m_programList->setCurrentIndex(m_programFilter->index(0, 0));
            }
        });
        m_programSearch->setFocus();
        form->addRow(tr("&Program:"), m_programSearch);
        form->addRow(m_programList);
        break;
    }
    }
    return box;
}

QString MarketoImportDialog::undoText() const
{
    switch (m_kind) {
    case Kind::Fields:
        return tr("Import Fields from Marketo");
    case Kind::Leads:
        return tr("Import Leads from Marketo");
    case Kind::Tokens:
        break;
    }
    return tr("Import My Tokens from Marketo");
}

void MarketoImportDialog::setBusy(bool busy, const QString& text)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0);
    m_fetch->setEnabled(!busy);
    m_apply->setEnabled(!busy && m_summary.changed());
    m_close->setText(busy ? tr("Cancel") : tr("Close"));
    m_status->setText(text);
}

void MarketoImportDialog::fail(const QString& text)
{
    setBusy(false, text);
    emit fetchFinished(false);
}

void MarketoImportDialog::cancelFetch()
{
    m_client->cancel();
}

void MarketoImportDialog::loadPrograms()
{
    setBusy(true, tr("Reading the programs…"));
    m_api->programs([this](const QList<MarketoProgram>& programs, const MarketoProblem& problem) {
        m_programs->setPrograms(programs);
        if (!problem.isNone()) {
            setBusy(false,
                    problem.kind == MarketoProblem::Kind::Cancelled
                        ? tr("Cancelled.")
                        : tr("The programs could not be read: %1").arg(problem.toString()));
            emit programsLoaded(false);
            return;
        }
        setBusy(false, tr("%n program(s). Choose one, then Fetch.", nullptr, int(programs.size())));
        emit programsLoaded(true);
    });
}

void MarketoImportDialog::fetch()
{
    if (m_busy) {
        return;
    }
    m_summary = MarketoImportSummary();
    m_problem = MarketoProblem();
    m_result = m_workspace;
    m_preview->clear();
    const auto done = [this](const MarketoProblem& problem) {
        if (problem.kind == MarketoProblem::Kind::Cancelled) {
            fail(tr("Cancelled; nothing changed."));
            return false;
        }
        if (!problem.isNone()) {
            m_problem = problem;
            fail(tr("Nothing changed: %1").arg(problem.toString()));
            return false;
        }
        return true;
    };
    switch (m_kind) {
    case Kind::Fields:
        setBusy(true, tr("Reading the lead fields…"));
        m_api->fields([this, done](const QList<MarketoField>& fields, const MarketoProblem& problem) {
            if (done(problem)) {
                m_summary = MarketoImport::mergeFields(&m_result, fields);
                showPreview();
            }
        });
        break;
    case Kind::Leads: {
        const auto finished = [this, done](const QList<QJsonObject>& leads, const MarketoProblem& problem) {
            if (done(problem)) {
                m_summary = MarketoImport::mergeLeads(&m_result, leads);
                showPreview();
            }
        };
        const auto readLeads = [this, finished](const QStringList& fields) {
            if (m_byEmail->isChecked()) {
                QStringList emails;
                const QStringList lines = m_emails->toPlainText().split(QLatin1Char('\n'));
                for (const QString& line : lines) {
                    const QString email = line.trimmed().remove(QLatin1Char(','));
                    if (!email.isEmpty()) {
                        emails.append(email);
                    }
                }
                if (emails.isEmpty()) {
                    fail(tr("Enter at least one email address."));
                    return;
                }
                setBusy(true, tr("Reading %n lead(s)…", nullptr, int(emails.size())));
                m_api->leadsByEmail(emails, fields, finished);
            } else {
                setBusy(true, tr("Reading static list %1…").arg(m_list->value()));
                m_progress->setRange(0, m_limit->value());
                m_api->leadsByList(
                    m_list->value(),
                    fields,
                    m_limit->value(),
                    [this](int read) {
                        m_progress->setRange(0, m_limit->value());
                        m_progress->setValue(read);
                        m_status->setText(tr("Read %n lead(s)…", nullptr, read));
                    },
                    finished);
            }
        };
        if (m_workspace.marketo.instanceFields.isEmpty()) {
            // Without a field import, which fields the instance has is learnt first.
            setBusy(true, tr("Reading the lead fields…"));
            m_api->fields([this, done, readLeads](const QList<MarketoField>& instance, const MarketoProblem& problem) {
                m_busy = false;
                if (done(problem)) {
                    readLeads(MarketoImport::leadFields(m_workspace, instance));
                }
            });
        } else {
            readLeads(MarketoImport::leadFields(m_workspace));
        }
        break;
    }
    case Kind::Tokens: {
        const QModelIndex current = m_programList->currentIndex();
        const MarketoProgram* program =
            current.isValid() ? m_programs->program(m_programFilter->mapToSource(current).row()) : nullptr;
        if (!program) {
            fail(tr("Choose a program first."));
            return;
        }
        const MarketoProgram chosen = *program;
        setBusy(true, tr("Reading the My Tokens of %1…").arg(chosen.name));
        m_api->tokens(chosen.id,
                      [this, done, chosen](const QList<MarketoToken>& tokens, const MarketoProblem& problem) {
                          if (done(problem)) {
                              m_summary = MarketoImport::mergeTokens(&m_result, chosen, tokens);
                              showPreview();
                          }
                      });
        break;
    }
    }
}

void MarketoImportDialog::showPreview()
{
    QStringList lines;
    lines << listLine(tr("Added"), m_summary.added) << listLine(tr("Updated"), m_summary.updated);
    if (!m_summary.absent.isEmpty()) {
        lines << listLine(tr("Not in Marketo, kept"), m_summary.absent);
    }
    for (const QString& warning : std::as_const(m_summary.warnings)) {
        lines << tr("Note: %1").arg(warning);
    }
    m_preview->setPlainText(lines.join(QLatin1Char('\n')));
    setBusy(false,
            m_summary.changed() ? tr("Apply makes these changes as one step, which Undo takes back.")
                                : tr("The workspace already has all of it: nothing to apply."));
    if (m_kind == Kind::Leads && !m_summary.added.isEmpty()) {
        m_status->setText(tr("The workspace is about to hold %n lead(s) from Marketo: personal data.",
                             nullptr,
                             int(m_summary.added.size() + m_summary.updated.size()))
                          + QLatin1Char(' ') + m_status->text());
    }
    emit fetchFinished(true);
}
