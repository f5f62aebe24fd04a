#include "WorkspaceKeys.h"

const QSet<QString>& WorkspaceKeys::root()
{
    static const QSet<QString> keys {QStringLiteral("format"),
                                     QStringLiteral("id"),
                                     QStringLiteral("timeZone"),
                                     QStringLiteral("fields"),
                                     QStringLiteral("leads"),
                                     QStringLiteral("context"),
                                     QStringLiteral("trustedCertificate"),
                                     QStringLiteral("marketo"),
                                     QStringLiteral("webhooks")};
    return keys;
}

const QSet<QString>& WorkspaceKeys::field()
{
    static const QSet<QString> keys {QStringLiteral("name"), QStringLiteral("apiName"), QStringLiteral("type")};
    return keys;
}

const QSet<QString>& WorkspaceKeys::certificate()
{
    static const QSet<QString> keys {QStringLiteral("host"), QStringLiteral("sha256")};
    return keys;
}

const QSet<QString>& WorkspaceKeys::marketo()
{
    static const QSet<QString> keys {QStringLiteral("endpoint"),
                                     QStringLiteral("identity"),
                                     QStringLiteral("clientId"),
                                     QStringLiteral("instanceFields"),
                                     QStringLiteral("readOnlyFields")};
    return keys;
}

const QSet<QString>& WorkspaceKeys::webhook()
{
    static const QSet<QString> keys {QStringLiteral("name"),
                                     QStringLiteral("description"),
                                     QStringLiteral("url"),
                                     QStringLiteral("requestType"),
                                     QStringLiteral("template"),
                                     QStringLiteral("requestTokenEncoding"),
                                     QStringLiteral("responseType"),
                                     QStringLiteral("headers"),
                                     QStringLiteral("responseMappings"),
                                     QStringLiteral("checks"),
                                     QStringLiteral("baseline")};
    return keys;
}

const QSet<QString>& WorkspaceKeys::header()
{
    static const QSet<QString> keys {QStringLiteral("name"), QStringLiteral("value"), QStringLiteral("secret")};
    return keys;
}

const QSet<QString>& WorkspaceKeys::mapping()
{
    static const QSet<QString> keys {QStringLiteral("attribute"), QStringLiteral("field")};
    return keys;
}

const QSet<QString>& WorkspaceKeys::check()
{
    static const QSet<QString> keys {QStringLiteral("name"),
                                     QStringLiteral("status"),
                                     QStringLiteral("field"),
                                     QStringLiteral("path"),
                                     QStringLiteral("equals"),
                                     QStringLiteral("matches"),
                                     QStringLiteral("written"),
                                     QStringLiteral("exists"),
                                     QStringLiteral("latencyBelowMs")};
    return keys;
}

const QSet<QString>& WorkspaceKeys::baseline()
{
    static const QSet<QString> keys {QStringLiteral("responseType"), QStringLiteral("paths")};
    return keys;
}
