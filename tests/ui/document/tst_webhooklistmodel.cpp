#include "DocumentModelFixture.h"
#include "document/WebhookListModel.h"
#include "document/WorkspaceDocument.h"

#include "document/AddWebhookCommand.h"
#include "document/RemoveWebhookCommand.h"
#include "document/SetWebhookPropertyCommand.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QUndoStack>

class tst_WebhookListModel : public QObject, public DocumentModelFixture<WebhookListModel>
{
    Q_OBJECT

private slots:
    void init() { setUpModel(); }
    void cleanup() { tearDownModel(); }

    void listsNames()
    {
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("Enrich"));
        QVERIFY(m_model->index(0).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("POST http://")));
    }

    void renameIsUndoableAndRefusesDuplicates()
    {
        QVERIFY(!m_model->setData(m_model->index(0), QStringLiteral("Form post")));
        QVERIFY(!m_model->setData(m_model->index(0), QStringLiteral("   ")));
        QCOMPARE(m_document->undoStack()->count(), 0);
        QVERIFY(m_model->setData(m_model->index(0), QStringLiteral("Enrich v2")));
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("Enrich v2"));
        m_document->undoStack()->undo();
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("Enrich"));
    }

    void addDuplicateDelete()
    {
        Webhook copy = m_document->workspace().webhooks[0];
        copy.name = m_document->uniqueWebhookName(QStringLiteral("Enrich"));
        QCOMPARE(copy.name, QStringLiteral("Enrich 2"));
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        m_document->undoStack()->push(new AddWebhookCommand(m_document, 1, copy, QStringLiteral("Duplicate")));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_model->index(1).data().toString(), QStringLiteral("Enrich 2"));
        QCOMPARE(m_document->workspace().webhooks[1].headers.size(), 3);
        m_document->undoStack()->push(new RemoveWebhookCommand(m_document, 0));
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("Enrich 2"));
        m_document->undoStack()->undo();
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("Enrich"));
        QCOMPARE(m_document->workspace().webhooks[0].responseMappings.size(), 2);
        m_document->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 2);
    }

    void typingMergesIntoOneUndoStep()
    {
        for (const QString& url : {QStringLiteral("h"), QStringLiteral("ht"), QStringLiteral("htt")}) {
            m_document->undoStack()->push(
                new SetWebhookPropertyCommand(m_document, 0, WorkspaceDocument::Property::Url, url));
        }
        QCOMPARE(m_document->undoStack()->count(), 1);
        QCOMPARE(m_document->workspace().webhooks[0].url, QStringLiteral("htt"));
        m_document->undoStack()->undo();
        QVERIFY(m_document->workspace().webhooks[0].url.startsWith(QStringLiteral("http://127.0.0.1:1/")));
        QVERIFY(!m_document->isModified());
    }

    void filterByName()
    {
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(m_model);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterFixedString(QStringLiteral("form"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Form post"));
    }
};

QTEST_MAIN(tst_WebhookListModel)
#include "tst_webhooklistmodel.moc"
