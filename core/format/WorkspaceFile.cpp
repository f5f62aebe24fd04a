#include "WorkspaceFile.h"

#include "format/JsonWriter.h"
#include "format/WorkspaceKeys.h"
#include "format/WorkspaceReader.h"

#include <QFile>
#include <QSaveFile>
#include <QSet>

namespace {

void writeExtra(JsonWriter& w, const QJsonObject& extra, const QSet<QString>& known)
{
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            w.key(it.key());
            w.value(it.value());
        }
    }
}

void writeString(JsonWriter& w, const QString& name, const QString& value)
{
    w.key(name);
    w.value(value);
}

// An array of objects under `name`, each written by writeOne between its braces.
template <typename T, typename WriteOne>
void writeObjects(JsonWriter& w, const QString& name, const QList<T>& items, WriteOne writeOne)
{
    w.key(name);
    w.beginArray();
    for (const T& item : items) {
        w.beginObject();
        writeOne(item);
        w.endObject();
    }
    w.endArray();
}

void writeField(JsonWriter& w, const Field& f)
{
    writeString(w, QStringLiteral("name"), f.name);
    writeString(w, QStringLiteral("apiName"), f.apiName);
    writeString(w, QStringLiteral("type"), FieldTypes::name(f.type));
    writeExtra(w, f.extra, WorkspaceKeys::field());
}

// A secret's value is written only to a file that held values before (see
// Workspace::secretsInFile); otherwise it lives in the keychain.
void writeContext(JsonWriter& w, const Context& context, bool secretValues)
{
    w.key(QStringLiteral("context"));
    w.beginObject();
    QStringList secretTokens;
    const QStringList scopeNames = Context::scopeNames();
    for (const QString& name : scopeNames) {
        const ContextScope* scope = context.scope(name);
        if (!scope->present) {
            continue;
        }
        w.key(name);
        w.beginObject();
        for (const ContextValue& v : scope->values) {
            const bool secret = v.secret && scope == &context.my;
            // The name stays, with an empty value: the token exists, its value is elsewhere.
            writeString(w, v.name, secret && !secretValues ? QString() : v.value);
            if (secret) {
                secretTokens.append(v.name);
            }
        }
        w.endObject();
    }
    if (!secretTokens.isEmpty()) {
        w.key(QStringLiteral("secretMyTokens"));
        w.beginArray();
        for (const QString& name : std::as_const(secretTokens)) {
            w.value(name);
        }
        w.endArray();
    }
    QSet<QString> contextKnown(scopeNames.cbegin(), scopeNames.cend());
    contextKnown.insert(QStringLiteral("secretMyTokens"));
    writeExtra(w, context.extra, contextKnown);
    w.endObject();
}

void writeTrustedCertificate(JsonWriter& w, const TrustedCertificate& trusted)
{
    w.key(QStringLiteral("trustedCertificate"));
    w.beginObject();
    writeString(w, QStringLiteral("host"), trusted.host);
    writeString(w, QStringLiteral("sha256"), TrustedCertificate::fingerprintText(trusted.sha256));
    writeExtra(w, trusted.extra, WorkspaceKeys::certificate());
    w.endObject();
}

void writeNames(JsonWriter& w, const QString& name, const QStringList& names)
{
    if (names.isEmpty()) {
        return;
    }
    w.key(name);
    w.beginArray();
    for (const QString& n : names) {
        w.value(n);
    }
    w.endArray();
}

void writeMarketo(JsonWriter& w, const MarketoConnection& connection)
{
    w.key(QStringLiteral("marketo"));
    w.beginObject();
    writeString(w, QStringLiteral("endpoint"), connection.endpoint);
    writeString(w, QStringLiteral("identity"), connection.identity);
    writeString(w, QStringLiteral("clientId"), connection.clientId);
    writeNames(w, QStringLiteral("instanceFields"), connection.instanceFields);
    writeNames(w, QStringLiteral("readOnlyFields"), connection.readOnlyFields);
    writeExtra(w, connection.extra, WorkspaceKeys::marketo());
    w.endObject();
}

// Keys in a fixed order: the name, the subject, then the assertion.
void writeCheck(JsonWriter& w, const Check& check)
{
    if (!check.name.isEmpty()) {
        writeString(w, QStringLiteral("name"), check.name);
    }
    switch (check.kind) {
    case Check::Kind::Status:
        writeString(w, QStringLiteral("status"), check.target);
        break;
    case Check::Kind::LatencyBelow:
        w.key(QStringLiteral("latencyBelowMs"));
        w.value(double(check.latencyMs));
        break;
    case Check::Kind::FieldEquals:
    case Check::Kind::FieldMatches:
    case Check::Kind::FieldWritten:
    case Check::Kind::PathExists:
    case Check::Kind::PathEquals:
    case Check::Kind::PathMatches:
        writeString(w, check.isFieldCheck() ? QStringLiteral("field") : QStringLiteral("path"), check.target);
        if (check.kind == Check::Kind::FieldEquals || check.kind == Check::Kind::PathEquals) {
            writeString(w, QStringLiteral("equals"), check.expected);
        } else if (check.kind == Check::Kind::FieldMatches || check.kind == Check::Kind::PathMatches) {
            writeString(w, QStringLiteral("matches"), check.expected);
        } else {
            w.key(check.kind == Check::Kind::FieldWritten ? QStringLiteral("written") : QStringLiteral("exists"));
            w.value(check.flag);
        }
        break;
    }
    writeExtra(w, check.extra, WorkspaceKeys::check());
}

