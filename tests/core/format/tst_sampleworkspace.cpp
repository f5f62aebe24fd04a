#include "format/CsvImporter.h"
#include "format/WorkspaceFile.h"
#include "template/Linter.h"
#include "template/Renderer.h"

#include <QFile>
#include <QTest>

// The sample workspace the designer opens on first start: it must load, be in the
// canonical written form, lint clean and render every webhook for every sample lead.
class tst_SampleWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void isCanonical();
    void showsWhatItShould();
    void lintsClean();
    void rendersForEveryLead();
    void sampleLeadsImport();

private:
    QByteArray m_bytes;
    Workspace m_workspace;
};

void tst_SampleWorkspace::initTestCase()
{
    QFile file(QStringLiteral(WD_SOURCE_DIR "/resources/sample.webhooks.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_bytes = file.readAll();
    QString error;
    QVERIFY2(WorkspaceFile::read(m_bytes, &m_workspace, &error), qPrintable(error));
}

void tst_SampleWorkspace::isCanonical()
{
    // Saved unchanged, the file does not move: opening the sample and saving it shows no diff.
    QCOMPARE(QString::fromUtf8(WorkspaceFile::write(m_workspace)), QString::fromUtf8(m_bytes));
}

void tst_SampleWorkspace::showsWhatItShould()
{
    QVERIFY(m_workspace.leads.size() >= 4);
    QVERIFY(!m_workspace.fields.isEmpty());
    QVERIFY(m_workspace.context.my.find(QStringLiteral("apiKey"))->secret);
    QVERIFY(m_workspace.context.program.present);
    QVERIFY(m_workspace.context.campaign.present);
    QVERIFY(m_workspace.context.trigger.present);

    bool jsonMappings = false;
    bool formPost = false;
    bool xml = false;
    bool get = false;
    for (const Webhook& h : m_workspace.webhooks) {
        jsonMappings = jsonMappings
                       || (h.responseType == ResponseType::Json && h.responseMappings.size() >= 5
                           && h.url == QLatin1String("http://127.0.0.1:18787/enrich"));
        formPost =
            formPost || (h.requestTokenEncoding == TokenEncoding::FormUrl && h.url.endsWith(QLatin1String("/echo")));
        xml = xml || (h.responseType == ResponseType::Xml && h.url.endsWith(QLatin1String("/enrich.xml")));
        get = get || (h.requestType == RequestType::Get && h.url.contains(QLatin1String("{{")));
    }
    QVERIFY(jsonMappings);
    QVERIFY(formPost);
    QVERIFY(xml);
    QVERIFY(get);
}

void tst_SampleWorkspace::lintsClean()
{
    const QList<Diagnostic> diagnostics = Linter::lintAll(m_workspace);
    for (const Diagnostic& d : diagnostics) {
        QVERIFY2(d.severity != Diagnostic::Severity::Error,
                 qPrintable(d.webhook + QStringLiteral(": ") + d.where.toString() + QStringLiteral(": ") + d.message));
    }
}

void tst_SampleWorkspace::rendersForEveryLead()
{
    const QDateTime now(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);
    for (const Webhook& h : m_workspace.webhooks) {
        const Renderer renderer(m_workspace, h);
        for (const QJsonObject& lead : m_workspace.leads) {
            const RenderedRequest request = renderer.render(lead, now);
            QVERIFY2(!request.hasErrors(), qPrintable(h.name));
            QCOMPARE(request.method, WebhookEnums::name(h.requestType));
        }
    }
}

void tst_SampleWorkspace::sampleLeadsImport()
{
    CsvImportResult result;
    QString error;
    QVERIFY2(CsvImporter::importFile(
                 QStringLiteral(WD_SOURCE_DIR "/resources/sample-leads.csv"), m_workspace.catalog(), &result, &error),
             qPrintable(error));
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.leads.size(), 10);
}

QTEST_GUILESS_MAIN(tst_SampleWorkspace)
#include "tst_sampleworkspace.moc"
