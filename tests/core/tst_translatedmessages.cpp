#include "exchange/CurlImport.h"
#include "format/CsvImporter.h"
#include "http/HttpClient.h"
#include "marketo/MarketoProblem.h"
#include "response/MappingEvaluator.h"
#include "response/ResponsePath.h"
#include "sandbox/SandboxServer.h"
#include "template/Linter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTranslator>

// The messages core makes for the window go through the translation system: with a real
// translator installed they come out translated, with none (as in the CLI) they stay
// English. The translator is the project's translation template compiled by lrelease
// with every text left untranslated marked, so a text is marked exactly when its
// source is in the template and its code asks for a translation.
class tst_TranslatedMessages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void messagesAreTranslated_data();
    void messagesAreTranslated();
    void englishWithoutTranslator();

private:
    QStringList messages(const QString& source);

    SandboxServer m_server;
    QNetworkAccessManager m_manager;
};

namespace {

// What lrelease -markuntranslated puts before each text; see CMakeLists.txt.
const QString marker = QStringLiteral("§");

const QDateTime fixedNow = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);

Workspace workspace()
{
    Workspace ws;
    ws.leads << QJsonObject {{QStringLiteral("Email Address"), QStringLiteral("ada@example.com")}};
    return ws;
}

Webhook webhook()
{
    Webhook w;
    w.name = QStringLiteral("Enrich lead");
    w.url = QStringLiteral("https://api.example.com/enrich");
    w.requestType = RequestType::Post;
    w.payloadTemplate = QStringLiteral("{\"email\": \"{{lead.Email Address}}\"}");
    w.requestTokenEncoding = TokenEncoding::Json;
    w.responseType = ResponseType::Json;
    w.headers << Header {QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}, false};
    w.responseMappings << ResponseMapping {QStringLiteral("data.company"), QStringLiteral("company"), {}};
    return w;
}

// An installed translator for as long as it lives.
class InstalledTranslator
{
public:
    explicit InstalledTranslator(QTranslator* translator) : m_translator(translator)
    {
        m_installed = QCoreApplication::installTranslator(m_translator);
    }
    ~InstalledTranslator() { QCoreApplication::removeTranslator(m_translator); }
    bool installed() const { return m_installed; }

private:
    QTranslator* m_translator;
    bool m_installed = false;
    Q_DISABLE_COPY(InstalledTranslator)
};

} // namespace

void tst_TranslatedMessages::initTestCase()
{
    QString error;
    QVERIFY2(m_server.listen(0, 1, &error), qPrintable(error));
}

// The messages of one part of core for inputs it rejects, in the language installed now.
QStringList tst_TranslatedMessages::messages(const QString& source)
{
    QStringList out;
    if (source == QLatin1String("linter")) {
        Webhook w = webhook();
        w.url.clear();
        w.headers.clear();
        w.responseMappings << ResponseMapping {QStringLiteral("data[*]"), QStringLiteral("company"), {}};
        for (const Diagnostic& d : Linter::lint(workspace(), w, 0, fixedNow))
            out << d.message;
    } else if (source == QLatin1String("mapping")) {
        const Workspace ws = workspace();
        const Webhook w = webhook();
        out << MappingEvaluator::evaluate(ws, w, ws.leads.first(), 500, "{}").reason;
        for (const MappingResult& r : MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, "{}").mappings)
            out << r.reason;
        out << MappingEvaluator::evaluate(ws, w, ws.leads.first(), 200, "{\"data\": ").reason;
    } else if (source == QLatin1String("path")) {
        out << ResponsePath::parse(QStringLiteral("data..company"), ResponsePath::Syntax::Json).error();
    } else if (source == QLatin1String("http")) {
        HttpClient client(&m_manager);
        RenderedRequest request;
        request.method = QStringLiteral("GET");
        request.url = m_server.url().toString() + QStringLiteral("/close");
        out << client.callAndWait(request).errorMessage;
        request.method = QStringLiteral("GE T");
        out << HttpClient::validate(request);
    } else if (source == QLatin1String("csv")) {
        CsvImportResult result;
        QString error;
        CsvImporter::import("Email Address,First Name\nada@example.com\n\"grace", FieldCatalog(), &result, &error);
        for (const CsvRowError& e : result.errors)
            out << e.toString();
        CsvImporter::import(QByteArray(), FieldCatalog(), &result, &error);
        out << error;
    } else if (source == QLatin1String("marketo")) {
        const QJsonObject body {
            {QStringLiteral("success"), false},
            {QStringLiteral("errors"),
             QJsonArray {QJsonObject {{QStringLiteral("code"), QStringLiteral("603")},
                                      {QStringLiteral("message"), QStringLiteral("Access denied")}}}}};
        out << MarketoProblem::fromErrors(body, QStringLiteral("the lead fields"), QStringLiteral("Read-Only Lead"))
                   .toString();
        out << MarketoProblem::cancelled().toString();
    } else if (source == QLatin1String("curl")) {
        CurlImport import;
        QString error;
        import.parse(QStringLiteral("curl -F file=@a.txt https://example.com"), &error);
        out << error;
    }
    return out;
}

void tst_TranslatedMessages::messagesAreTranslated_data()
{
    QTest::addColumn<QString>("source");
    for (const char* source : {"linter", "mapping", "path", "http", "csv", "marketo", "curl"})
        QTest::newRow(source) << QString::fromLatin1(source);
}

void tst_TranslatedMessages::messagesAreTranslated()
{
    QFETCH(QString, source);
    const QStringList english = messages(source);
    QVERIFY(!english.isEmpty());

    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(WD_MARKED_QM)), WD_MARKED_QM);
    QStringList translated;
    {
        const InstalledTranslator installed(&translator);
        QVERIFY(installed.installed());
        translated = messages(source);
    }
    QCOMPARE(translated.size(), english.size());
    for (int i = 0; i < english.size(); ++i) {
        const QString& message = translated.at(i);
        QVERIFY2(!english.at(i).isEmpty(), qPrintable(source));
        QVERIFY2(!english.at(i).contains(marker), qPrintable(english.at(i)));
        // The whole message is a translated text, with the translated parts in it...
        QVERIFY2(message.startsWith(marker), qPrintable(message));
        // ...and the translation changed nothing but the texts: the values are in place.
        QCOMPARE(QString(message).remove(marker), english.at(i));
    }
}

// Once the translator is gone the messages are English again, exactly as the CLI shows
// them.
void tst_TranslatedMessages::englishWithoutTranslator()
{
    const QStringList before = messages(QStringLiteral("linter"));
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(WD_MARKED_QM)));
    {
        const InstalledTranslator installed(&translator);
        QVERIFY(messages(QStringLiteral("linter")) != before);
    }
    QCOMPARE(messages(QStringLiteral("linter")), before);
}

QTEST_GUILESS_MAIN(tst_TranslatedMessages)
#include "tst_translatedmessages.moc"
