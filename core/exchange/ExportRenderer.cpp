#include "ExportRenderer.h"

#include "model/SecretKeys.h"
#include "template/Renderer.h"

#include <QRegularExpression>
#include <QUuid>

ExportRenderer::ExportRenderer(const Workspace& workspace)
    : m_workspace(workspace), m_nonce(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    for (ContextValue& token : m_workspace.context.my.values) {
        if (token.secret) {
            token.value = QStringLiteral("wdsecret%1n%2z").arg(m_nonce).arg(m_variables.size());
            token.missing = false;
            m_variables.append(SecretKeys::environmentVariable(SecretKeys::myToken(token.name)));
        }
    }
    for (Webhook& webhook : m_workspace.webhooks) {
        for (Header& header : webhook.headers) {
            if (header.secret) {
                header.value = QStringLiteral("wdsecret%1n%2z").arg(m_nonce).arg(m_variables.size());
                header.missing = false;
                m_variables.append(SecretKeys::environmentVariable(SecretKeys::header(webhook.name, header.name)));
            }
        }
    }
}

RenderedRequest ExportRenderer::render(int webhookIndex, const QJsonObject& lead, const QDateTime& now) const
{
    const Renderer renderer(m_workspace, m_workspace.webhooks.at(webhookIndex));
    return renderer.render(lead, now);
}

QList<ExportRenderer::Piece> ExportRenderer::pieces(const QByteArray& text) const
{
    QList<Piece> list;
    const QByteArray prefix = QByteArrayLiteral("wdsecret") + m_nonce.toLatin1() + 'n';
    qsizetype last = 0;
    for (qsizetype at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
        qsizetype end = at + prefix.size();
        int index = 0;
        bool digits = false;
        while (end < text.size() && text.at(end) >= '0' && text.at(end) <= '9') {
            index = index * 10 + (text.at(end) - '0');
            digits = true;
            ++end;
        }
        if (!digits || end >= text.size() || text.at(end) != 'z' || index >= m_variables.size()) {
            continue;
        }
        if (at > last) {
            list.append({text.mid(last, at - last), QString()});
        }
        list.append({QByteArray(), m_variables.at(index)});
        last = end + 1;
        at = end;
    }
    if (last < text.size() || list.isEmpty()) {
        list.append({text.mid(last), QString()});
    }
    return list;
}

QStringList ExportRenderer::variables(const QByteArray& text) const
{
    QStringList names;
    for (const Piece& piece : pieces(text)) {
        if (!piece.variable.isEmpty() && !names.contains(piece.variable)) {
            names.append(piece.variable);
        }
    }
    return names;
}

QByteArray ExportRenderer::substitute(const QByteArray& text, const QByteArray& prefix, const QByteArray& suffix) const
{
    QByteArray out;
    for (const Piece& piece : pieces(text)) {
        out += piece.variable.isEmpty() ? piece.text : prefix + piece.variable.toLatin1() + suffix;
    }
    return out;
}
