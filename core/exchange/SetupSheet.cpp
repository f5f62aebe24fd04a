#include "SetupSheet.h"

#include "model/SecretKeys.h"
#include "template/Linter.h"

#include <QRegularExpression>

namespace {

const QString newWebhook = QStringLiteral("New Webhook");
const QString customHeader = QStringLiteral("Set Custom Header");
const QString mappings = QStringLiteral("Edit Response Mappings");
const QString findings = QStringLiteral("Open findings");

// A fence longer than any run of backticks in the value.
QString fence(const QString& value)
{
    static const QRegularExpression ticks(QStringLiteral("`+"));
    qsizetype longest = 0;
    for (auto it = ticks.globalMatch(value); it.hasNext();) {
        longest = qMax(longest, it.next().capturedLength());
    }
    return QString(qMax<qsizetype>(3, longest + 1), QLatin1Char('`'));
}

} // namespace

SetupSheet::SetupSheet(const Workspace& workspace, int webhookIndex, const QDateTime& now, int leadIndex)
{
    const Webhook& webhook = workspace.webhooks.at(webhookIndex);
    m_name = webhook.name;
    m_entries.append({newWebhook, QStringLiteral("Webhook Name"), webhook.name, true});
    m_entries.append({newWebhook, QStringLiteral("Description"), webhook.description, true});
    m_entries.append({newWebhook, QStringLiteral("URL"), webhook.url, true});
    m_entries.append({newWebhook, QStringLiteral("Request Type"), WebhookEnums::name(webhook.requestType), true});
    m_entries.append({newWebhook, QStringLiteral("Template"), webhook.payloadTemplate, true});
    m_entries.append({newWebhook,
                      QStringLiteral("Request Token Encoding"),
                      WebhookEnums::label(webhook.requestTokenEncoding),
                      true});
    m_entries.append({newWebhook, QStringLiteral("Response Type"), WebhookEnums::label(webhook.responseType), true});
    for (const Header& header : webhook.headers) {
        m_entries.append({customHeader, QStringLiteral("Header"), header.name, true});
        if (header.secret) {
            const QString key = SecretKeys::header(webhook.name, header.name);
            m_entries.append({customHeader,
                              QStringLiteral("Value"),
                              QStringLiteral("(secret: paste it from the keychain entry %1 or from %2)")
                                  .arg(key, SecretKeys::environmentVariable(key)),
                              false});
        } else {
            m_entries.append({customHeader, QStringLiteral("Value"), header.value, true});
        }
    }
    const FieldCatalog catalog = workspace.catalog();
    for (const ResponseMapping& mapping : webhook.responseMappings) {
        const Field* field = catalog.findByApiName(mapping.field);
        m_entries.append({mappings, QStringLiteral("Response Attribute"), mapping.attribute, true});
        m_entries.append({mappings, QStringLiteral("Marketo Field"), field ? field->name : mapping.field, true});
    }
    for (const Diagnostic& d : Linter::lint(workspace, webhook, leadIndex, now)) {
        m_entries.append({findings,
                          Diagnostic::severityName(d.severity),
                          d.where.toString() + QStringLiteral(": ") + d.message,
                          false});
    }
}

QString SetupSheet::markdown() const
{
    QString out = QStringLiteral("# Marketo setup sheet: %1\n").arg(m_name);
    QString section;
    for (const Entry& entry : m_entries) {
        if (entry.section != section) {
            section = entry.section;
            out += QStringLiteral("\n## %1\n").arg(section);
            if (section == customHeader) {
                out += QStringLiteral("\nIn Marketo: Webhook Actions → Set Custom Header, one pair per row.\n");
            } else if (section == mappings) {
                out += QStringLiteral("\nIn Marketo: Webhook Actions → Edit Response Mappings, one pair per row.\n");
            } else if (section == findings) {
                out += QStringLiteral("\nFix these in the designer before you copy, or know why they stay.\n\n");
            }
        }
        if (section == findings) {
            out += QStringLiteral("- **%1** %2\n").arg(entry.label, entry.value);
            continue;
        }
        if (!entry.copyable) {
            out += QStringLiteral("\n**%1**: %2\n").arg(entry.label, entry.value);
            continue;
        }
        const QString f = fence(entry.value);
        out += QStringLiteral("\n**%1**\n\n%2text\n%3\n%2\n").arg(entry.label, f, entry.value);
    }
    if (section != findings) {
        out += QStringLiteral("\n## %1\n\nNone.\n").arg(findings);
    }
    return out;
}
