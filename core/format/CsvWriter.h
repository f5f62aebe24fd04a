#pragma once

#include <QByteArray>
#include <QStringList>

// Writes CSV as RFC 4180 and spreadsheets read it: UTF-8, CRLF line ends, a field quoted
// when it holds a comma, a quote, a line break or surrounding spaces, its quotes doubled.
// CsvImporter reads back what this writes.
class CsvWriter
{
public:
    static QByteArray field(const QString& value);
    // The fields of one record, joined, with the CRLF that ends it.
    static QByteArray row(const QStringList& fields);
};
