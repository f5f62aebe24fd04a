#include "UiTestWorkspace.h"
#include "document/AddWebhookCommand.h"
#include "document/EditContextCommand.h"
#include "document/EditLeadCommand.h"
#include "document/EditRowCommand.h"
#include "document/ImportLeadsCommand.h"
#include "document/InsertRowCommand.h"
#include "document/MoveRowCommand.h"
#include "document/RemoveRowCommand.h"
#include "document/RemoveWebhookCommand.h"
#include "document/SetTrustedCertificateCommand.h"
#include "document/SetWebhookPropertyCommand.h"
#include "document/WorkspaceDocument.h"

#include <QTest>
#include <QUndoStack>

using RowTable = WorkspaceDocument::RowTable;
using Property = WorkspaceDocument::Property;

enum class RowCommandKind { Insert, Edit, Remove, Move };

Q_DECLARE_METATYPE(WorkspaceDocument::RowTable)
Q_DECLARE_METATYPE(RowCommandKind)

// Each undo command of the document on its own: what redo() does to the workspace, that
// undo() gives back exactly what was there, the text the Edit menu shows, and which
// commands merge. Pushed on the document's own stack, as the window does.
class tst_UndoCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addWebhook();
    void removeWebhook();
    void setWebhookProperty_data();
    void setWebhookProperty();
    void typingMergesIntoOneStep();
    void typingBackToTheStartLeavesNothingToUndo();
    void mergesOnlyTheSameTextPropertyOfTheSameWebhook_data();
    void mergesOnlyTheSameTextPropertyOfTheSameWebhook();
    void rowCommand_data();
    void rowCommand();
    void editContext_data();
    void editContext();
    void editLead();
    void importLeads();
    void setTrustedCertificate_data();
    void setTrustedCertificate();

private:
    // The rows of the first webhook's table, one text per row ("name=value*" for a
    // secret header, "attribute->field" for a mapping).
    QStringList rows(RowTable table) const;
    QUndoStack* stack() const { return m_document->undoStack(); }
    // Pushes the command (which runs redo()), then checks it is what the stack holds.
    void push(QUndoCommand* command, const QString& text);

    WorkspaceDocument* m_document = nullptr;
};

void tst_UndoCommands::init()
{
    m_document = new WorkspaceDocument(this);
    m_document->reset(uiTestWorkspace(), QString());
}

void tst_UndoCommands::cleanup()
{
    delete m_document;
    m_document = nullptr;
}

QStringList tst_UndoCommands::rows(RowTable table) const
{
    QStringList texts;
    const Webhook& webhook = m_document->workspace().webhooks.at(0);
    if (table == RowTable::Headers) {
        for (const Header& header : webhook.headers)
            texts << header.name + QLatin1Char('=') + header.value + (header.secret ? QStringLiteral("*") : QString());
    } else {
        for (const ResponseMapping& mapping : webhook.responseMappings)
            texts << mapping.attribute + QStringLiteral("->") + mapping.field;
    }
    return texts;
}

void tst_UndoCommands::push(QUndoCommand* command, const QString& text)
{
    QCOMPARE(command->text(), text);
    const int count = stack()->count();
    stack()->push(command);
    QCOMPARE(stack()->count(), count + 1);
    QCOMPARE(stack()->undoText(), text);
}

void tst_UndoCommands::addWebhook()
{
    Webhook hook;
    hook.name = QStringLiteral("Score");
    push(new AddWebhookCommand(m_document, 1, hook, QStringLiteral("Duplicate webhook")),
         QStringLiteral("Duplicate webhook"));
    const QList<Webhook>& webhooks = m_document->workspace().webhooks;
    QCOMPARE(webhooks.size(), 3);
    QCOMPARE(webhooks.at(0).name, QStringLiteral("Enrich"));
    QCOMPARE(webhooks.at(1).name, QStringLiteral("Score"));
    QCOMPARE(webhooks.at(2).name, QStringLiteral("Form post"));
    stack()->undo();
    QCOMPARE(m_document->workspace().webhooks.size(), 2);
    QCOMPARE(m_document->workspace().webhooks.at(1).name, QStringLiteral("Form post"));
}

