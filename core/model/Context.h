#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// One named value of a flow step's context, e.g. the My Token "apiKey". A secret value
// is masked in the window, kept in the keychain rather than the workspace file, and kept
// out of history.
struct ContextValue
{
    QString name;
    QString value;
    bool secret = false;
    // A secret whose value was found nowhere (environment, keychain, file): a token that
    // uses it is an error, and the request is not sent.
    bool missing = false;
};

// The values of one context scope (my, program, campaign, trigger, member). A scope that
// is not `present` is not provided by the flow step: its tokens are a diagnostic.
struct ContextScope
{
    bool present = false;
    QList<ContextValue> values;

    // Case-insensitive, as Marketo matches token names; nullptr when absent.
    const ContextValue* find(const QString& name) const;
};

// What the flow step that calls the webhook provides besides the lead: My Tokens and
// the program, campaign, trigger and program-member values.
struct Context
{
    ContextScope my;
    ContextScope program;
    ContextScope campaign;
    ContextScope trigger;
    ContextScope member;
    QJsonObject extra; // unknown keys of the file's "context" object, kept on save

    // By scope name ("my", "program", ...), case-insensitively; nullptr for other scopes.
    ContextScope* scope(const QString& name);
    const ContextScope* scope(const QString& name) const;
    static QStringList scopeNames();
};
