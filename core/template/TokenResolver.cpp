#include "TokenResolver.h"

#include "model/SecretKeys.h"

#include <QLocale>

#include <charconv>
#include <cmath>
#include <limits>

namespace {

QString systemName(TokenResolver::SystemToken t)
{
    switch (t) {
    case TokenResolver::SystemToken::Date:
        return QStringLiteral("date");
    case TokenResolver::SystemToken::Time:
        return QStringLiteral("time");
    case TokenResolver::SystemToken::DateTime:
        return QStringLiteral("dateTime");
    case TokenResolver::SystemToken::UnsubscribeLink:
        return QStringLiteral("unsubscribeLink");
    case TokenResolver::SystemToken::ViewAsWebpageLink:
        return QStringLiteral("viewAsWebpageLink");
    case TokenResolver::SystemToken::ForwardToFriendLink:
        return QStringLiteral("forwardToFriendLink");
    }
    return {};
}

constexpr TokenResolver::SystemToken allSystemTokens[] = {
    TokenResolver::SystemToken::Date,
    TokenResolver::SystemToken::Time,
    TokenResolver::SystemToken::DateTime,
    TokenResolver::SystemToken::UnsubscribeLink,
    TokenResolver::SystemToken::ViewAsWebpageLink,
    TokenResolver::SystemToken::ForwardToFriendLink,
};

// JSON's number grammar: a stored text that already satisfies it is sent exactly as
// written, so "12345678901234567890" keeps its digits.
bool isJsonNumber(QStringView s)
{
    int i = 0;
    const int n = int(s.size());
    auto digit = [&](int k) { return k < n && s[k] >= QLatin1Char('0') && s[k] <= QLatin1Char('9'); };
    if (i < n && s[i] == QLatin1Char('-')) {
        ++i;
    }
    if (!digit(i)) {
        return false;
    }
    if (s[i] == QLatin1Char('0')) {
        ++i;
    } else {
        while (digit(i)) {
            ++i;
        }
    }
    if (i < n && s[i] == QLatin1Char('.')) {
        ++i;
        if (!digit(i)) {
            return false;
        }
        while (digit(i)) {
            ++i;
        }
    }
    if (i < n && (s[i] == QLatin1Char('e') || s[i] == QLatin1Char('E'))) {
        ++i;
        if (i < n && (s[i] == QLatin1Char('+') || s[i] == QLatin1Char('-'))) {
            ++i;
        }
        if (!digit(i)) {
            return false;
        }
        while (digit(i)) {
            ++i;
        }
    }
    return i == n;
}

TokenValue stringValue(QString text)
{
    TokenValue v;
    if (text.isEmpty()) {
        return v;
    }
    v.status = TokenValue::Status::Ok;
    v.kind = TokenValue::Kind::String;
    v.text = std::move(text);
    return v;
}

TokenValue numberFromText(const QString& text)
{
    TokenValue v;
    v.status = TokenValue::Status::Ok;
    const QString t = text.trimmed();
    if (isJsonNumber(t)) {
        v.kind = TokenValue::Kind::Number;
        v.text = t;
        return v;
    }
    bool ok = false;
    const double d = t.toDouble(&ok);
    if (ok && std::isfinite(d)) {
        v.kind = TokenValue::Kind::Number;
        v.text = TokenResolver::formatNumber(d);
        return v;
    }
    v.kind = TokenValue::Kind::String;
    v.text = text;
    v.invalidNumber = true;
    return v;
}

TokenValue booleanFromText(const QString& text)
{
    TokenValue v;
    v.status = TokenValue::Status::Ok;
    const QString t = text.trimmed();
    // Marketo's list exports spell booleans in several ways; all mean the same field value.
    if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || t == QLatin1String("1")
        || t.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0) {
        v.kind = TokenValue::Kind::Boolean;
        v.text = QStringLiteral("true");
    } else if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 || t == QLatin1String("0")
               || t.compare(QLatin1String("no"), Qt::CaseInsensitive) == 0) {
        v.kind = TokenValue::Kind::Boolean;
        v.text = QStringLiteral("false");
    } else {
        v.kind = TokenValue::Kind::String;
        v.text = text;
        v.invalidBoolean = true;
    }
    return v;
}

