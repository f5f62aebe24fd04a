#include "Diagnostic.h"

QString DiagnosticLocation::toString() const
{
    switch (part) {
    case Part::Name:
        return QStringLiteral("name");
    case Part::Url:
        return QStringLiteral("url");
    case Part::RequestType:
        return QStringLiteral("requestType");
    case Part::Template:
        return QStringLiteral("template");
    case Part::RequestTokenEncoding:
        return QStringLiteral("requestTokenEncoding");
    case Part::ResponseType:
        return QStringLiteral("responseType");
    case Part::TimeZone:
        return QStringLiteral("timeZone");
    case Part::Headers:
        return QStringLiteral("headers");
    case Part::HeaderName:
        return QStringLiteral("headers[%1].name").arg(row);
    case Part::HeaderValue:
        return QStringLiteral("headers[%1].value").arg(row);
    case Part::Mappings:
        return QStringLiteral("responseMappings");
    case Part::MappingAttribute:
        return QStringLiteral("responseMappings[%1].attribute").arg(row);
    case Part::MappingField:
        return QStringLiteral("responseMappings[%1].field").arg(row);
    }
    return QString();
}

Diagnostic
Diagnostic::make(Severity severity, const DiagnosticLocation& where, const QString& code, const QString& message)
{
    Diagnostic d;
    d.severity = severity;
    d.where = where;
    d.code = code;
    d.message = message;
    return d;
}

Diagnostic Diagnostic::at(Severity severity,
                          const DiagnosticLocation& where,
                          const QString& text,
                          int offset,
                          int length,
                          const QString& code,
                          const QString& message)
{
    Diagnostic d = make(severity, where, code, message);
    d.offset = offset;
    d.length = length;
    locate(text, offset, &d.line, &d.column);
    return d;
}

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
        {QStringLiteral("where"), where.toString()},
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
