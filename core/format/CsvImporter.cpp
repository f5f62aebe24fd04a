#include "CsvImporter.h"

#include "format/Utf8.h"

#include <QByteArrayView>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <vector>

namespace {

// Unterminated quotes are recovered from by re-reading from the next line, which costs a
// pass over the rest of the file each time; past this many, the import stops instead of
// turning quadratic on a pathological file.
constexpr int maxQuoteRecoveries = 100;

struct Record
{
    // Views into the input, or into `owned` for the few values that had to be unescaped:
    // no copy per cell on the common path.
    QList<QByteArrayView> fields;
    QList<QByteArray> owned;
    QString error;             // the first problem found in the record
    bool unterminated = false; // ran into the end of the file inside a quoted field
};

// Reads RFC 4180 records from a byte buffer, tracking line numbers.
class CsvReader
{
public:
    CsvReader(const char* data, qsizetype size) : m_p(data), m_n(size) { }

    bool atEnd() const { return m_pos >= m_n; }
    int line() const { return m_line; }
    qsizetype pos() const { return m_pos; }

    // After an unterminated quote: start again at the line after `start`.
    void rewindToLineAfter(qsizetype start, int startLine)
    {
        const void* nl = std::memchr(m_p + start, '\n', size_t(m_n - start));
        m_pos = nl ? static_cast<const char*>(nl) - m_p + 1 : m_n;
        m_line = startLine + 1;
    }

    void read(Record* record)
    {
        record->fields.clear();
        record->owned.clear();
        record->error.clear();
        record->unterminated = false;
        while (true) {
            QByteArrayView field;
            if (m_pos < m_n && m_p[m_pos] == '"') {
                field = readQuoted(record);
                if (record->unterminated) {
                    record->fields.append(field);
                    return;
                }
            } else {
                const qsizetype start = m_pos;
                while (m_pos < m_n && m_p[m_pos] != ',' && m_p[m_pos] != '\n' && m_p[m_pos] != '\r') {
                    ++m_pos;
                }
                // A quote inside an unquoted field is kept as text, as spreadsheets do.
                field = QByteArrayView(m_p + start, m_pos - start);
            }
            record->fields.append(field);
            if (m_pos < m_n && m_p[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_n && m_p[m_pos] == '\r') {
                ++m_pos;
            }
            if (m_pos < m_n && m_p[m_pos] == '\n') {
                ++m_pos;
                ++m_line;
            } else if (m_pos < m_n) {
                ++m_line; // a lone CR ends the record too
            }
            return;
        }
    }

private:
    QByteArrayView readQuoted(Record* record)
    {
        ++m_pos; // opening quote
        const qsizetype start = m_pos;
        QByteArray copy; // only once an escaped quote or stray text makes the value non-contiguous
        bool copied = false;
        qsizetype end = m_pos;
        while (true) {
            const void* q = std::memchr(m_p + m_pos, '"', size_t(m_n - m_pos));
            end = q ? static_cast<const char*>(q) - m_p : m_n;
            m_line += int(std::count(m_p + m_pos, m_p + end, '\n'));
            if (copied) {
                copy.append(m_p + m_pos, end - m_pos);
            }
            if (!q) {
                m_pos = m_n;
                record->unterminated = true;
                record->error = CsvImporter::tr("unterminated quote");
                break;
            }
            m_pos = end + 1;
            if (m_pos < m_n && m_p[m_pos] == '"') {
                if (!copied) {
                    copy = QByteArray(m_p + start, end - start);
                    copied = true;
                }
                copy.append('"');
                ++m_pos;
                continue;
            }
            break;
        }
        if (!record->unterminated && m_pos < m_n && m_p[m_pos] != ',' && m_p[m_pos] != '\n' && m_p[m_pos] != '\r') {
            if (record->error.isEmpty()) {
                record->error = CsvImporter::tr("text after a closing quote (a quote inside a quoted value is "
                                                "written \"\")");
            }
            if (!copied) {
                copy = QByteArray(m_p + start, end - start);
                copied = true;
            }
            // Keep reading the field as text so the record's structure, and the rows after
            // it, stay intact.
            while (m_pos < m_n && m_p[m_pos] != ',' && m_p[m_pos] != '\n' && m_p[m_pos] != '\r') {
                copy.append(m_p[m_pos++]);
            }
        }
        if (!copied) {
            return QByteArrayView(m_p + start, end - start);
        }
        record->owned.append(copy);
        return QByteArrayView(record->owned.last());
    }

    const char* m_p;
    qsizetype m_n;
    qsizetype m_pos = 0;
    int m_line = 1;
};

bool isBlank(const Record& record)
{
    return record.fields.size() == 1 && record.fields.first().isEmpty() && record.error.isEmpty();
}

QString quotedList(const QStringList& names, int max)
{
    QStringList shown;
    for (int i = 0; i < names.size() && i < max; ++i) {
        shown << QLatin1Char('"') + names[i] + QLatin1Char('"');
    }
    QString out = shown.join(QStringLiteral(", "));
    if (names.size() > max) {
        out += CsvImporter::tr(" and %1 more").arg(names.size() - max);
    }
    return out;
}

} // namespace

QString CsvRowError::toString() const
{
    if (line > 0 && line != row) {
        return CsvImporter::tr("row %1 (line %2): %3").arg(row).arg(line).arg(message);
    }
    return CsvImporter::tr("row %1: %2").arg(row).arg(message);
}

namespace {

// The import of one file, in its three steps: the header, then each record.
class Import
{
public:
    Import(const QByteArray& bytes, const FieldCatalog& catalog, CsvImportResult* result)
        : m_bom(bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0)
        , m_reader(bytes.constData() + m_bom, bytes.size() - m_bom)
        , m_catalog(catalog)
        , m_result(result)
    {
    }

