#include "SampleDataPane.h"

#include "document/ContextModel.h"
#include "document/EditContextCommand.h"
#include "document/LeadFieldsModel.h"
#include "document/WorkspaceDocument.h"
#include "widgets/FlowLayout.h"
#include "widgets/KeyOverrideFilter.h"
#include "widgets/Named.h"
#include "widgets/RowTableEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>
#include <QUndoStack>
#include <QVBoxLayout>

SampleDataPane::SampleDataPane(WorkspaceDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_contextModel(new ContextModel(document, this))
{
    named(this, "sampleDataPane", tr("Sample data"));
    new QVBoxLayout(this);
    createLeadFields();
    createContext();
    connect(m_document, &WorkspaceDocument::contextChanged, this, &SampleDataPane::showTimeZone);
    connect(m_document, &WorkspaceDocument::workspaceReset, this, &SampleDataPane::showTimeZone);
}

SampleDataPane::~SampleDataPane() = default;

void SampleDataPane::createLeadFields()
{
    auto* leadRow = new QHBoxLayout;
    auto* importButton = named(new QPushButton(QIcon(QStringLiteral(":/icons/import.png")), tr("Im&port CSV…"), this),
                               "importCsvButton",
                               tr("Import leads from CSV"));
    auto* leadLabel = new QLabel(tr("Fields of the sample lead:"), this);
    leadLabel->setWordWrap(true);
    leadRow->addWidget(leadLabel, 1);
    leadRow->addWidget(importButton);
    auto* box = static_cast<QVBoxLayout*>(layout());
    box->addLayout(leadRow);
    connect(importButton, &QPushButton::clicked, this, &SampleDataPane::importCsvRequested);

    QTableView* fields = RowTableEditor::createTable(this, "leadFieldsTable", tr("Sample lead fields"));
    fields->setModel(new LeadFieldsModel(m_document, this));
    KeyOverrideFilter::install(fields, KeyOverrideFilter::Keys::UndoRedoAndTableEdit);
    fields->setColumnWidth(LeadFieldsModel::NameColumn, 170);
    fields->setColumnWidth(LeadFieldsModel::ApiNameColumn, 140);
    fields->setColumnWidth(LeadFieldsModel::TypeColumn, 80);
    box->addWidget(fields, 3);
}

void SampleDataPane::createContext()
{
    auto* contextLabel = new QLabel(tr("Conte&xt (My Tokens, program, campaign, trigger, member):"), this);
    contextLabel->setWordWrap(true);
    m_contextTable = RowTableEditor::createTable(this, "contextTable", tr("Context values"));
    m_contextTable->setModel(m_contextModel);
    KeyOverrideFilter::install(m_contextTable, KeyOverrideFilter::Keys::UndoRedoAndTableEdit);
    // Values are what the user reads; the secret box only needs room for itself.
    QHeaderView* header = m_contextTable->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ContextModel::ValueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ContextModel::SecretColumn, QHeaderView::ResizeToContents);
    m_contextTable->setColumnWidth(ContextModel::ScopeColumn, 90);
    m_contextTable->setColumnWidth(ContextModel::NameColumn, 140);
    contextLabel->setBuddy(m_contextTable);
    auto* box = static_cast<QVBoxLayout*>(layout());
    box->addWidget(contextLabel);
    box->addWidget(m_contextTable, 2);
    box->addLayout(createContextButtons());
}

QLayout* SampleDataPane::createContextButtons()
{
    m_contextScopeCombo = named(new QComboBox(this), "contextScopeCombo", tr("Scope of the new context value"));
    m_contextScopeCombo->addItems(Context::scopeNames());
    auto* addContext = named(new QPushButton(QIcon(QStringLiteral(":/icons/add.png")), tr("Add Value"), this),
                             "addContextButton",
                             tr("Add context value"));
    auto* removeContext = named(new QPushButton(QIcon(QStringLiteral(":/icons/delete.png")), tr("Remove"), this),
                                "removeContextButton",
                                tr("Remove context value"));
    m_timeZoneCombo = named(new QComboBox(this), "timeZoneCombo", tr("Time zone"));
    m_timeZoneCombo->setEditable(true);
    m_timeZoneCombo->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        m_timeZoneCombo->addItem(QString::fromUtf8(id));
    }
    auto* timeZoneLabel = new QLabel(tr("Time &zone:"), this);
    timeZoneLabel->setBuddy(m_timeZoneCombo);
    // One row, or more when the pane is narrow; the time zone keeps its label.
    auto* timeZone = new QWidget(this);
    auto* timeZoneRow = new QHBoxLayout(timeZone);
    timeZoneRow->setContentsMargins(0, 0, 0, 0);
    timeZoneLabel->setParent(timeZone);
    m_timeZoneCombo->setParent(timeZone);
    timeZoneRow->addWidget(timeZoneLabel);
    timeZoneRow->addWidget(m_timeZoneCombo);
    auto* buttons = new FlowLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_contextScopeCombo);
    buttons->addWidget(addContext);
    buttons->addWidget(removeContext);
    buttons->addWidget(timeZone);

    connect(addContext, &QPushButton::clicked, this, [this] {
        const int row = m_contextModel->addValue(m_contextScopeCombo->currentText(), tr("name"));
        if (row >= 0) {
            m_contextTable->setCurrentIndex(m_contextModel->index(row, ContextModel::NameColumn));
            m_contextTable->edit(m_contextTable->currentIndex());
        }
    });
    connect(removeContext, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_contextTable->currentIndex();
        if (current.isValid()) {
            m_contextModel->removeValue(current.row());
        }
    });
    connect(m_timeZoneCombo, &QComboBox::activated, this, &SampleDataPane::commitTimeZone);
    connect(m_timeZoneCombo->lineEdit(), &QLineEdit::editingFinished, this, &SampleDataPane::commitTimeZone);
    return buttons;
}

void SampleDataPane::commitTimeZone()
{
    const QString id = m_timeZoneCombo->currentText().trimmed();
    if (m_syncing || id == m_document->workspace().timeZone) {
        return;
    }
    if (!QTimeZone(id.toUtf8()).isValid()) {
        emit problem(tr("\"%1\" is not a known time zone.").arg(id));
        return;
    }
    m_document->undoStack()->push(new EditContextCommand(m_document, m_document->workspace().context, id));
}

void SampleDataPane::showTimeZone()
{
    m_syncing = true;
    m_timeZoneCombo->setCurrentText(m_document->workspace().timeZone);
    m_syncing = false;
}
