#include "response/ResponseTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class tst_ResponseTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void jsonPaths_data();
    void jsonPaths();
    void jsonValuesAndTypes();
    void unaddressableJson();
    void xmlPaths_data();
    void xmlPaths();
    void xmlAttributesNotAddressable();
    void lazyBatches();
    void invalidBodies_data();
    void invalidBodies();
    void bigIntegersStayWhole();

private:
    static const QByteArray& jsonBody();
    static const QByteArray& xmlBody();
};

const QByteArray& tst_ResponseTreeModel::jsonBody()
{
    static const QByteArray body = R"({"data":{"orders":[{"id":17,"total":9.5},{"id":18,"tags":["a","b"]}],
        "email":"ada@example.com","ok":true,"none":null},"matrix":[[1,2],[3,4]],"first name":"Ada"})";
    return body;
}

const QByteArray& tst_ResponseTreeModel::xmlBody()
{
    static const QByteArray body = R"(<enrichment><data><company id="7">ACME</company>
        <tag>a</tag><tag>b</tag><tag>c</tag><address><city>Paris</city></address></data></enrichment>)";
    return body;
}

void tst_ResponseTreeModel::jsonPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::newRow("key") << QStringLiteral("data.email") << QStringLiteral("ada@example.com");
    QTest::newRow("array item key") << QStringLiteral("data.orders[0].id") << QStringLiteral("17");
    QTest::newRow("second item") << QStringLiteral("data.orders[1].tags[1]") << QStringLiteral("b");
    QTest::newRow("nested arrays") << QStringLiteral("matrix[1][0]") << QStringLiteral("3");
    QTest::newRow("space in key") << QStringLiteral("first name") << QStringLiteral("Ada");
    QTest::newRow("container") << QStringLiteral("data.orders") << QStringLiteral("[2]");
}

void tst_ResponseTreeModel::jsonPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    ResponseTreeModel model;
    // The tester is attached after the reset: it would fetch more while handling
    // modelReset, which a view never does.
    model.setDocument(ResponseDocument::parse(jsonBody(), BodyFormat::Json));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex index = model.indexForPath(path);
    QVERIFY2(index.isValid(), qPrintable(path));
    QCOMPARE(model.path(index), path);
    QCOMPARE(index.data(ResponseTreeModel::PathRole).toString(), path);
    QVERIFY(model.isAddressable(index));
    QCOMPARE(index.siblingAtColumn(ResponseTreeModel::ValueColumn).data().toString(), value);
}

void tst_ResponseTreeModel::jsonValuesAndTypes()
{
    ResponseTreeModel model;
    model.setDocument(ResponseDocument::parse(jsonBody(), BodyFormat::Json));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("data")); // key order kept
    QCOMPARE(model.index(0, ResponseTreeModel::TypeColumn).data().toString(), QStringLiteral("object"));
    const QModelIndex ok = model.indexForPath(QStringLiteral("data.ok"));
    QCOMPARE(ok.siblingAtColumn(ResponseTreeModel::TypeColumn).data().toString(), QStringLiteral("boolean"));
    QVERIFY(ok.data(ResponseTreeModel::ScalarRole).toBool());
    const QModelIndex none = model.indexForPath(QStringLiteral("data.none"));
    QCOMPARE(none.siblingAtColumn(ResponseTreeModel::ValueColumn).data().toString(), QStringLiteral("null"));
    QVERIFY(!none.data(ResponseTreeModel::ScalarRole).toBool()); // null is never written
    QVERIFY(!model.indexForPath(QStringLiteral("data.orders")).data(ResponseTreeModel::ScalarRole).toBool());
    QVERIFY(!model.indexForPath(QStringLiteral("data.missing")).isValid());
}

void tst_ResponseTreeModel::unaddressableJson()
{
    ResponseTreeModel model;
    // The tester is attached after the reset: it would fetch more while handling
    // modelReset, which a view never does.
    model.setDocument(ResponseDocument::parse(R"({"user.name":"x","ok":{"$ref":1}})", BodyFormat::Json));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // QJsonObject keeps keys sorted: "ok" comes first.
    const QModelIndex dotted = model.index(1, 0);
    QCOMPARE(dotted.data().toString(), QStringLiteral("user.name"));
    QVERIFY(!model.isAddressable(dotted));
    QCOMPARE(model.path(dotted), QString());
    QVERIFY(dotted.data(ResponseTreeModel::NotAddressableReasonRole).toString().contains(QStringLiteral("'.'")));
    model.fetchMore(model.index(0, 0));
    const QModelIndex ref = model.index(0, 0, model.index(0, 0));
    QCOMPARE(ref.data().toString(), QStringLiteral("$ref"));
    QVERIFY(!model.isAddressable(ref));

    ResponseTreeModel arrayModel;
    arrayModel.setDocument(ResponseDocument::parse("[{\"id\":1}]", BodyFormat::Json));
    const QModelIndex item = arrayModel.index(0, 0);
    QCOMPARE(item.data().toString(), QStringLiteral("[0]"));
    QVERIFY(!arrayModel.isAddressable(item));
    arrayModel.fetchMore(item);
    QVERIFY(!arrayModel.isAddressable(arrayModel.index(0, 0, item)));
    QVERIFY(item.data(ResponseTreeModel::NotAddressableReasonRole).toString().contains(QStringLiteral("array")));
}

