#include "WorkspaceReader.h"

#include "format/JsonWriter.h"
#include "format/WorkspaceKeys.h"
#include "model/SecretKeys.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

#include <cmath>

namespace {

QString numberText(double number)
{
    QByteArray out;
    JsonWriter::appendNumber(out, number);
    return QString::fromLatin1(out);
}

void keepUnknown(const QJsonObject& object, const QSet<QString>& known, QJsonObject* extra)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            extra->insert(it.key(), it.value());
        }
    }
}

} // namespace

QString WorkspaceReader::typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// "GET, POST, PUT, PATCH or DELETE"
QString WorkspaceReader::alternatives(const QStringList& names)
{
    if (names.size() < 2) {
        return names.join(QString());
    }
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + names.last();
}

bool WorkspaceReader::read(Workspace* out, WorkspaceFileProblem* problem)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(m_bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        JsonLocation::lineColumn(m_bytes, parseError.offset, &m_problem.line, &m_problem.column);
        m_problem.message = parseError.errorString();
        *problem = m_problem;
        return false;
    }
    if (!doc.isObject()) {
        m_problem.line = 1;
        m_problem.column = 1;
        m_problem.message = QStringLiteral("a workspace must be a JSON object, found %1")
                                .arg(doc.isArray() ? QStringLiteral("an array") : QStringLiteral("nothing"));
        *problem = m_problem;
        return false;
    }
    Workspace ws;
    if (!readRoot(doc.object(), &ws)) {
        *problem = m_problem;
        return false;
    }
    *out = std::move(ws);
    return true;
}

bool WorkspaceReader::readRoot(const QJsonObject& root, Workspace* ws)
{
    if (!readFormat(root) || !optionalString(root, QStringLiteral("id"), &ws->id)
        || !optionalString(root, QStringLiteral("timeZone"), &ws->timeZone, QStringLiteral("UTC"))) {
        return false;
    }
    if (!QTimeZone(ws->timeZone.toUtf8()).isValid()) {
        auto scope = key(QStringLiteral("timeZone"));
        return fail(QStringLiteral("unknown time zone \"%1\" (expected an IANA name such as "
                                   "\"America/Los_Angeles\" or \"UTC\")")
                        .arg(ws->timeZone));
    }
    if (!readFields(root.value(QStringLiteral("fields")), &ws->fields)
        || !readLeads(root.value(QStringLiteral("leads")), &ws->leads)
        || !readContext(root.value(QStringLiteral("context")), &ws->context)
        || !readTrustedCertificate(root.value(QStringLiteral("trustedCertificate")), &ws->trustedCertificate)
        || !readMarketo(root.value(QStringLiteral("marketo")), &ws->marketo)
        || !readWebhooks(root.value(QStringLiteral("webhooks")), ws->catalog(), &ws->webhooks)) {
        return false;
    }
    keepUnknown(root, WorkspaceKeys::root(), &ws->extra);
    // Files written before secrets moved to the keychain hold their values.
    ws->secretsInFile = !SecretKeys::keysWithValues(*ws).isEmpty();
    return true;
}

// The format comes first: a file of another kind or version gets one clear message
// instead of a confusing one about its contents.
bool WorkspaceReader::readFormat(const QJsonObject& root)
{
    const QJsonValue format = root.value(QStringLiteral("format"));
    auto scope = key(QStringLiteral("format"));
    if (format.isUndefined()) {
        return fail(QStringLiteral("missing \"format\" (expected \"%1\"); is this a workspace file?")
                        .arg(WorkspaceFile::formatName()));
    }
    if (!format.isString()) {
        return wrongType(QStringLiteral("a string"), format);
    }
    if (format.toString() != WorkspaceFile::formatName()) {
        return fail(QStringLiteral("unsupported format \"%1\" (expected \"%2\")")
                        .arg(format.toString(), WorkspaceFile::formatName()));
    }
    return true;
}

bool WorkspaceReader::readFields(const QJsonValue& value, QList<Field>* fields)
{
    QHash<QString, int> byApiName;
    QHash<QString, int> byName;
    return forEachObject(value, QStringLiteral("fields"), [&](int i, const QJsonObject& o) {
        Field f;
        if (!readField(o, &f) || !checkNotStandard(f)) {
            return false;
        }
        const QString foldedApi = f.apiName.toCaseFolded();
        if (byApiName.contains(foldedApi)) {
            auto s = key(QStringLiteral("apiName"));
            return fail(QStringLiteral("duplicate API name \"%1\" (also fields[%2])")
                            .arg(f.apiName)
                            .arg(byApiName.value(foldedApi)));
        }
        const QString foldedName = f.name.toCaseFolded();
        if (byName.contains(foldedName)) {
            auto s = key(QStringLiteral("name"));
            return fail(QStringLiteral("duplicate field name \"%1\" (also fields[%2])")
                            .arg(f.name)
                            .arg(byName.value(foldedName)));
        }
        byApiName.insert(foldedApi, i);
        byName.insert(foldedName, i);
        fields->append(f);
        return true;
    });
}

