// Benchmark (not a test): the shape of a ~50 MB JSON response with ShapeExtractor, against
// MappingEvaluator's scan of the same bytes for 10 paths (the one other full pass a call
// already pays for) and QJsonDocument::fromJson (the DOM floor). Goal: shape throughput
// at least that of the DOM parse, so judging drift costs no more than reading the body.
// Prints the throughputs (MB/s, best of several runs) and the ratios.
#include "checks/ShapeExtractor.h"
#include "response/MappingEvaluator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <limits>

namespace {
// Records with nested objects, arrays of objects, mixed types (a null or a string),
// escapes and non-ASCII text: what a bulk enrichment answer looks like.
QByteArray generate(qsizetype targetBytes, int* records)
{
    QByteArray out;
    out.reserve(targetBytes + 4096);
    out += "{\n  \"meta\": {\"requestId\": \"a1b2c3\", \"page\": 1},\n  \"data\": [\n";
    int i = 0;
    while (out.size() < targetBytes) {
        if (i) {
            out += ",\n";
        }
        const QByteArray n = QByteArray::number(i);
        out += "    {\"id\": " + n + ", \"email\": \"person" + n + "@example.com\", \"firstName\": \"Zo\xc3\xab\", "
               + "\"score\": " + QByteArray::number(i % 100) + "." + QByteArray::number(i % 7) + ", \"active\": "
               + (i % 2 ? "true" : "false") + ", \"manager\": " + (i % 3 ? QByteArray("null") : "\"boss " + n + "\"")
               + ", \"company\": {\"name\": \"Acme \\u00c9tudes " + n
               + "\", \"employees\": " + QByteArray::number(i * 13 % 50000)
               + ", \"address\": {\"street\": \"1 Main St\\nSuite 200\", \"city\": \"Springfield\"}, "
                 "\"tags\": [\"b2b\", \"saas\", \"\xe6\x97\xa5\xe6\x9c\xac\"]}, "
                 "\"history\": [{\"at\": \"2024-01-01\", \"event\": \"signup\"}, {\"at\": \"2024-02-01\", "
                 "\"event\": \"upgrade\", \"by\": 7}], \"notes\": \"Lorem ipsum dolor sit amet, consectetur "
                 "adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\"}";
        ++i;
    }
    out += "\n  ],\n  \"summary\": {\"count\": " + QByteArray::number(i) + "}\n}\n";
    *records = i;
    return out;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    int records = 0;
    const QByteArray body = generate(50 * 1000 * 1000, &records);
    const double mb = double(body.size()) / 1e6;

    Workspace ws;
    Webhook hook;
    hook.name = QStringLiteral("bench");
    hook.responseType = ResponseType::Json;
    const char* const paths[] = {"meta.requestId",
                                 "data[0].company.name",
                                 "data[0].company.employees",
                                 "data[5].company.address.city",
                                 "data[7].company.tags[2]",
                                 "data[9].firstName",
                                 "data[9].email",
                                 "data[9].active",
                                 "summary.count",
                                 "data[3].score"};
    const char* const fields[] = {"leadSource",
                                  "company",
                                  "numberOfEmployees",
                                  "city",
                                  "industry",
                                  "firstName",
                                  "email",
                                  "unsubscribed",
                                  "leadScore",
                                  "rating"};
    for (int i = 0; i < 10; ++i) {
        hook.responseMappings << ResponseMapping {QString::fromLatin1(paths[i]), QString::fromLatin1(fields[i]), {}};
    }

    const int runs = 5;
    qint64 bestShape = std::numeric_limits<qint64>::max();
    qint64 bestMap = std::numeric_limits<qint64>::max();
    qint64 bestParse = std::numeric_limits<qint64>::max();
    int pathCount = 0;
    QString manager;
    // Interleaved, so all three see the same machine noise; best of `runs` each.
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        const std::optional<ResponseShape> shape = ShapeExtractor::extract(body, ResponseType::Json);
        bestShape = std::min(bestShape, t.nsecsElapsed());
        pathCount = shape ? int(shape->paths.size()) : 0;
        manager = shape ? shape->paths.value(QStringLiteral("data[0].manager")) : QString();

        t.restart();
        const MappingOutcome outcome = MappingEvaluator::evaluate(ws, hook, {}, 200, body);
        bestMap = std::min(bestMap, t.nsecsElapsed());

        t.restart();
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        bestParse = std::min(bestParse, t.nsecsElapsed());
    }
    const auto rate = [mb](qint64 ns) { return mb / (double(ns) / 1e9); };
    out << QStringLiteral("response: %1 MB, %2 records; shape: %3 paths (data[0].manager: %4)\n")
               .arg(mb, 0, 'f', 1)
               .arg(records)
               .arg(pathCount)
               .arg(manager);
    out << QStringLiteral("ShapeExtractor:              %1 ms, %2 MB/s\n")
               .arg(bestShape / 1e6, 0, 'f', 1)
               .arg(rate(bestShape), 0, 'f', 0);
    out << QStringLiteral("MappingEvaluator (10 paths): %1 ms, %2 MB/s\n")
               .arg(bestMap / 1e6, 0, 'f', 1)
               .arg(rate(bestMap), 0, 'f', 0);
    out << QStringLiteral("QJsonDocument::fromJson:     %1 ms, %2 MB/s\n")
               .arg(bestParse / 1e6, 0, 'f', 1)
               .arg(rate(bestParse), 0, 'f', 0);
    out << QStringLiteral("ratio shape/mapping: %1; ratio shape/parse: %2 (goal >= 1)\n")
               .arg(rate(bestShape) / rate(bestMap), 0, 'f', 2)
               .arg(rate(bestShape) / rate(bestParse), 0, 'f', 2);
    return pathCount > 0 && manager == QLatin1String("null|string") ? 0 : 1;
}
