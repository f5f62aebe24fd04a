#pragma once

#include "template/TokenCatalog.h"

#include <Qsci/qsciabstractapis.h>

// The completion source of every editor that takes tokens, fed by core's TokenCatalog:
// given what the user typed after "{{", the tokens whose "scope.Name" contains it (those
// that start with it first), each shown with its type and the sample lead's value.
class TokenApis : public QsciAbstractAPIs
{
    Q_OBJECT

public:
    explicit TokenApis(QsciLexer* lexer);
    ~TokenApis() override;

    void setTokens(const QList<TokenInfo>& tokens);
    const QList<TokenInfo>& tokens() const { return m_tokens; }

    // Entries for a list, e.g. "lead.Email Address — email: ada@example.com".
    QStringList entries(const QString& typed) const;
    // "lead.Email Address" back from an entry.
    static QString tokenPath(const QString& entry);
    static QString entryText(const TokenInfo& token);
    // The catalogue's entry for "scope.Name" (case-insensitive), or nullptr.
    const TokenInfo* find(const QString& scope, const QString& name) const;

    // QsciAbstractAPIs: the last context word is what was typed after "{{".
    void updateAutoCompletionList(const QStringList& context, QStringList& list) override;
    QStringList
    callTips(const QStringList& context, int commas, QsciScintilla::CallTipsStyle style, QList<int>& shifts) override;

private:
    QList<TokenInfo> m_tokens;
};
