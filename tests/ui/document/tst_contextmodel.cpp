#include "DocumentModelFixture.h"
#include "document/ContextModel.h"
#include "document/HeaderModel.h"
#include "document/WorkspaceDocument.h"

#include "document/EditContextCommand.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_ContextModel : public QObject, public DocumentModelFixture<ContextModel>
{
    Q_OBJECT

private slots:
    void init() { setUpModel(); }
    void cleanup() { tearDownModel(); }

    void rowsPerScopeValue()
    {
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0, ContextModel::ScopeColumn).data().toString(), QStringLiteral("my"));
        QCOMPARE(m_model->index(0, ContextModel::NameColumn).data().toString(), QStringLiteral("apiKey"));
        QCOMPARE(m_model->index(0, ContextModel::ValueColumn).data().toString(), HeaderModel::mask());
        QCOMPARE(m_model->index(0, ContextModel::ValueColumn).data(Qt::EditRole).toString(), QStringLiteral("k-123"));
        QCOMPARE(m_model->index(2, ContextModel::ScopeColumn).data().toString(), QStringLiteral("program"));
    }

    void editKeepsShapeAndUndoes()
    {
        QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_model->setData(m_model->index(1, ContextModel::ValueColumn), QStringLiteral("us")));
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(m_document->workspace().context.my.values[1].value, QStringLiteral("us"));
        QVERIFY(m_model->setData(m_model->index(1, ContextModel::SecretColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(m_model->index(1, ContextModel::ValueColumn).data().toString(), HeaderModel::mask());
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_model->index(1, ContextModel::ValueColumn).data().toString(), QStringLiteral("eu"));
    }

    void addAndRemoveValues()
    {
        QVERIFY(!m_document->workspace().context.trigger.present);
        const int row = m_model->addValue(QStringLiteral("trigger"), QStringLiteral("Name"));
        QVERIFY(row >= 0);
        QCOMPARE(m_model->index(row, ContextModel::ScopeColumn).data().toString(), QStringLiteral("trigger"));
        QVERIFY(m_document->workspace().context.trigger.present);
        m_model->removeValue(0);
        QCOMPARE(m_document->workspace().context.my.values.size(), 1);
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 3);
        QVERIFY(!m_document->workspace().context.trigger.present);
    }

    void timeZoneEdit()
    {
        m_document->undoStack()->push(
            new EditContextCommand(m_document, m_document->workspace().context, QStringLiteral("Europe/Paris")));
        QCOMPARE(m_document->workspace().timeZone, QStringLiteral("Europe/Paris"));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->workspace().timeZone, QStringLiteral("UTC"));
    }
};

QTEST_MAIN(tst_ContextModel)
#include "tst_contextmodel.moc"
