#pragma once

#include "model/Field.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

// Every lead field a workspace knows: Marketo's standard fields plus the workspace's
// custom ones. Lookups match the display name case-insensitively, then the API name
// (also case-insensitively), as Marketo does.
class FieldCatalog
{
public:
    FieldCatalog();
    explicit FieldCatalog(const QList<Field>& customFields);

    static const QList<Field>& standardFields();

    const QList<Field>& fields() const { return m_fields; }
    // By display name or API name, case-insensitively; nullptr when unknown.
    const Field* find(const QString& nameOrApiName) const;
    const Field* findByApiName(const QString& apiName) const;
    // Company fields, reachable as {{company.<display name>}}.
    const Field* findCompanyField(const QString& name) const;

    // A lead record is keyed by display name or API name, in any case; this finds the
    // field's value whichever key the record uses. Undefined when absent.
    static QJsonValue value(const QJsonObject& lead, const Field& field);
    // Writes under the key the record already uses for the field, else its display name.
    static void setValue(QJsonObject& lead, const Field& field, const QJsonValue& value);
    // The record's key for the field, or an empty string.
    static QString keyOf(const QJsonObject& lead, const Field& field);

private:
    void rebuildIndex();

    QList<Field> m_fields;
    QHash<QString, int> m_byName;    // folded display name -> index
    QHash<QString, int> m_byApiName; // folded API name -> index
};
