#include "WorkspaceFile.h"

#include "format/JsonWriter.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QSaveFile>
#include <QSet>
#include <QTimeZone>

#include <cmath>

namespace {

// One step of a JSON path: an object key, or an array index when index >= 0.
struct PathPart
{
    QString key;
    int index = -1;
};

bool isPlainKey(const QString& key)
{
    if (key.isEmpty()) {
        return false;
    }
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'))) {
            return false;
        }
    }
    return true;
}

QString pathString(const QList<PathPart>& path)
{
    QString out;
    for (const PathPart& part : path) {
        if (part.index >= 0) {
            out += QLatin1Char('[') + QString::number(part.index) + QLatin1Char(']');
        } else if (isPlainKey(part.key)) {
            if (!out.isEmpty()) {
                out += QLatin1Char('.');
            }
            out += part.key;
        } else {
            // Lead keys are display names with spaces: keep the path unambiguous.
            QByteArray literal;
            JsonWriter::appendString(literal, part.key);
            out += QLatin1Char('[') + QString::fromUtf8(literal) + QLatin1Char(']');
        }
    }
    return out;
}

// Line and column (1-based; the column counts characters, not bytes) of a byte offset.
void lineColumn(const QByteArray& bytes, qsizetype offset, int* line, int* column)
{
    offset = qBound(qsizetype(0), offset, bytes.size());
    int l = 1;
    int c = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b == '\n') {
            ++l;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            ++c;
        }
    }
    *line = l;
    *column = c;
}

// Finds where a JSON path's value starts in a document QJsonDocument has already
// accepted, by scanning the bytes: QJsonDocument keeps no positions. Only used to locate
// an error, so one linear pass is fine. Falls back to the deepest part of the path that
// exists (a missing key points at its object). Iterative, so deep nesting cannot
// overflow the stack, and bounds-checked everywhere.
class JsonLocator
{
public:
    explicit JsonLocator(const QByteArray& bytes) : m_bytes(bytes) { }

    qsizetype locate(const QList<PathPart>& path)
    {
        m_pos = 0;
        skipSpace();
        qsizetype best = m_pos;
        for (const PathPart& part : path) {
            if (!(part.index >= 0 ? enterArray(part.index) : enterObject(part.key))) {
                break;
            }
            best = m_pos;
        }
        return best;
    }

private:
    bool atEnd() const { return m_pos >= m_bytes.size(); }
    char peek() const { return atEnd() ? '\0' : m_bytes[m_pos]; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++m_pos;
        }
    }

    // At an opening quote: moves past the closing quote.
    void skipString()
    {
        ++m_pos;
        while (!atEnd()) {
            const char c = m_bytes[m_pos++];
            if (c == '\\') {
                ++m_pos;
            } else if (c == '"') {
                return;
            }
        }
    }

    QString readString()
    {
        const qsizetype start = m_pos;
        skipString();
        const qsizetype end = qMin(m_pos, m_bytes.size());
        // Let QJsonDocument decode the escapes: the literal is valid JSON here.
        const QByteArray literal = '[' + m_bytes.mid(start, end - start) + ']';
        const QJsonDocument doc = QJsonDocument::fromJson(literal);
        return doc.array().at(0).toString();
    }

    void skipValue()
    {
        skipSpace();
        if (peek() == '"') {
            skipString();
            return;
        }
        if (peek() == '{' || peek() == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char c = peek();
                if (c == '"') {
                    skipString();
                    continue;
                }
                ++m_pos;
                if (c == '{' || c == '[') {
                    ++depth;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return;
                }
            }
            return;
        }
        while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']') {
            ++m_pos;
        }
    }

    bool enterArray(int index)
    {
        skipSpace();
        if (peek() != '[') {
            return false;
        }
        ++m_pos;
        for (int i = 0; i < index; ++i) {
            skipSpace();
            if (atEnd() || peek() == ']') {
                return false;
            }
            skipValue();
            skipSpace();
            if (peek() != ',') {
                return false;
            }
            ++m_pos;
        }
        skipSpace();
        return !atEnd() && peek() != ']';
    }

    bool enterObject(const QString& key)
    {
        skipSpace();
        if (peek() != '{') {
            return false;
        }
        const qsizetype objectStart = m_pos;
        ++m_pos;
        while (true) {
            skipSpace();
            if (peek() != '"') {
                m_pos = objectStart;
                return false;
            }
            const QString name = readString();
            skipSpace();
            if (peek() != ':') {
                m_pos = objectStart;
                return false;
            }
            ++m_pos;
            skipSpace();
            if (name == key) {
                return true;
            }
            skipValue();
            skipSpace();
            if (peek() != ',') {
                m_pos = objectStart;
                return false;
            }
            ++m_pos;
        }
    }

    const QByteArray& m_bytes;
    qsizetype m_pos = 0;
};

