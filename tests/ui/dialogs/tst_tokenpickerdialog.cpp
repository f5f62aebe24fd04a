#include "ChildLookup.h"
#include "dialogs/TokenPickerDialog.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

class tst_TokenPickerDialog : public QObject
{
    Q_OBJECT

private slots:
    void treeByScope();
    void filterAsYouType_data();
    void filterAsYouType();
    void keyboardInsert();
    void defaultValue_data();
    void defaultValue();
    void secretMasked();
    void scopeRowInsertsNothing();

private:
    static QList<TokenInfo> catalogue();
    // The tokens the tree shows under its scope rows.
    static int visibleTokens(const QAbstractItemModel* proxy);
};

QList<TokenInfo> tst_TokenPickerDialog::catalogue()
{
    Workspace workspace;
    workspace.leads.append(QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Ada")},
                                        {QStringLiteral("Email Address"), QStringLiteral("ada@example.com")}});
    workspace.context.my.present = true;
    workspace.context.my.values = {{QStringLiteral("apiKey"), QStringLiteral("k-123"), true},
                                   {QStringLiteral("greeting"), QStringLiteral("Hello"), false}};
    return TokenCatalog(workspace, 0, QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC)).tokens();
}

int tst_TokenPickerDialog::visibleTokens(const QAbstractItemModel* proxy)
{
    int count = 0;
    for (int s = 0; s < proxy->rowCount(); ++s)
        count += proxy->rowCount(proxy->index(s, 0));
    return count;
}

void tst_TokenPickerDialog::treeByScope()
{
    TokenPickerDialog dialog;
    WD_FIND_CHILD(tree, QTreeView, &dialog, "tokenTree");
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(tree->model());
    QVERIFY(proxy);
    QAbstractItemModel* model = proxy->sourceModel();
    QAbstractItemModelTester sourceTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TokenInfo> tokens = catalogue();
    dialog.setTokens(tokens);
    QStringList scopes;
    int total = 0;
    for (int s = 0; s < model->rowCount(); ++s) {
        scopes << model->index(s, 0).data().toString();
        total += model->rowCount(model->index(s, 0));
    }
    QCOMPARE(total, tokens.size());
    QVERIFY(scopes.contains(QStringLiteral("Lead")));
    QVERIFY(scopes.contains(QStringLiteral("My Tokens")));
    QVERIFY(scopes.contains(QStringLiteral("System")));
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Sample value"));

    // The sample lead's value is shown next to its token.
    const QModelIndex lead = model->index(scopes.indexOf(QStringLiteral("Lead")), 0);
    bool found = false;
    for (int r = 0; r < model->rowCount(lead); ++r) {
        if (model->index(r, 0, lead).data().toString() == QLatin1String("First Name")) {
            QCOMPARE(model->index(r, 2, lead).data().toString(), QStringLiteral("Ada"));
            QCOMPARE(model->index(r, 1, lead).data().toString(), QStringLiteral("string"));
            found = true;
        }
    }
    QVERIFY(found);
}

void tst_TokenPickerDialog::filterAsYouType_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("mustMatch");
    QTest::addColumn<bool>("expectAny");
    QTest::newRow("name words") << QStringLiteral("first name") << QStringLiteral("First Name") << true;
    QTest::newRow("case") << QStringLiteral("EMAIL") << QStringLiteral("Email Address") << true;
    QTest::newRow("scope prefix") << QStringLiteral("my.api") << QStringLiteral("apiKey") << true;
    QTest::newRow("api name") << QStringLiteral("firstName") << QStringLiteral("First Name") << true;
    QTest::newRow("nothing") << QStringLiteral("zzqqxx") << QString() << false;
}

