#include "TokenCatalog.h"

#include "template/TokenResolver.h"

namespace {

TokenInfo info(const QString& scope, const QString& name, const QString& sample, const QString& description)
{
    TokenInfo t;
    t.scope = scope;
    t.name = name;
    t.type = QStringLiteral("string");
    t.sampleValue = sample;
    t.description = description;
    return t;
}

QString systemDescription(const QString& name)
{
    if (name == QLatin1String("date")) {
        return TokenCatalog::tr("Today's date in the workspace's time zone, e.g. Aug 08, 2013");
    }
    if (name == QLatin1String("time")) {
        return TokenCatalog::tr("The current time in the workspace's time zone, e.g. 04:34 PM (GMT -0700)");
    }
    if (name == QLatin1String("dateTime")) {
        return TokenCatalog::tr("The current date and time in the workspace's time zone, e.g. 2013-08-08 16:36:13");
    }
    return TokenCatalog::tr("A sample link; Marketo fills real links only in emails");
}

} // namespace

QString TokenInfo::insertText() const
{
    return QStringLiteral("{{") + scope + QLatin1Char('.') + name + QStringLiteral("}}");
}

TokenCatalog::TokenCatalog(const Workspace& workspace, int leadIndex, const QDateTime& now)
{
    const TokenResolver resolver(workspace);
    const QJsonObject lead =
        leadIndex >= 0 && leadIndex < workspace.leads.size() ? workspace.leads.at(leadIndex) : QJsonObject();
    const QList<Field>& fields = resolver.catalog().fields();

    auto fieldToken = [&](const QString& scope, const Field& f) {
        TokenInfo t;
        t.scope = scope;
        t.name = f.name;
        t.type = FieldTypes::name(f.type);
        t.apiName = f.apiName;
        t.sampleValue = TokenResolver::fieldValue(f, FieldCatalog::value(lead, f)).text;
        t.description = tr("%1 %2 field (API name %3)")
                            .arg(f.custom ? tr("Custom") : tr("Standard"), FieldTypes::name(f.type), f.apiName);
        return t;
    };
    for (const Field& f : fields) {
        m_tokens.append(fieldToken(QStringLiteral("lead"), f));
    }
    for (const Field& f : fields) {
        if (f.company) {
            m_tokens.append(fieldToken(QStringLiteral("company"), f));
        }
    }
    for (const QString& name : TokenResolver::systemTokenNames()) {
        TokenRef ref;
        ref.scope = QStringLiteral("system");
        ref.name = name;
        const TokenResolver::Binding b = resolver.bind(ref);
        m_tokens.append(
            info(QStringLiteral("system"), name, resolver.systemValue(b.system, now), systemDescription(name)));
    }

    const Context& context = workspace.context;
    auto contextTokens = [&](const QString& scope, const QStringList& fixedNames, const QString& what) {
        const ContextScope* cs = context.scope(scope);
        if (!cs || !cs->present) {
            return;
        }
        if (fixedNames.isEmpty()) {
            for (const ContextValue& v : cs->values) {
                TokenInfo t = info(scope, v.name, v.value, what);
                t.secret = v.secret;
                m_tokens.append(t);
            }
            return;
        }
        for (const QString& name : fixedNames) {
            const ContextValue* v = cs->find(name);
            TokenInfo t = info(scope, name, v ? v->value : QString(), what);
            t.secret = v && v->secret;
            m_tokens.append(t);
        }
    };
    contextTokens(QStringLiteral("my"), {}, tr("My Token of the program"));
    contextTokens(QStringLiteral("program"), TokenResolver::programTokenNames(), tr("The program"));
    contextTokens(QStringLiteral("campaign"), TokenResolver::programTokenNames(), tr("The campaign"));
    contextTokens(QStringLiteral("trigger"), TokenResolver::triggerTokenNames(), tr("What triggered the campaign"));
    contextTokens(QStringLiteral("member"), {}, tr("Program member field"));
}

QList<TokenInfo> TokenCatalog::tokens(const QString& scope) const
{
    QList<TokenInfo> out;
    for (const TokenInfo& t : m_tokens) {
        if (t.scope.compare(scope, Qt::CaseInsensitive) == 0) {
            out.append(t);
        }
    }
    return out;
}

QStringList TokenCatalog::scopes()
{
    return TokenResolver::scopeNames();
}
