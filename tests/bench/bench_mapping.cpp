// Benchmark (not a test): mapping 10 paths out of a ~50 MB JSON response with
// MappingEvaluator, against QJsonDocument::fromJson of the same bytes alone (the floor a
// DOM-based mapper could not beat). Goal: mapping throughput >= 0.8 x parse throughput.
// Prints both throughputs (MB/s, best of several runs) and the ratio.
#include "response/MappingEvaluator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

namespace {
// A realistic enrichment-API response: a meta block, then records with nested company
// objects, arrays, escaped and non-ASCII strings, integers, decimals, booleans, nulls.
QByteArray generate(qsizetype targetBytes, int* records)
{
    QByteArray out;
    out.reserve(targetBytes + 4096);
    out += "{\n  \"meta\": {\"requestId\": \"a1b2c3\", \"generated\": \"2024-03-01T12:00:00Z\", \"page\": 1},\n";
    out += "  \"data\": [\n";
    int i = 0;
    while (out.size() < targetBytes) {
        if (i) {
            out += ",\n";
        }
        const QByteArray n = QByteArray::number(i);
        out += "    {\"id\": " + n + ", \"email\": \"person" + n
               + "@example.com\", \"firstName\": \"Zo\xc3\xab\", "
                 "\"lastName\": \"O'Neil \\\""
               + n + "\\\"\", \"score\": " + QByteArray::number(i % 100) + "." + QByteArray::number(i % 7)
               + ", \"active\": " + (i % 2 ? "true" : "false")
               + ", \"manager\": null, "
                 "\"company\": {\"name\": \"Acme \\u00c9tudes "
               + n + "\", \"domain\": \"acme" + n
               + ".example\", "
                 "\"employees\": "
               + QByteArray::number(i * 13 % 50000)
               + ", \"revenue\": 1.25e6, "
                 "\"address\": {\"street\": \"1 Main St\\nSuite 200\", \"city\": \"Springfield\", \"zip\": \"01234\"}, "
                 "\"tags\": [\"b2b\", \"saas\", \"\xe6\x97\xa5\xe6\x9c\xac\"]}, "
                 "\"history\": [{\"at\": \"2024-01-01\", \"event\": \"signup\"}, {\"at\": \"2024-02-01\", "
                 "\"event\": \"upgrade\"}], \"notes\": \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, "
                 "sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\"}";
        ++i;
    }
    out += "\n  ],\n  \"summary\": {\"count\": " + QByteArray::number(i) + ", \"status\": \"ok\"}\n}\n";
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
    const auto map = [&](const QString& path, const char* field) {
        hook.responseMappings << ResponseMapping {path, QString::fromLatin1(field), {}};
    };
    const int last = records - 1;
    map(QStringLiteral("meta.requestId"), "leadSource");
    map(QStringLiteral("data[0].company.name"), "company");
    map(QStringLiteral("data[0].company.employees"), "numberOfEmployees");
    map(QStringLiteral("data[%1].company.address.city").arg(records / 2), "city");
    map(QStringLiteral("data[%1].company.tags[2]").arg(records / 3), "industry");
    map(QStringLiteral("data[%1].firstName").arg(last), "firstName");
    map(QStringLiteral("data[%1].lastName").arg(last), "lastName");
    map(QStringLiteral("data[%1].active").arg(last), "unsubscribed");
    map(QStringLiteral("summary.count"), "leadScore");
    map(QStringLiteral("summary.status"), "leadStatus");
    const QJsonObject lead {{QStringLiteral("Email Address"), QStringLiteral("ada@example.com")}};

    const int runs = 5;
    qint64 bestMap = std::numeric_limits<qint64>::max();
    qint64 bestParse = std::numeric_limits<qint64>::max();
    int applied = 0;
    bool parsed = false;
    // Interleaved, so both sides see the same machine noise; best of `runs` each.
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        const MappingOutcome outcome = MappingEvaluator::evaluate(ws, hook, lead, 200, body);
        bestMap = std::min(bestMap, t.nsecsElapsed());
        applied = outcome.appliedCount();

        t.restart();
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        bestParse = std::min(bestParse, t.nsecsElapsed());
        parsed = doc.isObject();
    }
    const double mapRate = mb / (double(bestMap) / 1e9);
    const double parseRate = mb / (double(bestParse) / 1e9);
    out << QStringLiteral("response: %1 MB, %2 records; mappings applied: %3 of %4; QJsonDocument parsed: %5\n")
               .arg(mb, 0, 'f', 1)
               .arg(records)
               .arg(applied)
               .arg(hook.responseMappings.size())
               .arg(parsed ? QStringLiteral("yes") : QStringLiteral("no"));
    out << QStringLiteral("MappingEvaluator (10 paths): %1 ms, %2 MB/s\n")
               .arg(bestMap / 1e6, 0, 'f', 1)
               .arg(mapRate, 0, 'f', 0);
    out << QStringLiteral("QJsonDocument::fromJson:     %1 ms, %2 MB/s\n")
               .arg(bestParse / 1e6, 0, 'f', 1)
               .arg(parseRate, 0, 'f', 0);
    out << QStringLiteral("ratio mapping/parse: %1 (goal >= 0.8)\n").arg(mapRate / parseRate, 0, 'f', 2);
    return applied == hook.responseMappings.size() && parsed ? 0 : 1;
}
