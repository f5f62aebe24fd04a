#pragma once

#include "model/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

// One token the workspace offers, for the picker and the completion list.
struct TokenInfo
{
    QString scope;       // "lead", "company", "my", "program", "campaign", "trigger", "member", "system"
    QString name;        // display name as Marketo spells it, e.g. "Email Address"
    QString type;        // field type name ("string", "integer", ...); "string" for context values
    QString apiName;     // lead fields only
    QString sampleValue; // the value for the chosen sample lead and context, as text
    QString description; // short help for the picker
    bool secret = false; // a secret My Token: the window masks sampleValue

    QString insertText() const; // "{{scope.name}}"
};

// Every token available in a workspace for one sample lead: lead fields (standard and
// custom), company fields, system tokens, and the context scopes the flow step provides.
class TokenCatalog
{
public:
    // leadIndex may be -1 (no sample lead: values are empty). `now` pins system tokens.
    TokenCatalog(const Workspace& workspace, int leadIndex, const QDateTime& now);

    const QList<TokenInfo>& tokens() const { return m_tokens; }
    // Tokens of one scope, in catalogue order.
    QList<TokenInfo> tokens(const QString& scope) const;
    static QStringList scopes();

private:
    QList<TokenInfo> m_tokens;

    Q_DECLARE_TR_FUNCTIONS(TokenCatalog) // last: it ends in private:
};
