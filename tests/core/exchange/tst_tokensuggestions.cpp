#include "TemplateTestSupport.h"
#include "exchange/CurlImport.h"
#include "exchange/TokenSuggestions.h"
#include "template/Renderer.h"

#include <QTest>

namespace {

Workspace fixture()
{
    Workspace w = templateTestWorkspace({customField("Shoe Size", "shoeSize", FieldType::Integer)},
                                        {contextValue("apiKey", "k-123456", true)},
                                        {contextValue("name", "Q4 Webinar")});
    QJsonObject lead;
    lead.insert(QStringLiteral("Email Address"), QStringLiteral("ada@example.com"));
    lead.insert(QStringLiteral("First Name"), QStringLiteral("Ada"));
    lead.insert(QStringLiteral("Last Name"), QStringLiteral("Lovelace Byron"));
    lead.insert(QStringLiteral("Shoe Size"), 420);
    lead.insert(QStringLiteral("City"), QStringLiteral("NY")); // too short to suggest
    w.leads.append(lead);
    return w;
}

Webhook imported(const QString& command)
{
    CurlImport import;
    QString error;
    if (!import.parse(command, &error)) {
        qWarning() << error;
    }
    return import.webhook();
}

QStringList describe(const QList<TokenSuggestion>& list)
{
    QStringList out;
    for (const TokenSuggestion& s : list) {
        out.append(QStringLiteral("%1@%2+%3 %4 -> %5").arg(s.where).arg(s.offset).arg(s.length).arg(s.value, s.token));
    }
    return out;
}

} // namespace

class TestTokenSuggestions : public QObject
{
    Q_OBJECT

private slots:
    void jsonBody();
    void formBody();
    void urlAndHeaders();
    void textInsideLongerWordIsNotOffered();
};

void TestTokenSuggestions::jsonBody()
{
    const Workspace workspace = fixture();
    Webhook webhook =
        imported(QStringLiteral("curl https://a.test/x --json '{\"email\": \"ada@example.com\", \"size\": "
                                "420, \"greeting\": \"Hello Ada\", \"program\": \"Q4 Webinar\"}'"));
    const QList<TokenSuggestion> found = TokenSuggestions::find(workspace, webhook);
    QCOMPARE(describe(found),
             (QStringList {
                 QStringLiteral("template@10+17 ada@example.com -> {{lead.Email Address}}"),
                 QStringLiteral("template@37+3 420 -> {{lead.Shoe Size}}"),
                 QStringLiteral("template@78+12 Q4 Webinar -> {{program.name}}"),
             }));
    QStringList notes;
    TokenSuggestions::apply(&webhook, found, &notes);
    QCOMPARE(webhook.payloadTemplate,
             QStringLiteral("{\"email\": {{lead.Email Address}}, \"size\": {{lead.Shoe Size}}, \"greeting\": \"Hello "
                            "Ada\", \"program\": {{program.name}}}"));
    QCOMPARE(webhook.requestTokenEncoding, TokenEncoding::Json);
    QCOMPARE(notes.size(), 1);
    // The template renders to the body curl sends.
    const RenderedRequest request = Renderer(workspace, webhook).render(workspace.leads.first(), pinnedNow());
    QCOMPARE(
        request.body,
        QByteArray("{\"email\": \"ada@example.com\", \"size\": 420, \"greeting\": \"Hello Ada\", \"program\": \"Q4 "
                   "Webinar\"}"));
}

void TestTokenSuggestions::formBody()
{
    const Workspace workspace = fixture();
    Webhook webhook = imported(QStringLiteral("curl https://a.test -d 'email=ada%40example.com&name=Lovelace+Byron'"));
    const QList<TokenSuggestion> found = TokenSuggestions::find(workspace, webhook);
    QCOMPARE(describe(found),
             (QStringList {QStringLiteral("template@6+17 ada@example.com -> {{lead.Email Address}}"),
                           QStringLiteral("template@29+14 Lovelace Byron -> {{lead.Last Name}}")}));
    TokenSuggestions::apply(&webhook, found);
    QCOMPARE(webhook.payloadTemplate, QStringLiteral("email={{lead.Email Address}}&name={{lead.Last Name}}"));
    QCOMPARE(webhook.requestTokenEncoding, TokenEncoding::FormUrl);
    const RenderedRequest request = Renderer(workspace, webhook).render(workspace.leads.first(), pinnedNow());
    QCOMPARE(request.body, QByteArray("email=ada%40example.com&name=Lovelace+Byron"));
}

void TestTokenSuggestions::urlAndHeaders()
{
    const Workspace workspace = fixture();
    Webhook webhook = imported(QStringLiteral(
        "curl 'https://a.test/p/ada%40example.com?k=k-123456' -H 'X-Api-Key: k-123456' -H 'X-Who: Ada'"));
    const QList<TokenSuggestion> found = TokenSuggestions::find(workspace, webhook);
    QCOMPARE(describe(found),
             (QStringList {QStringLiteral("url@17+17 ada@example.com -> {{lead.Email Address}}"),
                           QStringLiteral("url@37+8 k-123456 -> {{my.apiKey}}"),
                           QStringLiteral("headers[0].value@0+8 k-123456 -> {{my.apiKey}}"),
                           QStringLiteral("headers[1].value@0+3 Ada -> {{lead.First Name}}")}));
    QStringList notes;
    TokenSuggestions::apply(&webhook, found, &notes);
    QCOMPARE(webhook.url, QStringLiteral("https://a.test/p/{{lead.Email Address}}?k={{my.apiKey}}"));
    QCOMPARE(webhook.headers.at(0).value, QStringLiteral("{{my.apiKey}}"));
    QCOMPARE(webhook.headers.at(1).value, QStringLiteral("{{lead.First Name}}"));
    QCOMPARE(webhook.requestTokenEncoding, TokenEncoding::None);
    QCOMPARE(notes,
             (QStringList {QStringLiteral("{{lead.Email Address}} is in the URL: Marketo percent-encodes its value "
                                          "there (a space as %20, @ as %40)"),
                           QStringLiteral("{{my.apiKey}} is in the URL: Marketo percent-encodes its value there (a "
                                          "space as %20, @ as %40)")}));
    const RenderedRequest request = Renderer(workspace, webhook).render(workspace.leads.first(), pinnedNow());
    QCOMPARE(request.url, QStringLiteral("https://a.test/p/ada%40example.com?k=k-123456"));
}

void TestTokenSuggestions::textInsideLongerWordIsNotOffered()
{
    const Workspace workspace = fixture();
    const Webhook webhook = imported(QStringLiteral("curl 'https://a.test/Adam' -H 'X: Adaline' --data-raw 'Ada'"));
    QCOMPARE(describe(TokenSuggestions::find(workspace, webhook)),
             QStringList {QStringLiteral("template@0+3 Ada -> {{lead.First Name}}")});
}

QTEST_GUILESS_MAIN(TestTokenSuggestions)
#include "tst_tokensuggestions.moc"
