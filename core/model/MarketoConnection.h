#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// The Marketo instance a workspace is connected to, and what was learnt from it. The
// client secret is not here: it lives in the keychain (key "marketo.client-secret") or
// WD_MARKETO_CLIENT_SECRET.
struct MarketoConnection
{
    QString endpoint; // REST endpoint, "https://123-ABC-456.mktorest.com/rest"
    QString identity; // identity URL, "https://123-ABC-456.mktorest.com/identity"
    QString clientId;
    // The API names of the instance's lead fields, after a field import (empty before):
    // the linter flags tokens and mappings naming a field the instance lacks.
    QStringList instanceFields;
    // The API names of the instance's read-only fields: a mapping to one writes nothing.
    QStringList readOnlyFields;
    QJsonObject extra; // unknown keys from the file, kept on save

    bool isSet() const { return !endpoint.isEmpty(); }
    bool isReadOnly(const QString& apiName) const { return readOnlyFields.contains(apiName, Qt::CaseInsensitive); }
    // Whether the instance has the field; true when no field import happened yet.
    bool hasField(const QString& apiName) const
    {
        return instanceFields.isEmpty() || instanceFields.contains(apiName, Qt::CaseInsensitive);
    }
    static QString secretKey() { return QStringLiteral("marketo.client-secret"); }
    static QString secretVariable() { return QStringLiteral("WD_MARKETO_CLIENT_SECRET"); }
};