void tst_UndoCommands::removeWebhook()
{
    push(new RemoveWebhookCommand(m_document, 0), QStringLiteral("Delete webhook \"Enrich\""));
    QCOMPARE(m_document->workspace().webhooks.size(), 1);
    QCOMPARE(m_document->workspace().webhooks.at(0).name, QStringLiteral("Form post"));
    stack()->undo();
    // Back at its place with everything it held.
    QCOMPARE(m_document->workspace().webhooks.size(), 2);
    QCOMPARE(m_document->workspace().webhooks.at(0).name, QStringLiteral("Enrich"));
    QCOMPARE(rows(RowTable::Headers),
             QStringList({QStringLiteral("Content-Type=application/json"),
                          QStringLiteral("Authorization=Bearer abc*"),
                          QStringLiteral("X-Trace={{lead.Id}}")}));
    QCOMPARE(
        rows(RowTable::Mappings),
        QStringList({QStringLiteral("data.company->company"), QStringLiteral("data.employees->numberOfEmployees")}));
}

void tst_UndoCommands::setWebhookProperty_data()
{
    QTest::addColumn<Property>("property");
    QTest::addColumn<QVariant>("before");
    QTest::addColumn<QVariant>("after");
    QTest::addColumn<QString>("text");
    QTest::newRow("name") << Property::Name << QVariant(QStringLiteral("Enrich"))
                          << QVariant(QStringLiteral("Enrich 2")) << QStringLiteral("Rename webhook");
    QTest::newRow("description") << Property::Description << QVariant(QString())
                                 << QVariant(QStringLiteral("Looks the company up"))
                                 << QStringLiteral("Edit description");
    QTest::newRow("url") << Property::Url
                         << QVariant(QStringLiteral("http://127.0.0.1:1/enrich?email={{lead.Email Address}}"))
                         << QVariant(QStringLiteral("https://example.com/")) << QStringLiteral("Edit URL");
    QTest::newRow("request type") << Property::RequestType << QVariant(int(RequestType::Post))
                                  << QVariant(int(RequestType::Put)) << QStringLiteral("Change request type");
    QTest::newRow("payload template") << Property::PayloadTemplate
                                      << QVariant(QStringLiteral("{\"email\": {{lead.Email Address}}}"))
                                      << QVariant(QStringLiteral("{}")) << QStringLiteral("Edit payload template");
    QTest::newRow("encoding") << Property::Encoding << QVariant(int(TokenEncoding::Json))
                              << QVariant(int(TokenEncoding::FormUrl))
                              << QStringLiteral("Change request token encoding");
    QTest::newRow("response type") << Property::ResponseType << QVariant(int(ResponseType::Json))
                                   << QVariant(int(ResponseType::Xml)) << QStringLiteral("Change response type");
}

void tst_UndoCommands::setWebhookProperty()
{
    QFETCH(Property, property);
    QFETCH(QVariant, before);
    QFETCH(QVariant, after);
    QFETCH(QString, text);
    const auto current = [this, property] {
        return WorkspaceDocument::property(m_document->workspace().webhooks.at(0), property);
    };
    QCOMPARE(current().toString(), before.toString());
    push(new SetWebhookPropertyCommand(m_document, 0, property, after), text);
    QCOMPARE(current().toString(), after.toString());
    stack()->undo();
    QCOMPARE(current().toString(), before.toString());
    stack()->redo();
    QCOMPARE(current().toString(), after.toString());
}

void tst_UndoCommands::typingMergesIntoOneStep()
{
    for (const QString& name : {QStringLiteral("E"), QStringLiteral("En"), QStringLiteral("Ent")})
        stack()->push(new SetWebhookPropertyCommand(m_document, 0, Property::Name, name));
    QCOMPARE(stack()->count(), 1);
    QCOMPARE(m_document->workspace().webhooks.at(0).name, QStringLiteral("Ent"));
    stack()->undo();
    QCOMPARE(m_document->workspace().webhooks.at(0).name, QStringLiteral("Enrich"));
    stack()->redo();
    QCOMPARE(m_document->workspace().webhooks.at(0).name, QStringLiteral("Ent"));
}

void tst_UndoCommands::typingBackToTheStartLeavesNothingToUndo()
{
    stack()->push(new SetWebhookPropertyCommand(m_document, 0, Property::Name, QStringLiteral("Enrich!")));
    stack()->push(new SetWebhookPropertyCommand(m_document, 0, Property::Name, QStringLiteral("Enrich")));
    QCOMPARE(stack()->count(), 0);
    QVERIFY(!stack()->canUndo());
    QCOMPARE(m_document->workspace().webhooks.at(0).name, QStringLiteral("Enrich"));
}