template <typename Value>
QString numberText(const Value& stored)
{
    // Integers stored in the JSON keep all their digits; toDouble() would round beyond 2^53.
    constexpr qint64 sentinel = std::numeric_limits<qint64>::min();
    const qint64 i = stored.toInteger(sentinel);
    if (i != sentinel) {
        return QString::number(i);
    }
    return TokenResolver::formatNumber(stored.toDouble());
}

bool containsName(const QStringList& names, const QString& name)
{
    for (const QString& n : names) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

TokenResolver::TokenResolver(const Workspace& workspace)
    : m_catalog(workspace.catalog()), m_context(workspace.context), m_timeZoneName(workspace.timeZone)
{
    const QString tz = workspace.timeZone.trimmed();
    if (tz.isEmpty() || tz.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0) {
        m_timeZone = QTimeZone::utc();
    } else {
        m_timeZone = QTimeZone(tz.toUtf8());
        if (!m_timeZone.isValid()) {
            m_timeZoneValid = false;
            m_timeZone = QTimeZone::utc();
        }
    }
}

TokenResolver::Scope TokenResolver::scopeFromName(const QString& name)
{
    static const struct
    {
        const char* name;
        Scope scope;
    } table[] = {
        {"lead", Scope::Lead},
        {"company", Scope::Company},
        {"my", Scope::My},
        {"program", Scope::Program},
        {"campaign", Scope::Campaign},
        {"trigger", Scope::Trigger},
        {"member", Scope::Member},
        {"system", Scope::System},
    };
    for (const auto& e : table) {
        if (name.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0) {
            return e.scope;
        }
    }
    return Scope::Unknown;
}

QString TokenResolver::scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Lead:
        return QStringLiteral("lead");
    case Scope::Company:
        return QStringLiteral("company");
    case Scope::My:
        return QStringLiteral("my");
    case Scope::Program:
        return QStringLiteral("program");
    case Scope::Campaign:
        return QStringLiteral("campaign");
    case Scope::Trigger:
        return QStringLiteral("trigger");
    case Scope::Member:
        return QStringLiteral("member");
    case Scope::System:
        return QStringLiteral("system");
    case Scope::Unknown:
        break;
    }
    return {};
}

QStringList TokenResolver::scopeNames()
{
    return {QStringLiteral("lead"),
            QStringLiteral("company"),
            QStringLiteral("system"),
            QStringLiteral("my"),
            QStringLiteral("program"),
            QStringLiteral("campaign"),
            QStringLiteral("trigger"),
            QStringLiteral("member")};
}

QStringList TokenResolver::systemTokenNames()
{
    QStringList out;
    for (SystemToken t : allSystemTokens) {
        out << systemName(t);
    }
    return out;
}

QStringList TokenResolver::triggerTokenNames()
{
    return {QStringLiteral("Name"),
            QStringLiteral("Link"),
            QStringLiteral("Subject"),
            QStringLiteral("Category"),
            QStringLiteral("Details"),
            QStringLiteral("Web Page"),
            QStringLiteral("Client IP Address"),
            QStringLiteral("Sent By"),
            QStringLiteral("Received By"),
            QStringLiteral("Referrer"),
            QStringLiteral("Search Engine"),
            QStringLiteral("Search Query"),
            QStringLiteral("Trigger Name")};
}

QStringList TokenResolver::programTokenNames()
{
    return {QStringLiteral("name"), QStringLiteral("id"), QStringLiteral("description")};
}

QString TokenResolver::formatNumber(double value)
{
    if (!std::isfinite(value)) {
        return QString();
    }
    if (value == std::trunc(value) && std::fabs(value) < 1e18) {
        return QString::number(qint64(value));
    }
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return QString::fromLatin1(buf, int(r.ptr - buf));
}

