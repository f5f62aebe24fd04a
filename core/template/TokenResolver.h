#pragma once

#include "model/Context.h"
#include "model/FieldCatalog.h"
#include "model/Workspace.h"
#include "template/TemplateParser.h"

#include <QCborMap>
#include <QCborValue>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVarLengthArray>

#include <atomic>
#include <limits>

// The value a token resolves to for one lead, with what the encoders need to know.
struct TokenValue
{
    enum class Status {
        Ok,               // a value (possibly the default)
        Empty,            // the field or context value is empty or missing and there is no default
        UnknownScope,     // not one of lead, company, my, program, campaign, trigger, member, system
        UnknownField,     // the scope has no such name
        ScopeNotProvided, // a context scope the flow step does not provide
        SecretMissing,    // a secret My Token whose value was found nowhere
    };
    // How the JSON encoding sends the value: a string literal, a bare number or boolean,
    // or null when there is nothing.
    enum class Kind { Missing, String, Number, Boolean };

    Status status = Status::Empty;
    Kind kind = Kind::Missing;
    QString text; // the value as text; numbers in canonical form ("42", "0.5")
    bool fromDefault = false;
    // A number-type field whose stored value is not a number: sent as a string (Kind::String).
    bool invalidNumber = false;
    // A boolean field whose stored value is not a boolean: sent as a string.
    bool invalidBoolean = false;
    // The lead holds an array or object, which no token can send; treated as missing.
    bool unsupportedValue = false;
    bool secret = false; // a secret My Token

    bool isMissing() const { return kind == Kind::Missing; }
};

// Resolves tokens against a workspace's fields, context and time
// zone. Binding is the expensive half (scope and name lookup with case folding) and is
// done once per token; resolve(binding, lead, now) is the cheap half done per lead.
//
// Rules: scope names match case-insensitively; lead and company names match the display
// name case-insensitively, then the API name; `:default=` applies when the value is empty
// or missing (also when the scope is not provided). Lead and system tokens are always
// available; my/program/campaign/trigger/member only when the context scope is present.
// System date and time tokens use the workspace's IANA time zone, or UTC when it is
// unknown (timeZoneValid() says so, and the renderer warns).
class TokenResolver
{
public:
    enum class Scope { Lead, Company, My, Program, Campaign, Trigger, Member, System, Unknown };
    enum class SystemToken { Date, Time, DateTime, UnsubscribeLink, ViewAsWebpageLink, ForwardToFriendLink };

    // A token bound to what it reads. Self-contained (holds copies), so it stays valid
    // however long the resolver lives.
    struct Binding
    {
        TokenRef ref;
        Scope scope = Scope::Unknown;
        // Ok when resolvable; UnknownScope, UnknownField or ScopeNotProvided otherwise.
        TokenValue::Status status = TokenValue::Status::UnknownScope;
        Field field;                  // lead and company scopes
        bool contextHasValue = false; // context scopes: the context defines the name
        QString contextValue;
        bool secret = false;
        SystemToken system = SystemToken::Date;
        TokenValue defaultValue; // what `:default=` gives, typed like the field
        QCborValue nameKey;      // lead and company scopes: the field's names as record keys
        QCborValue apiNameKey;

        bool isSystemTime() const
        {
            return scope == Scope::System
                   && (system == SystemToken::Date || system == SystemToken::Time || system == SystemToken::DateTime);
        }
    };

    // Finds a field's value in one lead record: the exact display name, the exact API
    // name, then either in any case. The case-insensitive fallback reads the record's
    // keys once per lead, however many fields miss. With a hint (the key's position in
    // the previous lead, kept by the caller), leads that share their keys are looked up
    // by position and one key comparison instead of a search.
    class LeadLookup
    {
    public:
        explicit LeadLookup(const QJsonObject& lead) : m_lead(lead) { }
        const QJsonObject& lead() const { return m_lead; }
        // constEnd() when the record has no value for the field.
        QJsonObject::const_iterator find(const Field& field);
        QJsonObject::const_iterator find(const Binding& binding, std::atomic<int>* hint);

    private:
        const QJsonObject& m_lead;
        bool m_keysRead = false;
        QVarLengthArray<QString, 32> m_keys;
        bool m_mapReady = false;
        QCborMap m_map; // the same record, for allocation-free key comparisons
    };

    explicit TokenResolver(const Workspace& workspace);

    Binding bind(const TokenRef& ref) const;
    // `hint` (optional) caches where the field's key was in the previous lead.
    TokenValue
    resolve(const Binding& binding, LeadLookup& lead, const QDateTime& now, std::atomic<int>* hint = nullptr) const;
    TokenValue resolve(const Binding& binding, const QJsonObject& lead, const QDateTime& now) const;
    // Convenience: bind and resolve in one go.
    TokenValue resolve(const TokenRef& ref, const QJsonObject& lead, const QDateTime& now) const;

    // A lead field's value as a token value (no default applied), by the field's type:
    // numbers canonical, booleans "true"/"false", invalid numbers flagged.
    static TokenValue fieldValue(const Field& field, const QJsonValue& stored);
    static TokenValue fieldValue(const Field& field, QJsonValueConstRef stored);
    // The system token's text for `now` in the resolver's time zone. Thread-safe.
    QString systemValue(SystemToken token, const QDateTime& now) const;

    bool timeZoneValid() const { return m_timeZoneValid; }
    QString timeZoneId() const { return m_timeZoneName; }
    const QTimeZone& timeZone() const { return m_timeZone; }
    const FieldCatalog& catalog() const { return m_catalog; }
    const Context& context() const { return m_context; }

    static Scope scopeFromName(const QString& name); // case-insensitive
    static QString scopeName(Scope scope);           // "lead", "company", ...
    static QStringList scopeNames();
    static QStringList systemTokenNames();  // date, time, dateTime, unsubscribeLink, ...
    static QStringList triggerTokenNames(); // Name, Link, Subject, ...
    static QStringList programTokenNames(); // name, id, description (also campaign)

    // For a diagnostic: why the binding cannot resolve ("unknown field ... in scope lead").
    static QString problem(const Binding& binding);

    // Shortest text for a number: no ".0" for integral values, otherwise shortest
    // round-trip ("0.1", "1e+21").
    static QString formatNumber(double value);

private:
    template <typename Value>
    static TokenValue fieldValueOf(const Field& field, const Value& stored);
    QString formatClock(SystemToken token, const QDateTime& now) const;
    Binding bindName(const TokenRef& ref) const;

    FieldCatalog m_catalog;
    Context m_context;
    QString m_timeZoneName;
    QTimeZone m_timeZone;
    bool m_timeZoneValid = true;
    // Leads rendered in the same second share the formatted date and time.
    mutable QMutex m_clockMutex;
    mutable qint64 m_clockSecond = std::numeric_limits<qint64>::min();
    mutable QString m_clockValues[3];
    Q_DISABLE_COPY(TokenResolver)

    Q_DECLARE_TR_FUNCTIONS(TokenResolver) // last: it ends in private:
};