void tst_UndoCommands::mergesOnlyTheSameTextPropertyOfTheSameWebhook_data()
{
    QTest::addColumn<int>("secondWebhook");
    QTest::addColumn<Property>("firstProperty");
    QTest::addColumn<Property>("secondProperty");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("steps");
    QTest::newRow("same text property") << 0 << Property::Url << Property::Url << QVariant(QStringLiteral("http://a/"))
                                        << 1;
    QTest::newRow("another property") << 0 << Property::Name << Property::Url << QVariant(QStringLiteral("http://a/"))
                                      << 2;
    QTest::newRow("another webhook") << 1 << Property::Url << Property::Url << QVariant(QStringLiteral("http://a/"))
                                     << 2;
    QTest::newRow("a choice, not text") << 0 << Property::RequestType << Property::RequestType
                                        << QVariant(int(RequestType::Get)) << 2;
}

void tst_UndoCommands::mergesOnlyTheSameTextPropertyOfTheSameWebhook()
{
    QFETCH(int, secondWebhook);
    QFETCH(Property, firstProperty);
    QFETCH(Property, secondProperty);
    QFETCH(QVariant, value);
    QFETCH(int, steps);
    const QVariant first =
        firstProperty == Property::RequestType ? QVariant(int(RequestType::Put)) : QVariant(QStringLiteral("x"));
    stack()->push(new SetWebhookPropertyCommand(m_document, 0, firstProperty, first));
    stack()->push(new SetWebhookPropertyCommand(m_document, secondWebhook, secondProperty, value));
    QCOMPARE(stack()->count(), steps);
}

void tst_UndoCommands::rowCommand_data()
{
    QTest::addColumn<RowTable>("table");
    QTest::addColumn<RowCommandKind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("after");
    // On a header or mapping at row 1: insert before it, edit it, remove it; move row 0
    // down one.
    const QString json = QStringLiteral("Content-Type=application/json");
    const QString auth = QStringLiteral("Authorization=Bearer abc*");
    const QString trace = QStringLiteral("X-Trace={{lead.Id}}");
    const QString company = QStringLiteral("data.company->company");
    const QString employees = QStringLiteral("data.employees->numberOfEmployees");
    QTest::newRow("insert header") << RowTable::Headers << RowCommandKind::Insert << QStringLiteral("Add header")
                                   << QStringList({json, QStringLiteral("X-New=1"), auth, trace});
    QTest::newRow("insert mapping") << RowTable::Mappings << RowCommandKind::Insert
                                    << QStringLiteral("Add response mapping")
                                    << QStringList({company, QStringLiteral("data.new->industry"), employees});
    QTest::newRow("edit header") << RowTable::Headers << RowCommandKind::Edit << QStringLiteral("Edit header")
                                 << QStringList({json, QStringLiteral("X-New=1"), trace});
    QTest::newRow("edit mapping") << RowTable::Mappings << RowCommandKind::Edit
                                  << QStringLiteral("Edit response mapping")
                                  << QStringList({company, QStringLiteral("data.new->industry")});
    QTest::newRow("remove header") << RowTable::Headers << RowCommandKind::Remove << QStringLiteral("Remove header")
                                   << QStringList({json, trace});
    QTest::newRow("remove mapping") << RowTable::Mappings << RowCommandKind::Remove
                                    << QStringLiteral("Remove response mapping") << QStringList({company});
    QTest::newRow("move header") << RowTable::Headers << RowCommandKind::Move << QStringLiteral("Move header")
                                 << QStringList({auth, json, trace});
    QTest::newRow("move mapping") << RowTable::Mappings << RowCommandKind::Move
                                  << QStringLiteral("Move response mapping") << QStringList({employees, company});
}

void tst_UndoCommands::rowCommand()
{
    QFETCH(RowTable, table);
    QFETCH(RowCommandKind, kind);
    QFETCH(QString, text);
    QFETCH(QStringList, after);
    const Header header {QStringLiteral("X-New"), QStringLiteral("1"), false, {}};
    const ResponseMapping mapping {QStringLiteral("data.new"), QStringLiteral("industry"), {}};
    const bool headers = table == RowTable::Headers;
    QUndoCommand* command = nullptr;
    switch (kind) {
    case RowCommandKind::Insert:
        command =
            headers ? new InsertRowCommand(m_document, 0, 1, header) : new InsertRowCommand(m_document, 0, 1, mapping);
        break;
    case RowCommandKind::Edit:
        command =
            headers ? new EditRowCommand(m_document, 0, 1, header) : new EditRowCommand(m_document, 0, 1, mapping);
        break;
    case RowCommandKind::Remove:
        command = new RemoveRowCommand(m_document, table, 0, 1);
        break;
    case RowCommandKind::Move:
        command = new MoveRowCommand(m_document, table, 0, 0, 1);
        break;
    }
    const QStringList before = rows(table);
    push(command, text);
    QCOMPARE(rows(table), after);
    // Undo gives back the very rows, in their order, secret flag included.
    stack()->undo();
    QCOMPARE(rows(table), before);
    stack()->redo();
    QCOMPARE(rows(table), after);
}

