#include "Diagnostic.h"

QString Diagnostic::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

QJsonObject Diagnostic::toJson() const
{
    QJsonObject o {
        {QStringLiteral("severity"), severityName(severity)},
        {QStringLiteral("where"), where},
        {QStringLiteral("line"), line},
        {QStringLiteral("column"), column},
        {QStringLiteral("message"), message},
        {QStringLiteral("code"), code},
    };
    if (!webhook.isEmpty()) {
        o.insert(QStringLiteral("webhook"), webhook);
    }
    return o;
}

void Diagnostic::locate(const QString& text, int offset, int* line, int* column)
{
    int l = 1;
    int lineStart = 0;
    const int end = qBound(0, offset, int(text.size()));
    for (int i = 0; i < end; ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = end - lineStart + 1;
}

bool Diagnostic::hasErrors(const QList<Diagnostic>& diagnostics)
{
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::Error) {
            return true;
        }
    }
    return false;
}