QString typeName(const QJsonValue& value)
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

QString numberText(double number)
{
    QByteArray out;
    JsonWriter::appendNumber(out, number);
    return QString::fromLatin1(out);
}

// "GET, POST, PUT, PATCH or DELETE"
QString alternatives(const QStringList& names)
{
    if (names.size() < 2) {
        return names.join(QString());
    }
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + names.last();
}

// The members each kind of object in the file knows; the reader keeps any other in the
// object's `extra`, and the writer writes `extra` back after the known ones.
const QSet<QString>& rootKeys()
{
    static const QSet<QString> keys {QStringLiteral("format"),
                                     QStringLiteral("timeZone"),
                                     QStringLiteral("fields"),
                                     QStringLiteral("leads"),
                                     QStringLiteral("context"),
                                     QStringLiteral("trustedCertificate"),
                                     QStringLiteral("webhooks")};
    return keys;
}

const QSet<QString>& fieldKeys()
{
    static const QSet<QString> keys {QStringLiteral("name"), QStringLiteral("apiName"), QStringLiteral("type")};
    return keys;
}

const QSet<QString>& certificateKeys()
{
    static const QSet<QString> keys {QStringLiteral("host"), QStringLiteral("sha256")};
    return keys;
}

const QSet<QString>& webhookKeys()
{
    static const QSet<QString> keys {QStringLiteral("name"),
                                     QStringLiteral("description"),
                                     QStringLiteral("url"),
                                     QStringLiteral("requestType"),
                                     QStringLiteral("template"),
                                     QStringLiteral("requestTokenEncoding"),
                                     QStringLiteral("responseType"),
                                     QStringLiteral("headers"),
                                     QStringLiteral("responseMappings")};
    return keys;
}

const QSet<QString>& headerKeys()
{
    static const QSet<QString> keys {QStringLiteral("name"), QStringLiteral("value"), QStringLiteral("secret")};
    return keys;
}

const QSet<QString>& mappingKeys()
{
    static const QSet<QString> keys {QStringLiteral("attribute"), QStringLiteral("field")};
    return keys;
}

void keepUnknown(const QJsonObject& object, const QSet<QString>& known, QJsonObject* extra)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            extra->insert(it.key(), it.value());
        }
    }
}

// The reader keeps the current JSON path as a stack so every error names where it is.
class Reader
{
public:
    explicit Reader(const QByteArray& bytes) : m_bytes(bytes) { }

    bool read(Workspace* out, WorkspaceFileProblem* problem);

private:
    struct Scope
    {
        Scope(Reader* reader, const PathPart& part) : m_reader(reader) { m_reader->m_path.append(part); }
        ~Scope() { m_reader->m_path.removeLast(); }
        Reader* m_reader;
        Q_DISABLE_COPY(Scope)
    };
    Scope key(const QString& name) { return Scope(this, PathPart {name, -1}); }
    Scope index(int i) { return Scope(this, PathPart {QString(), i}); }

