#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// A problem found in a webhook, located by property and, inside a text property, by
// 1-based line and column and by character offset (for squiggles).
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    // The property, spelled as in the workspace file: "url", "template",
    // "headers[2].name", "headers[2].value", "responseMappings[0].attribute",
    // "responseMappings[0].field", "requestType", "requestTokenEncoding", "responseType",
    // "name".
    QString where;
    int line = 0;    // 1-based; 0 when the diagnostic is about the whole property
    int column = 0;  // 1-based, in characters
    int offset = -1; // character offset in the property's text, -1 when none
    int length = 0;  // characters the squiggle covers
    QString message;
    QString code;    // stable identifier, e.g. "none-encoding-json-body"
    QString webhook; // the webhook's name, filled by lint

    static QString severityName(Severity severity); // "error", "warning", "info"
    // {"severity","where","line","column","message"} plus "code", and "webhook" when set.
    QJsonObject toJson() const;

    // Line and column (1-based) of a character offset in a text.
    static void locate(const QString& text, int offset, int* line, int* column);
    static bool hasErrors(const QList<Diagnostic>& diagnostics);
};
