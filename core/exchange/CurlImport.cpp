#include "CurlImport.h"

#include "exchange/ShellWords.h"
#include "format/Utf8.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QUrl>

namespace {

enum class Takes { Nothing, Value };

struct Option
{
    const char* longName;
    char shortName;
    Takes takes;
};

// Every option the import knows, as curl spells it. Anything else is refused.
const Option options[] = {
    {"request", 'X', Takes::Value},
    {"url", 0, Takes::Value},
    {"header", 'H', Takes::Value},
    {"data", 'd', Takes::Value},
    {"data-ascii", 0, Takes::Value},
    {"data-raw", 0, Takes::Value},
    {"data-binary", 0, Takes::Value},
    {"data-urlencode", 0, Takes::Value},
    {"json", 0, Takes::Value},
    {"get", 'G', Takes::Nothing},
    {"user", 'u', Takes::Value},
    {"user-agent", 'A', Takes::Value},
    {"referer", 'e', Takes::Value},
    {"cookie", 'b', Takes::Value},
    {"location", 'L', Takes::Nothing},
    {"silent", 's', Takes::Nothing},
    {"show-error", 'S', Takes::Nothing},
    {"verbose", 'v', Takes::Nothing},
    {"include", 'i', Takes::Nothing},
    {"compressed", 0, Takes::Nothing},
    {"insecure", 'k', Takes::Nothing},
    {"max-time", 'm', Takes::Value},
    {"connect-timeout", 0, Takes::Value},
    {"globoff", 'g', Takes::Nothing},
    {"path-as-is", 0, Takes::Nothing},
    {"output", 'o', Takes::Value},
    {"fail", 'f', Takes::Nothing},
    {"form", 'F', Takes::Value},
    {"form-string", 0, Takes::Value},
    {"upload-file", 'T', Takes::Value},
    {"head", 'I', Takes::Nothing},
};

const Option* findLong(const QString& name)
{
    for (const Option& option : options) {
        if (name == QLatin1String(option.longName)) {
            return &option;
        }
    }
    return nullptr;
}

const Option* findShort(QChar c)
{
    for (const Option& option : options) {
        if (option.shortName != 0 && c == QLatin1Char(option.shortName)) {
            return &option;
        }
    }
    return nullptr;
}

bool fail(QString* error, const QString& message)
{
    if (error) {
        *error = message;
    }
    return false;
}

QString sameName(const QString& name)
{
    return name.trimmed().toLower();
}

} // namespace

CurlImport::CurlImport() = default;

void CurlImport::setBaseDirectory(const QString& directory)
{
    m_baseDirectory = directory;
}