    bool fail(const QString& message)
    {
        m_problem.path = pathString(m_path);
        m_problem.message = message;
        JsonLocator locator(m_bytes);
        lineColumn(m_bytes, locator.locate(m_path), &m_problem.line, &m_problem.column);
        return false;
    }
    bool wrongType(const QString& expected, const QJsonValue& found)
    {
        return fail(QStringLiteral("expected %1, found %2").arg(expected, typeName(found)));
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
            return wrongType(QStringLiteral("a string"), v);
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
            return fail(QStringLiteral("unknown %1 \"%2\" (expected %3)").arg(what, text, alternatives(known)));
        }
        *out = *value;
        return true;
    }

    bool requiredString(const QJsonObject& object, const QString& name, QString* out)
    {
        if (!object.contains(name)) {
            auto scope = key(name);
            return fail(QStringLiteral("missing \"%1\"").arg(name));
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
            return wrongType(QStringLiteral("an array"), value);
        }
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            auto item = index(i);
            const QJsonValue v = array.at(i);
            if (!v.isObject()) {
                return wrongType(QStringLiteral("an object"), v);
            }
            if (!each(i, v.toObject())) {
                return false;
            }
        }
        return true;
    }

    bool readRoot(const QJsonObject& root, Workspace* ws);
    bool readFormat(const QJsonObject& root);
    bool readFields(const QJsonValue& value, QList<Field>* fields);
    bool readField(const QJsonObject& object, Field* field);
    bool checkNotStandard(const Field& field);
    bool readLeads(const QJsonValue& value, QList<QJsonObject>* leads);
    bool readContext(const QJsonValue& value, Context* context);
    bool readScope(const QJsonValue& value, const QString& scopeName, ContextScope* scope);
    bool readTrustedCertificate(const QJsonValue& value, TrustedCertificate* trusted);
    bool readWebhooks(const QJsonValue& value, const FieldCatalog& catalog, QList<Webhook>* webhooks);
    bool readWebhook(const QJsonObject& object, const FieldCatalog& catalog, Webhook* webhook);
    bool readHeaders(const QJsonValue& value, QList<Header>* headers);
    bool readMappings(const QJsonValue& value, const FieldCatalog& catalog, QList<ResponseMapping>* mappings);

    const QByteArray& m_bytes;
    QList<PathPart> m_path;
    WorkspaceFileProblem m_problem;
};

bool Reader::read(Workspace* out, WorkspaceFileProblem* problem)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(m_bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        lineColumn(m_bytes, parseError.offset, &m_problem.line, &m_problem.column);
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

bool Reader::readRoot(const QJsonObject& root, Workspace* ws)
{
    if (!readFormat(root) || !optionalString(root, QStringLiteral("timeZone"), &ws->timeZone, QStringLiteral("UTC"))) {
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
        || !readWebhooks(root.value(QStringLiteral("webhooks")), ws->catalog(), &ws->webhooks)) {
        return false;
    }
    keepUnknown(root, rootKeys(), &ws->extra);
    return true;
}

// The format comes first: a file of another kind or version gets one clear message
// instead of a confusing one about its contents.
bool Reader::readFormat(const QJsonObject& root)
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

bool Reader::readFields(const QJsonValue& value, QList<Field>* fields)
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

bool Reader::readField(const QJsonObject& o, Field* f)
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
    keepUnknown(o, fieldKeys(), &f->extra);
    return true;
}

// Tokens and mappings find a field by name or API name: a custom field that reuses a
// standard one's would make both ambiguous (Marketo refuses such a field too).
bool Reader::checkNotStandard(const Field& f)
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

bool Reader::readLeads(const QJsonValue& value, QList<QJsonObject>* leads)
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

bool Reader::readScope(const QJsonValue& value, const QString& scopeName, ContextScope* scope)
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

bool Reader::readContext(const QJsonValue& value, Context* context)
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

bool Reader::readWebhooks(const QJsonValue& value, const FieldCatalog& catalog, QList<Webhook>* webhooks)
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

