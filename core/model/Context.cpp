#include "Context.h"

#include <QStringList>

const ContextValue* ContextScope::find(const QString& name) const
{
    for (const auto& v : values) {
        if (v.name.compare(name, Qt::CaseInsensitive) == 0) {
            return &v;
        }
    }
    return nullptr;
}

ContextScope* Context::scope(const QString& name)
{
    return const_cast<ContextScope*>(static_cast<const Context*>(this)->scope(name));
}

const ContextScope* Context::scope(const QString& name) const
{
    const QString n = name.toLower();
    if (n == QLatin1String("my")) {
        return &my;
    }
    if (n == QLatin1String("program")) {
        return &program;
    }
    if (n == QLatin1String("campaign")) {
        return &campaign;
    }
    if (n == QLatin1String("trigger")) {
        return &trigger;
    }
    if (n == QLatin1String("member")) {
        return &member;
    }
    return nullptr;
}

QStringList Context::scopeNames()
{
    return {QStringLiteral("my"),
            QStringLiteral("program"),
            QStringLiteral("campaign"),
            QStringLiteral("trigger"),
            QStringLiteral("member")};
}
