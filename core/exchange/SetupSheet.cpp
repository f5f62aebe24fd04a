#include "SetupSheet.h"

#include "model/SecretKeys.h"
#include "template/Linter.h"

#include <QRegularExpression>

namespace {

// Functions, not constants: a title follows the translator installed when it is asked for.
QString newWebhookTitle()
{
    return SetupSheet::tr("New Webhook");
}

QString customHeaderTitle()
{
    return SetupSheet::tr("Set Custom Header");
}

QString mappingsTitle()
{
    return SetupSheet::tr("Edit Response Mappings");
}

QString findingsTitle()
{
    return SetupSheet::tr("Open findings");
}

// The words of Diagnostic::severityName(), which stays English for scripts.
QString severityLabel(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return SetupSheet::tr("error");
    case Diagnostic::Severity::Warning:
        return SetupSheet::tr("warning");
    case Diagnostic::Severity::Info:
        return SetupSheet::tr("info");
    }
    return SetupSheet::tr("error");
}

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
    m_entries.append({newWebhookTitle(), tr("Webhook Name"), webhook.name, true});
    m_entries.append({newWebhookTitle(), tr("Description"), webhook.description, true});
    m_entries.append({newWebhookTitle(), tr("URL"), webhook.url, true});
    m_entries.append({newWebhookTitle(), tr("Request Type"), WebhookEnums::name(webhook.requestType), true});
    m_entries.append({newWebhookTitle(), tr("Template"), webhook.payloadTemplate, true});
    m_entries.append(
        {newWebhookTitle(), tr("Request Token Encoding"), WebhookEnums::label(webhook.requestTokenEncoding), true});
    m_entries.append({newWebhookTitle(), tr("Response Type"), WebhookEnums::label(webhook.responseType), true});
    for (const Header& header : webhook.headers) {
        m_entries.append({customHeaderTitle(), tr("Header"), header.name, true});
        if (header.secret) {
            const QString key = SecretKeys::header(webhook.name, header.name);
            m_entries.append({customHeaderTitle(),
                              tr("Value"),
                              tr("(secret: paste it from the keychain entry %1 or from %2)")
                                  .arg(key, SecretKeys::environmentVariable(key)),
                              false});
        } else {
            m_entries.append({customHeaderTitle(), tr("Value"), header.value, true});
        }
    }
    const FieldCatalog catalog = workspace.catalog();
    for (const ResponseMapping& mapping : webhook.responseMappings) {
        const Field* field = catalog.findByApiName(mapping.field);
        m_entries.append({mappingsTitle(), tr("Response Attribute"), mapping.attribute, true});
        m_entries.append({mappingsTitle(), tr("Marketo Field"), field ? field->name : mapping.field, true});
    }
    for (const Diagnostic& d : Linter::lint(workspace, webhook, leadIndex, now)) {
        m_entries.append(
            {findingsTitle(), severityLabel(d.severity), d.where.toString() + QStringLiteral(": ") + d.message, false});
    }
}

QString SetupSheet::markdown() const
{
    QString out = tr("# Marketo setup sheet: %1\n").arg(m_name);
    QString section;
    for (const Entry& entry : m_entries) {
        if (entry.section != section) {
            section = entry.section;
            out += QStringLiteral("\n## %1\n").arg(section);
            if (section == customHeaderTitle()) {
                out += tr("\nIn Marketo: Webhook Actions → Set Custom Header, one pair per row.\n");
            } else if (section == mappingsTitle()) {
                out += tr("\nIn Marketo: Webhook Actions → Edit Response Mappings, one pair per row.\n");
            } else if (section == findingsTitle()) {
                out += tr("\nFix these in the designer before you copy, or know why they stay.\n\n");
            }
        }
        if (section == findingsTitle()) {
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
    if (section != findingsTitle()) {
        out += QStringLiteral("\n## %1\n\n%2\n").arg(findingsTitle(), tr("None."));
    }
    return out;
}
