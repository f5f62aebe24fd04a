#pragma once

#include "model/FieldCatalog.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// A row the importer could not take.
struct CsvRowError
{
    int row = 0;  // 1-based record number as a spreadsheet counts it: the header is row 1
    int line = 0; // 1-based line of the file where the row starts (differs after multi-line cells)
    QString message;

    QString toString() const; // "row 5 (line 7): 3 fields, expected 4"
};

// What an import produced: the leads, and what the user should be told about the rows
// and columns it skipped.
struct CsvImportResult
{
    QList<QJsonObject> leads;
    // Per column of the header: the key its values are stored under (the field's display
    // name, or the header text for an unknown column); empty for a skipped column.
    QStringList columnKeys;
    QStringList unknownColumns; // header texts that are not lead fields
    QList<CsvRowError> errors;  // rows not imported; the others were
    QStringList warnings;       // e.g. the unknown columns, said once
};

// Imports sample leads from CSV as Marketo exports lists: a header row of display or API
// names (matched case-insensitively to the catalogue; values are stored under the
// field's display name), RFC 4180 quoting with embedded commas, quotes and newlines, a
// UTF-8 BOM, CRLF or LF line ends, with or without a final newline. Blank lines are
// skipped. A bad row (wrong number of fields, an unterminated quote, text after a closing
// quote, invalid UTF-8) is reported with its row number and the rest still import.
// Values stay strings; an empty cell leaves the key out.
//
// One pass over the bytes, no work that grows faster than the input: 100,000 rows import
// in seconds and 10,000 columns work.
//
// Returns false, leaves *result empty and sets *error (when given) only when nothing could
// be imported: an unreadable or empty file, a bad header row. Skipped rows are not a
// failure: they are listed in result->errors.
class CsvImporter
{
public:
    static bool
    import(const QByteArray& bytes, const FieldCatalog& catalog, CsvImportResult* result, QString* error = nullptr);
    static bool
    importFile(const QString& fileName, const FieldCatalog& catalog, CsvImportResult* result, QString* error = nullptr);

    Q_DECLARE_TR_FUNCTIONS(CsvImporter) // last: it ends in private:
};
