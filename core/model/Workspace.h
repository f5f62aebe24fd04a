#pragma once

#include "model/Context.h"
#include "model/Field.h"
#include "model/FieldCatalog.h"
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
    QString timeZone = QStringLiteral("UTC");
    QList<Field> fields;      // custom fields only; see catalog()
    QList<QJsonObject> leads; // keyed by display or API name
    Context context;
    // One self-signed certificate trusted for one host; not set by default.
    TrustedCertificate trustedCertificate;
    QList<Webhook> webhooks;
    QJsonObject extra; // unknown top-level keys, kept on save

    FieldCatalog catalog() const { return FieldCatalog(fields); }
    // Index of the webhook with that name (exact match), or -1.
    int webhookIndex(const QString& name) const;
    // A lead given as an index ("0") or an email address; -1 when there is none.
    int leadIndex(const QString& indexOrEmail) const;
};
