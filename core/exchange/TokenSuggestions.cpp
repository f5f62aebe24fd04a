#include "TokenSuggestions.h"

#include "exchange/CurlImport.h"
#include "template/TokenCatalog.h"
#include "template/TokenEncoder.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace {

struct Candidate
{
    QString value;
    QString token;
    bool number = false;
};

QList<Candidate> candidates(const Workspace& workspace)
{
    const TokenCatalog catalog(workspace, workspace.leads.isEmpty() ? -1 : 0, QDateTime::currentDateTimeUtc());
    QList<Candidate> list;
    QStringList seen;
    for (const TokenInfo& info : catalog.tokens()) {
        if (info.scope == QLatin1String("system") || info.scope == QLatin1String("company")) {
            continue;
        }
        const QString value = info.sampleValue;
        if (value.size() < 3 || seen.contains(value)) {
            continue;
        }
        seen.append(value);
        const auto type = FieldTypes::fromName(info.type);
        list.append({value, info.insertText(), type && FieldTypes::isNumber(*type)});
    }
    std::stable_sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) {
        return a.value.size() > b.value.size();
    });
    return list;
}

bool isWordChar(const QString& text, qsizetype i)
{
    return i >= 0 && i < text.size() && text.at(i).isLetterOrNumber();
}

bool overlaps(const QList<TokenSuggestion>& found, const QString& where, int offset, int length)
{
    for (const TokenSuggestion& s : found) {
        if (s.where == where && offset < s.offset + s.length && s.offset < offset + length) {
            return true;
        }
    }
    return false;
}

// Adds every occurrence of `needle` in `text` not inside a longer word (unless `quoted`,
// which carries its own boundaries).
void search(QList<TokenSuggestion>* found,
            const QString& where,
            const QString& text,
            const QString& needle,
            const Candidate& candidate,
            TokenEncoding encoding,
            bool quoted)
{
    if (needle.isEmpty()) {
        return;
    }
    for (qsizetype at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        const qsizetype end = at + needle.size();
        if (!quoted && (isWordChar(text, at - 1) || isWordChar(text, end))) {
            continue;
        }
        if (overlaps(*found, where, int(at), int(needle.size()))) {
            continue;
        }
        found->append({where, int(at), int(needle.size()), candidate.value, candidate.token, encoding});
    }
}

QString untemplated(const QString& text)
{
    QString out = text;
    out.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
    return out;
}

const Header* contentType(const Webhook& webhook)
{
    for (const Header& h : webhook.headers) {
        if (h.name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0) {
            return &h;
        }
    }
    return nullptr;
}

} // namespace

bool TokenSuggestions::isJsonBody(const Webhook& webhook)
{
    if (webhook.payloadTemplate.trimmed().isEmpty()) {
        return false;
    }
    QJsonParseError error;
    QJsonDocument::fromJson(untemplated(webhook.payloadTemplate).toUtf8(), &error);
    return error.error == QJsonParseError::NoError;
}

bool TokenSuggestions::isFormBody(const Webhook& webhook)
{
    if (webhook.payloadTemplate.isEmpty() || isJsonBody(webhook)) {
        return false;
    }
    if (const Header* type = contentType(webhook)) {
        return type->value.contains(QLatin1String("x-www-form-urlencoded"), Qt::CaseInsensitive);
    }
    static const QRegularExpression form(QStringLiteral("^[^=&\\s]+=[^&\\s]*(&[^=&\\s]+=[^&\\s]*)*$"));
    return form.match(webhook.payloadTemplate).hasMatch();
}

