#include "SecretRestorer.h"

SecretRestorer::SecretRestorer(const Workspace& workspace, const Webhook& webhook, const RenderedRequest& current)
    : m_redactor(workspace, webhook), m_currentHeaders(current.headers)
{
}

RenderedRequest SecretRestorer::restore(const RenderedRequest& recorded) const
{
    RenderedRequest request = recorded;
    const QString placeholder = SecretRedactor::placeholder();
    for (RenderedHeader& header : request.headers) {
        if (header.value != placeholder)
            continue;
        for (const RenderedHeader& own : m_currentHeaders) {
            if ((own.secret || m_redactor.isSecretHeader(own.name.toUtf8()))
                && own.name.trimmed().compare(header.name.trimmed(), Qt::CaseInsensitive) == 0) {
                header.value = own.value;
            }
        }
    }
    return request;
}

bool SecretRestorer::holdsPlaceholder(const RenderedRequest& request)
{
    const QString placeholder = SecretRedactor::placeholder();
    if (request.url.contains(placeholder) || request.body.contains(placeholder.toUtf8()))
        return true;
    for (const RenderedHeader& header : request.headers) {
        if (header.value.contains(placeholder))
            return true;
    }
    return false;
}