bool Reader::readTrustedCertificate(const QJsonValue& value, TrustedCertificate* trusted)
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
    keepUnknown(o, certificateKeys(), &result.extra);
    *trusted = result;
    return true;
}

bool Reader::readWebhook(const QJsonObject& o, const FieldCatalog& catalog, Webhook* webhook)
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

    keepUnknown(o, webhookKeys(), &webhook->extra);
    return true;
}

bool Reader::readHeaders(const QJsonValue& value, QList<Header>* headers)
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
        keepUnknown(o, headerKeys(), &header.extra);
        headers->append(header);
        return true;
    });
}

bool Reader::readMappings(const QJsonValue& value, const FieldCatalog& catalog, QList<ResponseMapping>* mappings)
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
        keepUnknown(o, mappingKeys(), &mapping.extra);
        mappings->append(mapping);
        return true;
    });
}

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
    writeExtra(w, f.extra, fieldKeys());
}

void writeContext(JsonWriter& w, const Context& context)
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
            writeString(w, v.name, v.value);
            if (v.secret && scope == &context.my) {
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
    writeExtra(w, trusted.extra, certificateKeys());
    w.endObject();
}

void writeWebhook(JsonWriter& w, const Webhook& h)
{
    writeString(w, QStringLiteral("name"), h.name);
    writeString(w, QStringLiteral("description"), h.description);
    writeString(w, QStringLiteral("url"), h.url);
    writeString(w, QStringLiteral("requestType"), WebhookEnums::name(h.requestType));
    writeString(w, QStringLiteral("template"), h.payloadTemplate);
    writeString(w, QStringLiteral("requestTokenEncoding"), WebhookEnums::name(h.requestTokenEncoding));
    writeString(w, QStringLiteral("responseType"), WebhookEnums::name(h.responseType));
    writeObjects(w, QStringLiteral("headers"), h.headers, [&w](const Header& header) {
        writeString(w, QStringLiteral("name"), header.name);
        writeString(w, QStringLiteral("value"), header.value);
        if (header.secret) {
            w.key(QStringLiteral("secret"));
            w.value(true);
        }
        writeExtra(w, header.extra, headerKeys());
    });
    writeObjects(w, QStringLiteral("responseMappings"), h.responseMappings, [&w](const ResponseMapping& m) {
        writeString(w, QStringLiteral("attribute"), m.attribute);
        writeString(w, QStringLiteral("field"), m.field);
        writeExtra(w, m.extra, mappingKeys());
    });
    writeExtra(w, h.extra, webhookKeys());
}

} // namespace

QString WorkspaceFileProblem::toString() const
{
    if (!path.isEmpty()) {
        return path + QStringLiteral(": ") + message;
    }
    if (line > 0) {
        return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
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
    Reader reader(body);
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
        found.message = QStringLiteral("cannot read %1: %2").arg(fileName, file.errorString());
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
    writeString(w, QStringLiteral("timeZone"), ws.timeZone);
    writeObjects(w, QStringLiteral("fields"), ws.fields, [&w](const Field& f) { writeField(w, f); });
    w.key(QStringLiteral("leads"));
    w.beginArray();
    for (const QJsonObject& lead : ws.leads) {
        w.value(QJsonValue(lead));
    }
    w.endArray();
    writeContext(w, ws.context);
    // Only when set: a workspace that trusts nothing keeps the bytes it always had.
    if (ws.trustedCertificate.isSet()) {
        writeTrustedCertificate(w, ws.trustedCertificate);
    }
    writeObjects(w, QStringLiteral("webhooks"), ws.webhooks, [&w](const Webhook& h) { writeWebhook(w, h); });
    writeExtra(w, ws.extra, rootKeys());
    w.endObject();
    return w.take();
}

bool WorkspaceFile::save(const Workspace& workspace, const QString& fileName, QString* error)
{
    QSaveFile file(fileName);
    const QByteArray bytes = write(workspace);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) {
            *error = QStringLiteral("cannot save %1: %2").arg(fileName, file.errorString());
        }
        return false;
    }
    return true;
}