bool WorkspaceReader::readField(const QJsonObject& o, Field* f)
{
    if (!requiredString(o, QStringLiteral("name"), &f->name)
        || !requiredString(o, QStringLiteral("apiName"), &f->apiName)) {
        return false;
    }
    if (f->name.trimmed().isEmpty()) {
        auto s = key(QStringLiteral("name"));
        return fail(QStringLiteral("a field needs a name"));
    }
    if (f->apiName.trimmed().isEmpty()) {
        auto s = key(QStringLiteral("apiName"));
        return fail(QStringLiteral("a field needs an API name"));
    }
    QString typeText;
    if (!optionalString(o, QStringLiteral("type"), &typeText, QStringLiteral("string"))) {
        return false;
    }
    const auto type = FieldTypes::fromName(typeText);
    if (!type) {
        auto s = key(QStringLiteral("type"));
        return fail(
            QStringLiteral("unknown field type \"%1\" (expected %2)").arg(typeText, alternatives(FieldTypes::names())));
    }
    f->type = *type;
    f->custom = true;
    keepUnknown(o, WorkspaceKeys::field(), &f->extra);
    return true;
}

// Tokens and mappings find a field by name or API name: a custom field that reuses a
// standard one's would make both ambiguous (Marketo refuses such a field too).
bool WorkspaceReader::checkNotStandard(const Field& f)
{
    for (const Field& standard : FieldCatalog::standardFields()) {
        if (standard.name.compare(f.name, Qt::CaseInsensitive) == 0
            || standard.apiName.compare(f.name, Qt::CaseInsensitive) == 0) {
            auto s = key(QStringLiteral("name"));
            return fail(QStringLiteral("\"%1\" is already a standard field (%2, API name %3): a custom field "
                                       "needs a name of its own")
                            .arg(f.name, standard.name, standard.apiName));
        }
        if (standard.apiName.compare(f.apiName, Qt::CaseInsensitive) == 0
            || standard.name.compare(f.apiName, Qt::CaseInsensitive) == 0) {
            auto s = key(QStringLiteral("apiName"));
            return fail(QStringLiteral("\"%1\" is already a standard field's API name (%2): a custom field "
                                       "needs an API name of its own")
                            .arg(f.apiName, standard.name));
        }
    }
    return true;
}

bool WorkspaceReader::readLeads(const QJsonValue& value, QList<QJsonObject>* leads)
{
    return forEachObject(value, QStringLiteral("leads"), [&](int, const QJsonObject& lead) {
        for (auto it = lead.constBegin(); it != lead.constEnd(); ++it) {
            const QJsonValue field = it.value();
            if (field.isArray() || field.isObject()) {
                auto s = key(it.key());
                return fail(QStringLiteral("a lead value must be a string, number, boolean or null, found %1")
                                .arg(typeName(field)));
            }
        }
        leads->append(lead);
        return true;
    });
}

bool WorkspaceReader::readScope(const QJsonValue& value, const QString& scopeName, ContextScope* scope)
{
    auto s = key(scopeName);
    if (!value.isObject()) {
        return wrongType(QStringLiteral("an object"), value);
    }
    scope->present = true;
    const QJsonObject object = value.toObject();
    // QJsonObject iterates alphabetically; program and campaign read better in Marketo's
    // order (name, id, description), and a stable order keeps saves byte-identical.
    QStringList names = object.keys();
    if (scopeName == QLatin1String("program") || scopeName == QLatin1String("campaign")) {
        QStringList ordered;
        for (const char* k : {"name", "id", "description"}) {
            const QString name = QString::fromLatin1(k);
            if (names.removeOne(name)) {
                ordered.append(name);
            }
        }
        names = ordered + names;
    }
    for (const QString& name : std::as_const(names)) {
        auto item = key(name);
        const QJsonValue v = object.value(name);
        ContextValue cv;
        cv.name = name;
        if (v.isString()) {
            cv.value = v.toString();
        } else if (v.isDouble()) {
            cv.value = numberText(v.toDouble());
        } else {
            return fail(QStringLiteral("a context value must be a string, found %1").arg(typeName(v)));
        }
        scope->values.append(cv);
    }
    return true;
}

