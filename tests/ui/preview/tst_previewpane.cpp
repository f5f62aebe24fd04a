#include "http/HttpStackHeaders.h"
#include "preview/DiagnosticModel.h"
#include "preview/EncodingsView.h"
#include "preview/HttpHeaderModel.h"
#include "preview/PreviewPane.h"
#include "response/BodyView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

class TestPreviewPane : public QObject
{
    Q_OBJECT

private slots:
    void showsRequestLineHeadersAndBody();
    void stackHeaders_data();
    void stackHeaders();
    void learnsSentHeaders();
    void getShowsNoBody();
    void prettyToggle();
    void unchangedRequestDoesNotTouchEditor();
    void diagnosticActivationJumps();
    void tablesLetTabMoveOn();
    void encodingsMarkDifferences();
    void encodingsValidity_data();
    void encodingsValidity();
    void secretHeaderMasked();

private:
    static RenderedRequest jsonRequest();
};

RenderedRequest TestPreviewPane::jsonRequest()
{
    RenderedRequest request;
    request.method = QStringLiteral("POST");
    request.url = QStringLiteral("http://127.0.0.1:18787/enrich?src=mkto");
    request.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false}};
    request.body = QByteArrayLiteral("{\"email\":\"ada@example.com\",\"n\":[1,2]}");
    request.hasBody = true;
    return request;
}

void TestPreviewPane::showsRequestLineHeadersAndBody()
{
    PreviewPane pane;
    QAbstractItemModelTester tester(pane.headerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.showRequest(jsonRequest(), {});
    auto* line = pane.findChild<QLabel*>(QStringLiteral("previewRequestLineLabel"));
    QVERIFY(line);
    QCOMPARE(line->text(), QStringLiteral("POST  http://127.0.0.1:18787/enrich?src=mkto"));
    const QList<HttpHeaderModel::Row>& rows = pane.headerModel()->rows();
    QVERIFY(rows.size() >= 7);
    QCOMPARE(rows.at(0).name, QStringLiteral("Host"));
    QCOMPARE(rows.at(0).value, QStringLiteral("127.0.0.1:18787"));
    QVERIFY(rows.at(0).addedByStack);
    QCOMPARE(rows.at(1).name, QStringLiteral("Content-Type"));
    QVERIFY(!rows.at(1).addedByStack);
    QCOMPARE(rows.at(2).name, QStringLiteral("Content-Length"));
    QCOMPARE(rows.at(2).value, QString::number(jsonRequest().body.size()));
    QVERIFY(pane.headerModel()->index(0, 0).data(Qt::FontRole).value<QFont>().italic());

    auto* body = pane.findChild<BodyView*>(QStringLiteral("previewBodyView"));
    QVERIFY(body);
    QCOMPARE(body->text().toUtf8(), jsonRequest().body);
    QCOMPARE(pane.bodyFormat(), BodyFormat::Json);
    QVERIFY(body->isLexerActive());
    QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("diagnosticsSummaryLabel"))->text(),
             QStringLiteral("No problems found"));
}

void TestPreviewPane::stackHeaders_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::newRow("port") << QStringLiteral("http://localhost:8080/x") << QStringLiteral("localhost:8080");
    QTest::newRow("no port") << QStringLiteral("https://api.example.com/v1?a=b") << QStringLiteral("api.example.com");
    QTest::newRow("idn") << QStringLiteral("https://bücher.example/x") << QStringLiteral("xn--bcher-kva.example");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:81/") << QStringLiteral("[::1]:81");
    QTest::newRow("no host") << QStringLiteral("not a url") << QString();
}

void TestPreviewPane::stackHeaders()
{
    QFETCH(QString, url);
    QFETCH(QString, host);
    QCOMPARE(HttpStackHeaders::hostHeader(url), host);
}

void TestPreviewPane::learnsSentHeaders()
{
    HttpStackHeaders stack;
    RenderedRequest request = jsonRequest();
    request.headers.append({QStringLiteral("user-agent"), QStringLiteral("Marketo/1"), false});
    QList<HttpHeaderModel::Row> rows = stack.rows(request);
    // A custom header of the same name replaces Qt's.
    QCOMPARE(std::count_if(rows.begin(),
                           rows.end(),
                           [](const HttpHeaderModel::Row& r) {
                               return r.name.compare(QLatin1String("User-Agent"), Qt::CaseInsensitive) == 0;
                           }),
             1);
    stack.learn({{"Accept-Encoding", "br, gzip"}});
    rows = stack.rows(request);
    const auto it = std::find_if(rows.begin(), rows.end(), [](const HttpHeaderModel::Row& r) {
        return r.name == QLatin1String("Accept-Encoding");
    });
    QVERIFY(it != rows.end());
    QCOMPARE(it->value, QStringLiteral("br, gzip"));
    QVERIFY(it->addedByStack);
}

