#pragma once

#include <QWidget>

class PreviewPane;
class QComboBox;
class QTabWidget;
class ResponsePane;
class SampleDataPane;
class WorkspaceDocument;

// The right-hand side of the window: the chooser of the sample lead above three tabs,
// the preview, the response and the sample data. The lead applies to all three alike,
// so its chooser sits above the tabs rather than inside one.
//
// Contract: the chooser and the document's current lead always agree; choosing a lead
// sets the document's (not an undoable edit, as in WorkspaceDocument).
class SidePane : public QWidget
{
    Q_OBJECT

public:
    explicit SidePane(WorkspaceDocument* document, QWidget* parent = nullptr);
    ~SidePane() override;

    PreviewPane* previewPane() const { return m_previewPane; }
    ResponsePane* responsePane() const { return m_responsePane; }
    SampleDataPane* sampleData() const { return m_sampleData; }
    void showResponse();
    void showSampleData();

private:
    void showLead();

    WorkspaceDocument* m_document;
    QComboBox* m_leadCombo;
    QTabWidget* m_tabs;
    PreviewPane* m_previewPane;
    ResponsePane* m_responsePane;
    SampleDataPane* m_sampleData;
    bool m_syncing = false;
};
