#include "UiTestWorkspace.h"
#include "document/LeadFieldsModel.h"
#include "document/LeadModel.h"
#include "document/WorkspaceDocument.h"

#include "document/ImportLeadsCommand.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_LeadFieldsModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = new WorkspaceDocument(this);
        m_document->reset(uiTestWorkspace(), QString());
        m_fields = new LeadFieldsModel(m_document, this);
        m_leads = new LeadModel(m_document, this);
        m_fieldsTester =
            new QAbstractItemModelTester(m_fields, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        m_leadsTester =
            new QAbstractItemModelTester(m_leads, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }
    void cleanup()
    {
        delete m_fieldsTester;
        delete m_leadsTester;
        delete m_fields;
        delete m_leads;
        delete m_document;
    }

    void leadsAreDescribed()
    {
        QCOMPARE(m_leads->rowCount(), 2);
        QCOMPARE(m_leads->index(0).data().toString(), QStringLiteral("Ada Lovelace <ada@example.com>"));
        QCOMPARE(m_leads->index(1).data().toString(), QStringLiteral("jack@example.com"));
    }

    int rowOf(const QString& apiName)
    {
        for (int row = 0; row < m_fields->rowCount(); ++row) {
            if (m_fields->index(row, LeadFieldsModel::ApiNameColumn).data().toString() == apiName) {
                return row;
            }
        }
        return -1;
    }

    void fieldsOfTheChosenLead()
    {
        QVERIFY(m_fields->rowCount() >= 20);
        const int email = rowOf(QStringLiteral("email"));
        QVERIFY(email >= 0);
        QCOMPARE(m_fields->index(email, LeadFieldsModel::NameColumn).data().toString(),
                 QStringLiteral("Email Address"));
        QCOMPARE(m_fields->index(email, LeadFieldsModel::TypeColumn).data().toString(), QStringLiteral("email"));
        QCOMPARE(m_fields->index(email, LeadFieldsModel::ValueColumn).data().toString(),
                 QStringLiteral("ada@example.com"));
        QSignalSpy changed(m_fields, &QAbstractItemModel::dataChanged);
        m_document->setCurrentLead(1);
        QVERIFY(changed.count() >= 1);
        // The second lead is keyed by API name; the table still finds it.
        QCOMPARE(m_fields->index(email, LeadFieldsModel::ValueColumn).data().toString(),
                 QStringLiteral("jack@example.com"));
    }

    void editsKeepTheFieldTypeAndUndo()
    {
        const int score = rowOf(QStringLiteral("leadScore"));
        QVERIFY(m_fields->setData(m_fields->index(score, LeadFieldsModel::ValueColumn), QStringLiteral("99")));
        QCOMPARE(m_document->workspace().leads[0].value(QStringLiteral("Lead Score")), QJsonValue(99));
        const int unsubscribed = rowOf(QStringLiteral("unsubscribed"));
        QVERIFY(m_fields->setData(m_fields->index(unsubscribed, LeadFieldsModel::ValueColumn), QStringLiteral("yes")));
        QCOMPARE(m_document->workspace().leads[0].value(QStringLiteral("Unsubscribed")), QJsonValue(true));
        const int first = rowOf(QStringLiteral("firstName"));
        QVERIFY(m_fields->setData(m_fields->index(first, LeadFieldsModel::ValueColumn), QString()));
        QVERIFY(!m_document->workspace().leads[0].contains(QStringLiteral("First Name")));
        QCOMPARE(m_leads->index(0).data().toString(), QStringLiteral("Lovelace <ada@example.com>"));
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_document->workspace().leads[0], uiTestWorkspace().leads[0]);
    }

    void onlyValuesAreEditable()
    {
        QVERIFY(!(m_fields->flags(m_fields->index(0, LeadFieldsModel::NameColumn)) & Qt::ItemIsEditable));
        QVERIFY(m_fields->flags(m_fields->index(0, LeadFieldsModel::ValueColumn)) & Qt::ItemIsEditable);
    }

    void importReplacesLeadsUndoably()
    {
        QJsonObject grace;
        grace.insert(QStringLiteral("Email Address"), QStringLiteral("grace@example.com"));
        Field custom {
            QStringLiteral("Favorite Color"), QStringLiteral("favoriteColor"), FieldType::String, false, true, {}};
        const int before = m_fields->rowCount();
        m_document->undoStack()->push(new ImportLeadsCommand(m_document, {grace}, {custom}));
        QCOMPARE(m_leads->rowCount(), 1);
        QCOMPARE(m_fields->rowCount(), before + 1);
        QCOMPARE(m_document->currentLead(), 0);
        m_document->undoStack()->undo();
        QCOMPARE(m_leads->rowCount(), 2);
        QCOMPARE(m_fields->rowCount(), before);
    }

private:
    WorkspaceDocument* m_document = nullptr;
    LeadFieldsModel* m_fields = nullptr;
    LeadModel* m_leads = nullptr;
    QAbstractItemModelTester* m_fieldsTester = nullptr;
    QAbstractItemModelTester* m_leadsTester = nullptr;
};

QTEST_MAIN(tst_LeadFieldsModel)
#include "tst_leadfieldsmodel.moc"