    bool readHeader(QString* error);
    void readRows();

private:
    bool headerKeys(int headerLine, QString* error);
    void sayUnknownColumns();
    // Imports the record just read, or lists it among the errors. False to stop the import.
    bool takeRecord(int startLine, qsizetype startPos);

    qsizetype m_bom;
    CsvReader m_reader;
    const FieldCatalog& m_catalog;
    CsvImportResult* m_result;
    Record m_record;
    int m_row = 0;
    QList<QByteArray> m_header;
    std::vector<int> m_order; // columns in the order of their keys
    int m_recoveries = 0;
};

bool Import::readHeader(QString* error)
{
    // The header: the first record that is not blank.
    int headerLine = 1;
    while (!m_reader.atEnd()) {
        headerLine = m_reader.line();
        m_reader.read(&m_record);
        ++m_row;
        if (!isBlank(m_record)) {
            break;
        }
    }
    if (m_row == 0 || isBlank(m_record)) {
        *error = CsvImporter::tr("the file is empty: expected a header row of field names");
        return false;
    }
    if (!m_record.error.isEmpty()) {
        *error = CsvRowError {m_row, headerLine, CsvImporter::tr("bad header row: ") + m_record.error}.toString();
        return false;
    }
    for (const QByteArrayView cell : std::as_const(m_record.fields)) {
        m_header.append(cell.toByteArray());
    }
    if (!headerKeys(headerLine, error)) {
        return false;
    }
    sayUnknownColumns();
    // Inserting keys in QJsonObject's own (sorted) order appends instead of shifting, so
    // a row with 10,000 columns does not cost 10,000² moves.
    const QStringList& keys = m_result->columnKeys;
    m_order.resize(size_t(m_header.size()));
    std::iota(m_order.begin(), m_order.end(), 0);
    std::sort(m_order.begin(), m_order.end(), [&keys](int a, int b) { return keys[a] < keys[b]; });
    return true;
}

bool Import::headerKeys(int headerLine, QString* error)
{
    QHash<QString, int> keyColumn; // key -> first column using it
    for (int c = 0; c < m_header.size(); ++c) {
        const QByteArray& cell = m_header[c];
        if (!Utf8::isValid(cell)) {
            *error =
                CsvRowError {m_row, headerLine, CsvImporter::tr("invalid UTF-8 in column %1 of the header").arg(c + 1)}
                    .toString();
            return false;
        }
        const QString text = QString::fromUtf8(cell).trimmed();
        QString key;
        if (text.isEmpty()) {
            m_result->warnings << CsvImporter::tr("column %1 has no header: its values were not imported").arg(c + 1);
        } else if (const Field* field = m_catalog.find(text)) {
            key = field->name;
        } else {
            key = text;
            m_result->unknownColumns << text;
        }
        if (!key.isEmpty()) {
            const auto existing = keyColumn.constFind(key);
            if (existing != keyColumn.constEnd()) {
                m_result->warnings << CsvImporter::tr("columns %1 and %2 are both \"%3\": only column %1 was imported")
                                          .arg(*existing + 1)
                                          .arg(c + 1)
                                          .arg(key);
                key.clear();
            } else {
                keyColumn.insert(key, c);
            }
        }
        m_result->columnKeys << key;
    }
    return true;
}

void Import::sayUnknownColumns()
{
    const QStringList& unknown = m_result->unknownColumns;
    if (unknown.isEmpty()) {
        return;
    }
    m_result->warnings.prepend(
        (unknown.size() == 1 ? CsvImporter::tr("1 column is not a lead field and was imported under its header text: ")
                             : CsvImporter::tr("%1 columns are not lead fields and were imported under their header "
                                               "text: ")
                                   .arg(unknown.size()))
        + quotedList(unknown, 10));
}

void Import::readRows()
{
    while (!m_reader.atEnd()) {
        const int startLine = m_reader.line();
        const qsizetype startPos = m_reader.pos();
        m_reader.read(&m_record);
        ++m_row;
        if (!isBlank(m_record) && !takeRecord(startLine, startPos)) {
            break;
        }
    }
}

bool Import::takeRecord(int startLine, qsizetype startPos)
{
    const auto skip = [&](const QString& message) { m_result->errors << CsvRowError {m_row, startLine, message}; };
    if (m_record.unterminated) {
        if (++m_recoveries > maxQuoteRecoveries) {
            skip(CsvImporter::tr("unterminated quote; too many of them, the rest of the file was not imported"));
            return false;
        }
        skip(CsvImporter::tr("unterminated quote (the value starting here never closes); the import goes on with "
                             "the next line"));
        m_reader.rewindToLineAfter(startPos, startLine);
        return true;
    }
    if (!m_record.error.isEmpty()) {
        skip(m_record.error);
        return true;
    }
    const int columns = int(m_header.size());
    if (m_record.fields.size() != columns) {
        skip(CsvImporter::tr("%1 fields, expected %2 as in the header").arg(m_record.fields.size()).arg(columns));
        return true;
    }
    for (int c = 0; c < columns; ++c) {
        if (!Utf8::isValid(m_record.fields[c])) {
            skip(CsvImporter::tr("invalid UTF-8 in column %1 (\"%2\"); save the file as UTF-8")
                     .arg(c + 1)
                     .arg(QString::fromUtf8(m_header[c])));
            return true;
        }
    }
    QJsonObject lead;
    for (const int c : m_order) {
        const QByteArrayView cell = m_record.fields[c];
        if (!cell.isEmpty() && !m_result->columnKeys[c].isEmpty()) {
            // QString::fromUtf8 drops a leading BOM: a cell holding only one is empty.
            const QString value = QString::fromUtf8(cell);
            if (!value.isEmpty()) {
                lead.insert(m_result->columnKeys[c], value);
            }
        }
    }
    m_result->leads.append(lead);
    return true;
}

bool fail(CsvImportResult* result, QString* error, const QString& message)
{
    *result = CsvImportResult();
    if (error) {
        *error = message;
    }
    return false;
}

} // namespace

bool CsvImporter::import(const QByteArray& bytes, const FieldCatalog& catalog, CsvImportResult* result, QString* error)
{
    *result = CsvImportResult();
    Import run(bytes, catalog, result);
    QString message;
    if (!run.readHeader(&message)) {
        return fail(result, error, message);
    }
    run.readRows();
    return true;
}

bool CsvImporter::importFile(const QString& fileName,
                             const FieldCatalog& catalog,
                             CsvImportResult* result,
                             QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(result, error, CsvImporter::tr("cannot read %1: %2").arg(fileName, file.errorString()));
    }
    return import(file.readAll(), catalog, result, error);
}
