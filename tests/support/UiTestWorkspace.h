#pragma once

#include "model/Workspace.h"

#include <QJsonObject>

// A small workspace the ui model tests share: two webhooks with headers and mappings,
// two leads and some context.
inline Workspace uiTestWorkspace()
{
    Workspace ws;
    Webhook a;
    a.name = QStringLiteral("Enrich");
    a.url = QStringLiteral("http://127.0.0.1:1/enrich?email={{lead.Email Address}}");
    a.requestTokenEncoding = TokenEncoding::Json;
    a.responseType = ResponseType::Json;
    a.payloadTemplate = QStringLiteral("{\"email\": {{lead.Email Address}}}");
    a.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json"), false, {}},
                 {QStringLiteral("Authorization"), QStringLiteral("Bearer abc"), true, {}},
                 {QStringLiteral("X-Trace"), QStringLiteral("{{lead.Id}}"), false, {}}};
    a.responseMappings = {{QStringLiteral("data.company"), QStringLiteral("company"), {}},
                          {QStringLiteral("data.employees"), QStringLiteral("numberOfEmployees"), {}}};
    Webhook b;
    b.name = QStringLiteral("Form post");
    b.url = QStringLiteral("http://127.0.0.1:1/echo");
    b.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded"), false, {}}};
    ws.webhooks = {a, b};
    QJsonObject ada;
    ada.insert(QStringLiteral("First Name"), QStringLiteral("Ada"));
    ada.insert(QStringLiteral("Last Name"), QStringLiteral("Lovelace"));
    ada.insert(QStringLiteral("Email Address"), QStringLiteral("ada@example.com"));
    ada.insert(QStringLiteral("Lead Score"), 42);
    QJsonObject jack;
    jack.insert(QStringLiteral("email"), QStringLiteral("jack@example.com"));
    ws.leads = {ada, jack};
    ws.context.my.present = true;
    ws.context.my.values = {{QStringLiteral("apiKey"), QStringLiteral("k-123"), true},
                            {QStringLiteral("region"), QStringLiteral("eu"), false}};
    ws.context.program.present = true;
    ws.context.program.values = {{QStringLiteral("name"), QStringLiteral("Q4 Webinar"), false}};
    return ws;
}
