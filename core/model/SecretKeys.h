#pragma once

#include <QList>
#include <QPair>
#include <QString>

struct Workspace;

// One secret of a workspace: a secret My Token or a header marked secret, named by its
// keychain key. `value` and `missing` point into the workspace it was taken from.
struct SecretItem
{
    QString key;
    QString* value = nullptr;
    bool* missing = nullptr;
};

// The names a workspace's secrets are kept under: "my.<token name>" for a My Token,
// "header.<webhook name>.<header name>" for a header, "marketo.client-secret" for the
// Marketo connection; and the environment variable that overrides each (WD_SECRET_ and
// the key upper-cased, every character outside A-Z and 0-9 replaced by "_").
class SecretKeys
{
public:
    static QString myToken(const QString& name);
    static QString header(const QString& webhook, const QString& header);
    static QString environmentVariable(const QString& key);

    // Every secret of the workspace, My Tokens first, then headers in webhook order. The
    // pointers stay valid until the workspace's lists change.
    static QList<SecretItem> items(Workspace* workspace);
    // Key and value of every secret, in the same order.
    static QList<QPair<QString, QString>> values(const Workspace& workspace);
    static QStringList keys(const Workspace& workspace);
    // The keys whose value is not empty: after a read, the values a file holds.
    static QStringList keysWithValues(const Workspace& workspace);
};
