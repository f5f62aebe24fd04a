#include "BatchJsonLines.h"

#include "batch/BatchResults.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

QJsonObject BatchJsonLines::line(const BatchResults& results, int row)
{
    QJsonObject out;
    QJsonArray checks;
    if (const BatchLeadResult* kept = results.kept(row)) {
        out = kept->toJson(results.secretHeaderNames());
    } else {
        out.insert(QStringLiteral("index"), results.leadIndex(row));
        out.insert(QStringLiteral("request"), QJsonValue(QJsonValue::Null));
        if (results.status(row) > 0) {
            const QString status = results.statusText(row);
            out.insert(
                QStringLiteral("response"),
                QJsonObject {
                    {QStringLiteral("status"), results.status(row)},
                    {QStringLiteral("reason"), status.section(QLatin1Char(' '), 1)},
                    {QStringLiteral("timings"), QJsonObject {{QStringLiteral("totalMs"), results.latencyMs(row)}}},
                });
        } else {
            out.insert(QStringLiteral("response"), QJsonValue(QJsonValue::Null));
        }
        if (results.errorKind(row) != CallResult::ErrorKind::None)
            out.insert(QStringLiteral("error"),
                       QJsonObject {
                           {QStringLiteral("kind"), CallResult::errorKindName(results.errorKind(row))},
                           {QStringLiteral("message"), results.errorText(row)},
                       });
        else
            out.insert(QStringLiteral("error"), QJsonValue(QJsonValue::Null));
        QJsonArray mappings;
        for (const int column : results.fieldColumns()) {
            const BatchCell cell = results.cell(row, column);
            const bool applied = cell.state == BatchCell::State::Written;
            mappings.append(QJsonObject {
                {QStringLiteral("field"), results.columns().at(column).key},
                {QStringLiteral("applied"), applied},
                {QStringLiteral("value"), applied ? QJsonValue(cell.text) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("reason"), applied ? QString() : cell.text},
            });
        }
        out.insert(QStringLiteral("mappings"), mappings);
        out.insert(QStringLiteral("lead"), QJsonValue(QJsonValue::Null));
    }
    for (int column = 0; column < results.columns().size(); ++column) {
        const BatchColumn& described = results.columns().at(column);
        if (described.kind != BatchColumn::Kind::Check)
            continue;
        const BatchCell cell = results.cell(row, column);
        checks.append(QJsonObject {
            {QStringLiteral("check"), described.title},
            {QStringLiteral("passed"), cell.state == BatchCell::State::Passed},
            {QStringLiteral("text"), cell.text},
        });
    }
    if (!checks.isEmpty())
        out.insert(QStringLiteral("checks"), checks);
    out.insert(QStringLiteral("leadLabel"), results.lead(row));
    out.insert(QStringLiteral("bodyKept"), results.isKept(row));
    return out;
}

bool BatchJsonLines::write(const BatchResults& results, QIODevice* device, QString* error)
{
    QByteArray chunk;
    for (int row = 0; row < results.size(); ++row) {
        chunk += QJsonDocument(line(results, row)).toJson(QJsonDocument::Compact);
        chunk += '\n';
        if (chunk.size() < (1 << 20) && row + 1 < results.size())
            continue;
        if (device->write(chunk) != chunk.size()) {
            if (error)
                *error = device->errorString();
            return false;
        }
        chunk.clear();
    }
    return true;
}

bool BatchJsonLines::write(const BatchResults& results, const QString& fileName, QString* error)
{
    QSaveFile file(fileName);
    QString why;
    if (!file.open(QIODevice::WriteOnly) || !write(results, &file, &why) || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(fileName, why.isEmpty() ? file.errorString() : why);
        return false;
    }
    return true;
}
