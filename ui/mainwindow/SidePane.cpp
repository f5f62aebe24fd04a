#include "SidePane.h"

#include "document/LeadModel.h"
#include "document/WorkspaceDocument.h"
#include "mainwindow/SampleDataPane.h"
#include "preview/PreviewPane.h"
#include "response/ResponsePane.h"
#include "widgets/Named.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

SidePane::SidePane(WorkspaceDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_leadCombo(named(new QComboBox(this), "leadCombo", tr("Sample lead")))
    , m_tabs(named(new QTabWidget(this), "sideTabs", tr("Preview, response and sample data")))
    , m_previewPane(named(new PreviewPane(m_tabs), "previewPane", tr("Preview")))
    , m_responsePane(named(new ResponsePane(m_tabs), "responsePane", tr("Response")))
    , m_sampleData(new SampleDataPane(document, m_tabs))
{
    setObjectName(QStringLiteral("sidePane"));
    m_leadCombo->setModel(new LeadModel(m_document, this));
    m_leadCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* leadLabel = new QLabel(tr("Sample &lead:"), this);
    leadLabel->setBuddy(m_leadCombo);
    auto* leadRow = new QHBoxLayout;
    leadRow->addWidget(leadLabel);
    leadRow->addWidget(m_leadCombo, 1);
    m_tabs->addTab(m_previewPane, tr("Pre&view"));
    m_tabs->addTab(m_responsePane, tr("Resp&onse"));
    m_tabs->addTab(m_sampleData, tr("&Sample Data"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(leadRow);
    layout->addWidget(m_tabs, 1);

    connect(m_leadCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_syncing) {
            m_document->setCurrentLead(index);
        }
    });
    connect(m_document, &WorkspaceDocument::currentLeadChanged, this, &SidePane::showLead);
    connect(m_document, &WorkspaceDocument::leadsReset, this, &SidePane::showLead);
    connect(m_document, &WorkspaceDocument::workspaceReset, this, &SidePane::showLead);
}

SidePane::~SidePane() = default;

void SidePane::showResponse()
{
    m_tabs->setCurrentWidget(m_responsePane);
}

void SidePane::showSampleData()
{
    m_tabs->setCurrentWidget(m_sampleData);
}

void SidePane::showLead()
{
    m_syncing = true;
    m_leadCombo->setCurrentIndex(m_document->currentLead());
    m_syncing = false;
}
