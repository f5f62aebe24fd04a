#pragma once

#include "model/Context.h"
#include "model/Field.h"
#include "model/FieldCatalog.h"
#include "model/MarketoConnection.h"
#include "model/TrustedCertificate.h"
#include "model/Webhook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Everything one `.webhooks.json` file holds: custom fields, sample leads, the flow
// step's context, the time zone for system tokens, the webhooks, and the one self-signed
// certificate the user chose to trust. Plain data; the file format lives in WorkspaceFile.
struct Workspace
{
    // A UUID written on first save; the keychain keeps this workspace's secrets under it.
    QString id;
    // The file was written before secrets moved to the keychain and holds their values.
    // They stay in the file, as they were, until the user moves them (SecretMigration):
    // saving must not drop values the keychain does not have yet.
    bool secretsInFile = false;
    QString timeZone = QStringLiteral("UTC");
    QList<Field> fields;      // custom fields only; see catalog()
    QList<QJsonObject> leads; // keyed by display or API name
    Context context;
    // One self-signed certificate trusted for one host; not set by default.
    TrustedCertificate trustedCertificate;
    // The Marketo instance fields, leads and My Tokens are imported from; not set by
    // default.
    MarketoConnection marketo;
    QList<Webhook> webhooks;
    QJsonObject extra; // unknown top-level keys, kept on save

    FieldCatalog catalog() const { return FieldCatalog(fields); }
    // Index of the webhook with that name (exact match), or -1.
    int webhookIndex(const QString& name) const;
    // A lead given as an index ("0") or an email address; -1 when there is none.
    int leadIndex(const QString& indexOrEmail) const;
    // A fresh id, for a new workspace or the first save of a file without one.
    static QString newId();
};
