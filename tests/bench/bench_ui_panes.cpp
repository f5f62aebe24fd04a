// Measures the panes the way the window uses them (not a test; see ui-bench.sh):
//   preview  median time to render a 10 KB template, lint it and show it in PreviewPane
//   stall    longest gap between ticks of a 1 ms UI-thread timer while a 50 MB response
//            is received from the sandbox and shown in ResponsePane; the median of
//            [runs] (default 5), each also shown
// Prints one "name value unit" line per measurement.
#include "http/HttpClient.h"
#include "preview/PreviewPane.h"
#include "response/ResponsePane.h"
#include "sandbox/SandboxServer.h"
#include "template/Linter.h"
#include "template/Renderer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

struct PreviewTimes
{
    double totalMs = 0;
    double renderMs = 0;
    double lintMs = 0;
    double paneMs = 0;  // PreviewPane::showRequest
    double paintMs = 0; // the event loop turn that lays out and paints
};

PreviewTimes previewUpdateMs()
{
    Workspace workspace;
    workspace.leads.append(QJsonObject {{QStringLiteral("First Name"), QStringLiteral("Jack \"J\"")},
                                        {QStringLiteral("Email Address"), QStringLiteral("jack@example.com")}});
    Webhook webhook;
    webhook.name = QStringLiteral("Bench");
    webhook.url = QStringLiteral("https://example.com/hook?e={{lead.Email Address}}");
    webhook.requestTokenEncoding = TokenEncoding::Json;
    webhook.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}}};
    QString payload = QStringLiteral("{\n");
    for (int i = 0; payload.size() < 10 * 1024; ++i)
        payload += QStringLiteral("  \"field%1\": {{lead.First Name}}, \"mail%1\": {{lead.Email Address}},\n").arg(i);
    payload += QStringLiteral("  \"end\": true\n}");

    PreviewPane pane;
    pane.resize(900, 700);
    pane.show();
    QApplication::processEvents();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<double> samples;
    QList<double> renders;
    QList<double> lints;
    QList<double> panes;
    QList<double> paints;
    for (int i = 0; i < 60; ++i) {
        // A keystroke: the template changes by one character each time.
        webhook.payloadTemplate = payload + QString(i % 7, QLatin1Char(' '));
        workspace.webhooks = {webhook};
        QElapsedTimer timer;
        timer.start();
        const Renderer renderer(workspace, webhook);
        const RenderedRequest request = renderer.render(workspace.leads.first(), now);
        const qint64 rendered = timer.nsecsElapsed();
        const QList<Diagnostic> diagnostics = Linter::lint(workspace, webhook, 0, now);
        const qint64 linted = timer.nsecsElapsed();
        pane.showRequest(request, diagnostics);
        const qint64 updated = timer.nsecsElapsed();
        QApplication::processEvents(); // the repaint the keystroke causes
        const qint64 shown = timer.nsecsElapsed();
        paints.append(double(shown - updated) / 1e6);
        samples.append(double(shown) / 1e6);
        renders.append(double(rendered) / 1e6);
        lints.append(double(linted - rendered) / 1e6);
        panes.append(double(updated - linted) / 1e6);
    }
    return {median(samples), median(renders), median(lints), median(panes), median(paints)};
}

double largeResponseStallMs(int megabytes)
{
    SandboxServer server;
    if (!server.listen())
        return -1;
    QNetworkAccessManager manager;
    HttpClient client(&manager);
    ResponsePane pane;
    pane.resize(900, 700);
    pane.show();

    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 longest = 0;
    QTimer heartbeat;
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, &pane, [&] {
        const qint64 t = clock.nsecsElapsed();
        longest = std::max(longest, t - lastTick);
        lastTick = t;
    });

    RenderedRequest request;
    request.method = QStringLiteral("GET");
    request.url = server.url().toString() + QStringLiteral("/large?mb=%1").arg(megabytes);
    bool done = false;
    QObject::connect(&client, &HttpClient::finished, &pane, [&](quint64, const CallResult& result) {
        pane.showResult(result, MappingOutcome());
        if (!pane.isBusy())
            done = true;
    });
    QObject::connect(&pane, &ResponsePane::busyChanged, &pane, [&](bool busy) { done = !busy; });
    clock.start();
    heartbeat.start();
    pane.showPending();
    client.call(request);
    while (!done)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    // One more turn: the last layout and paint after the pane filled in.
    QApplication::processEvents();
    heartbeat.stop();
    return double(longest) / 1e6;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const PreviewTimes preview = previewUpdateMs();
    out << "preview_update_10kb_median " << QString::number(preview.totalMs, 'f', 2) << " ms\n";
    out << "  render " << QString::number(preview.renderMs, 'f', 2) << " ms, lint "
        << QString::number(preview.lintMs, 'f', 2) << " ms, pane update " << QString::number(preview.paneMs, 'f', 2)
        << " ms, layout and paint " << QString::number(preview.paintMs, 'f', 2) << " ms\n";
    out.flush();
    // Stalls vary from run to run on a shared machine: the median of several, each shown.
    const int runs = argc > 1 ? qMax(1, QByteArray(argv[1]).toInt()) : 5;
    QList<double> stalls;
    for (int i = 0; i < runs; ++i)
        stalls.append(largeResponseStallMs(50));
    QStringList each;
    for (double stall : stalls)
        each << QString::number(stall, 'f', 1);
    out << "large_response_50mb_longest_stall_median " << QString::number(median(stalls), 'f', 1)
        << " ms (runs: " << each.join(QStringLiteral(", ")) << ")\n";
    return 0;
}