void writeBaseline(JsonWriter& w, const ResponseShape& shape)
{
    w.key(QStringLiteral("baseline"));
    w.beginObject();
    writeString(w, QStringLiteral("responseType"), WebhookEnums::name(shape.syntax));
    w.key(QStringLiteral("paths"));
    w.beginObject();
    // QMap's order: sorted by path, so a new baseline diffs well against the old one.
    for (auto it = shape.paths.constBegin(); it != shape.paths.constEnd(); ++it) {
        writeString(w, it.key(), it.value());
    }
    w.endObject();
    writeExtra(w, shape.extra, WorkspaceKeys::baseline());
    w.endObject();
}

void writeWebhook(JsonWriter& w, const Webhook& h, bool secretValues)
{
    writeString(w, QStringLiteral("name"), h.name);
    writeString(w, QStringLiteral("description"), h.description);
    writeString(w, QStringLiteral("url"), h.url);
    writeString(w, QStringLiteral("requestType"), WebhookEnums::name(h.requestType));
    writeString(w, QStringLiteral("template"), h.payloadTemplate);
    writeString(w, QStringLiteral("requestTokenEncoding"), WebhookEnums::name(h.requestTokenEncoding));
    writeString(w, QStringLiteral("responseType"), WebhookEnums::name(h.responseType));
    writeObjects(w, QStringLiteral("headers"), h.headers, [&w, secretValues](const Header& header) {
        writeString(w, QStringLiteral("name"), header.name);
        if (!header.secret || secretValues) {
            writeString(w, QStringLiteral("value"), header.value);
        }
        if (header.secret) {
            w.key(QStringLiteral("secret"));
            w.value(true);
        }
        writeExtra(w, header.extra, WorkspaceKeys::header());
    });
    writeObjects(w, QStringLiteral("responseMappings"), h.responseMappings, [&w](const ResponseMapping& m) {
        writeString(w, QStringLiteral("attribute"), m.attribute);
        writeString(w, QStringLiteral("field"), m.field);
        writeExtra(w, m.extra, WorkspaceKeys::mapping());
    });
    // Both only when set: a webhook without them keeps the bytes it always had.
    if (!h.checks.isEmpty()) {
        writeObjects(w, QStringLiteral("checks"), h.checks, [&w](const Check& check) { writeCheck(w, check); });
    }
    if (h.baseline) {
        writeBaseline(w, *h.baseline);
    }
    writeExtra(w, h.extra, WorkspaceKeys::webhook());
}

} // namespace

QString WorkspaceFileProblem::toString() const
{
    if (!path.isEmpty()) {
        return path + QStringLiteral(": ") + message;
    }
    if (line > 0) {
        return QCoreApplication::translate("WorkspaceFile", "line %1, column %2: %3")
            .arg(line)
            .arg(column)
            .arg(message);
    }
    return message;
}

QString WorkspaceFile::formatName()
{
    return QStringLiteral("webhook-designer/1");
}

QString WorkspaceFile::fileSuffix()
{
    return QStringLiteral(".webhooks.json");
}

bool WorkspaceFile::read(const QByteArray& bytes, Workspace* workspace, QString* error, WorkspaceFileProblem* problem)
{
    // Editors on Windows like to add a BOM; QJsonDocument rejects it. Positions are then
    // counted after it, as an editor shows them.
    const QByteArray bom("\xEF\xBB\xBF");
    const QByteArray body = bytes.startsWith(bom) ? bytes.mid(bom.size()) : bytes;
    WorkspaceFileProblem found;
    WorkspaceReader reader(body);
    if (reader.read(workspace, &found)) {
        return true;
    }
    if (error) {
        *error = found.toString();
    }
    if (problem) {
        *problem = found;
    }
    return false;
}

bool WorkspaceFile::load(const QString& fileName, Workspace* workspace, QString* error, WorkspaceFileProblem* problem)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        WorkspaceFileProblem found;
        found.message = tr("cannot read %1: %2").arg(fileName, file.errorString());
        if (error) {
            *error = found.message;
        }
        if (problem) {
            *problem = found;
        }
        return false;
    }
    return read(file.readAll(), workspace, error, problem);
}

QByteArray WorkspaceFile::write(const Workspace& ws)
{
    JsonWriter w;
    w.beginObject();
    writeString(w, QStringLiteral("format"), formatName());
    if (!ws.id.isEmpty()) {
        writeString(w, QStringLiteral("id"), ws.id);
    }
    writeString(w, QStringLiteral("timeZone"), ws.timeZone);
    writeObjects(w, QStringLiteral("fields"), ws.fields, [&w](const Field& f) { writeField(w, f); });
    w.key(QStringLiteral("leads"));
    w.beginArray();
    for (const QJsonObject& lead : ws.leads) {
        w.value(QJsonValue(lead));
    }
    w.endArray();
    writeContext(w, ws.context, ws.secretsInFile);
    // Only when set: a workspace that trusts nothing keeps the bytes it always had.
    if (ws.trustedCertificate.isSet()) {
        writeTrustedCertificate(w, ws.trustedCertificate);
    }
    if (ws.marketo.isSet()) {
        writeMarketo(w, ws.marketo);
    }
    writeObjects(w, QStringLiteral("webhooks"), ws.webhooks, [&w, &ws](const Webhook& h) {
        writeWebhook(w, h, ws.secretsInFile);
    });
    writeExtra(w, ws.extra, WorkspaceKeys::root());
    w.endObject();
    return w.take();
}

bool WorkspaceFile::save(const Workspace& workspace, const QString& fileName, QString* error)
{
    QSaveFile file(fileName);
    const QByteArray bytes = write(workspace);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) {
            *error = tr("cannot save %1: %2").arg(fileName, file.errorString());
        }
        return false;
    }
    return true;
}
