#include "HttpFileExport.h"

#include "exchange/CurlExport.h"

QByteArray HttpFileExport::file(const ExportRenderer& renderer,
                                const QList<int>& indexes,
                                const QJsonObject& lead,
                                const QDateTime& now)
{
    QStringList variables;
    QByteArray requests;
    for (const int index : indexes) {
        const RenderedRequest request = renderer.render(index, lead, now);
        QByteArray text = "### " + renderer.workspace().webhooks.at(index).name.toUtf8().replace('\n', ' ') + '\n';
        text += request.method.toUtf8() + ' ' + CurlExport::wireUrl(request.url) + '\n';
        for (const RenderedHeader& header : request.headers) {
            text += header.name.toUtf8() + ": " + header.value.toUtf8() + '\n';
        }
        if (request.hasBody && !request.body.isEmpty()) {
            text += '\n' + request.body + '\n';
        }
        text += '\n';
        for (const QString& name : renderer.variables(text)) {
            if (!variables.contains(name)) {
                variables.append(name);
            }
        }
        requests += renderer.substitute(text, "{{", "}}");
    }
    QByteArray out;
    for (const QString& name : variables) {
        out += '@' + name.toLatin1() + " = {{$processEnv " + name.toLatin1() + "}}\n";
    }
    if (!variables.isEmpty()) {
        out += '\n';
    }
    return out + requests;
}
