#include "MarketoImport.h"

#include "model/FieldCatalog.h"
#include "model/Workspace.h"

#include <QJsonArray>

namespace {

const Field* standardField(const QString& apiName)
{
    for (const Field& field : FieldCatalog::standardFields()) {
        if (field.apiName.compare(apiName, Qt::CaseInsensitive) == 0) {
            return &field;
        }
    }
    return nullptr;
}

bool standardDisplayName(const QString& name)
{
    for (const Field& field : FieldCatalog::standardFields()) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QString emailOf(const QJsonObject& lead)
{
    const Field* email = standardField(QStringLiteral("email"));
    return email ? FieldCatalog::value(lead, *email).toString() : QString();
}

} // namespace

QJsonObject MarketoImportSummary::toJson() const
{
    return {{QStringLiteral("added"), QJsonArray::fromStringList(added)},
            {QStringLiteral("updated"), QJsonArray::fromStringList(updated)},
            {QStringLiteral("removed"), QJsonArray::fromStringList(removed)},
            {QStringLiteral("absent"), QJsonArray::fromStringList(absent)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
}

MarketoImportSummary MarketoImport::mergeFields(Workspace* workspace, const QList<MarketoField>& fields)
{
    MarketoImportSummary summary;
    QStringList instance;
    QStringList readOnly;
    for (const MarketoField& field : fields) {
        instance.append(field.apiName);
        if (field.readOnly) {
            readOnly.append(field.apiName);
        }
        FieldType type = FieldType::String;
        if (const auto known = FieldTypes::fromName(field.dataType.toLower())) {
            type = *known;
        } else {
            summary.warnings.append(tr("%1 (%2): Marketo type \"%3\" is not one the designer knows; taken "
                                       "as string")
                                        .arg(field.name, field.apiName, field.dataType));
        }
        if (const Field* standard = standardField(field.apiName)) {
            if (standard->name.compare(field.name, Qt::CaseInsensitive) != 0) {
                summary.warnings.append(tr("%1: the instance calls the standard field \"%2\" \"%3\"; "
                                           "tokens here use \"%2\"")
                                            .arg(field.apiName, standard->name, field.name));
            }
            continue;
        }
        if (standardDisplayName(field.name)) {
            summary.warnings.append(
                tr("%1: its display name \"%2\" is a standard field's; not imported").arg(field.apiName, field.name));
            continue;
        }
        auto existing = std::find_if(workspace->fields.begin(), workspace->fields.end(), [&](const Field& f) {
            return f.apiName.compare(field.apiName, Qt::CaseInsensitive) == 0;
        });
        if (existing == workspace->fields.end()) {
            Field added;
            added.name = field.name;
            added.apiName = field.apiName;
            added.type = type;
            added.custom = true;
            workspace->fields.append(added);
            summary.added.append(field.apiName);
        } else if (existing->name != field.name || existing->type != type) {
            existing->name = field.name;
            existing->type = type;
            summary.updated.append(field.apiName);
        }
    }
    for (const Field& field : std::as_const(workspace->fields)) {
        if (!instance.contains(field.apiName, Qt::CaseInsensitive)) {
            summary.absent.append(field.apiName);
            summary.warnings.append(
                tr("%1: the instance has no such field; it stays in the workspace").arg(field.apiName));
        }
    }
    workspace->marketo.instanceFields = instance;
    workspace->marketo.readOnlyFields = readOnly;
    return summary;
}

QStringList MarketoImport::leadFields(const Workspace& workspace, const QList<MarketoField>& instance)
{
    QStringList known;
    for (const MarketoField& field : instance) {
        known.append(field.apiName);
    }
    QStringList names;
    if (instance.isEmpty() && workspace.marketo.instanceFields.isEmpty()) {
        return names;
    }
    const FieldCatalog catalog = workspace.catalog();
    for (const Field& field : catalog.fields()) {
        const bool has = instance.isEmpty() ? workspace.marketo.hasField(field.apiName)
                                            : known.contains(field.apiName, Qt::CaseInsensitive);
        if (has && !names.contains(field.apiName)) {
            names.append(field.apiName);
        }
    }
    return names;
}

MarketoImportSummary MarketoImport::mergeLeads(Workspace* workspace, const QList<QJsonObject>& leads)
{
    MarketoImportSummary summary;
    const FieldCatalog catalog = workspace->catalog();
    for (const QJsonObject& source : leads) {
        QJsonObject lead;
        for (auto it = source.constBegin(); it != source.constEnd(); ++it) {
            const Field* field = catalog.findByApiName(it.key());
            // Null is Marketo's "empty"; objects and arrays no token can send.
            if (!field || it.value().isNull() || it.value().isObject() || it.value().isArray()) {
                continue;
            }
            lead.insert(field->name, it.value());
        }
        const QString email = emailOf(lead);
        const QString label = email.isEmpty() ? tr("lead %1").arg(source.value(QStringLiteral("id")).toInt()) : email;
        int index = -1;
        for (int i = 0; i < workspace->leads.size() && !email.isEmpty(); ++i) {
            if (emailOf(workspace->leads.at(i)).compare(email, Qt::CaseInsensitive) == 0) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            workspace->leads.append(lead);
            summary.added.append(label);
            continue;
        }
        QJsonObject& existing = workspace->leads[index];
        for (auto it = lead.constBegin(); it != lead.constEnd(); ++it) {
            const Field* field = catalog.find(it.key());
            FieldCatalog::setValue(existing, *field, it.value());
        }
        summary.updated.append(label);
    }
    return summary;
}

MarketoImportSummary
MarketoImport::mergeTokens(Workspace* workspace, const MarketoProgram& program, const QList<MarketoToken>& tokens)
{
    MarketoImportSummary summary;
    ContextScope& my = workspace->context.my;
    my.present = true;
    static const QStringList known {QStringLiteral("text"),
                                    QStringLiteral("number"),
                                    QStringLiteral("date"),
                                    QStringLiteral("score"),
                                    QStringLiteral("rich text"),
                                    QStringLiteral("sfdc campaign")};
    for (const MarketoToken& token : tokens) {
        if (!known.contains(token.type.toLower())) {
            summary.warnings.append(tr("my.%1: token type \"%2\" imported as text").arg(token.name, token.type));
        }
        auto existing = std::find_if(my.values.begin(), my.values.end(), [&](const ContextValue& v) {
            return v.name.compare(token.name, Qt::CaseInsensitive) == 0;
        });
        if (existing == my.values.end()) {
            my.values.append({token.name, token.value, false, false});
            summary.added.append(token.name);
        } else if (existing->secret) {
            summary.warnings.append(
                tr("my.%1 is marked secret here: its value is kept, not Marketo's").arg(token.name));
        } else if (existing->value != token.value) {
            existing->value = token.value;
            summary.updated.append(token.name);
        }
    }
    for (const ContextValue& value : std::as_const(my.values)) {
        const bool inProgram = std::any_of(tokens.cbegin(), tokens.cend(), [&](const MarketoToken& t) {
            return t.name.compare(value.name, Qt::CaseInsensitive) == 0;
        });
        if (!inProgram) {
            summary.absent.append(value.name);
        }
    }
    ContextScope& context = workspace->context.program;
    context.present = true;
    const QList<ContextValue> programValues {{QStringLiteral("name"), program.name, false, false},
                                             {QStringLiteral("id"), QString::number(program.id), false, false}};
    for (const ContextValue& value : programValues) {
        auto existing = std::find_if(context.values.begin(), context.values.end(), [&](const ContextValue& v) {
            return v.name.compare(value.name, Qt::CaseInsensitive) == 0;
        });
        if (existing == context.values.end()) {
            context.values.append(value);
        } else {
            existing->value = value.value;
        }
    }
    return summary;
}
