#pragma once

#include <QWidget>

class ContextModel;
class QComboBox;
class QTableView;
class WorkspaceDocument;

// The sample data a preview renders with: the fields of the chosen sample lead, the
// context values (My Tokens, program, campaign, trigger, member) and the time zone, with
// an Import CSV button.
//
// Contract: every edit is an undoable edit of the document. A time zone that is not
// known is not applied; problem() says so.
class SampleDataPane : public QWidget
{
    Q_OBJECT

public:
    explicit SampleDataPane(WorkspaceDocument* document, QWidget* parent = nullptr);
    ~SampleDataPane() override;

signals:
    void importCsvRequested();
    void problem(const QString& text);

private:
    void createLeadFields();
    void createContext();
    QLayout* createContextButtons();
    void commitTimeZone();
    void showTimeZone();

    WorkspaceDocument* m_document;
    ContextModel* m_contextModel;
    QTableView* m_contextTable = nullptr;
    QComboBox* m_contextScopeCombo = nullptr;
    QComboBox* m_timeZoneCombo = nullptr;
    bool m_syncing = false;
};
