#include "MarketoProblem.h"

#include <QJsonArray>

bool MarketoProblem::isTransient() const
{
    return code == QLatin1String("604") || code == QLatin1String("606") || code == QLatin1String("611")
           || code == QLatin1String("615");
}

MarketoProblem MarketoProblem::refused(const QString& code, const QString& message)
{
    return {Kind::Refused, code, message};
}

MarketoProblem MarketoProblem::transport(const QString& message)
{
    return {Kind::Transport, QString(), message};
}

MarketoProblem MarketoProblem::cancelled()
{
    return {Kind::Cancelled, QString(), tr("cancelled")};
}

MarketoProblem MarketoProblem::fromErrors(const QJsonObject& body, const QString& what, const QString& permission)
{
    const QJsonArray errors = body.value(QStringLiteral("errors")).toArray();
    const QJsonObject first = errors.isEmpty() ? QJsonObject() : errors.first().toObject();
    // Marketo sends the code as a string; some proxies turn it into a number.
    const QJsonValue codeValue = first.value(QStringLiteral("code"));
    const QString code = codeValue.isDouble() ? QString::number(codeValue.toInt()) : codeValue.toString();
    const QString said = first.value(QStringLiteral("message")).toString();
    const QString quoted = said.isEmpty() ? QString() : tr(" (Marketo says: \"%1\")").arg(said);
    QString message;
    if (code == QLatin1String("601") || code == QLatin1String("602")) {
        message = tr("the access token was refused even after fetching a new one%1").arg(quoted);
    } else if (code == QLatin1String("603")) {
        message = tr("access denied to %1: give the API user's role the \"%2\" permission in Admin > "
                     "Users & Roles%3")
                      .arg(what, permission, quoted);
    } else if (code == QLatin1String("604") || code == QLatin1String("611") || code == QLatin1String("615")) {
        message = tr("Marketo is busy or timed out reading %1; try again later%2").arg(what, quoted);
    } else if (code == QLatin1String("606")) {
        message = tr("more than 100 calls in 20 seconds, even after waiting; try again in a minute%1").arg(quoted);
    } else if (code == QLatin1String("607")) {
        message = tr("the instance's daily API quota is used up; it resets at midnight US Central "
                     "time%1")
                      .arg(quoted);
    } else if (code == QLatin1String("1003")) {
        message = tr("a value sent for %1 was refused%2").arg(what, quoted);
    } else if (code == QLatin1String("1013")) {
        message = tr("%1 does not exist in this instance%2").arg(what, quoted);
    } else if (!code.isEmpty()) {
        message = tr("reading %1 failed%2").arg(what, quoted);
    } else {
        message = tr("reading %1 failed: the answer says \"success\": false without an error").arg(what);
    }
    return refused(code, message);
}

QString MarketoProblem::toString() const
{
    if (code.isEmpty()) {
        return message;
    }
    return tr("Marketo error %1: %2").arg(code, message);
}
