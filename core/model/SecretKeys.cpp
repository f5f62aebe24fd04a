#include "SecretKeys.h"

#include "model/Workspace.h"

QString SecretKeys::myToken(const QString& name)
{
    return QStringLiteral("my.") + name;
}

QString SecretKeys::header(const QString& webhook, const QString& header)
{
    return QStringLiteral("header.") + webhook + QLatin1Char('.') + header;
}

QString SecretKeys::environmentVariable(const QString& key)
{
    QString name = QStringLiteral("WD_SECRET_");
    // By code point, so that a character outside the BMP gives one "_", not two.
    const QList<uint> upper = key.toUpper().toUcs4();
    for (const uint c : upper) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        name += allowed ? QChar(char16_t(c)) : QLatin1Char('_');
    }
    return name;
}

namespace {

// Calls f(key, value, missing) for each secret of a workspace, const or not.
template <typename W, typename F>
void forEachSecret(W& workspace, F f)
{
    for (auto& token : workspace.context.my.values) {
        if (token.secret) {
            f(SecretKeys::myToken(token.name), token.value, token.missing);
        }
    }
    for (auto& webhook : workspace.webhooks) {
        for (auto& h : webhook.headers) {
            if (h.secret) {
                f(SecretKeys::header(webhook.name, h.name), h.value, h.missing);
            }
        }
    }
}

} // namespace

QList<SecretItem> SecretKeys::items(Workspace* workspace)
{
    QList<SecretItem> items;
    forEachSecret(*workspace, [&](const QString& key, QString& value, bool& missing) {
        items.append({key, &value, &missing});
    });
    return items;
}

QList<QPair<QString, QString>> SecretKeys::values(const Workspace& workspace)
{
    QList<QPair<QString, QString>> values;
    forEachSecret(workspace, [&](const QString& key, const QString& value, bool) { values.append({key, value}); });
    return values;
}

QStringList SecretKeys::keys(const Workspace& workspace)
{
    QStringList keys;
    forEachSecret(workspace, [&](const QString& key, const QString&, bool) { keys.append(key); });
    return keys;
}

QStringList SecretKeys::keysWithValues(const Workspace& workspace)
{
    QStringList keys;
    forEachSecret(workspace, [&](const QString& key, const QString& value, bool) {
        if (!value.isEmpty()) {
            keys.append(key);
        }
    });
    return keys;
}
