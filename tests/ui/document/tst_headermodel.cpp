#include "DocumentModelFixture.h"
#include "document/HeaderModel.h"
#include "document/WorkspaceDocument.h"

#include "document/AddWebhookCommand.h"
#include "document/InsertRowCommand.h"
#include "document/MoveRowCommand.h"
#include "document/RemoveRowCommand.h"
#include "document/RemoveWebhookCommand.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

class tst_HeaderModel : public QObject, public DocumentModelFixture<HeaderModel>
{
    Q_OBJECT

private slots:
    void init() { setUpModel(0); }
    void cleanup() { tearDownModel(); }

    void showsRowsAndMasksSecrets()
    {
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->columnCount(), 3);
        QCOMPARE(m_model->index(0, HeaderModel::NameColumn).data().toString(), QStringLiteral("Content-Type"));
        QCOMPARE(m_model->index(1, HeaderModel::ValueColumn).data().toString(), HeaderModel::mask());
        QCOMPARE(m_model->index(1, HeaderModel::ValueColumn).data(Qt::EditRole).toString(),
                 QStringLiteral("Bearer abc"));
        QCOMPARE(m_model->index(1, HeaderModel::SecretColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(m_model->index(0, HeaderModel::SecretColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    }

    void editIsUndoable()
    {
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        QVERIFY(
            m_model->setData(m_model->index(2, HeaderModel::ValueColumn), QStringLiteral("{{lead.Email Address}}")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_document->workspace().webhooks[0].headers[2].value, QStringLiteral("{{lead.Email Address}}"));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->workspace().webhooks[0].headers[2].value, QStringLiteral("{{lead.Id}}"));
        QCOMPARE(m_model->index(2, HeaderModel::ValueColumn).data().toString(), QStringLiteral("{{lead.Id}}"));
        m_document->undoStack()->redo();
        QCOMPARE(m_model->index(2, HeaderModel::ValueColumn).data().toString(),
                 QStringLiteral("{{lead.Email Address}}"));
    }

    void secretToggleMasks()
    {
        QVERIFY(m_model->setData(m_model->index(0, HeaderModel::SecretColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(m_model->index(0, HeaderModel::ValueColumn).data().toString(), HeaderModel::mask());
        QVERIFY(m_document->workspace().webhooks[0].headers[0].secret);
        m_document->undoStack()->undo();
        QCOMPARE(m_model->index(0, HeaderModel::ValueColumn).data().toString(), QStringLiteral("application/json"));
    }

    void unchangedEditPushesNothing()
    {
        QVERIFY(m_model->setData(m_model->index(0, HeaderModel::NameColumn), QStringLiteral("Content-Type")));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

    void insertRemoveMove()
    {
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(m_model, &QAbstractItemModel::rowsMoved);
        m_document->undoStack()->push(new InsertRowCommand(
            m_document, 0, 1, Header {QStringLiteral("X-New"), QStringLiteral("v"), false, {}, false}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("X-New"));
        m_document->undoStack()->push(new MoveRowCommand(m_document, WorkspaceDocument::RowTable::Headers, 0, 1, 3));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(m_model->index(3, 0).data().toString(), QStringLiteral("X-New"));
        QCOMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("Authorization"));
        m_document->undoStack()->push(new RemoveRowCommand(m_document, WorkspaceDocument::RowTable::Headers, 0, 0));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m_model->rowCount(), 3);
        // Undo everything: back to the original three rows in order.
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Content-Type"));
        QCOMPARE(m_model->index(2, 0).data().toString(), QStringLiteral("X-Trace"));
    }

    void otherWebhooksRowsDoNotLeak()
    {
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        m_document->undoStack()->push(new InsertRowCommand(m_document, 1, 0, Header {}));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(m_model->rowCount(), 3);
    }

    void followsWebhookThroughInsertAndDelete()
    {
        Webhook w;
        w.name = QStringLiteral("First");
        m_document->undoStack()->push(new AddWebhookCommand(m_document, 0, w, QStringLiteral("add")));
        QCOMPARE(m_model->webhook(), 1);
        QCOMPARE(m_model->rowCount(), 3);
        m_document->undoStack()->push(new RemoveWebhookCommand(m_document, 1));
        QCOMPARE(m_model->webhook(), -1);
        QCOMPARE(m_model->rowCount(), 0);
    }
};

QTEST_MAIN(tst_HeaderModel)
#include "tst_headermodel.moc"