void TestPreviewPane::getShowsNoBody()
{
    PreviewPane pane;
    RenderedRequest request = jsonRequest();
    request.method = QStringLiteral("GET");
    request.hasBody = false;
    request.body.clear();
    pane.showRequest(request, {});
    auto* noBody = pane.findChild<QLabel*>(QStringLiteral("previewNoBodyLabel"));
    QVERIFY(noBody);
    QVERIFY(noBody->text().contains(QStringLiteral("GET sends no body")));
    for (const HttpHeaderModel::Row& row : pane.headerModel()->rows())
        QVERIFY(row.name != QLatin1String("Content-Length"));
}

void TestPreviewPane::prettyToggle()
{
    PreviewPane pane;
    pane.showRequest(jsonRequest(), {});
    auto* pretty = pane.findChild<QCheckBox*>(QStringLiteral("previewPrettyCheckBox"));
    QVERIFY(pretty);
    pretty->setChecked(true);
    const QString text = pane.bodyView()->text();
    QVERIFY(text.contains(QStringLiteral("{\n  \"email\": \"ada@example.com\",\n  \"n\": [\n    1,\n    2\n  ]\n}")));
    pretty->setChecked(false);
    QCOMPARE(pane.bodyView()->text().toUtf8(), jsonRequest().body);

    // A body that is not well-formed is shown as sent, with the reason.
    RenderedRequest broken = jsonRequest();
    broken.body = QByteArrayLiteral("{\"a\": [1, 2}");
    pretty->setChecked(true);
    pane.showRequest(broken, {});
    QCOMPARE(pane.bodyView()->text().toUtf8(), broken.body);
}

void TestPreviewPane::unchangedRequestDoesNotTouchEditor()
{
    PreviewPane pane;
    Diagnostic d;
    d.where = {DiagnosticLocation::Part::Url};
    d.message = QStringLiteral("x");
    pane.showRequest(jsonRequest(), {d});
    QSignalSpy textChanges(pane.bodyView(), &QsciScintilla::textChanged);
    QSignalSpy resets(pane.diagnosticModel(), &QAbstractItemModel::modelReset);
    QSignalSpy headerResets(pane.headerModel(), &QAbstractItemModel::modelReset);
    for (int i = 0; i < 5; ++i)
        pane.showRequest(jsonRequest(), {d});
    QCOMPARE(textChanges.count(), 0);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(headerResets.count(), 0);

    RenderedRequest changed = jsonRequest();
    changed.body += ' ';
    pane.showRequest(changed, {d});
    QVERIFY(textChanges.count() > 0);
}

