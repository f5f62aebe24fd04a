#include "BatchListImportCsv.h"

#include "batch/BatchResults.h"
#include "format/CsvWriter.h"

#include <QSaveFile>

namespace {

QByteArray headerRow(const BatchResults& results, const QList<int>& fields)
{
    QStringList header {QStringLiteral("Email Address")};
    for (const int column : fields)
        header << results.columns().at(column).title;
    return CsvWriter::row(header);
}

QByteArray leadRow(const BatchResults& results, int row, const QList<int>& fields)
{
    QStringList cells {results.email(row)};
    for (const int column : fields) {
        const BatchCell cell = results.cell(row, column);
        cells << (cell.state == BatchCell::State::Written ? cell.text : QString());
    }
    return CsvWriter::row(cells);
}

} // namespace

QByteArray BatchListImportCsv::toCsv(const BatchResults& results)
{
    const QList<int> fields = results.fieldColumns();
    QByteArray out = headerRow(results, fields);
    for (int row = 0; row < results.size(); ++row) {
        if (!results.email(row).isEmpty())
            out += leadRow(results, row, fields);
    }
    return out;
}

bool BatchListImportCsv::write(const BatchResults& results, QIODevice* device, QString* error)
{
    // A few megabytes for 100,000 leads: built whole, written at once.
    const QByteArray csv = toCsv(results);
    if (device->write(csv) != csv.size()) {
        if (error)
            *error = device->errorString();
        return false;
    }
    return true;
}

bool BatchListImportCsv::write(const BatchResults& results, const QString& fileName, QString* error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    QString why;
    if (!write(results, &file, &why) || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(fileName, why.isEmpty() ? file.errorString() : why);
        return false;
    }
    return true;
}