QByteArray CurlImport::percentEncode(const QByteArray& bytes)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char ch : bytes) {
        const uchar c = uchar(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
            || c == '_' || c == '~') {
            out += char(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

QString CurlImport::templateText(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    return out;
}

bool CurlImport::readFile(const QString& name, QByteArray* bytes, QString* error) const
{
    if (name == QLatin1String("-")) {
        return fail(error,
                    tr("@- reads the data from standard input, which the import cannot do: put the "
                       "data in the command"));
    }
    const QString path = m_baseDirectory.isEmpty() ? name : QDir(m_baseDirectory).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(error, tr("the data file \"%1\" cannot be read: %2").arg(name, file.errorString()));
    }
    *bytes = file.readAll();
    return true;
}

bool CurlImport::dataValue(const QString& option, const QString& value, Data* data, QString* error) const
{
    const QByteArray utf8 = value.toUtf8();
    if (option == QLatin1String("data-raw")) {
        data->bytes = utf8;
        return true;
    }
    if (option == QLatin1String("data-urlencode")) {
        // content, =content, name=content, @file, name@file
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        const qsizetype at = value.indexOf(QLatin1Char('@'));
        if (at >= 0 && (eq < 0 || at < eq)) {
            QByteArray bytes;
            if (!readFile(value.mid(at + 1), &bytes, error)) {
                return false;
            }
            data->bytes = (at > 0 ? value.left(at).toUtf8() + '=' : QByteArray()) + percentEncode(bytes);
            return true;
        }
        if (eq >= 0) {
            data->bytes =
                (eq > 0 ? value.left(eq).toUtf8() + '=' : QByteArray()) + percentEncode(value.mid(eq + 1).toUtf8());
            return true;
        }
        data->bytes = percentEncode(utf8);
        return true;
    }
    data->json = option == QLatin1String("json");
    if (value.startsWith(QLatin1Char('@'))) {
        if (!readFile(value.mid(1), &data->bytes, error)) {
            return false;
        }
        // -d and --data-ascii drop the file's line breaks; --data-binary and --json keep them.
        if (option == QLatin1String("data") || option == QLatin1String("data-ascii")) {
            data->bytes.replace('\r', QByteArray());
            data->bytes.replace('\n', QByteArray());
        }
        return true;
    }
    data->bytes = utf8;
    return true;
}

bool CurlImport::hasHeader(const char* name) const
{
    for (const auto& h : m_headers) {
        if (sameName(h.first) == QLatin1String(name)) {
            return true;
        }
    }
    return false;
}

void CurlImport::addHeader(const QString& name, const QString& value)
{
    m_headers.append({name, value});
}

bool CurlImport::parse(const QString& command, QString* error)
{
    m_webhook = Webhook();
    m_notes.clear();
    m_headers.clear();
    m_get = false;

    QStringList words;
    QString reason;
    if (!ShellWords::split(command, &words, &reason)) {
        return fail(error, tr("the command cannot be read: %1").arg(reason));
    }
    if (words.isEmpty()) {
        return fail(error, tr("the command is empty"));
    }
    const QString program = words.first().section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    if (program.compare(QLatin1String("curl"), Qt::CaseInsensitive) != 0
        && program.compare(QLatin1String("curl.exe"), Qt::CaseInsensitive) != 0) {
        return fail(error, tr("the command does not start with curl"));
    }

    QString url;
    QString method;
    QList<Data> data;
    QString user;
    QString userAgent;
    QString referer;
    QString cookie;
    QStringList explicitHeaders;

    // Each option as (long name, value); short clusters like -sSL and attached values
    // like -XPOST are taken apart first.
    QList<QPair<QString, QString>> given;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString& word = words.at(i);
        const Option* option = nullptr;
        QString value;
        bool hasValue = false;
        if (word.startsWith(QLatin1String("--")) && word.size() > 2) {
            option = findLong(word.mid(2));
            if (!option) {
                return fail(error,
                            tr("the curl option %1 cannot be imported: remove it if it does not change "
                               "the request, and try again")
                                .arg(word));
            }
        } else if (word.startsWith(QLatin1Char('-')) && word.size() > 1) {
            for (qsizetype k = 1; k < word.size(); ++k) {
                const Option* flag = findShort(word.at(k));
                if (!flag) {
                    return fail(error,
                                tr("the curl option -%1 cannot be imported: remove it if it does not "
                                   "change the request, and try again")
                                    .arg(word.at(k)));
                }
                if (flag->takes == Takes::Value) {
                    option = flag;
                    if (k + 1 < word.size()) {
                        value = word.mid(k + 1);
                        hasValue = true;
                    }
                    break;
                }
                given.append({QLatin1String(flag->longName), QString()});
            }
            if (!option) {
                continue;
            }
        } else {
            given.append({QStringLiteral("url"), word});
            continue;
        }
        if (option->takes == Takes::Value && !hasValue) {
            if (i + 1 >= words.size()) {
                return fail(error, tr("the curl option %1 needs a value").arg(word));
            }
            value = words.at(++i);
        }
        given.append({QLatin1String(option->longName), value});
    }

    for (const auto& [name, value] : given) {
        if (name == QLatin1String("form") || name == QLatin1String("form-string")) {
            return fail(error,
                        tr("-F sends a multipart form (file uploads), which a Marketo webhook "
                           "cannot send: Marketo sends one text body"));
        }
        if (name == QLatin1String("upload-file")) {
            return fail(error,
                        tr("-T uploads a file, which a Marketo webhook cannot do: Marketo sends "
                           "one text body from its template"));
        }
        if (name == QLatin1String("head")) {
            return fail(error,
                        tr("-I sends a HEAD request; a Marketo webhook sends only GET, POST, PUT, "
                           "PATCH or DELETE"));
        }
        if (name == QLatin1String("url")) {
            if (!url.isEmpty()) {
                return fail(error,
                            tr("the command calls more than one URL (%1 and %2); a webhook calls "
                               "one")
                                .arg(url, value));
            }
            url = value;
        } else if (name == QLatin1String("request")) {
            method = value;
        } else if (name == QLatin1String("header")) {
            if (value.startsWith(QLatin1Char('@'))) {
                QByteArray bytes;
                if (!readFile(value.mid(1), &bytes, error)) {
                    return false;
                }
                for (const QByteArray& line : bytes.split('\n')) {
                    if (!line.trimmed().isEmpty()) {
                        explicitHeaders.append(QString::fromUtf8(line.trimmed()));
                    }
                }
            } else {
                explicitHeaders.append(value);
            }
        } else if (name.startsWith(QLatin1String("data")) || name == QLatin1String("json")) {
            Data item;
            if (!dataValue(name, value, &item, error)) {
                return false;
            }
            data.append(item);
        } else if (name == QLatin1String("get")) {
            m_get = true;
        } else if (name == QLatin1String("user")) {
            user = value;
        } else if (name == QLatin1String("user-agent")) {
            userAgent = value;
        } else if (name == QLatin1String("referer")) {
            referer = value;
            if (referer.endsWith(QLatin1String(";auto"))) {
                referer.chop(5);
            }
        } else if (name == QLatin1String("cookie")) {
            if (value.contains(QLatin1Char('='))) {
                cookie = cookie.isEmpty() ? value : cookie + QStringLiteral("; ") + value;
            } else {
                m_notes.append(tr("-b %1 reads cookies from a file; they are not imported, and Marketo "
                                  "keeps no cookies")
                                   .arg(value));
            }
        } else if (name == QLatin1String("location")) {
            m_notes.append(tr("-L follows redirects; the designer follows them too"));
        } else if (name == QLatin1String("silent") || name == QLatin1String("show-error")
                   || name == QLatin1String("verbose") || name == QLatin1String("include")
                   || name == QLatin1String("output") || name == QLatin1String("fail")) {
            m_notes.append(tr("--%1 only changes what curl prints; the designer shows the whole response").arg(name));
        } else if (name == QLatin1String("compressed")) {
            m_notes.append(tr("--compressed asks for a compressed response; the designer accepts gzip "
                              "by itself"));
        } else if (name == QLatin1String("insecure")) {
            m_notes.append(tr("-k means trust the server's certificate whatever it is: for a "
                              "self-signed certificate, trust it in the designer (Marketo itself "
                              "accepts only certificates from a public authority)"));
        } else if (name == QLatin1String("max-time")) {
            m_notes.append(tr("-m %1 maps to the timeout: `send --timeout-ms %2`; Marketo waits 30 "
                              "seconds at most")
                               .arg(value)
                               .arg(qRound(value.toDouble() * 1000)));
        } else if (name == QLatin1String("connect-timeout")) {
            m_notes.append(tr("--connect-timeout %1 is covered by the call's timeout").arg(value));
        } else if (name == QLatin1String("globoff") || name == QLatin1String("path-as-is")) {
            m_notes.append(tr("--%1: the URL is used as written, as Marketo does").arg(name));
        }
    }

    for (const QString& line : explicitHeaders) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const qsizetype semicolon = line.indexOf(QLatin1Char(';'));
        if (colon < 0 && semicolon > 0 && line.mid(semicolon + 1).trimmed().isEmpty()) {
            addHeader(line.left(semicolon).trimmed(), QString()); // "Name;" is an empty header
            continue;
        }
        if (colon <= 0) {
            return fail(error, tr("the header \"%1\" has no name: write it as \"Name: value\"").arg(line));
        }
        const QString headerValue = line.mid(colon + 1).trimmed();
        if (headerValue.isEmpty()) {
            m_notes.append(tr("-H \"%1\" removes a header curl adds; Marketo adds none").arg(line.trimmed()));
            continue;
        }
        addHeader(line.left(colon).trimmed(), headerValue);
    }
    if (!user.isEmpty() && !hasHeader("authorization")) {
        if (!user.contains(QLatin1Char(':'))) {
            m_notes.append(tr("-u without a password makes curl ask for one; the import uses an empty "
                              "password"));
            user += QLatin1Char(':');
        }
        addHeader(QStringLiteral("Authorization"),
                  QStringLiteral("Basic ") + QString::fromLatin1(user.toUtf8().toBase64()));
    }
    if (!userAgent.isEmpty() && !hasHeader("user-agent")) {
        addHeader(QStringLiteral("User-Agent"), userAgent);
    }
    if (!referer.isEmpty() && !hasHeader("referer")) {
        addHeader(QStringLiteral("Referer"), referer);
    }
    if (!cookie.isEmpty() && !hasHeader("cookie")) {
        addHeader(QStringLiteral("Cookie"), cookie);
    }
    return build(url, method, data, error);
}

