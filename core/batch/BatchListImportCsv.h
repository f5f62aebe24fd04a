#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class BatchResults;
class QIODevice;

// A CSV file for Marketo's list import, so that a dry run can be reviewed or applied:
// `Email Address`, then one column per mapped field (its display name, as the import
// matches columns) holding the value the webhook would write. A lead whose call did not
// write a field has an empty cell there, which a list import leaves alone; leads without
// an email address cannot be matched by an import and are left out.
class BatchListImportCsv
{
public:
    static QByteArray toCsv(const BatchResults& results);
    // Writes the file; false with a message naming the file when it cannot be written.
    static bool write(const BatchResults& results, const QString& fileName, QString* error = nullptr);
    static bool write(const BatchResults& results, QIODevice* device, QString* error = nullptr);

    Q_DECLARE_TR_FUNCTIONS(BatchListImportCsv)
};