bool WorkspaceReader::readContext(const QJsonValue& value, Context* context)
{
    if (value.isUndefined()) {
        return true;
    }
    auto scope = key(QStringLiteral("context"));
    if (!value.isObject()) {
        return wrongType(QStringLiteral("an object"), value);
    }
    const QJsonObject object = value.toObject();
    const QString secretKey = QStringLiteral("secretMyTokens");
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        ContextScope* target = it.key() == secretKey ? nullptr : context->scope(it.key());
        // Scope keys are matched exactly: "My" is an unknown key and kept, not guessed.
        if (target && Context::scopeNames().contains(it.key())) {
            if (!readScope(it.value(), it.key(), target)) {
                return false;
            }
        } else if (it.key() != secretKey) {
            context->extra.insert(it.key(), it.value());
        }
    }
    const QJsonValue secrets = object.value(secretKey);
    if (!secrets.isUndefined()) {
        auto s = key(secretKey);
        if (!secrets.isArray()) {
            return wrongType(QStringLiteral("an array of My Token names"), secrets);
        }
        const QJsonArray names = secrets.toArray();
        for (int i = 0; i < names.size(); ++i) {
            auto item = index(i);
            if (!names.at(i).isString()) {
                return wrongType(QStringLiteral("a string"), names.at(i));
            }
            const QString name = names.at(i).toString();
            ContextValue* token = nullptr;
            for (ContextValue& v : context->my.values) {
                if (v.name.compare(name, Qt::CaseInsensitive) == 0) {
                    token = &v;
                    break;
                }
            }
            if (!token) {
                return fail(QStringLiteral("no My Token named \"%1\" in context.my").arg(name));
            }
            token->secret = true;
        }
    }
    return true;
}

bool WorkspaceReader::readWebhooks(const QJsonValue& value, const FieldCatalog& catalog, QList<Webhook>* webhooks)
{
    // A hash, not a scan of the list: a 100,000-webhook file must not take quadratic time.
    QHash<QString, int> byName;
    return forEachObject(value, QStringLiteral("webhooks"), [&](int i, const QJsonObject& o) {
        Webhook webhook;
        if (!readWebhook(o, catalog, &webhook)) {
            return false;
        }
        const auto existing = byName.constFind(webhook.name);
        if (existing != byName.constEnd()) {
            auto s = key(QStringLiteral("name"));
            return fail(
                QStringLiteral("duplicate webhook name \"%1\" (also webhooks[%2])").arg(webhook.name).arg(*existing));
        }
        byName.insert(webhook.name, i);
        webhooks->append(std::move(webhook));
        return true;
    });
}

bool WorkspaceReader::readTrustedCertificate(const QJsonValue& value, TrustedCertificate* trusted)
{
    if (value.isUndefined()) {
        return true;
    }
    auto scope = key(QStringLiteral("trustedCertificate"));
    if (!value.isObject()) {
        return wrongType(QStringLiteral("an object"), value);
    }
    const QJsonObject o = value.toObject();
    TrustedCertificate result;
    if (!requiredString(o, QStringLiteral("host"), &result.host)) {
        return false;
    }
    const QString hostProblem = TrustedCertificate::hostProblem(result.host);
    if (!hostProblem.isEmpty()) {
        auto s = key(QStringLiteral("host"));
        return fail(hostProblem);
    }
    QString fingerprint;
    if (!requiredString(o, QStringLiteral("sha256"), &fingerprint)) {
        return false;
    }
    result.sha256 = TrustedCertificate::parseFingerprint(fingerprint);
    if (result.sha256.isEmpty()) {
        auto s = key(QStringLiteral("sha256"));
        return fail(QStringLiteral("expected 64 hexadecimal digits (the certificate's SHA-256 fingerprint, "
                                   "optionally as pairs separated by colons), found \"%1\"")
                        .arg(fingerprint));
    }
    keepUnknown(o, WorkspaceKeys::certificate(), &result.extra);
    *trusted = result;
    return true;
}

bool WorkspaceReader::readMarketo(const QJsonValue& value, MarketoConnection* connection)
{
    if (value.isUndefined()) {
        return true;
    }
    auto scope = key(QStringLiteral("marketo"));
    if (!value.isObject()) {
        return wrongType(QStringLiteral("an object"), value);
    }
    const QJsonObject o = value.toObject();
    MarketoConnection result;
    if (!readUrl(o, QStringLiteral("endpoint"), &result.endpoint)
        || !readUrl(o, QStringLiteral("identity"), &result.identity)
        || !requiredString(o, QStringLiteral("clientId"), &result.clientId)
        || !readNames(o, QStringLiteral("instanceFields"), &result.instanceFields)
        || !readNames(o, QStringLiteral("readOnlyFields"), &result.readOnlyFields)) {
        return false;
    }
    keepUnknown(o, WorkspaceKeys::marketo(), &result.extra);
    *connection = result;
    return true;
}