QList<TokenSuggestion> TokenSuggestions::find(const Workspace& workspace, const Webhook& webhook)
{
    QList<TokenSuggestion> found;
    const bool json = isJsonBody(webhook);
    const bool formBody = isFormBody(webhook);
    const QString url = QStringLiteral("url");
    const QString body = QStringLiteral("template");
    for (const Candidate& candidate : candidates(workspace)) {
        search(&found, url, webhook.url, candidate.value, candidate, TokenEncoding::None, false);
        search(&found,
               url,
               webhook.url,
               TokenEncoder::urlComponent(candidate.value),
               candidate,
               TokenEncoding::None,
               false);
        if (json) {
            const QString quoted =
                CurlImport::templateText(QString::fromUtf8(TokenEncoder::jsonString(candidate.value)));
            search(&found, body, webhook.payloadTemplate, quoted, candidate, TokenEncoding::Json, true);
            if (candidate.number) {
                search(&found, body, webhook.payloadTemplate, candidate.value, candidate, TokenEncoding::Json, false);
            }
        } else if (formBody) {
            const QString encoded = QString::fromUtf8(TokenEncoder::formUrl(candidate.value));
            search(&found, body, webhook.payloadTemplate, encoded, candidate, TokenEncoding::FormUrl, false);
        } else {
            search(&found,
                   body,
                   webhook.payloadTemplate,
                   CurlImport::templateText(candidate.value),
                   candidate,
                   TokenEncoding::None,
                   false);
        }
        for (qsizetype i = 0; i < webhook.headers.size(); ++i) {
            search(&found,
                   QStringLiteral("headers[%1].value").arg(i),
                   webhook.headers.at(i).value,
                   candidate.value,
                   candidate,
                   TokenEncoding::None,
                   false);
        }
    }
    // In the order a reader meets them.
    std::stable_sort(found.begin(), found.end(), [](const TokenSuggestion& a, const TokenSuggestion& b) {
        const auto rank = [](const QString& where) {
            return where == QLatin1String("url") ? 0 : where == QLatin1String("template") ? 2 : 1;
        };
        if (rank(a.where) != rank(b.where)) {
            return rank(a.where) < rank(b.where);
        }
        return a.where != b.where ? a.where < b.where : a.offset < b.offset;
    });
    return found;
}

void TokenSuggestions::apply(Webhook* webhook, const QList<TokenSuggestion>& chosen, QStringList* notes)
{
    QList<TokenSuggestion> sorted = chosen;
    // Back to front, so that earlier offsets stay valid.
    std::stable_sort(sorted.begin(), sorted.end(), [](const TokenSuggestion& a, const TokenSuggestion& b) {
        return a.offset > b.offset;
    });
    static const QRegularExpression headerPath(QStringLiteral("^headers\\[(\\d+)\\]\\.value$"));
    QStringList urlTokens;
    for (const TokenSuggestion& s : sorted) {
        QString* text = nullptr;
        if (s.where == QLatin1String("url")) {
            text = &webhook->url;
            urlTokens.prepend(s.token);
        } else if (s.where == QLatin1String("template")) {
            text = &webhook->payloadTemplate;
            if (s.encoding != TokenEncoding::None) {
                webhook->requestTokenEncoding = s.encoding;
            }
        } else if (const auto match = headerPath.match(s.where); match.hasMatch()) {
            const int row = match.captured(1).toInt();
            if (row < webhook->headers.size()) {
                text = &webhook->headers[row].value;
            }
        }
        if (!text || s.offset < 0 || s.offset + s.length > text->size()) {
            continue;
        }
        text->replace(s.offset, s.length, s.token);
    }
    if (!notes) {
        return;
    }
    urlTokens.removeDuplicates();
    for (const QString& token : urlTokens) {
        notes->append(tr("%1 is in the URL: Marketo percent-encodes its value there (a space as %20, @ "
                         "as %40)")
                          .arg(token));
    }
    if (webhook->requestTokenEncoding == TokenEncoding::Json) {
        notes->append(tr("Request Token Encoding is JSON: Marketo writes each token's value as a JSON "
                         "string with its quotes (numbers bare), so the template has no quotes around "
                         "tokens"));
    } else if (webhook->requestTokenEncoding == TokenEncoding::FormUrl) {
        notes->append(tr("Request Token Encoding is Form/Url: Marketo form-encodes each token's value in "
                         "the body"));
    }
}
