#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The made-up Marketo instance the sandbox serves: lead fields, leads, static lists,
// programs and their My Tokens. Everything is computed from fixed tables, so every run and
// every machine sees the same data, and tests can name values.
//
// - Fields: Marketo's standard lead fields plus custom ones, one of every data type the
//   workspace knows, display names in German, Spanish and Japanese, one field whose data
//   type Marketo may add later ("lead_function"), read-only fields, and one field that
//   has only a SOAP name (Marketo omits "rest" for fields the REST API cannot use).
// - Leads: 753, every one findable by email. List 1001 "Webinar attendees" holds the first
//   750 (more than two pages of 300), list 1002 "VIP customers" the last 3, which carry
//   the awkward values (plus-addressed email, quotes, backslashes, emoji, a lead with
//   almost nothing filled in), list 1003 "Unsubscribed this week" is empty. A field
//   without a value is left out of the lead, as Marketo does.
// - Programs: 35, ids 1001 to 1035; 1001 "Q4 Webinar" has My Tokens of every type.
class SandboxMarketoData
{
public:
    static constexpr int webinarListId = 1001;
    static constexpr int vipListId = 1002;
    static constexpr int emptyListId = 1003;
    static constexpr int webinarListSize = 750;
    static constexpr int leadCount = 753;
    static constexpr int webinarProgramId = 1001;
    static constexpr int firstProgramId = 1001;
    static constexpr int programCount = 35;

    struct Field
    {
        int id = 0;
        QString displayName;
        QString dataType;
        int length = 0;   // 0: Marketo sends no "length"
        QString restName; // empty: no "rest" object
        QString soapName;
        bool readOnly = false;
    };

    static const QList<Field>& fields();
    // The "result" of Describe Lead: {"id","displayName","dataType","length"?,
    // "rest":{"name","readOnly"}?,"soap":{"name","readOnly"}}.
    static QJsonArray describe();
    // The REST name as Marketo spells it for `name` in any case; empty when no field has
    // it (or the field has no REST name).
    static QString restFieldName(const QString& name);

    // Every lead with every REST field that has a value, in id order.
    static const QList<QJsonObject>& leads();
    // The index into leads() of the lead with this email (any case), or -1.
    static int leadIndexByEmail(const QString& email);
    // The index into leads() of the lead with this id, or -1.
    static int leadIndexById(qint64 id);

    static bool hasList(int listId);
    // Indexes into leads(), in list order; empty for an unknown list.
    static QList<int> listMembers(int listId);

    // Programs as Get Programs returns them, in id order.
    static const QList<QJsonObject>& programs();
    // The program with this id, or an empty object.
    static QJsonObject program(int programId);
    // The My Tokens of a program: [{"name","type","value","computedUrl"}].
    static QJsonArray tokens(int programId);
};
