#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class BatchResults;
class QIODevice;

// JSON Lines with everything a batch run's results hold, one line per lead in the order
// the calls finished. A lead whose whole result is kept gets exactly the line `run --out`
// writes (BatchLeadResult::toJson(), secrets masked); any other lead gets the same keys
// from what the store keeps: "request" and "lead" are null, "response" carries only the
// status, reason and total time, "mappings" the fields' values or reasons. Every line adds
// "leadLabel", "bodyKept" and, for each check column, "checks": [{"check","passed","text"}].
class BatchJsonLines
{
public:
    static QJsonObject line(const BatchResults& results, int row);
    static bool write(const BatchResults& results, const QString& fileName, QString* error = nullptr);
    static bool write(const BatchResults& results, QIODevice* device, QString* error = nullptr);

    Q_DECLARE_TR_FUNCTIONS(BatchJsonLines)
};
