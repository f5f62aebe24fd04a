#include "DocumentModelFixture.h"
#include "document/CheckModel.h"
#include "document/InsertRowCommand.h"
#include "document/MoveRowCommand.h"
#include "document/RemoveRowCommand.h"
#include "document/SetBaselineCommand.h"
#include "document/WorkspaceDocument.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

// The checks table of one webhook, under QAbstractItemModelTester all along: what each
// kind of check shows, how an edit of each column lands in the workspace (and is undone),
// what a change of kind keeps, and the problem a row shows.
class tst_CheckModel : public QObject, public DocumentModelFixture<CheckModel>
{
    Q_OBJECT

private slots:
    void init() { setUpModel(0); }
    void cleanup() { tearDownModel(); }

    void aWebhookWithoutChecksHasNoRows()
    {
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->columnCount(), int(CheckModel::ColumnCount));
    }

    void eachKindReadsInWords_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("flag");
        QTest::addColumn<int>("latency");
        QTest::addColumn<QString>("kindText");
        QTest::addColumn<QString>("targetText");
        QTest::addColumn<QString>("expectedText");

        using K = Check::Kind;
        QTest::newRow("status") << int(K::Status) << "201"
                                << "" << true << 0 << "Status is"
                                << "201"
                                << "";
        QTest::newRow("field written") << int(K::FieldWritten) << "company"
                                       << "" << false << 0 << "Field is written"
                                       << "Company Name"
                                       << "no";
        QTest::newRow("field equals") << int(K::FieldEquals) << "company"
                                      << "Acme" << true << 0 << "Field is written as"
                                      << "Company Name"
                                      << "Acme";
        QTest::newRow("unknown field") << int(K::FieldMatches) << "noSuchField"
                                       << "^A" << true << 0 << "Field is written matching"
                                       << "noSuchField"
                                       << "^A";
        QTest::newRow("path exists") << int(K::PathExists) << "data.company"
                                     << "" << true << 0 << "Response has attribute"
                                     << "data.company"
                                     << "yes";
        QTest::newRow("path equals") << int(K::PathEquals) << "data.domain"
                                     << "acme.example" << true << 0 << "Response attribute is"
                                     << "data.domain"
                                     << "acme.example";
        QTest::newRow("path matches") << int(K::PathMatches) << "data.tags[0]"
                                      << "^b2" << true << 0 << "Response attribute matches"
                                      << "data.tags[0]"
                                      << "^b2";
        QTest::newRow("latency") << int(K::LatencyBelow) << ""
                                 << "" << true << 500 << "Answers in under"
                                 << ""
                                 << "500 ms";
    }

    void eachKindReadsInWords()
    {
        QFETCH(int, kind);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        QFETCH(bool, flag);
        QFETCH(int, latency);
        Check check;
        check.kind = Check::Kind(kind);
        check.target = target;
        check.expected = expected;
        check.flag = flag;
        check.latencyMs = latency;
        m_document->undoStack()->push(new InsertRowCommand(m_document, 0, 0, check));
        QCOMPARE(m_model->rowCount(), 1);
        QFETCH(QString, kindText);
        QFETCH(QString, targetText);
        QFETCH(QString, expectedText);
        QCOMPARE(m_model->index(0, CheckModel::KindColumn).data().toString(), kindText);
        QCOMPARE(m_model->index(0, CheckModel::TargetColumn).data().toString(), targetText);
        QCOMPARE(m_model->index(0, CheckModel::ExpectedColumn).data().toString(), expectedText);
        // Unnamed: the name column shows what the check asserts.
        QCOMPARE(m_model->index(0, CheckModel::NameColumn).data().toString(), check.description());
        QCOMPARE(m_model->index(0, CheckModel::NameColumn).data(Qt::EditRole).toString(), QString());
        QCOMPARE(m_model->index(0, CheckModel::ProblemColumn).data().toString(), QString());
        QCOMPARE(m_model->index(0, CheckModel::KindColumn).data(CheckModel::KindRole).toInt(), kind);
    }

    void editsGoThroughTheUndoStack()
    {
        addCheck(Check::status(QStringLiteral("2xx")));
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::NameColumn), QStringLiteral("  Answers  ")));
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::TargetColumn), QStringLiteral("2XX ")));
        QCOMPARE(check(0).name, QStringLiteral("Answers"));
        // The same status again is no edit at all.
        QCOMPARE(m_document->undoStack()->count(), 2);
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::TargetColumn), QStringLiteral("201")));
        QCOMPARE(check(0).target, QStringLiteral("201"));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Edit check"));
        m_document->undoStack()->undo();
        QCOMPARE(check(0).target, QStringLiteral("2xx"));
        m_document->undoStack()->undo();
        QCOMPARE(check(0).name, QString());
        m_document->undoStack()->redo();
        m_document->undoStack()->redo();
        QCOMPARE(check(0).name, QStringLiteral("Answers"));
        QCOMPARE(check(0).target, QStringLiteral("201"));
        // A status check has no expected value to edit, a latency check no target.
        QVERIFY(!(m_model->flags(m_model->index(0, CheckModel::ExpectedColumn)) & Qt::ItemIsEditable));
        QVERIFY(!(m_model->flags(m_model->index(0, CheckModel::ProblemColumn)) & Qt::ItemIsEditable));
    }

    void aFieldIsTypedByDisplayOrApiName()
    {
        Check written;
        written.kind = Check::Kind::FieldWritten;
        written.target = QStringLiteral("company");
        addCheck(written);
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::TargetColumn), QStringLiteral("Industry")));
        QCOMPARE(check(0).target, QStringLiteral("industry"));
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::TargetColumn), QStringLiteral("city")));
        QCOMPARE(check(0).target, QStringLiteral("city"));
        QCOMPARE(m_model->index(0, CheckModel::TargetColumn).data(Qt::EditRole).toString(), QStringLiteral("city"));
        // yes and no, as the cell shows them, or a bool from the editor.
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::ExpectedColumn), QStringLiteral("no")));
        QCOMPARE(check(0).flag, false);
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::ExpectedColumn), true));
        QCOMPARE(check(0).flag, true);
        QVERIFY(!m_model->setData(m_model->index(0, CheckModel::ExpectedColumn), QStringLiteral("perhaps")));
        QCOMPARE(check(0).flag, true);
    }

    void aLatencyIsTypedWithOrWithoutItsUnit()
    {
        Check fast;
        fast.kind = Check::Kind::LatencyBelow;
        fast.latencyMs = 500;
        addCheck(fast);
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::ExpectedColumn), QStringLiteral("250 ms")));
        QCOMPARE(check(0).latencyMs, 250);
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::ExpectedColumn), 900));
        QCOMPARE(check(0).latencyMs, 900);
        QVERIFY(!m_model->setData(m_model->index(0, CheckModel::ExpectedColumn), QStringLiteral("soon")));
        QVERIFY(!(m_model->flags(m_model->index(0, CheckModel::TargetColumn)) & Qt::ItemIsEditable));
    }

    void changingTheKindKeepsWhatFits()
    {
        Check named = Check::status(QStringLiteral("201"));
        named.name = QStringLiteral("Created");
        addCheck(named);
        using K = Check::Kind;
        // To a field check: the first mapping's field fills in the target.
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::KindColumn), int(K::FieldEquals)));
        QCOMPARE(check(0).kind, K::FieldEquals);
        QCOMPARE(check(0).name, QStringLiteral("Created"));
        QCOMPARE(check(0).target, QStringLiteral("company"));
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::ExpectedColumn), QStringLiteral("Acme")));
        // Between field checks the field and the text stay.
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::KindColumn), int(K::FieldMatches)));
        QCOMPARE(check(0).target, QStringLiteral("company"));
        QCOMPARE(check(0).expected, QStringLiteral("Acme"));
        // To a path check: the first mapping's attribute.
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::KindColumn), int(K::PathExists)));
        QCOMPARE(check(0).target, QStringLiteral("data.company"));
        QCOMPARE(check(0).expected, QString());
        QCOMPARE(check(0).flag, true);
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::KindColumn), int(K::LatencyBelow)));
        QCOMPARE(check(0).latencyMs, 1000);
        QCOMPARE(check(0).problem(), QString());
        QVERIFY(m_model->setData(m_model->index(0, CheckModel::KindColumn), int(K::Status)));
        QCOMPARE(check(0).target, QStringLiteral("2xx"));
        QVERIFY(!m_model->setData(m_model->index(0, CheckModel::KindColumn), 99));
        // Each change of kind is one step back.
        for (int i = 0; i < 5; ++i)
            m_document->undoStack()->undo();
        QCOMPARE(check(0).kind, K::FieldEquals);
        QCOMPARE(check(0).expected, QString());
    }

    void aRowShowsItsProblem_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("says");
        QTest::newRow("status") << int(Check::Kind::Status) << "2yy"
                                << ""
                                << "2yy";
        QTest::newRow("regex") << int(Check::Kind::PathMatches) << "data.company"
                               << "(unclosed"
                               << "not a valid regular expression";
        QTest::newRow("no field") << int(Check::Kind::FieldEquals) << ""
                                  << "x"
                                  << "names no field";
    }

    void aRowShowsItsProblem()
    {
        QFETCH(int, kind);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        QFETCH(QString, says);
        Check bad;
        bad.kind = Check::Kind(kind);
        bad.target = target;
        bad.expected = expected;
        addCheck(bad);
        const QString problem = m_model->index(0, CheckModel::ProblemColumn).data().toString();
        QVERIFY2(problem.contains(says), qPrintable(problem));
        QCOMPARE(problem, bad.problem());
        QCOMPARE(m_model->index(0, CheckModel::ProblemColumn).data(CheckModel::ProblemRole).toString(), problem);
        // Every cell of the row says it as its tooltip, and the problem cell has a mark.
        for (int column = 0; column < CheckModel::ColumnCount; ++column)
            QCOMPARE(m_model->index(0, column).data(Qt::ToolTipRole).toString(), problem);
        QVERIFY(m_model->index(0, CheckModel::ProblemColumn).data(Qt::DecorationRole).isValid());
    }

    void insertRemoveAndMoveAreUndoable()
    {
        addCheck(Check::status(QStringLiteral("2xx")));
        Check fast;
        fast.kind = Check::Kind::LatencyBelow;
        fast.latencyMs = 300;
        addCheck(fast);
        QCOMPARE(m_model->rowCount(), 2);
        QSignalSpy moved(m_model, &QAbstractItemModel::rowsMoved);
        m_document->undoStack()->push(new MoveRowCommand(m_document, WorkspaceDocument::RowTable::Checks, 0, 1, 0));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(check(0).kind, Check::Kind::LatencyBelow);
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Move check"));
        m_document->undoStack()->push(new RemoveRowCommand(m_document, WorkspaceDocument::RowTable::Checks, 0, 0));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Remove check"));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(check(0).kind, Check::Kind::Status);
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(check(0).kind, Check::Kind::Status);
        QCOMPARE(check(1).latencyMs, 300);
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 0);
        // The other webhook's rows were never touched.
        QVERIFY(m_document->workspace().webhooks[1].checks.isEmpty());
    }

    void followsTheWebhookItShows()
    {
        addCheck(Check::status(QStringLiteral("2xx")));
        m_model->setWebhook(1);
        QCOMPARE(m_model->rowCount(), 0);
        m_document->undoStack()->push(new InsertRowCommand(m_document, 0, 1, Check::status(QStringLiteral("4xx"))));
        QCOMPARE(m_model->rowCount(), 0);
        m_model->setWebhook(0);
        QCOMPARE(m_model->rowCount(), 2);
    }

    void aBaselineIsSavedAndClearedUndoably()
    {
        QSignalSpy changed(m_document, &WorkspaceDocument::baselineChanged);
        ResponseShape shape;
        shape.paths.insert(QStringLiteral("data"), QStringLiteral("object"));
        shape.paths.insert(QStringLiteral("data.company"), QStringLiteral("string"));
        QVERIFY(!m_document->isModified());
        m_document->undoStack()->push(new SetBaselineCommand(m_document, 0, shape));
        QVERIFY(m_document->isModified());
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Save as Baseline"));
        QCOMPARE(m_document->workspace().webhooks[0].baseline, std::optional<ResponseShape>(shape));
        m_document->undoStack()->push(new SetBaselineCommand(m_document, 0, std::nullopt));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Clear Baseline"));
        QVERIFY(!m_document->workspace().webhooks[0].baseline);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->workspace().webhooks[0].baseline, std::optional<ResponseShape>(shape));
        m_document->undoStack()->undo();
        QVERIFY(!m_document->workspace().webhooks[0].baseline);
        QVERIFY(!m_document->isModified());
        QCOMPARE(changed.count(), 4);
        QCOMPARE(changed.at(0).at(0).toInt(), 0);
    }

private:
    void addCheck(const Check& check)
    {
        m_document->undoStack()->push(new InsertRowCommand(m_document, 0, m_model->rowCount(), check));
    }

    Check check(int row) const { return m_document->workspace().webhooks[0].checks.value(row); }
};

QTEST_MAIN(tst_CheckModel)
#include "tst_checkmodel.moc"
