// Renders a realistic 1 KB JSON payload with 20 tokens for 100,000 generated leads with
// one Renderer, and compares that with merely copying the same output bytes (the floor
// no renderer can beat). Goal: at least 200,000 renders/s on one core.
// Usage: bench_render [leads]

#include "model/Workspace.h"
#include "template/Renderer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstring>
#include <ctime>
#include <vector>

namespace {

// CPU time of this thread: on a shared machine, what one core spent, unlike wall time.
qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Workspace workspace()
{
    Workspace w;
    w.timeZone = QStringLiteral("America/Los_Angeles");
    Field color;
    color.name = QStringLiteral("Favorite Color");
    color.apiName = QStringLiteral("favoriteColor");
    w.fields.append(color);
    w.context.my.present = true;
    w.context.my.values = {{QStringLiteral("apiKey"), QStringLiteral("k-123"), true}};
    w.context.program.present = true;
    w.context.program.values = {{QStringLiteral("name"), QStringLiteral("Q4 Webinar"), false}};
    return w;
}

// About 1 KB once rendered, 20 tokens of every encoding kind: strings, numbers,
// booleans, company, context, system, a default, and a missing value.
QString payload()
{
    return QStringLiteral(
        "{\n"
        "  \"source\": \"marketo\",\n"
        "  \"program\": {{program.name}},\n"
        "  \"sentAt\": {{system.dateTime}},\n"
        "  \"lead\": {\n"
        "    \"id\": {{lead.Id}},\n"
        "    \"email\": {{lead.Email Address}},\n"
        "    \"firstName\": {{lead.First Name}},\n"
        "    \"lastName\": {{lead.Last Name}},\n"
        "    \"title\": {{lead.Job Title}},\n"
        "    \"phone\": {{lead.Phone Number}},\n"
        "    \"city\": {{lead.City}},\n"
        "    \"state\": {{lead.State}},\n"
        "    \"postalCode\": {{lead.Postal Code:default=00000}},\n"
        "    \"country\": {{lead.Country}},\n"
        "    \"score\": {{lead.Lead Score}},\n"
        "    \"unsubscribed\": {{lead.Unsubscribed}},\n"
        "    \"source\": {{lead.Lead Source}},\n"
        "    \"favoriteColor\": {{lead.Favorite Color}},\n"
        "    \"createdAt\": {{lead.Created At}}\n"
        "  },\n"
        "  \"company\": {\n"
        "    \"name\": {{company.Company Name}},\n"
        "    \"industry\": {{company.Industry}},\n"
        "    \"revenue\": {{company.Annual Revenue}},\n"
        "    \"employees\": {{company.Number of Employees}}\n"
        "  },\n"
        "  \"consent\": {\"marketing\": true, \"channel\": \"email\", \"policyVersion\": \"2024-05\"},\n"
        "  \"notes\": \"Rendered by Webhook Designer's benchmark; this sentence pads the payload toward a "
        "realistic size so literal copying is part of the measured work, as it is in Marketo.\"\n"
        "}\n");
}

QList<QJsonObject> leads(int count)
{
    static const char* first[] = {"Ada", "Grace", "Jack \"J\"", "Zoë", "Ming", "Olu"};
    static const char* last[] = {"Lovelace", "Hopper", "O'Neil & Sons", "Müller", "Li", "Adebayo"};
    static const char* cities[] = {"London", "New York", "São Paulo", "Tokyo", "Lagos"};
    static const char* industries[] = {"Software", "Finance", "Retail", "Health", ""};
    QList<QJsonObject> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        QJsonObject l;
        l.insert(QStringLiteral("Id"), 100000 + i);
        l.insert(QStringLiteral("Email Address"), QStringLiteral("person%1@example.com").arg(i));
        l.insert(QStringLiteral("First Name"), QString::fromUtf8(first[i % 6]));
        l.insert(QStringLiteral("Last Name"), QString::fromUtf8(last[i % 6]));
        l.insert(QStringLiteral("Job Title"), QStringLiteral("VP, Marketing Operations"));
        l.insert(QStringLiteral("Phone Number"), QStringLiteral("+1 555 01%1").arg(i % 100, 2, 10, QLatin1Char('0')));
        l.insert(QStringLiteral("City"), QString::fromUtf8(cities[i % 5]));
        l.insert(QStringLiteral("State"), QStringLiteral("CA"));
        if (i % 3) {
            l.insert(QStringLiteral("Postal Code"), QStringLiteral("94%1").arg(i % 1000, 3, 10, QLatin1Char('0')));
        }
        l.insert(QStringLiteral("Country"), QStringLiteral("United States"));
        l.insert(QStringLiteral("Lead Score"), i % 100);
        l.insert(QStringLiteral("Unsubscribed"), i % 7 == 0);
        l.insert(QStringLiteral("Lead Source"), QStringLiteral("Webinar"));
        l.insert(QStringLiteral("favoriteColor"), QStringLiteral("blue\tgreen"));
        l.insert(QStringLiteral("Created At"), QStringLiteral("2024-03-01T10:00:00Z"));
        l.insert(QStringLiteral("Company Name"), QStringLiteral("Acme & Co %1").arg(i % 50));
        l.insert(QStringLiteral("Industry"), QString::fromUtf8(industries[i % 5]));
        l.insert(QStringLiteral("Annual Revenue"), 1000000.5 + i);
        l.insert(QStringLiteral("Number of Employees"), 10 + i % 5000);
        out.append(l);
    }
    return out;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;

