#include "TokenApis.h"

#include "document/HeaderModel.h"

namespace {
const QString kSeparator = QStringLiteral("  —  ");
constexpr int kMaxSampleChars = 40;
} // namespace

TokenApis::TokenApis(QsciLexer* lexer) : QsciAbstractAPIs(lexer) { }

TokenApis::~TokenApis() = default;

void TokenApis::setTokens(const QList<TokenInfo>& tokens)
{
    m_tokens = tokens;
}

QString TokenApis::entryText(const TokenInfo& token)
{
    QString sample = token.secret ? HeaderModel::mask() : token.sampleValue;
    sample.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (sample.size() > kMaxSampleChars) {
        sample = sample.left(kMaxSampleChars - 1) + QStringLiteral("…");
    }
    QString text = token.scope + QLatin1Char('.') + token.name + kSeparator + token.type;
    if (!sample.isEmpty()) {
        text += QStringLiteral(": ") + sample;
    }
    return text;
}

QString TokenApis::tokenPath(const QString& entry)
{
    const int cut = entry.indexOf(kSeparator);
    return cut < 0 ? entry : entry.left(cut);
}

QStringList TokenApis::entries(const QString& typed) const
{
    const QString needle = typed.trimmed();
    QStringList prefixed;
    QStringList containing;
    for (const TokenInfo& token : m_tokens) {
        const QString path = token.scope + QLatin1Char('.') + token.name;
        if (needle.isEmpty() || path.startsWith(needle, Qt::CaseInsensitive)
            || token.name.startsWith(needle, Qt::CaseInsensitive)) {
            prefixed.append(entryText(token));
        } else if (path.contains(needle, Qt::CaseInsensitive) || token.apiName.contains(needle, Qt::CaseInsensitive)) {
            containing.append(entryText(token));
        }
    }
    return prefixed + containing;
}

const TokenInfo* TokenApis::find(const QString& scope, const QString& name) const
{
    for (const TokenInfo& token : m_tokens) {
        if (token.scope.compare(scope, Qt::CaseInsensitive) == 0
            && (token.name.compare(name, Qt::CaseInsensitive) == 0
                || (!token.apiName.isEmpty() && token.apiName.compare(name, Qt::CaseInsensitive) == 0))) {
            return &token;
        }
    }
    return nullptr;
}

void TokenApis::updateAutoCompletionList(const QStringList& context, QStringList& list)
{
    list += entries(context.isEmpty() ? QString() : context.constLast());
}

QStringList TokenApis::callTips(const QStringList&, int, QsciScintilla::CallTipsStyle, QList<int>&)
{
    return {};
}