bool WorkspaceReader::readUrl(const QJsonObject& object, const QString& name, QString* out)
{
    if (!requiredString(object, name, out)) {
        return false;
    }
    const QUrl url(*out, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        auto s = key(name);
        return fail(QStringLiteral("expected an http:// or https:// address, found \"%1\"").arg(*out));
    }
    return true;
}

bool WorkspaceReader::readNames(const QJsonObject& object, const QString& name, QStringList* out)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined()) {
        return true;
    }
    auto scope = key(name);
    if (!value.isArray()) {
        return wrongType(QStringLiteral("an array of field API names"), value);
    }
    const QJsonArray names = value.toArray();
    for (int i = 0; i < names.size(); ++i) {
        auto item = index(i);
        if (!names.at(i).isString()) {
            return wrongType(QStringLiteral("a string"), names.at(i));
        }
        out->append(names.at(i).toString());
    }
    return true;
}

bool WorkspaceReader::readWebhook(const QJsonObject& o, const FieldCatalog& catalog, Webhook* webhook)
{
    if (!requiredString(o, QStringLiteral("name"), &webhook->name)) {
        return false;
    }
    if (webhook->name.trimmed().isEmpty()) {
        auto s = key(QStringLiteral("name"));
        return fail(QStringLiteral("a webhook needs a name"));
    }
    if (!optionalString(o, QStringLiteral("description"), &webhook->description)
        || !optionalString(o, QStringLiteral("url"), &webhook->url)
        || !optionalString(o, QStringLiteral("template"), &webhook->payloadTemplate)) {
        return false;
    }

    if (!optionalEnum(o,
                      QStringLiteral("requestType"),
                      QStringLiteral("POST"),
                      QStringLiteral("request type"),
                      WebhookEnums::requestTypeFromName,
                      WebhookEnums::requestTypeNames(),
                      &webhook->requestType)
        || !optionalEnum(o,
                         QStringLiteral("requestTokenEncoding"),
                         QStringLiteral("none"),
                         QStringLiteral("request token encoding"),
                         WebhookEnums::encodingFromName,
                         WebhookEnums::encodingNames(),
                         &webhook->requestTokenEncoding)
        || !optionalEnum(o,
                         QStringLiteral("responseType"),
                         QStringLiteral("none"),
                         QStringLiteral("response type"),
                         WebhookEnums::responseTypeFromName,
                         WebhookEnums::responseTypeNames(),
                         &webhook->responseType)) {
        return false;
    }

    if (!readHeaders(o.value(QStringLiteral("headers")), &webhook->headers)
        || !readMappings(o.value(QStringLiteral("responseMappings")), catalog, &webhook->responseMappings)) {
        return false;
    }

    keepUnknown(o, WorkspaceKeys::webhook(), &webhook->extra);
    return true;
}

bool WorkspaceReader::readHeaders(const QJsonValue& value, QList<Header>* headers)
{
    return forEachObject(value, QStringLiteral("headers"), [&](int, const QJsonObject& o) {
        Header header;
        if (!requiredString(o, QStringLiteral("name"), &header.name)
            || !optionalString(o, QStringLiteral("value"), &header.value)) {
            return false;
        }
        const QJsonValue secret = o.value(QStringLiteral("secret"));
        if (!secret.isUndefined()) {
            auto s = key(QStringLiteral("secret"));
            if (!secret.isBool()) {
                return wrongType(QStringLiteral("a boolean"), secret);
            }
            header.secret = secret.toBool();
        }
        keepUnknown(o, WorkspaceKeys::header(), &header.extra);
        headers->append(header);
        return true;
    });
}

bool WorkspaceReader::readMappings(const QJsonValue& value,
                                   const FieldCatalog& catalog,
                                   QList<ResponseMapping>* mappings)
{
    return forEachObject(value, QStringLiteral("responseMappings"), [&](int, const QJsonObject& o) {
        ResponseMapping mapping;
        if (!optionalString(o, QStringLiteral("attribute"), &mapping.attribute)
            || !optionalString(o, QStringLiteral("field"), &mapping.field)) {
            return false;
        }
        // An empty field is a row the user has not finished: lint reports it, and the
        // designer must be able to reopen what it saved. A named field must exist.
        if (!mapping.field.isEmpty() && !catalog.findByApiName(mapping.field)) {
            auto s = key(QStringLiteral("field"));
            const Field* byDisplayName = catalog.find(mapping.field);
            QString message = QStringLiteral("no lead field with API name \"%1\"").arg(mapping.field);
            if (byDisplayName) {
                message += QStringLiteral(" (a mapping names the API name: \"%1\")").arg(byDisplayName->apiName);
            }
            return fail(message);
        }
        keepUnknown(o, WorkspaceKeys::mapping(), &mapping.extra);
        mappings->append(mapping);
        return true;
    });
}