void tst_ResponseTreeModel::xmlPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::newRow("root child") << QStringLiteral("enrichment.data.company") << QStringLiteral("ACME");
    QTest::newRow("first of siblings") << QStringLiteral("enrichment.data.tag[0]") << QStringLiteral("a");
    QTest::newRow("third of siblings") << QStringLiteral("enrichment.data.tag[2]") << QStringLiteral("c");
    QTest::newRow("deep") << QStringLiteral("enrichment.data.address.city") << QStringLiteral("Paris");
}

void tst_ResponseTreeModel::xmlPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    ResponseTreeModel model;
    // The tester is attached after the reset: it would fetch more while handling
    // modelReset, which a view never does.
    model.setDocument(ResponseDocument::parse(xmlBody(), BodyFormat::Xml));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.path(model.index(0, 0)), QStringLiteral("enrichment"));
    const QModelIndex index = model.indexForPath(path);
    QVERIFY2(index.isValid(), qPrintable(path));
    QCOMPARE(model.path(index), path);
    QCOMPARE(index.siblingAtColumn(ResponseTreeModel::ValueColumn).data().toString(), value);
}

void tst_ResponseTreeModel::xmlAttributesNotAddressable()
{
    ResponseTreeModel model;
    model.setDocument(ResponseDocument::parse(xmlBody(), BodyFormat::Xml));
    const QModelIndex company = model.indexForPath(QStringLiteral("enrichment.data.company"));
    QVERIFY(company.isValid());
    model.fetchMore(company);
    QCOMPARE(model.rowCount(company), 1);
    const QModelIndex attribute = model.index(0, 0, company);
    QCOMPARE(attribute.data().toString(), QStringLiteral("@id"));
    QCOMPARE(attribute.siblingAtColumn(ResponseTreeModel::ValueColumn).data().toString(), QStringLiteral("7"));
    QVERIFY(!model.isAddressable(attribute));
    QVERIFY(
        attribute.data(ResponseTreeModel::NotAddressableReasonRole).toString().contains(QStringLiteral("attributes")));
}

void tst_ResponseTreeModel::lazyBatches()
{
    QByteArray body = "{\"items\":[";
    const int count = ResponseTreeModel::batchSize() * 2 + 37;
    for (int i = 0; i < count; ++i)
        body += (i ? "," : "") + QByteArray::number(i);
    body += "]}";
    ResponseTreeModel model;
    // The tester is attached after the reset: it would fetch more while handling
    // modelReset, which a view never does.
    model.setDocument(ResponseDocument::parse(body, BodyFormat::Json));
    const QModelIndex items = model.index(0, 0);
    QVERIFY(model.hasChildren(items));
    QCOMPARE(model.rowCount(items), 0); // nothing built until asked
    QVERIFY(model.canFetchMore(items));
    // No model tester here: it fetches more from inside rowsInserted, nesting batches.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore(items);
    QCOMPARE(model.rowCount(items), ResponseTreeModel::batchSize());
    QVERIFY(model.canFetchMore(items));
    model.fetchMore(items);
    QCOMPARE(model.rowCount(items), ResponseTreeModel::batchSize() * 2);
    QCOMPARE(inserted.count(), 2);
    model.fetchMore(items);
    QCOMPARE(model.rowCount(items), count);
    QVERIFY(!model.canFetchMore(items));
    QCOMPARE(model.index(count - 1, ResponseTreeModel::ValueColumn, items).data().toString(),
             QString::number(count - 1));
    QCOMPARE(model.path(model.index(count - 1, 0, items)), QStringLiteral("items[%1]").arg(count - 1));
}

void tst_ResponseTreeModel::invalidBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("error");
    QTest::newRow("json") << QByteArray("{\n\"a\": tru}") << int(BodyFormat::Json) << QStringLiteral("line 2");
    QTest::newRow("xml") << QByteArray("<a><b></a>") << int(BodyFormat::Xml) << QStringLiteral("line 1");
    QTest::newRow("text") << QByteArray("hello") << int(BodyFormat::Text) << QStringLiteral("neither JSON nor XML");
}

void tst_ResponseTreeModel::invalidBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, format);
    QFETCH(QString, error);
    const auto document = ResponseDocument::parse(body, BodyFormat(format));
    QCOMPARE(document->kind(), ResponseDocument::Kind::Invalid);
    QVERIFY2(document->error().contains(error), qPrintable(document->error()));
    ResponseTreeModel model;
    // The tester is attached after the reset: it would fetch more while handling
    // modelReset, which a view never does.
    model.setDocument(document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
}

void tst_ResponseTreeModel::bigIntegersStayWhole()
{
    ResponseTreeModel model;
    model.setDocument(ResponseDocument::parse("{\"id\":9007199254740993}", BodyFormat::Json));
    QCOMPARE(model.index(0, ResponseTreeModel::ValueColumn).data().toString(), QStringLiteral("9007199254740993"));
}

QTEST_MAIN(tst_ResponseTreeModel)
#include "tst_responsetreemodel.moc"