void tst_TokenPickerDialog::filterAsYouType()
{
    QFETCH(QString, typed);
    QFETCH(QString, mustMatch);
    QFETCH(bool, expectAny);
    TokenPickerDialog dialog;
    dialog.setTokens(catalogue());
    WD_FIND_CHILD(search, QLineEdit, &dialog, "tokenSearchEdit");
    WD_FIND_CHILD(tree, QTreeView, &dialog, "tokenTree");
    const int all = visibleTokens(tree->model());
    QTest::keyClicks(search, typed);
    const int shown = visibleTokens(tree->model());
    QVERIFY(shown < all);
    QCOMPARE(shown > 0, expectAny);
    if (expectAny) {
        // The first match is current, so Enter inserts it.
        QVERIFY(dialog.tokenText().contains(mustMatch));
    } else {
        QCOMPARE(dialog.tokenText(), QString());
    }
}

void tst_TokenPickerDialog::keyboardInsert()
{
    TokenPickerDialog dialog;
    dialog.setTokens(catalogue());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    WD_FIND_CHILD(search, QLineEdit, &dialog, "tokenSearchEdit");
    WD_FIND_CHILD(tree, QTreeView, &dialog, "tokenTree");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("name"));
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(tree->hasFocus());
    QSignalSpy chosen(&dialog, &TokenPickerDialog::tokenChosen);
    const QString expected = dialog.tokenText();
    QVERIFY(expected.startsWith(QStringLiteral("{{")));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), expected);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_TokenPickerDialog::defaultValue_data()
{
    QTest::addColumn<QString>("defaultValue");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << QString() << QStringLiteral("{{lead.First Name}}");
    QTest::newRow("word") << QStringLiteral("friend") << QStringLiteral("{{lead.First Name:default=friend}}");
    QTest::newRow("spaces") << QStringLiteral("dear customer")
                            << QStringLiteral("{{lead.First Name:default=dear customer}}");
}

void tst_TokenPickerDialog::defaultValue()
{
    QFETCH(QString, defaultValue);
    QFETCH(QString, text);
    TokenPickerDialog dialog;
    dialog.setTokens(catalogue());
    WD_FIND_CHILD(search, QLineEdit, &dialog, "tokenSearchEdit");
    WD_FIND_CHILD(edit, QLineEdit, &dialog, "tokenDefaultEdit");
    search->setText(QStringLiteral("lead.first name"));
    WD_FIND_CHILD(preview, QLabel, &dialog, "tokenPreviewLabel");
    QTest::keyClicks(edit, defaultValue);
    QCOMPARE(dialog.tokenText(), text);
    QCOMPARE(preview->text(), text);
    QSignalSpy chosen(&dialog, &TokenPickerDialog::tokenChosen);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), text);
}

void tst_TokenPickerDialog::secretMasked()
{
    TokenPickerDialog dialog;
    dialog.setTokens(catalogue());
    WD_FIND_CHILD(search, QLineEdit, &dialog, "tokenSearchEdit");
    WD_FIND_CHILD(tree, QTreeView, &dialog, "tokenTree");
    search->setText(QStringLiteral("apiKey"));
    const QAbstractItemModel* proxy = tree->model();
    QCOMPARE(visibleTokens(proxy), 1);
    const QModelIndex scope = proxy->index(0, 0);
    QCOMPARE(proxy->index(0, 2, scope).data().toString(), QStringLiteral("••••••"));
    // The secret is not searchable through its value either.
    search->setText(QStringLiteral("k-123"));
    QCOMPARE(visibleTokens(proxy), 0);
}

void tst_TokenPickerDialog::scopeRowInsertsNothing()
{
    TokenPickerDialog dialog;
    dialog.setTokens(catalogue());
    WD_FIND_CHILD(tree, QTreeView, &dialog, "tokenTree");
    tree->setCurrentIndex(tree->model()->index(0, 0));
    QCOMPARE(dialog.tokenText(), QString());
    QSignalSpy chosen(&dialog, &TokenPickerDialog::tokenChosen);
    dialog.accept();
    QCOMPARE(chosen.count(), 0);
    QVERIFY(dialog.result() != int(QDialog::Accepted));
}

QTEST_MAIN(tst_TokenPickerDialog)
#include "tst_tokenpickerdialog.moc"
