#include "CsvImporter.h"

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

bool isValidUtf8(const char* p, qsizetype n)
{
    const auto* s = reinterpret_cast<const unsigned char*>(p);
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            min = 0x80;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            min = 0x800;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n) {
            return false;
        }
        for (int k = 1; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

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
                record->error = QStringLiteral("unterminated quote");
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
                record->error = QStringLiteral("text after a closing quote (a quote inside a quoted value is "
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
        out += QStringLiteral(" and %1 more").arg(names.size() - max);
    }
    return out;
}

} // namespace

QString CsvRowError::toString() const
{
    if (line > 0 && line != row) {
        return QStringLiteral("row %1 (line %2): %3").arg(row).arg(line).arg(message);
    }
    return QStringLiteral("row %1: %2").arg(row).arg(message);
}

CsvImportResult CsvImporter::import(const QByteArray& bytes, const FieldCatalog& catalog)
{
    CsvImportResult result;
    const qsizetype bomSize = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    CsvReader reader(bytes.constData() + bomSize, bytes.size() - bomSize);
    Record record;
    int row = 0;

    // The header: the first record that is not blank.
    int headerLine = 1;
    while (!reader.atEnd()) {
        headerLine = reader.line();
        reader.read(&record);
        ++row;
        if (!isBlank(record)) {
            break;
        }
    }
    if (row == 0 || isBlank(record)) {
        result.fatal = QStringLiteral("the file is empty: expected a header row of field names");
        return result;
    }
    if (!record.error.isEmpty()) {
        result.fatal = CsvRowError {row, headerLine, QStringLiteral("bad header row: ") + record.error}.toString();
        return result;
    }
    QList<QByteArray> header;
    for (const QByteArrayView cell : std::as_const(record.fields)) {
        header.append(cell.toByteArray());
    }
    const int columns = int(header.size());
    QHash<QString, int> keyColumn; // key -> first column using it
    for (int c = 0; c < columns; ++c) {
        const QByteArray& cell = header[c];
        if (!isValidUtf8(cell.constData(), cell.size())) {
            result.fatal =
                CsvRowError {row, headerLine, QStringLiteral("invalid UTF-8 in column %1 of the header").arg(c + 1)}
                    .toString();
            result.columnKeys.clear();
            return result;
        }
        const QString text = QString::fromUtf8(cell).trimmed();
        QString key;
        if (text.isEmpty()) {
            result.warnings << QStringLiteral("column %1 has no header: its values were not imported").arg(c + 1);
        } else if (const Field* field = catalog.find(text)) {
            key = field->name;
        } else {
            key = text;
            result.unknownColumns << text;
        }
        if (!key.isEmpty()) {
            const auto existing = keyColumn.constFind(key);
            if (existing != keyColumn.constEnd()) {
                result.warnings << QStringLiteral("columns %1 and %2 are both \"%3\": only column %1 was imported")
                                       .arg(*existing + 1)
                                       .arg(c + 1)
                                       .arg(key);
                key.clear();
            } else {
                keyColumn.insert(key, c);
            }
        }
        result.columnKeys << key;
    }
    if (!result.unknownColumns.isEmpty()) {
        result.warnings.prepend(
            (result.unknownColumns.size() == 1
                 ? QStringLiteral("1 column is not a lead field and was imported under its header text: ")
                 : QStringLiteral("%1 columns are not lead fields and were imported under their header text: ")
                       .arg(result.unknownColumns.size()))
            + quotedList(result.unknownColumns, 10));
    }
    // Inserting keys in QJsonObject's own (sorted) order appends instead of shifting, so
    // a row with 10,000 columns does not cost 10,000² moves.
    std::vector<int> order(static_cast<size_t>(columns));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return result.columnKeys[a] < result.columnKeys[b]; });

    int recoveries = 0;
    while (!reader.atEnd()) {
        const int startLine = reader.line();
        const qsizetype startPos = reader.pos();
        reader.read(&record);
        ++row;
        if (isBlank(record)) {
            continue;
        }
        if (record.unterminated) {
            if (++recoveries > maxQuoteRecoveries) {
                result.errors << CsvRowError {row,
                                              startLine,
                                              QStringLiteral("unterminated quote; too many of them, the rest of the "
                                                             "file was not imported")};
                break;
            }
            result.errors << CsvRowError {row,
                                          startLine,
                                          QStringLiteral("unterminated quote (the value starting here never closes); "
                                                         "the import goes on with the next line")};
            reader.rewindToLineAfter(startPos, startLine);
            continue;
        }
        if (!record.error.isEmpty()) {
            result.errors << CsvRowError {row, startLine, record.error};
            continue;
        }
        if (record.fields.size() != columns) {
            result.errors << CsvRowError {
                row,
                startLine,
                QStringLiteral("%1 fields, expected %2 as in the header").arg(record.fields.size()).arg(columns)};
            continue;
        }
        int badColumn = -1;
        for (int c = 0; c < columns && badColumn < 0; ++c) {
            if (!isValidUtf8(record.fields[c].constData(), record.fields[c].size())) {
                badColumn = c;
            }
        }
        if (badColumn >= 0) {
            result.errors << CsvRowError {row,
                                          startLine,
                                          QStringLiteral("invalid UTF-8 in column %1 (\"%2\"); save the file as UTF-8")
                                              .arg(badColumn + 1)
                                              .arg(QString::fromUtf8(header[badColumn]))};
            continue;
        }
        QJsonObject lead;
        for (const int c : order) {
            const QByteArrayView cell = record.fields[c];
            if (!cell.isEmpty() && !result.columnKeys[c].isEmpty()) {
                // QString::fromUtf8 drops a leading BOM: a cell holding only one is empty.
                const QString value = QString::fromUtf8(cell);
                if (!value.isEmpty()) {
                    lead.insert(result.columnKeys[c], value);
                }
            }
        }
        result.leads.append(lead);
    }
    return result;
}

CsvImportResult CsvImporter::importFile(const QString& fileName, const FieldCatalog& catalog)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        CsvImportResult result;
        result.fatal = QStringLiteral("cannot read %1: %2").arg(fileName, file.errorString());
        return result;
    }
    return import(file.readAll(), catalog);
}
