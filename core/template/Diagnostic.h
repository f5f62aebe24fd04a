#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// The property of a webhook a diagnostic is about: one of the webhook's fields, or a cell
// of its header or response-mapping table.
struct DiagnosticLocation
{
    enum class Part {
        Name,
        Url,
        RequestType,
        Template,
        RequestTokenEncoding,
        ResponseType,
        TimeZone,
        Headers,          // the header table as a whole
        HeaderName,       // row: the header
        HeaderValue,      // row: the header
        Mappings,         // the response mapping table as a whole
        MappingAttribute, // row: the mapping
        MappingField,     // row: the mapping
    };

    Part part = Part::Template;
    int row = -1; // 0-based row of a header or mapping cell; -1 for the other parts

    static DiagnosticLocation header(int row, bool value)
    {
        return {value ? Part::HeaderValue : Part::HeaderName, row};
    }
    static DiagnosticLocation mapping(int row, bool field)
    {
        return {field ? Part::MappingField : Part::MappingAttribute, row};
    }

    // The property spelled as in the workspace file: "url", "template", "headers[2].name",
    // "responseMappings[0].field", "requestType", "timeZone", ... This is the "where" of
    // the CLI's JSON output.
    QString toString() const;

    bool operator==(const DiagnosticLocation& o) const { return part == o.part && row == o.row; }
    bool operator!=(const DiagnosticLocation& o) const { return !(*this == o); }
};

// A problem found in a webhook, located by property and, inside a text property, by
// 1-based line and column and by character offset (for squiggles).
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    DiagnosticLocation where;
    int line = 0;    // 1-based; 0 when the diagnostic is about the whole property
    int column = 0;  // 1-based, in characters
    int offset = -1; // character offset in the property's text, -1 when none
    int length = 0;  // characters the squiggle covers
    QString message;
    QString code;    // stable identifier, e.g. "none-encoding-json-body"
    QString webhook; // the webhook's name, filled by lint

    // A diagnostic about a whole property.
    static Diagnostic
    make(Severity severity, const DiagnosticLocation& where, const QString& code, const QString& message);
    // A diagnostic at `length` characters from `offset` in the property's `text`.
    static Diagnostic at(Severity severity,
                         const DiagnosticLocation& where,
                         const QString& text,
                         int offset,
                         int length,
                         const QString& code,
                         const QString& message);

    static QString severityName(Severity severity); // "error", "warning", "info"
    // {"severity","where","line","column","message"} plus "code", and "webhook" when set.
    QJsonObject toJson() const;

    // Line and column (1-based) of a character offset in a text.
    static void locate(const QString& text, int offset, int* line, int* column);
    static bool hasErrors(const QList<Diagnostic>& diagnostics);
};

Q_DECLARE_METATYPE(DiagnosticLocation)
