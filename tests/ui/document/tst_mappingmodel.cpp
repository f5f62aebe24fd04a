#include "DocumentModelFixture.h"
#include "MappingTestData.h"
#include "document/MappingModel.h"
#include "document/WorkspaceDocument.h"

#include "document/InsertRowCommand.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_MappingModel : public QObject, public DocumentModelFixture<MappingModel>
{
    Q_OBJECT

private slots:
    void init() { setUpModel(0); }
    void cleanup() { tearDownModel(); }

    void showsFieldByDisplayNameWithType()
    {
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0, MappingModel::AttributeColumn).data().toString(), QStringLiteral("data.company"));
        QCOMPARE(m_model->index(0, MappingModel::FieldColumn).data().toString(),
                 QStringLiteral("Company Name (string)"));
        QCOMPARE(m_model->index(0, MappingModel::FieldColumn).data(Qt::EditRole).toString(), QStringLiteral("company"));
        QCOMPARE(m_model->index(1, MappingModel::FieldColumn).data(MappingModel::FieldTypeRole).toString(),
                 QStringLiteral("integer"));
        QVERIFY(m_model->index(0, MappingModel::ResultColumn).data().toString().isEmpty());
    }

    void editFieldByDisplayOrApiName()
    {
        QVERIFY(m_model->setData(m_model->index(0, MappingModel::FieldColumn), QStringLiteral("Industry")));
        QCOMPARE(m_document->workspace().webhooks[0].responseMappings[0].field, QStringLiteral("industry"));
        QVERIFY(m_model->setData(m_model->index(0, MappingModel::FieldColumn), QStringLiteral("city")));
        QCOMPARE(m_document->workspace().webhooks[0].responseMappings[0].field, QStringLiteral("city"));
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_document->workspace().webhooks[0].responseMappings[0].field, QStringLiteral("company"));
    }

    void resultsShowAppliedOrWhyNot()
    {
        MappingOutcome outcome;
        outcome.mappings = {
            appliedMapping("data.company", "company", QStringLiteral("Acme")),
            refusedMapping("data.employees", "numberOfEmployees", "a string does not fit an integer field")};
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        m_model->setOutcome(outcome);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_model->index(0, MappingModel::ResultColumn).data().toString(), QStringLiteral("✓ Acme"));
        QCOMPARE(m_model->index(1, MappingModel::ResultColumn).data().toString(),
                 QStringLiteral("✗ a string does not fit an integer field"));
        QVERIFY(m_model->index(0, MappingModel::ResultColumn).data(MappingModel::AppliedRole).toBool());
    }

    void statusThatAppliesNothingSaysWhyOnEveryRow()
    {
        MappingOutcome outcome;
        outcome.statusApplies = false;
        outcome.reason = QStringLiteral("status 500 is not 2xx: nothing is written");
        m_model->setOutcome(outcome);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            QCOMPARE(m_model->index(row, MappingModel::ResultColumn).data().toString(),
                     QStringLiteral("✗ status 500 is not 2xx: nothing is written"));
        }
    }

    void structuralChangeClearsResults()
    {
        MappingOutcome outcome;
        outcome.statusApplies = false;
        outcome.reason = QStringLiteral("no");
        m_model->setOutcome(outcome);
        m_document->undoStack()->push(new InsertRowCommand(m_document, 0, 0, ResponseMapping {}));
        // Every row's result is gone, the inserted one's and the two that moved down.
        QCOMPARE(m_model->rowCount(), 3);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            QVERIFY(m_model->index(row, MappingModel::ResultColumn).data().toString().isEmpty());
        }
    }

    void resultIsNotEditable()
    {
        QVERIFY(!(m_model->flags(m_model->index(0, MappingModel::ResultColumn)) & Qt::ItemIsEditable));
        QVERIFY(!m_model->setData(m_model->index(0, MappingModel::ResultColumn), QStringLiteral("x")));
    }
};

QTEST_MAIN(tst_MappingModel)
#include "tst_mappingmodel.moc"