void tst_UndoCommands::editContext_data()
{
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QString>("text");
    QTest::newRow("values") << QStringLiteral("UTC") << QStringLiteral("Edit context");
    QTest::newRow("time zone") << QStringLiteral("Europe/Paris") << QStringLiteral("Change time zone");
}

void tst_UndoCommands::editContext()
{
    QFETCH(QString, timeZone);
    QFETCH(QString, text);
    QCOMPARE(m_document->workspace().timeZone, QStringLiteral("UTC"));
    Context context = m_document->workspace().context;
    context.my.values[1].value = QStringLiteral("us");
    push(new EditContextCommand(m_document, context, timeZone), text);
    QCOMPARE(m_document->workspace().context.my.values.at(1).value, QStringLiteral("us"));
    QCOMPARE(m_document->workspace().timeZone, timeZone);
    stack()->undo();
    QCOMPARE(m_document->workspace().context.my.values.at(1).value, QStringLiteral("eu"));
    QCOMPARE(m_document->workspace().timeZone, QStringLiteral("UTC"));
}

void tst_UndoCommands::editLead()
{
    QJsonObject lead = m_document->workspace().leads.at(0);
    lead.insert(QStringLiteral("Lead Score"), 99);
    push(new EditLeadCommand(m_document, 0, lead), QStringLiteral("Edit sample lead"));
    QCOMPARE(m_document->workspace().leads.at(0).value(QStringLiteral("Lead Score")).toInt(), 99);
    QCOMPARE(m_document->workspace().leads.at(1).value(QStringLiteral("email")).toString(),
             QStringLiteral("jack@example.com"));
    stack()->undo();
    QCOMPARE(m_document->workspace().leads.at(0).value(QStringLiteral("Lead Score")).toInt(), 42);
}

void tst_UndoCommands::importLeads()
{
    QJsonObject grace;
    grace.insert(QStringLiteral("Email Address"), QStringLiteral("grace@example.com"));
    Field tier;
    tier.name = QStringLiteral("Tier");
    tier.apiName = QStringLiteral("tier");
    tier.custom = true;
    push(new ImportLeadsCommand(m_document, {grace, grace, grace}, {tier}), QStringLiteral("Import 3 lead(s)"));
    QCOMPARE(m_document->workspace().leads.size(), 3);
    QCOMPARE(m_document->workspace().fields.size(), 1);
    QCOMPARE(m_document->workspace().fields.at(0).apiName, QStringLiteral("tier"));
    stack()->undo();
    QCOMPARE(m_document->workspace().leads.size(), 2);
    QCOMPARE(m_document->workspace().leads.at(0).value(QStringLiteral("First Name")).toString(), QStringLiteral("Ada"));
    QVERIFY(m_document->workspace().fields.isEmpty());
}

void tst_UndoCommands::setTrustedCertificate_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("text");
    QTest::newRow("trust") << QStringLiteral("hooks.example.com")
                           << QStringLiteral("Trust certificate for hooks.example.com");
    QTest::newRow("stop trusting") << QString() << QStringLiteral("Stop trusting certificate");
}

void tst_UndoCommands::setTrustedCertificate()
{
    QFETCH(QString, host);
    QFETCH(QString, text);
    TrustedCertificate trusted;
    trusted.host = QStringLiteral("old.example.com");
    trusted.sha256 = QByteArray(TrustedCertificate::digestSize, '\x01');
    m_document->setTrustedCertificate(trusted);
    TrustedCertificate certificate;
    certificate.host = host;
    if (!host.isEmpty())
        certificate.sha256 = QByteArray(TrustedCertificate::digestSize, '\x02');
    push(new SetTrustedCertificateCommand(m_document, certificate), text);
    QCOMPARE(m_document->workspace().trustedCertificate, certificate);
    stack()->undo();
    QCOMPARE(m_document->workspace().trustedCertificate, trusted);
}

QTEST_MAIN(tst_UndoCommands)
#include "tst_undocommands.moc"
