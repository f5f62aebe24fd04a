#pragma once

#include "UiTestWorkspace.h"
#include "document/WorkspaceDocument.h"

#include <QAbstractItemModelTester>

// What a test of a model over the open workspace starts each test function from: a
// document holding uiTestWorkspace() and the model over it, checked all along by
// QAbstractItemModelTester, whose findings fail the running test function. A test class
// derives from it next to QObject, calls setUpModel() in init() and tearDownModel() in
// cleanup().
template <typename Model>
class DocumentModelFixture
{
protected:
    void setUpModel()
    {
        m_document = new WorkspaceDocument;
        m_document->reset(uiTestWorkspace(), QString());
        m_model = new Model(m_document);
        m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    // For the tables over one webhook's rows: shows the rows of that webhook.
    void setUpModel(int webhook)
    {
        setUpModel();
        m_model->setWebhook(webhook);
    }

    void tearDownModel()
    {
        delete m_tester;
        delete m_model;
        delete m_document;
        m_tester = nullptr;
        m_model = nullptr;
        m_document = nullptr;
    }

    WorkspaceDocument* m_document = nullptr;
    Model* m_model = nullptr;

private:
    QAbstractItemModelTester* m_tester = nullptr;
};
