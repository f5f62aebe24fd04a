#pragma once

#include "format/JsonLocation.h"
#include "format/WorkspaceFile.h"
#include "model/Workspace.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Reads a workspace file's JSON into a Workspace, checking every member, and on the
// first problem says where it is: the JSON path, line and column, and what is wrong.
// The current JSON path is kept as a stack, so every error names where it is.
class WorkspaceReader
{
public:
    explicit WorkspaceReader(const QByteArray& bytes) : m_bytes(bytes) { }

    bool read(Workspace* out, WorkspaceFileProblem* problem);

private:
    struct Scope
    {
        Scope(WorkspaceReader* reader, const JsonPathPart& part) : m_reader(reader) { m_reader->m_path.append(part); }
        ~Scope() { m_reader->m_path.removeLast(); }
        WorkspaceReader* m_reader;
        Q_DISABLE_COPY(Scope)
    };
    Scope key(const QString& name) { return Scope(this, JsonPathPart {name, -1}); }
    Scope index(int i) { return Scope(this, JsonPathPart {QString(), i}); }

    bool fail(const QString& message)
    {
        m_problem.path = JsonLocation::pathString(m_path);
        m_problem.message = message;
        JsonLocation::lineColumn(m_bytes, JsonLocation::offsetOf(m_bytes, m_path), &m_problem.line, &m_problem.column);
        return false;
    }
    bool wrongType(const QString& expected, const QJsonValue& found)
    {
        return fail(tr("expected %1, found %2").arg(expected, typeName(found)));
    }

    // Optional string member: Undefined gives the default.
    bool optionalString(const QJsonObject& object, const QString& name, QString* out, const QString& fallback = {})
    {
        const QJsonValue v = object.value(name);
        if (v.isUndefined()) {
            *out = fallback;
            return true;
        }
        auto scope = key(name);
        if (!v.isString()) {
            return wrongType(tr("a string"), v);
        }
        *out = v.toString();
        return true;
    }

    // A string naming one value of an enum; `fallback` when the key is absent. An unknown
    // name fails at the key, listing the names that are known.
    template <typename Enum>
    bool optionalEnum(const QJsonObject& object,
                      const QString& name,
                      const QString& fallback,
                      const QString& what,
                      std::optional<Enum> (*parse)(const QString&),
                      const QStringList& known,
                      Enum* out)
    {
        QString text;
        if (!optionalString(object, name, &text, fallback)) {
            return false;
        }
        const std::optional<Enum> value = parse(text);
        if (!value) {
            auto s = key(name);
            return fail(tr("unknown %1 \"%2\" (expected %3)").arg(what, text, alternatives(known)));
        }
        *out = *value;
        return true;
    }

    bool requiredString(const QJsonObject& object, const QString& name, QString* out)
    {
        if (!object.contains(name)) {
            auto scope = key(name);
            return fail(tr("missing \"%1\"").arg(name));
        }
        return optionalString(object, name, out);
    }

    // An optional array of objects: calls each(index, object) in the scope of the array and
    // of the element. False at the first problem.
    template <typename Each>
    bool forEachObject(const QJsonValue& value, const QString& name, Each each)
    {
        if (value.isUndefined()) {
            return true;
        }
        auto scope = key(name);
        if (!value.isArray()) {
            return wrongType(tr("an array"), value);
        }
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            auto item = index(i);
            const QJsonValue v = array.at(i);
            if (!v.isObject()) {
                return wrongType(tr("an object"), v);
            }
            if (!each(i, v.toObject())) {
                return false;
            }
        }
        return true;
    }

    static QString typeName(const QJsonValue& value);
    static QString alternatives(const QStringList& names);

    bool readRoot(const QJsonObject& root, Workspace* ws);
    bool readFormat(const QJsonObject& root);
    bool readFields(const QJsonValue& value, QList<Field>* fields);
    bool readField(const QJsonObject& object, Field* field);
    bool checkNotStandard(const Field& field);
    bool readLeads(const QJsonValue& value, QList<QJsonObject>* leads);
    bool readContext(const QJsonValue& value, Context* context);
    bool readScope(const QJsonValue& value, const QString& scopeName, ContextScope* scope);
    bool readTrustedCertificate(const QJsonValue& value, TrustedCertificate* trusted);
    bool readMarketo(const QJsonValue& value, MarketoConnection* connection);
    bool readUrl(const QJsonObject& object, const QString& name, QString* out);
    bool readNames(const QJsonObject& object, const QString& name, QStringList* out);
    bool readWebhooks(const QJsonValue& value, const FieldCatalog& catalog, QList<Webhook>* webhooks);
    bool readWebhook(const QJsonObject& object, const FieldCatalog& catalog, Webhook* webhook);
    bool readHeaders(const QJsonValue& value, QList<Header>* headers);
    bool readMappings(const QJsonValue& value, const FieldCatalog& catalog, QList<ResponseMapping>* mappings);
    bool readChecks(const QJsonValue& value, const QString& webhookName, QList<Check>* checks);
    bool readCheck(const QJsonObject& object, const QString& where, Check* check);
    bool checkString(const QJsonObject& object, const QString& name, const QString& where, QString* out);
    bool checkFlag(const QJsonObject& object, const QString& name, const QString& where, bool* out);
    bool readBaseline(const QJsonValue& value, std::optional<ResponseShape>* baseline);

    const QByteArray& m_bytes;
    QList<JsonPathPart> m_path;
    WorkspaceFileProblem m_problem;

    Q_DECLARE_TR_FUNCTIONS(WorkspaceReader) // last: it ends in private:
};
