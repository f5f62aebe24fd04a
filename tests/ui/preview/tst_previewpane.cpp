#include "ChildLookup.h"
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
#include <QTabWidget>
#include <QTableView>
#include <QTest>

namespace {
// The runs of text a body view marks, read back from Scintilla: lexers own indicators 0-7,
// so any indicator above them is the view's mark.
int markedRuns(BodyView* view)
{
    int runs = 0;
    bool inRun = false;
    const long length = view->SendScintilla(QsciScintilla::SCI_GETLENGTH);
    for (long position = 0; position < length; ++position) {
        const bool marked =
            (view->SendScintilla(QsciScintilla::SCI_INDICATORALLONFOR, static_cast<unsigned long>(position)) >> 8) != 0;
        if (marked && !inRun)
            ++runs;
        inRun = marked;
    }
    return runs;
}
} // namespace

class tst_PreviewPane : public QObject
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

RenderedRequest tst_PreviewPane::jsonRequest()
{
    RenderedRequest request;
    request.method = QStringLiteral("POST");
    request.url = QStringLiteral("http://127.0.0.1:18787/enrich?src=mkto");
    request.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false}};
    request.body = QByteArrayLiteral("{\"email\":\"ada@example.com\",\"n\":[1,2]}");
    request.hasBody = true;
    return request;
}

void tst_PreviewPane::showsRequestLineHeadersAndBody()
{
    PreviewPane pane;
    QAbstractItemModelTester tester(pane.headerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.showRequest(jsonRequest(), {});
    WD_FIND_CHILD(line, QLabel, &pane, "previewRequestLineLabel");
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

    WD_FIND_CHILD(body, BodyView, &pane, "previewBodyView");
    WD_FIND_CHILD(summary, QLabel, &pane, "diagnosticsSummaryLabel");
    QCOMPARE(body->text().toUtf8(), jsonRequest().body);
    QCOMPARE(body->format(), BodyFormat::Json);
    QVERIFY(body->isLexerActive());
    QCOMPARE(summary->text(), QStringLiteral("No problems found"));
}

void tst_PreviewPane::stackHeaders_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::newRow("port") << QStringLiteral("http://localhost:8080/x") << QStringLiteral("localhost:8080");
    QTest::newRow("no port") << QStringLiteral("https://api.example.com/v1?a=b") << QStringLiteral("api.example.com");
    QTest::newRow("idn") << QStringLiteral("https://bücher.example/x") << QStringLiteral("xn--bcher-kva.example");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:81/") << QStringLiteral("[::1]:81");
    QTest::newRow("no host") << QStringLiteral("not a url") << QString();
}

void tst_PreviewPane::stackHeaders()
{
    QFETCH(QString, url);
    QFETCH(QString, host);
    QCOMPARE(HttpStackHeaders::hostHeader(url), host);
}

void tst_PreviewPane::learnsSentHeaders()
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

void tst_PreviewPane::getShowsNoBody()
{
    PreviewPane pane;
    RenderedRequest request = jsonRequest();
    request.method = QStringLiteral("GET");
    request.hasBody = false;
    request.body.clear();
    pane.showRequest(request, {});
    WD_FIND_CHILD(noBody, QLabel, &pane, "previewNoBodyLabel");
    QVERIFY(noBody->text().contains(QStringLiteral("GET sends no body")));
    for (const HttpHeaderModel::Row& row : pane.headerModel()->rows())
        QVERIFY(row.name != QLatin1String("Content-Length"));
}

void tst_PreviewPane::prettyToggle()
{
    PreviewPane pane;
    pane.showRequest(jsonRequest(), {});
    WD_FIND_CHILD(pretty, QCheckBox, &pane, "previewPrettyCheckBox");
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

void tst_PreviewPane::unchangedRequestDoesNotTouchEditor()
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

void tst_PreviewPane::diagnosticActivationJumps()
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
    WD_FIND_CHILD(summary, QLabel, &pane, "diagnosticsSummaryLabel");
    WD_FIND_CHILD(table, QTableView, &pane, "diagnosticsTable");
    QCOMPARE(summary->text(), QStringLiteral("1 error(s), 1 warning(s)"));

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

void tst_PreviewPane::tablesLetTabMoveOn()
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
        WD_FIND_CHILD(table, QTableView, &pane, name);
        QVERIFY2(!table->tabKeyNavigation(), name);
    }
    WD_FIND_CHILD(diagnostics, QTableView, &pane, "diagnosticsTable");
    diagnostics->setFocus();
    diagnostics->setCurrentIndex(diagnostics->model()->index(0, 0));
    QTRY_VERIFY(diagnostics->hasFocus());
    QTest::keyClick(diagnostics, Qt::Key_Tab);
    QTRY_VERIFY(!diagnostics->hasFocus());
    QCOMPARE(diagnostics->currentIndex().row(), 0);
}

void tst_PreviewPane::encodingsMarkDifferences()
{
    PreviewPane pane;
    WD_FIND_CHILD(tabs, QTabWidget, &pane, "previewTabs");
    WD_FIND_CHILD(view, EncodingsView, &pane, "encodingsWidget");
    WD_FIND_CHILD(jsonTitle, QLabel, view, "encodingJsonTitleLabel");
    QSignalSpy shown(&pane, &PreviewPane::encodingsTabShown);
    pane.show();
    tabs->setCurrentWidget(view);
    QCOMPARE(shown.count(), 1);
    QVERIFY(pane.isEncodingsTabShown());

    const QByteArray none = "{\n  \"company\": Jack \"J\" & Jill,\n  \"n\": 42\n}";
    const QByteArray json = "{\n  \"company\": \"Jack \\\"J\\\" & Jill\",\n  \"n\": 42\n}";
    const QByteArray form = "{\n  \"company\": Jack+%22J%22+%26+Jill,\n  \"n\": 42\n}";
    RenderedRequest request = jsonRequest();
    request.body = json;
    pane.showRequest(request, {});
    pane.showEncodings(none, json, form, TokenEncoding::Json);

    QCOMPARE(view->view(TokenEncoding::None)->text().toUtf8(), none);
    QCOMPARE(view->view(TokenEncoding::FormUrl)->text().toUtf8(), form);
    // Only the company line differs; every body has exactly one marked span.
    for (TokenEncoding e : {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl})
        QCOMPARE(markedRuns(view->view(e)), 1);
    const auto marks = EncodingsView::differences({none, json, form});
    QCOMPARE(none.mid(marks[0][0].first, marks[0][0].second), QByteArray("Jack \"J\" & Jill"));
    QCOMPARE(json.mid(marks[1][0].first, marks[1][0].second), QByteArray("\"Jack \\\"J\\\" & Jill\""));
    QCOMPARE(form.mid(marks[2][0].first, marks[2][0].second), QByteArray("Jack+%22J%22+%26+Jill"));

    QVERIFY(view->statusLabel(TokenEncoding::None)->text().contains(QStringLiteral("Not valid JSON")));
    QVERIFY(view->statusLabel(TokenEncoding::Json)->text().contains(QStringLiteral("Valid JSON")));
    QVERIFY(jsonTitle->text().contains(QStringLiteral("this webhook")));
}

void tst_PreviewPane::encodingsValidity_data()
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

void tst_PreviewPane::encodingsValidity()
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

void tst_PreviewPane::secretHeaderMasked()
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

QTEST_MAIN(tst_PreviewPane)
#include "tst_previewpane.moc"