    const Workspace w = workspace();
    Webhook h;
    h.name = QStringLiteral("bench");
    h.url = QStringLiteral("https://api.example.com/leads/{{lead.Id}}?src=marketo");
    h.requestType = RequestType::Post;
    h.requestTokenEncoding = TokenEncoding::Json;
    h.payloadTemplate = payload();
    h.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}},
                 {QStringLiteral("Authorization"), QStringLiteral("Bearer {{my.apiKey}}"), false, {}}};
    const QList<QJsonObject> sample = leads(count);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    const Renderer renderer(w, h);
    // Warm up caches and the allocator, and keep the bodies for the floor.
    std::vector<QByteArray> bodies;
    bodies.reserve(size_t(count));
    qint64 totalBytes = 0;
    for (const QJsonObject& lead : sample) {
        bodies.push_back(renderer.render(lead, now).body);
        totalBytes += bodies.back().size();
    }

    QElapsedTimer timer;
    timer.start();
    qint64 cpu = threadCpuNs();
    qint64 checksum = 0;
    for (const QJsonObject& lead : sample) {
        const RenderedRequest r = renderer.render(lead, now);
        checksum += r.body.size() + r.url.size();
    }
    const qint64 renderNs = timer.nsecsElapsed();
    const qint64 renderCpuNs = threadCpuNs() - cpu;

    // The floor: produce the same bytes by copying them into a fresh array per lead.
    timer.restart();
    cpu = threadCpuNs();
    qint64 copied = 0;
    for (const QByteArray& b : bodies) {
        QByteArray copy(b.size(), Qt::Uninitialized);
        std::memcpy(copy.data(), b.constData(), size_t(b.size()));
        copied += copy.size() + copy.at(copy.size() / 2);
    }
    const qint64 copyCpuNs = threadCpuNs() - cpu;

    const double rendersPerSecond = count / (renderNs / 1e9);
    const double rendersPerCpuSecond = count / (renderCpuNs / 1e9);
    const double copiesPerCpuSecond = count / (copyCpuNs / 1e9);
    out << "leads:              " << count << "\n"
        << "average body:       " << totalBytes / qMax(1, count) << " bytes, 20 tokens\n"
        << "render (wall):      " << qint64(rendersPerSecond) << " renders/s (" << renderNs / 1e6 << " ms)\n"
        << "render (cpu):       " << qint64(rendersPerCpuSecond) << " renders/s (" << renderCpuNs / 1e6
        << " ms of one core)\n"
        << "copy floor (cpu):   " << qint64(copiesPerCpuSecond) << " copies/s (" << copyCpuNs / 1e6 << " ms)\n"
        << "render/copy (cpu):  " << double(renderCpuNs) / double(qMax<qint64>(1, copyCpuNs)) << "x the floor\n"
        << "goal 200000/s:      " << (rendersPerCpuSecond >= 200000 ? "met" : "NOT met") << " (cpu)\n"
        << "(checksum " << checksum + copied << ")\n";
    return 0;
}
