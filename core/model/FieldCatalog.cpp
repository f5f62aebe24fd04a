#include "FieldCatalog.h"

namespace {
Field standard(const char* name, const char* apiName, FieldType type, bool company = false)
{
    Field f;
    f.name = QString::fromLatin1(name);
    f.apiName = QString::fromLatin1(apiName);
    f.type = type;
    f.company = company;
    return f;
}

QString fold(const QString& s)
{
    return s.toCaseFolded();
}
} // namespace

const QList<Field>& FieldCatalog::standardFields()
{
    static const QList<Field> fields {
        standard("Id", "id", FieldType::Integer),
        standard("First Name", "firstName", FieldType::String),
        standard("Last Name", "lastName", FieldType::String),
        standard("Middle Name", "middleName", FieldType::String),
        standard("Salutation", "salutation", FieldType::String),
        standard("Email Address", "email", FieldType::Email),
        standard("Phone Number", "phone", FieldType::Phone),
        standard("Mobile Phone Number", "mobilePhone", FieldType::Phone),
        standard("Fax Number", "fax", FieldType::Phone),
        standard("Job Title", "title", FieldType::String),
        standard("Department", "department", FieldType::String),
        standard("Company Name", "company", FieldType::String, true),
        standard("Industry", "industry", FieldType::String, true),
        standard("Annual Revenue", "annualRevenue", FieldType::Currency, true),
        standard("Number of Employees", "numberOfEmployees", FieldType::Integer, true),
        standard("Website", "website", FieldType::Url, true),
        standard("SIC Code", "sicCode", FieldType::String, true),
        standard("Main Phone", "mainPhone", FieldType::Phone, true),
        standard("Billing Street", "billingStreet", FieldType::Text, true),
        standard("Billing City", "billingCity", FieldType::String, true),
        standard("Billing State", "billingState", FieldType::String, true),
        standard("Billing Postal Code", "billingPostalCode", FieldType::String, true),
        standard("Billing Country", "billingCountry", FieldType::String, true),
        standard("Address", "address", FieldType::Text),
        standard("City", "city", FieldType::String),
        standard("State", "state", FieldType::String),
        standard("Postal Code", "postalCode", FieldType::String),
        standard("Country", "country", FieldType::String),
        standard("Lead Source", "leadSource", FieldType::String),
        standard("Lead Status", "leadStatus", FieldType::String),
        standard("Lead Score", "leadScore", FieldType::Integer),
        standard("Rating", "rating", FieldType::String),
        standard("Unsubscribed", "unsubscribed", FieldType::Boolean),
        standard("Unsubscribed Reason", "unsubscribedReason", FieldType::Text),
        standard("Email Invalid", "emailInvalid", FieldType::Boolean),
        standard("Do Not Call", "doNotCall", FieldType::Boolean),
        standard("Date of Birth", "dateOfBirth", FieldType::Date),
        standard("Created At", "createdAt", FieldType::DateTime),
        standard("Updated At", "updatedAt", FieldType::DateTime),
        standard("Person Time Zone", "personTimeZone", FieldType::String),
        standard("Anonymous IP", "anonymousIP", FieldType::String),
    };
    return fields;
}

FieldCatalog::FieldCatalog() : FieldCatalog(QList<Field> {}) { }

FieldCatalog::FieldCatalog(const QList<Field>& customFields)
{
    m_fields = standardFields();
    m_fields.reserve(m_fields.size() + customFields.size());
    rebuildIndex();
    for (Field f : customFields) {
        f.custom = true;
        // A custom field that redefines a standard one replaces it: the workspace knows
        // its own instance better than our built-in list.
        const auto existing = m_byApiName.constFind(fold(f.apiName));
        if (existing != m_byApiName.constEnd()) {
            m_fields[*existing] = f;
        } else {
            m_byApiName.insert(fold(f.apiName), int(m_fields.size()));
            m_fields.append(f);
        }
    }
    rebuildIndex();
}

void FieldCatalog::rebuildIndex()
{
    m_byName.clear();
    m_byApiName.clear();
    for (int i = 0; i < m_fields.size(); ++i) {
        m_byName.insert(fold(m_fields[i].name), i);
        m_byApiName.insert(fold(m_fields[i].apiName), i);
    }
}

const Field* FieldCatalog::find(const QString& nameOrApiName) const
{
    const QString key = fold(nameOrApiName);
    auto it = m_byName.constFind(key);
    if (it != m_byName.constEnd()) {
        return &m_fields[*it];
    }
    it = m_byApiName.constFind(key);
    return it != m_byApiName.constEnd() ? &m_fields[*it] : nullptr;
}

const Field* FieldCatalog::findByApiName(const QString& apiName) const
{
    const auto it = m_byApiName.constFind(fold(apiName));
    return it != m_byApiName.constEnd() ? &m_fields[*it] : nullptr;
}

const Field* FieldCatalog::findCompanyField(const QString& name) const
{
    const Field* f = find(name);
    return f && f->company ? f : nullptr;
}

QString FieldCatalog::keyOf(const QJsonObject& lead, const Field& field)
{
    // Exact keys first: they are the common case and need no folding.
    if (lead.contains(field.name)) {
        return field.name;
    }
    if (lead.contains(field.apiName)) {
        return field.apiName;
    }
    for (auto it = lead.constBegin(); it != lead.constEnd(); ++it) {
        if (it.key().compare(field.name, Qt::CaseInsensitive) == 0
            || it.key().compare(field.apiName, Qt::CaseInsensitive) == 0) {
            return it.key();
        }
    }
    return {};
}

QJsonValue FieldCatalog::value(const QJsonObject& lead, const Field& field)
{
    const QString key = keyOf(lead, field);
    return key.isEmpty() ? QJsonValue(QJsonValue::Undefined) : lead.value(key);
}

void FieldCatalog::setValue(QJsonObject& lead, const Field& field, const QJsonValue& value)
{
    const QString key = keyOf(lead, field);
    lead.insert(key.isEmpty() ? field.name : key, value);
}
