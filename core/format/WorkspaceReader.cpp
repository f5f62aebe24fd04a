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
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

// "GET, POST, PUT, PATCH or DELETE"
QString WorkspaceReader::alternatives(const QStringList& names)
{
    if (names.size() < 2) {
        return names.join(QString());
    }
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + tr(" or ") + names.last();
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
        m_problem.message =
            tr("a workspace must be a JSON object, found %1").arg(doc.isArray() ? tr("an array") : tr("nothing"));
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
        return fail(tr("unknown time zone \"%1\" (expected an IANA name such as "
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
        return fail(
            tr("missing \"format\" (expected \"%1\"); is this a workspace file?").arg(WorkspaceFile::formatName()));
    }
    if (!format.isString()) {
        return wrongType(tr("a string"), format);
    }
    if (format.toString() != WorkspaceFile::formatName()) {
        return fail(
            tr("unsupported format \"%1\" (expected \"%2\")").arg(format.toString(), WorkspaceFile::formatName()));
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
            return fail(
                tr("duplicate API name \"%1\" (also fields[%2])").arg(f.apiName).arg(byApiName.value(foldedApi)));
        }
        const QString foldedName = f.name.toCaseFolded();
        if (byName.contains(foldedName)) {
            auto s = key(QStringLiteral("name"));
            return fail(tr("duplicate field name \"%1\" (also fields[%2])").arg(f.name).arg(byName.value(foldedName)));
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
        return fail(tr("a field needs a name"));
    }
    if (f->apiName.trimmed().isEmpty()) {
        auto s = key(QStringLiteral("apiName"));
        return fail(tr("a field needs an API name"));
    }
    QString typeText;
    if (!optionalString(o, QStringLiteral("type"), &typeText, QStringLiteral("string"))) {
        return false;
    }
    const auto type = FieldTypes::fromName(typeText);
    if (!type) {
        auto s = key(QStringLiteral("type"));
        return fail(tr("unknown field type \"%1\" (expected %2)").arg(typeText, alternatives(FieldTypes::names())));
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
            return fail(tr("\"%1\" is already a standard field (%2, API name %3): a custom field "
                           "needs a name of its own")
                            .arg(f.name, standard.name, standard.apiName));
        }
        if (standard.apiName.compare(f.apiName, Qt::CaseInsensitive) == 0
            || standard.name.compare(f.apiName, Qt::CaseInsensitive) == 0) {
            auto s = key(QStringLiteral("apiName"));
            return fail(tr("\"%1\" is already a standard field's API name (%2): a custom field "
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
                return fail(
                    tr("a lead value must be a string, number, boolean or null, found %1").arg(typeName(field)));
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
        return wrongType(tr("an object"), value);
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
            return fail(tr("a context value must be a string, found %1").arg(typeName(v)));
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
        return wrongType(tr("an object"), value);
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
            return wrongType(tr("an array of My Token names"), secrets);
        }
        const QJsonArray names = secrets.toArray();
        for (int i = 0; i < names.size(); ++i) {
            auto item = index(i);
            if (!names.at(i).isString()) {
                return wrongType(tr("a string"), names.at(i));
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
                return fail(tr("no My Token named \"%1\" in context.my").arg(name));
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
            return fail(tr("duplicate webhook name \"%1\" (also webhooks[%2])").arg(webhook.name).arg(*existing));
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
        return wrongType(tr("an object"), value);
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
        return fail(tr("expected 64 hexadecimal digits (the certificate's SHA-256 fingerprint, "
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
        return wrongType(tr("an object"), value);
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
        return fail(tr("expected an http:// or https:// address, found \"%1\"").arg(*out));
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
        return wrongType(tr("an array of field API names"), value);
    }
    const QJsonArray names = value.toArray();
    for (int i = 0; i < names.size(); ++i) {
        auto item = index(i);
        if (!names.at(i).isString()) {
            return wrongType(tr("a string"), names.at(i));
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
        return fail(tr("a webhook needs a name"));
    }
    if (!optionalString(o, QStringLiteral("description"), &webhook->description)
        || !optionalString(o, QStringLiteral("url"), &webhook->url)
        || !optionalString(o, QStringLiteral("template"), &webhook->payloadTemplate)) {
        return false;
    }

    if (!optionalEnum(o,
                      QStringLiteral("requestType"),
                      QStringLiteral("POST"),
                      tr("request type"),
                      WebhookEnums::requestTypeFromName,
                      WebhookEnums::requestTypeNames(),
                      &webhook->requestType)
        || !optionalEnum(o,
                         QStringLiteral("requestTokenEncoding"),
                         QStringLiteral("none"),
                         tr("request token encoding"),
                         WebhookEnums::encodingFromName,
                         WebhookEnums::encodingNames(),
                         &webhook->requestTokenEncoding)
        || !optionalEnum(o,
                         QStringLiteral("responseType"),
                         QStringLiteral("none"),
                         tr("response type"),
                         WebhookEnums::responseTypeFromName,
                         WebhookEnums::responseTypeNames(),
                         &webhook->responseType)) {
        return false;
    }

    if (!readHeaders(o.value(QStringLiteral("headers")), &webhook->headers)
        || !readMappings(o.value(QStringLiteral("responseMappings")), catalog, &webhook->responseMappings)
        || !readChecks(o.value(QStringLiteral("checks")), webhook->name, &webhook->checks)
        || !readBaseline(o.value(QStringLiteral("baseline")), &webhook->baseline)) {
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
                return wrongType(tr("a boolean"), secret);
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
            QString message = tr("no lead field with API name \"%1\"").arg(mapping.field);
            if (byDisplayName) {
                message += tr(" (a mapping names the API name: \"%1\")").arg(byDisplayName->apiName);
            }
            return fail(message);
        }
        keepUnknown(o, WorkspaceKeys::mapping(), &mapping.extra);
        mappings->append(mapping);
        return true;
    });
}

bool WorkspaceReader::readChecks(const QJsonValue& value, const QString& webhookName, QList<Check>* checks)
{
    if (value.isUndefined()) {
        return true;
    }
    auto scope = key(QStringLiteral("checks"));
    if (!value.isArray()) {
        return fail(tr("the checks of webhook \"%1\" must be an array, found %2").arg(webhookName, typeName(value)));
    }
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        auto item = index(i);
        // The webhook and the number, counted from 1: a file with many webhooks says which
        // check to fix in words, not only by its JSON path.
        const QString where = tr("check %1 of webhook \"%2\"").arg(i + 1).arg(webhookName);
        const QJsonValue v = array.at(i);
        if (!v.isObject()) {
            return fail(tr("%1: expected an object, found %2").arg(where, typeName(v)));
        }
        Check check;
        if (!readCheck(v.toObject(), where, &check)) {
            return false;
        }
        checks->append(check);
    }
    return true;
}

bool WorkspaceReader::checkString(const QJsonObject& object, const QString& name, const QString& where, QString* out)
{
    const QJsonValue v = object.value(name);
    auto scope = key(name);
    if (!v.isString()) {
        return fail(tr("%1: \"%2\" must be a string, found %3").arg(where, name, typeName(v)));
    }
    *out = v.toString();
    return true;
}

bool WorkspaceReader::checkFlag(const QJsonObject& object, const QString& name, const QString& where, bool* out)
{
    const QJsonValue v = object.value(name);
    auto scope = key(name);
    if (!v.isBool()) {
        return fail(tr("%1: \"%2\" must be true or false, found %3").arg(where, name, typeName(v)));
    }
    *out = v.toBool();
    return true;
}

// The kind of a check is the set of its keys: one subject (status, field, path or
// latencyBelowMs) and, for a field or a path, one assertion. Anything else is refused
// rather than guessed, so a typo never turns into a check that silently passes.
bool WorkspaceReader::readCheck(const QJsonObject& o, const QString& where, Check* check)
{
    const auto has = [&o](const char* name) { return o.contains(QLatin1String(name)); };
    const int subjects = int(has("status")) + int(has("field")) + int(has("path")) + int(has("latencyBelowMs"));
    const int assertions = int(has("equals")) + int(has("matches")) + int(has("written")) + int(has("exists"));
    bool known = subjects == 1;
    if (has("status") || has("latencyBelowMs")) {
        known = known && assertions == 0;
    } else if (has("field")) {
        known = known && assertions == 1 && !has("exists");
    } else if (has("path")) {
        known = known && assertions == 1 && !has("written");
    }
    if (!known) {
        return fail(tr("%1 is not a check the designer knows; a check is one of {\"status\": \"2xx\"}, "
                       "{\"field\": API name, and \"equals\", \"matches\" or \"written\"}, "
                       "{\"path\": response attribute, and \"exists\", \"equals\" or \"matches\"} "
                       "and {\"latencyBelowMs\": 500}")
                        .arg(where));
    }
    if (has("name") && !checkString(o, QStringLiteral("name"), where, &check->name)) {
        return false;
    }

    // Where the check's problem() is: the key whose value is wrong.
    QString problemKey;
    if (has("status")) {
        check->kind = Check::Kind::Status;
        problemKey = QStringLiteral("status");
        if (!checkString(o, problemKey, where, &check->target)) {
            return false;
        }
    } else if (has("latencyBelowMs")) {
        check->kind = Check::Kind::LatencyBelow;
        problemKey = QStringLiteral("latencyBelowMs");
        const QJsonValue v = o.value(problemKey);
        auto scope = key(problemKey);
        const double ms = v.toDouble();
        if (!v.isDouble() || ms != std::floor(ms) || ms < 1 || ms > 24.0 * 60 * 60 * 1000) {
            return fail(tr("%1: \"latencyBelowMs\" must be a whole number of milliseconds above 0 (at most a "
                           "day), found %2")
                            .arg(where, v.isDouble() ? numberText(ms) : typeName(v)));
        }
        check->latencyMs = int(ms);
    } else {
        const bool field = has("field");
        const QString subject = field ? QStringLiteral("field") : QStringLiteral("path");
        problemKey = subject;
        if (!checkString(o, subject, where, &check->target)) {
            return false;
        }
        if (has("equals")) {
            check->kind = field ? Check::Kind::FieldEquals : Check::Kind::PathEquals;
            if (!checkString(o, QStringLiteral("equals"), where, &check->expected)) {
                return false;
            }
        } else if (has("matches")) {
            check->kind = field ? Check::Kind::FieldMatches : Check::Kind::PathMatches;
            if (!checkString(o, QStringLiteral("matches"), where, &check->expected)) {
                return false;
            }
            if (!check->target.trimmed().isEmpty()) {
                problemKey = QStringLiteral("matches");
            }
        } else if (has("written")) {
            check->kind = Check::Kind::FieldWritten;
            if (!checkFlag(o, QStringLiteral("written"), where, &check->flag)) {
                return false;
            }
        } else {
            check->kind = Check::Kind::PathExists;
            if (!checkFlag(o, QStringLiteral("exists"), where, &check->flag)) {
                return false;
            }
        }
    }
    const QString problem = check->problem();
    if (!problem.isEmpty()) {
        auto scope = key(problemKey);
        return fail(tr("%1: %2").arg(where, problem));
    }
    keepUnknown(o, WorkspaceKeys::check(), &check->extra);
    return true;
}

bool WorkspaceReader::readBaseline(const QJsonValue& value, std::optional<ResponseShape>* baseline)
{
    if (value.isUndefined()) {
        return true;
    }
    auto scope = key(QStringLiteral("baseline"));
    if (!value.isObject()) {
        return wrongType(tr("an object"), value);
    }
    const QJsonObject o = value.toObject();
    ResponseShape shape;
    QString typeText;
    if (!requiredString(o, QStringLiteral("responseType"), &typeText)) {
        return false;
    }
    const std::optional<ResponseType> type = WebhookEnums::responseTypeFromName(typeText);
    if (!type || *type == ResponseType::None) {
        auto s = key(QStringLiteral("responseType"));
        return fail(tr("unknown baseline response type \"%1\" (expected json or xml)").arg(typeText));
    }
    shape.syntax = *type;
    const QJsonValue paths = o.value(QStringLiteral("paths"));
    {
        auto s = key(QStringLiteral("paths"));
        if (paths.isUndefined()) {
            return fail(tr("missing \"%1\"").arg(QStringLiteral("paths")));
        }
        if (!paths.isObject()) {
            return wrongType(tr("an object of paths and their types"), paths);
        }
        const QJsonObject object = paths.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            auto item = key(it.key());
            if (!it.value().isString() || it.value().toString().isEmpty()) {
                return wrongType(tr("a type such as \"string\""), it.value());
            }
            shape.paths.insert(it.key(), it.value().toString());
        }
    }
    keepUnknown(o, WorkspaceKeys::baseline(), &shape.extra);
    *baseline = std::move(shape);
    return true;
}