TokenResolver::Binding TokenResolver::bind(const TokenRef& ref) const
{
    Binding b = bindName(ref);
    if (!ref.hasDefault) {
        return b;
    }
    // The default is typed like the field it stands in for, so it is worked out once here
    // rather than for every lead that needs it.
    TokenValue& v = b.defaultValue;
    const bool field = b.status == TokenValue::Status::Ok && (b.scope == Scope::Lead || b.scope == Scope::Company);
    if (ref.defaultValue.isEmpty()) {
        // An explicit empty default asks for an empty value: no warning, and JSON sends ""
        // for a string (null for a number or boolean field).
        v.status = TokenValue::Status::Ok;
        if (!field || FieldTypes::isString(b.field.type)) {
            v.kind = TokenValue::Kind::String;
        }
    } else if (field) {
        v = fieldValue(b.field, QJsonValue(ref.defaultValue));
    } else {
        v = stringValue(ref.defaultValue);
    }
    v.fromDefault = true;
    v.secret = b.secret;
    return b;
}

TokenResolver::Binding TokenResolver::bindName(const TokenRef& ref) const
{
    Binding b;
    b.ref = ref;
    b.scope = scopeFromName(ref.scope);
    switch (b.scope) {
    case Scope::Unknown:
        b.status = TokenValue::Status::UnknownScope;
        return b;
    case Scope::Lead:
    case Scope::Company: {
        const Field* f = b.scope == Scope::Lead ? m_catalog.find(ref.name) : m_catalog.findCompanyField(ref.name);
        if (!f) {
            b.status = TokenValue::Status::UnknownField;
            return b;
        }
        b.field = *f;
        b.nameKey = QCborValue(f->name);
        b.apiNameKey = QCborValue(f->apiName);
        b.status = TokenValue::Status::Ok;
        return b;
    }
    case Scope::System:
        for (SystemToken t : allSystemTokens) {
            if (systemName(t).compare(ref.name, Qt::CaseInsensitive) == 0) {
                b.system = t;
                b.status = TokenValue::Status::Ok;
                return b;
            }
        }
        b.status = TokenValue::Status::UnknownField;
        return b;
    case Scope::My:
    case Scope::Program:
    case Scope::Campaign:
    case Scope::Trigger:
    case Scope::Member:
        break;
    }

    const ContextScope* cs = m_context.scope(scopeName(b.scope));
    if (!cs || !cs->present) {
        b.status = TokenValue::Status::ScopeNotProvided;
        return b;
    }
    // program/campaign/trigger have fixed names in Marketo; my/member names are whatever
    // the program defines, so only the context knows them.
    bool known = true;
    if (b.scope == Scope::Program || b.scope == Scope::Campaign) {
        known = containsName(programTokenNames(), ref.name);
    } else if (b.scope == Scope::Trigger) {
        known = containsName(triggerTokenNames(), ref.name);
    }
    const ContextValue* value = cs->find(ref.name);
    if (b.scope == Scope::My || b.scope == Scope::Member) {
        known = value != nullptr;
    }
    if (!known) {
        b.status = TokenValue::Status::UnknownField;
        return b;
    }
    b.status = TokenValue::Status::Ok;
    if (value && value->secret && value->missing) {
        b.status = TokenValue::Status::SecretMissing;
        b.secret = true;
        return b;
    }
    if (value) {
        b.contextHasValue = true;
        b.contextValue = value->value;
        b.secret = value->secret;
    }
    return b;
}

TokenValue TokenResolver::fieldValue(const Field& field, const QJsonValue& stored)
{
    return fieldValueOf(field, stored);
}

TokenValue TokenResolver::fieldValue(const Field& field, QJsonValueConstRef stored)
{
    // A const ref reads the record in place; a QJsonValue would copy each string first.
    return fieldValueOf(field, stored);
}

QJsonObject::const_iterator TokenResolver::LeadLookup::find(const Field& field)
{
    auto it = m_lead.constFind(field.name);
    if (it != m_lead.constEnd()) {
        return it;
    }
    it = m_lead.constFind(field.apiName);
    if (it != m_lead.constEnd()) {
        return it;
    }
    // Keys in another case: read the record's keys once per lead (each key() is a copy),
    // and compare without folding copies.
    if (!m_keysRead) {
        m_keysRead = true;
        for (auto k = m_lead.constBegin(); k != m_lead.constEnd(); ++k) {
            m_keys.append(k.key());
        }
    }
    for (const QString& key : std::as_const(m_keys)) {
        if (key.compare(field.name, Qt::CaseInsensitive) == 0 || key.compare(field.apiName, Qt::CaseInsensitive) == 0) {
            return m_lead.constFind(key);
        }
    }
    return m_lead.constEnd();
}

