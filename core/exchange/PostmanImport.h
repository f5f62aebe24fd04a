#pragma once

#include "model/Context.h"
#include "model/Webhook.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// Reads a Postman Collection (v2.1, also v2.0) into webhooks, one per request, folders
// flattened in order, each named after its request (folder names in front).
//
// Carried: the method, url.raw (or the URL string), the enabled headers, a raw body, and
// an urlencoded body written as a form body (its {{variables}} then take Form/Url
// encoding); Postman's automatic Content-Type for those bodies becomes a header. Auth of
// type bearer, basic or apikey (the request's, else the folder's or collection's) becomes
// a header (an apikey "in query" a query parameter). {{variables}} become My Tokens
// {{my.name}}, with the collection's values; one at the very start of the URL (the usual
// {{baseUrl}}) is written out, since Marketo percent-encodes token values in the URL.
//
// Not carried, and listed in notes(): scripts, multipart (formdata) and file bodies,
// GraphQL bodies, other auth types (OAuth flows among them), Postman's dynamic variables
// ({{$guid}}), and request types a Marketo webhook cannot send (that request is skipped).
class PostmanImport
{
public:
    PostmanImport();

    // False with the reason when the bytes are not a Postman collection.
    bool parse(const QByteArray& bytes, QString* error = nullptr);

    const QList<Webhook>& webhooks() const { return m_webhooks; }
    // The collection's variables and every other {{variable}} used, in order of first use.
    const QList<ContextValue>& myTokens() const { return m_myTokens; }
    const QStringList& notes() const { return m_notes; }

private:
    void readItems(const QJsonArray& items, const QString& prefix, const QJsonObject& auth);
    void readRequest(const QJsonObject& item, const QString& name, const QJsonObject& auth);
    // {{name}} as {{my.name}}, each name made a My Token.
    QString tokens(const QString& text, const QString& where);
    QString formBody(const QJsonArray& pairs, const QString& where);
    void addAuth(Webhook* webhook, const QJsonObject& auth, const QString& where);

    QList<Webhook> m_webhooks;
    QList<ContextValue> m_myTokens;
    QStringList m_notes;

    Q_DECLARE_TR_FUNCTIONS(PostmanImport) // last: it ends in private:
};