void TestPreviewPane::diagnosticActivationJumps()
{
    PreviewPane pane;
    pane.resize(800, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    Diagnostic first;
    first.where = {DiagnosticLocation::Part::Url};
    first.message = QStringLiteral("Unknown token");
    first.line = 1;
    first.column = 8;
    Diagnostic second;
    second.severity = Diagnostic::Severity::Warning;
    second.where = DiagnosticLocation::header(2, true);
    second.message = QStringLiteral("Empty");
    pane.showRequest(jsonRequest(), {first, second});
    QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("diagnosticsSummaryLabel"))->text(),
             QStringLiteral("1 error(s), 1 warning(s)"));

    auto* table = pane.findChild<QTableView*>(QStringLiteral("diagnosticsTable"));
    QVERIFY(table);
    QSignalSpy jumps(&pane, &PreviewPane::jumpTo);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, DiagnosticModel::MessageColumn));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(jumps.count(), 1);
    QCOMPARE(jumps.at(0).at(0).value<DiagnosticLocation>(), DiagnosticLocation {DiagnosticLocation::Part::Url});
    QCOMPARE(jumps.at(0).at(1).toInt(), 1);
    QCOMPARE(jumps.at(0).at(2).toInt(), 8);

    // One click is enough, as in an issues list.
    const QRect rect = table->visualRect(table->model()->index(1, DiagnosticModel::MessageColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(jumps.count(), 2);
    QCOMPARE(jumps.at(1).at(0).value<DiagnosticLocation>(), DiagnosticLocation::header(2, true));
    QCOMPARE(jumps.at(1).at(1).toInt(), 0);
    // A double click still goes there (again: going to the same place twice is harmless).
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QVERIFY(jumps.count() > 2);
    QCOMPARE(jumps.last().at(0).value<DiagnosticLocation>(), DiagnosticLocation::header(2, true));
}

void TestPreviewPane::tablesLetTabMoveOn()
{
    PreviewPane pane;
    pane.resize(800, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QApplication::setActiveWindow(&pane);
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    Diagnostic first;
    first.where = {DiagnosticLocation::Part::Url};
    first.message = QStringLiteral("Unknown token");
    Diagnostic second = first;
    second.where = {DiagnosticLocation::Part::Template};
    pane.showRequest(jsonRequest(), {first, second});
    // Read-only tables: Tab leaves them rather than walking their cells.
    for (const char* name : {"previewHeadersTable", "diagnosticsTable"}) {
        auto* table = pane.findChild<QTableView*>(QLatin1String(name));
        QVERIFY2(table, name);
        QVERIFY2(!table->tabKeyNavigation(), name);
    }
    auto* diagnostics = pane.findChild<QTableView*>(QStringLiteral("diagnosticsTable"));
    diagnostics->setFocus();
    diagnostics->setCurrentIndex(diagnostics->model()->index(0, 0));
    QTRY_VERIFY(diagnostics->hasFocus());
    QTest::keyClick(diagnostics, Qt::Key_Tab);
    QTRY_VERIFY(!diagnostics->hasFocus());
    QCOMPARE(diagnostics->currentIndex().row(), 0);
}

void TestPreviewPane::encodingsMarkDifferences()
{
    PreviewPane pane;
    QSignalSpy shown(&pane, &PreviewPane::encodingsTabShown);
    pane.show();
    pane.showEncodingsTab();
    QCOMPARE(shown.count(), 1);
    QVERIFY(pane.isEncodingsTabShown());

    const QByteArray none = "{\n  \"company\": Jack \"J\" & Jill,\n  \"n\": 42\n}";
    const QByteArray json = "{\n  \"company\": \"Jack \\\"J\\\" & Jill\",\n  \"n\": 42\n}";
    const QByteArray form = "{\n  \"company\": Jack+%22J%22+%26+Jill,\n  \"n\": 42\n}";
    RenderedRequest request = jsonRequest();
    request.body = json;
    pane.showRequest(request, {});
    pane.showEncodings(none, json, form, TokenEncoding::Json);

    EncodingsView* view = pane.encodingsView();
    QCOMPARE(view->view(TokenEncoding::None)->text().toUtf8(), none);
    QCOMPARE(view->view(TokenEncoding::FormUrl)->text().toUtf8(), form);
    // Only the company line differs; every body has exactly one marked span.
    for (TokenEncoding e : {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl})
        QCOMPARE(view->view(e)->markedRangeCount(), 1);
    const auto marks = EncodingsView::differences({none, json, form});
    QCOMPARE(none.mid(marks[0][0].first, marks[0][0].second), QByteArray("Jack \"J\" & Jill"));
    QCOMPARE(json.mid(marks[1][0].first, marks[1][0].second), QByteArray("\"Jack \\\"J\\\" & Jill\""));
    QCOMPARE(form.mid(marks[2][0].first, marks[2][0].second), QByteArray("Jack+%22J%22+%26+Jill"));

    QVERIFY(view->statusLabel(TokenEncoding::None)->text().contains(QStringLiteral("Not valid JSON")));
    QVERIFY(view->statusLabel(TokenEncoding::Json)->text().contains(QStringLiteral("Valid JSON")));
    QVERIFY(view->findChild<QLabel*>(QStringLiteral("encodingJsonTitleLabel"))
                ->text()
                .contains(QStringLiteral("this webhook")));
}

void TestPreviewPane::encodingsValidity_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("contains");
    QTest::newRow("json ok") << QByteArray("{\"a\":\"b\"}") << int(BodyFormat::Json) << true
                             << QStringLiteral("Valid JSON");
    QTest::newRow("json bad") << QByteArray("{\"a\":b}") << int(BodyFormat::Json) << false << QStringLiteral("line 1");
    QTest::newRow("xml ok") << QByteArray("<a><b>x</b></a>") << int(BodyFormat::Xml) << true
                            << QStringLiteral("Well-formed");
    QTest::newRow("xml bad") << QByteArray("<a>Jack & Jill</a>") << int(BodyFormat::Xml) << false
                             << QStringLiteral("Not well-formed");
    QTest::newRow("form ok") << QByteArray("a=Jack+%26+Jill&b=2") << int(BodyFormat::Form) << true
                             << QStringLiteral("2 field");
    QTest::newRow("form ampersand") << QByteArray("a=Jack & Jill&b=2") << int(BodyFormat::Form) << false
                                    << QStringLiteral("pair 1");
    QTest::newRow("form missing =") << QByteArray("a=Jack&Jill&b=2") << int(BodyFormat::Form) << false
                                    << QStringLiteral("pair 2 \"Jill\"");
}

void TestPreviewPane::encodingsValidity()
{
    QFETCH(QByteArray, body);
    QFETCH(int, format);
    QFETCH(bool, valid);
    QFETCH(QString, contains);
    bool ok = !valid;
    const QString text = EncodingsView::validity(body, BodyFormat(format), &ok);
    QCOMPARE(ok, valid);
    QVERIFY2(text.contains(contains), qPrintable(text));
}

void TestPreviewPane::secretHeaderMasked()
{
    PreviewPane pane;
    RenderedRequest request = jsonRequest();
    request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer s3cret"), true});
    pane.showRequest(request, {});
    HttpHeaderModel* model = pane.headerModel();
    bool found = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == QLatin1String("Authorization")) {
            found = true;
            QCOMPARE(model->index(row, 1).data().toString(), HttpHeaderModel::maskedValue());
        }
    }
    QVERIFY(found);
}

QTEST_MAIN(TestPreviewPane)
#include "tst_previewpane.moc"