QJsonObject::const_iterator TokenResolver::LeadLookup::find(const Binding& binding, std::atomic<int>* hint)
{
    if (hint) {
        const int h = hint->load(std::memory_order_relaxed);
        // QJsonObject only hands out keys as fresh QStrings; the same record seen as a
        // QCborMap (shared, not copied) compares a key in place. Records whose optional
        // keys come and go shift a key by one place, so the neighbours are tried too. If
        // both of a field's names are keys of one record, either may be used.
        if (h >= 0) {
            if (!m_mapReady) {
                m_map = QCborMap::fromJsonObject(m_lead);
                m_mapReady = true;
            }
            const int size = int(m_lead.size());
            for (int i : {h, h - 1, h + 1}) {
                if (i < 0 || i >= size) {
                    continue;
                }
                const QCborValue key = (m_map.constBegin() + i).key();
                if (key == binding.nameKey || key == binding.apiNameKey) {
                    if (i != h) {
                        hint->store(i, std::memory_order_relaxed);
                    }
                    return m_lead.constBegin() + i;
                }
            }
        }
    }
    const auto it = find(binding.field);
    if (hint && it != m_lead.constEnd()) {
        hint->store(int(it - m_lead.constBegin()), std::memory_order_relaxed);
    }
    return it;
}

template <typename Value>
TokenValue TokenResolver::fieldValueOf(const Field& field, const Value& stored)
{
    TokenValue v;
    switch (stored.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return v;
    case QJsonValue::Array:
    case QJsonValue::Object:
        v.unsupportedValue = true;
        return v;
    case QJsonValue::String: {
        QString s = stored.toString();
        if (s.isEmpty()) {
            return v;
        }
        if (FieldTypes::isNumber(field.type)) {
            return numberFromText(s);
        }
        if (field.type == FieldType::Boolean) {
            return booleanFromText(s);
        }
        return stringValue(std::move(s));
    }
    case QJsonValue::Double:
        v.status = TokenValue::Status::Ok;
        v.text = numberText(stored);
        if (FieldTypes::isNumber(field.type)) {
            v.kind = TokenValue::Kind::Number;
        } else if (field.type == FieldType::Boolean) {
            return booleanFromText(v.text);
        } else {
            v.kind = TokenValue::Kind::String;
        }
        return v;
    case QJsonValue::Bool:
        v.status = TokenValue::Status::Ok;
        v.text = stored.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        if (field.type == FieldType::Boolean) {
            v.kind = TokenValue::Kind::Boolean;
        } else {
            v.kind = TokenValue::Kind::String;
            v.invalidNumber = FieldTypes::isNumber(field.type);
        }
        return v;
    }
    return v;
}