bool CurlImport::build(const QString& givenUrl, QString method, const QList<Data>& data, QString* error)
{
    QString url = givenUrl.trimmed();
    if (url.isEmpty()) {
        return fail(error, tr("the command has no URL"));
    }
    const qsizetype schemeEnd = url.indexOf(QStringLiteral("://"));
    if (schemeEnd < 0) {
        url.prepend(QStringLiteral("http://"));
        m_notes.append(tr("the URL has no scheme; curl and the import use http://"));
    } else {
        const QString scheme = url.left(schemeEnd).toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
            return fail(error, tr("the URL is %1://; a Marketo webhook calls http:// or https:// URLs").arg(scheme));
        }
    }

    // The data options' pieces are joined with "&"; a --json piece is appended as is.
    QByteArray body;
    bool json = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (i > 0 && !data.at(i).json) {
            body += '&';
        }
        body += data.at(i).bytes;
        json = json || data.at(i).json;
    }
    const bool hasData = !data.isEmpty();

    if (m_get && hasData) {
        url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + QString::fromUtf8(body);
        body.clear();
    }
    const bool sendsBody = hasData && !m_get;
    if (method.isEmpty()) {
        method = sendsBody ? QStringLiteral("POST") : QStringLiteral("GET");
    }
    const std::optional<RequestType> type = WebhookEnums::requestTypeFromName(method.toUpper());
    if (!type || method != method.toUpper()) {
        return fail(error,
                    tr("the request type %1 cannot be sent by a Marketo webhook: it sends GET, "
                       "POST, PUT, PATCH or DELETE")
                        .arg(method));
    }
    if (*type == RequestType::Get && sendsBody) {
        return fail(error,
                    tr("the command sends a body with GET, and Marketo sends no body with GET: "
                       "use -G to put the data in the URL, or another request type"));
    }
    if (sendsBody) {
        if (json) {
            if (!hasHeader("content-type")) {
                addHeader(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
            }
            if (!hasHeader("accept")) {
                addHeader(QStringLiteral("Accept"), QStringLiteral("application/json"));
            }
        } else if (!hasHeader("content-type")) {
            addHeader(QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded"));
        }
        if (!Utf8::isValid(body)) {
            return fail(error, tr("the body is not UTF-8 text; a Marketo webhook sends a text template"));
        }
    }

    m_webhook.url = url;
    m_webhook.requestType = *type;
    const QString text = QString::fromUtf8(body);
    m_webhook.payloadTemplate = sendsBody ? templateText(text) : QString();
    if (sendsBody && text.contains(QLatin1Char('\\'))) {
        m_notes.append(tr("the body's backslashes are doubled in the template, since Marketo reads a "
                          "backslash as an escape"));
    }
    for (const auto& [name, value] : m_headers) {
        m_webhook.headers.append({name, value, false, {}, false});
    }
    bool braces = text.contains(QStringLiteral("{{")) || url.contains(QStringLiteral("{{"));
    for (const auto& h : m_headers) {
        braces = braces || h.second.contains(QStringLiteral("{{"));
    }
    if (braces) {
        m_notes.append(tr("the request holds {{…}}, which Marketo reads as a token"));
    }
    const QUrl parsed(url);
    QString name = parsed.host() + parsed.path();
    if (name.isEmpty()) {
        name = tr("Imported webhook");
    }
    m_webhook.name = name;
    return true;
}