QString TokenResolver::formatClock(SystemToken token, const QDateTime& now) const
{
    const QDateTime local = now.toTimeZone(m_timeZone);
    const QLocale c = QLocale::c();
    if (token == SystemToken::Date) {
        return c.toString(local, QStringLiteral("MMM dd, yyyy"));
    }
    if (token == SystemToken::DateTime) {
        return c.toString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    const int offset = local.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return c.toString(local, QStringLiteral("hh:mm AP"))
           + QStringLiteral(" (GMT %1%2%3)")
                 .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                 .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                 .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString TokenResolver::systemValue(SystemToken token, const QDateTime& now) const
{
    switch (token) {
    case SystemToken::Date:
    case SystemToken::Time:
    case SystemToken::DateTime: {
        if (!now.isValid()) {
            return formatClock(token, now);
        }
        const qint64 second = now.toSecsSinceEpoch();
        QMutexLocker lock(&m_clockMutex);
        if (second != m_clockSecond) {
            for (SystemToken t : {SystemToken::Date, SystemToken::Time, SystemToken::DateTime}) {
                m_clockValues[int(t)] = formatClock(t, now);
            }
            m_clockSecond = second;
        }
        return m_clockValues[int(token)];
    }
    // Marketo fills these with per-recipient links only in emails; a webhook preview can
    // only show what such a link looks like.
    case SystemToken::UnsubscribeLink:
        return QStringLiteral("https://go.example.com/UnsubscribePage.html?mkt_unsubscribe=1&mkt_tok=SAMPLE-TOKEN");
    case SystemToken::ViewAsWebpageLink:
        return QStringLiteral("https://go.example.com/index.php/email/emailWebview?mkt_tok=SAMPLE-TOKEN");
    case SystemToken::ForwardToFriendLink:
        return QStringLiteral("https://go.example.com/index.php/email/forwardToFriend?mkt_tok=SAMPLE-TOKEN");
    }
    return {};
}

TokenValue TokenResolver::resolve(const Binding& b, const QJsonObject& lead, const QDateTime& now) const
{
    LeadLookup lookup(lead);
    return resolve(b, lookup, now);
}

TokenValue
TokenResolver::resolve(const Binding& b, LeadLookup& lead, const QDateTime& now, std::atomic<int>* hint) const
{
    TokenValue v;
    if (b.status == TokenValue::Status::Ok) {
        switch (b.scope) {
        case Scope::Lead:
        case Scope::Company: {
            const auto it = lead.find(b, hint);
            if (it != lead.lead().constEnd()) {
                v = fieldValue(b.field, it.value());
            }
            break;
        }
        case Scope::System:
            v = stringValue(systemValue(b.system, now));
            break;
        case Scope::Unknown:
            break;
        default:
            v = stringValue(b.contextValue);
            v.secret = b.secret;
            break;
        }
    }
    if (v.isMissing() && b.ref.hasDefault) {
        const bool unsupported = v.unsupportedValue;
        v = b.defaultValue;
        v.unsupportedValue = unsupported;
    }
    if (b.status != TokenValue::Status::Ok) {
        v.status = b.status;
    } else if (v.isMissing() && v.status != TokenValue::Status::Ok) {
        v.status = TokenValue::Status::Empty;
    }
    return v;
}

TokenValue TokenResolver::resolve(const TokenRef& ref, const QJsonObject& lead, const QDateTime& now) const
{
    return resolve(bind(ref), lead, now);
}

QString TokenResolver::problem(const Binding& b)
{
    const QString token = b.ref.text();
    switch (b.status) {
    case TokenValue::Status::Ok:
    case TokenValue::Status::Empty:
        return {};
    case TokenValue::Status::UnknownScope:
        return tr("%1: unknown scope \"%2\"; use lead, company, system, my, program, campaign, "
                  "trigger or member")
            .arg(token, b.ref.scope);
    case TokenValue::Status::ScopeNotProvided:
        return tr("%1: the flow step's context does not provide %2 tokens, so %3")
            .arg(token, scopeName(b.scope), b.ref.hasDefault ? tr("its default is used") : tr("it renders empty"));
    case TokenValue::Status::SecretMissing: {
        const QString key = SecretKeys::myToken(b.ref.name);
        return tr("%1: secret \"%2\" has no value: it is not in the keychain and %3 is not set")
            .arg(token, key, SecretKeys::environmentVariable(key));
    }
    case TokenValue::Status::UnknownField:
        break;
    }
    switch (b.scope) {
    case Scope::Lead:
        return tr("%1: no lead field has the display name or API name \"%2\"").arg(token, b.ref.name);
    case Scope::Company:
        return tr("%1: \"%2\" is not a company field").arg(token, b.ref.name);
    case Scope::System:
        return tr("%1: unknown system token \"%2\"; use %3")
            .arg(token, b.ref.name, systemTokenNames().join(QStringLiteral(", ")));
    case Scope::My:
        return tr("%1: the context defines no My Token \"%2\"").arg(token, b.ref.name);
    case Scope::Member:
        return tr("%1: the context defines no program member field \"%2\"").arg(token, b.ref.name);
    case Scope::Program:
    case Scope::Campaign:
        return tr("%1: unknown %2 token \"%3\"; use name, id or description")
            .arg(token, scopeName(b.scope), b.ref.name);
    case Scope::Trigger:
        return tr("%1: unknown trigger token \"%2\"; use %3")
            .arg(token, b.ref.name, triggerTokenNames().join(QStringLiteral(", ")));
    case Scope::Unknown:
        break;
    }
    return {};
}
