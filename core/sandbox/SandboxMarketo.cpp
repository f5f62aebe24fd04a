#include "SandboxMarketo.h"

#include "sandbox/StableHash.h"

#include "format/FormBody.h"
#include "sandbox/SandboxMarketoData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstring>
#include <limits>

namespace {

const QString kNoAssets = QStringLiteral("No assets found for the given search criteria.");

const QStringList& defaultLeadFields()
{
    // What Marketo returns when a lead query names no fields.
    static const QStringList fields = {QStringLiteral("id"),
                                       QStringLiteral("email"),
                                       QStringLiteral("updatedAt"),
                                       QStringLiteral("createdAt"),
                                       QStringLiteral("lastName"),
                                       QStringLiteral("firstName")};
    return fields;
}

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray headerValue(const SandboxMarketo::Headers& headers, const QByteArray& name)
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

// Marketo's paging tokens are RFC 4648 base32 with padding; a client must carry the '='
// through a query string intact.
const char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

QString base32(const QByteArray& bytes)
{
    QString out;
    quint64 buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | static_cast<quint8>(c);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(kBase32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(kBase32[(buffer << (5 - bits)) & 31]);
    while (out.size() % 8 != 0)
        out += QLatin1Char('=');
    return out;
}

QByteArray fromBase32(const QString& text, bool* ok)
{
    QByteArray out;
    quint64 buffer = 0;
    int bits = 0;
    *ok = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('='))
            break;
        const char* found = c.unicode() < 128 && c.unicode() != 0 ? strchr(kBase32, c.toLatin1()) : nullptr;
        if (!found)
            return {};
        buffer = (buffer << 5) | quint64(found - kBase32);
        bits += 5;
        if (bits >= 8) {
            out += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    *ok = true;
    return out;
}

QString pageToken(const QString& scope, int offset)
{
    return base32(QStringLiteral("sbx|%1|%2").arg(scope).arg(offset).toUtf8());
}

// The offset a token for `scope` points at, or -1.
int pageOffset(const QString& token, const QString& scope)
{
    bool ok = false;
    const QString decoded = QString::fromUtf8(fromBase32(token, &ok));
    const QStringList parts = decoded.split(QLatin1Char('|'));
    if (!ok || parts.size() != 3 || parts.at(0) != QLatin1String("sbx") || parts.at(1) != scope)
        return -1;
    const int offset = parts.at(2).toInt(&ok);
    return ok && offset >= 0 ? offset : -1;
}

// A parameter as a whole number in [min, max]; `fallback` when absent.
bool intParam(const QHash<QString, QString>& params, const QString& name, int fallback, int min, int max, int* value)
{
    if (!params.contains(name)) {
        *value = fallback;
        return true;
    }
    bool ok = false;
    *value = params.value(name).trimmed().toInt(&ok);
    return ok && *value >= min && *value <= max;
}

} // namespace

SandboxMarketo::SandboxMarketo()
    : m_clientId(QStringLiteral("sandbox-client")), m_clientSecret(QStringLiteral("sandbox-secret"))
{
    m_elapsed.start();
}

SandboxMarketo::~SandboxMarketo() = default;

void SandboxMarketo::setCredentials(const QString& clientId, const QString& clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

void SandboxMarketo::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void SandboxMarketo::setTokenLifetime(int seconds)
{
    m_tokenLifetimeSeconds = qMax(0, seconds);
}

void SandboxMarketo::setTokenCallLimit(int calls)
{
    m_tokenCallLimit = qMax(0, calls);
}

void SandboxMarketo::failNext(int code, int count)
{
    if (count > 0)
        m_failures.append({code, count});
}

void SandboxMarketo::setDailyQuotaExceeded(bool exceeded)
{
    m_dailyQuotaExceeded = exceeded;
}

void SandboxMarketo::clearRequests()
{
    m_requests.clear();
}

qint64 SandboxMarketo::now() const
{
    return m_clock ? m_clock() : m_elapsed.elapsed();
}

QString SandboxMarketo::nextRequestId()
{
    // Marketo's look: a short hex counter, '#', a hex timestamp.
    ++m_requestCounter;
    return QStringLiteral("%1#%2")
        .arg(m_requestCounter, 4, 16, QLatin1Char('0'))
        .arg(quint64(qMax<qint64>(0, now())), 11, 16, QLatin1Char('0'));
}

QString SandboxMarketo::errorMessage(int code)
{
    switch (code) {
    case 601:
        return QStringLiteral("Access token invalid");
    case 602:
        return QStringLiteral("Access token expired");
    case 603:
        return QStringLiteral("Access denied");
    case 604:
        return QStringLiteral("Request timed out");
    case 605:
        return QStringLiteral("HTTP Method not supported");
    case 606:
        return QStringLiteral("Max rate limit '%1' exceeded with in '%2' secs")
            .arg(rateLimitCalls)
            .arg(rateLimitWindowSeconds);
    case 607:
        return QStringLiteral("Daily quota reached");
    case 608:
        return QStringLiteral("API Temporarily Unavailable");
    case 609:
        return QStringLiteral("Invalid JSON");
    case 610:
        return QStringLiteral("Requested resource not found");
    case 611:
        return QStringLiteral("System error");
    case 612:
        return QStringLiteral("Invalid Content Type");
    case 614:
        return QStringLiteral("Invalid Subscription");
    case 615:
        return QStringLiteral("Concurrent access limit reached");
    case 702:
        return QStringLiteral("No data found for given search scenario");
    case 1001:
        return QStringLiteral("Invalid value");
    case 1002:
        return QStringLiteral("Missing value for required parameter");
    case 1003:
        return QStringLiteral("Invalid data");
    case 1004:
        return QStringLiteral("Lead not found");
    case 1006:
        return QStringLiteral("Field not found");
    case 1013:
        return QStringLiteral("Object not found");
    default:
        return QStringLiteral("Error %1").arg(code);
    }
}

SandboxMarketo::Response SandboxMarketo::handle(
    const QString& method, const QString& path, const QString& query, const Headers& headers, const QByteArray& body)
{
    const QByteArray authorization = headerValue(headers, "Authorization");
    m_requests.append({method, path, query, authorization, body});
    if (m_requests.size() > requestLogLimit)
        m_requests.removeFirst();

    // The servlet way: query parameters first, then those of a form body; the first value
    // of a name wins.
    Params params;
    const auto addParams = [&params](const QByteArray& encoded) {
        for (const auto& pair : FormBody::decode(encoded)) {
            const QString name = QString::fromUtf8(pair.first);
            if (!params.contains(name))
                params.insert(name, QString::fromUtf8(pair.second));
        }
    };
    addParams(query.toUtf8());
    const QByteArray contentType = headerValue(headers, "Content-Type").toLower();
    if (method == QLatin1String("POST")
        && (contentType.isEmpty() || contentType.contains("application/x-www-form-urlencoded")))
        addParams(body);

    if (path.startsWith(QLatin1String("/identity/")))
        return identity(method, path, params);
    if (path.startsWith(QLatin1String("/rest/"))) {
        ++m_callCount;
        return rest(method, path, params, authorization);
    }
    return failure(610, errorMessage(610), false, 404);
}

SandboxMarketo::Response SandboxMarketo::identity(const QString& method, const QString& path, const Params& params)
{
    const auto oauthError = [](int status, const QString& error, const QString& description) {
        return Response {
            status, toJson({{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}})};
    };
    if (path != QLatin1String("/identity/oauth/token"))
        return oauthError(404, QStringLiteral("not_found"), QStringLiteral("No such identity endpoint"));
    if (method != QLatin1String("GET") && method != QLatin1String("POST"))
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("Unsupported HTTP method"));
    const QString grant = params.value(QStringLiteral("grant_type"));
    if (grant.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("Missing grant type"));
    if (grant != QLatin1String("client_credentials"))
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("Unsupported grant type"));
    if (params.value(QStringLiteral("client_id")) != m_clientId
        || params.value(QStringLiteral("client_secret")) != m_clientSecret || m_clientId.isEmpty())
        return oauthError(401, QStringLiteral("unauthorized"), QStringLiteral("Bad client credentials"));

    const qint64 time = now();
    auto current = m_tokens.find(m_currentToken);
    const bool usable = current != m_tokens.end() && current->expiresAt > time
                        && (m_tokenCallLimit == 0 || current->calls < m_tokenCallLimit);
    if (!usable) {
        ++m_tokensIssued;
        const QByteArray seed = "sandbox-token-" + QByteArray::number(m_tokensIssued);
        const quint32 a = stableHash(seed);
        const quint32 b = stableHash(seed + "b");
        const quint32 c = stableHash(seed + "c");
        m_currentToken = QStringLiteral("%1-%2-4%3-a%4-%5%6:sbx")
                             .arg(a, 8, 16, QLatin1Char('0'))
                             .arg(b >> 16, 4, 16, QLatin1Char('0'))
                             .arg(b & 0xfff, 3, 16, QLatin1Char('0'))
                             .arg(c >> 20, 3, 16, QLatin1Char('0'))
                             .arg(c & 0xfffff, 5, 16, QLatin1Char('0'))
                             .arg(stableHash(seed + "d"), 7, 16, QLatin1Char('0'))
                             .toLatin1();
        current = m_tokens.insert(m_currentToken, Token {time + qint64(m_tokenLifetimeSeconds) * 1000, 0});
    }
    const qint64 remaining = qMax<qint64>(0, (current->expiresAt - time) / 1000);
    return Response {200,
                     toJson({{QStringLiteral("access_token"), QString::fromLatin1(m_currentToken)},
                             {QStringLiteral("token_type"), QStringLiteral("bearer")},
                             {QStringLiteral("expires_in"), remaining},
                             {QStringLiteral("scope"), QStringLiteral("apiuser@sandbox")}})};
}

SandboxMarketo::Response
SandboxMarketo::rest(const QString& method, const QString& path, const Params& params, const QByteArray& authorization)
{
    static const QRegularExpression listLeads(QStringLiteral("^/rest/v1/lists/([^/]+)/leads\\.json$"));
    static const QRegularExpression folderTokens(QStringLiteral("^/rest/asset/v1/folder/([^/]+)/tokens\\.json$"));

    enum class Endpoint { Describe, Leads, ListLeads, Programs, Tokens };
    Endpoint endpoint = Endpoint::Describe;
    QString pathId;
    if (path == QLatin1String("/rest/v1/leads/describe.json")) {
        endpoint = Endpoint::Describe;
    } else if (path == QLatin1String("/rest/v1/leads.json")) {
        endpoint = Endpoint::Leads;
    } else if (const auto listMatch = listLeads.match(path); listMatch.hasMatch()) {
        endpoint = Endpoint::ListLeads;
        pathId = listMatch.captured(1);
    } else if (path == QLatin1String("/rest/asset/v1/programs.json")) {
        endpoint = Endpoint::Programs;
    } else if (const auto tokensMatch = folderTokens.match(path); tokensMatch.hasMatch()) {
        endpoint = Endpoint::Tokens;
        pathId = tokensMatch.captured(1);
    } else {
        return failure(610, errorMessage(610), path.startsWith(QLatin1String("/rest/asset/")), 404);
    }
    const bool asset = endpoint == Endpoint::Programs || endpoint == Endpoint::Tokens;

    if (!m_failures.isEmpty()) {
        const int code = m_failures.first().first;
        if (--m_failures.first().second <= 0)
            m_failures.removeFirst();
        return failure(code, errorMessage(code), asset);
    }
    if (params.contains(QStringLiteral("access_token")))
        return failure(601, errorMessage(601), asset);
    const bool get =
        method == QLatin1String("GET")
        || (method == QLatin1String("POST")
            && params.value(QStringLiteral("_method")).compare(QLatin1String("GET"), Qt::CaseInsensitive) == 0);
    if (!get)
        return failure(605, errorMessage(605), asset);
    Response refusal;
    if (!admit(authorization, asset, &refusal))
        return refusal;

    bool ok = false;
    const int id = pathId.toInt(&ok);
    switch (endpoint) {
    case Endpoint::Describe:
        return describe();
    case Endpoint::Leads:
        return leadsByFilter(params);
    case Endpoint::ListLeads:
        if (!ok || id <= 0)
            return failure(1003, QStringLiteral("Invalid list id '%1'").arg(pathId), asset);
        return leadsByList(id, params);
    case Endpoint::Programs:
        return programs(params);
    case Endpoint::Tokens:
        if (!ok || id <= 0)
            return failure(1003, QStringLiteral("Invalid folder id '%1'").arg(pathId), asset);
        return tokens(id, params);
    }
    return failure(611, errorMessage(611), asset);
}

bool SandboxMarketo::admit(const QByteArray& authorization, bool asset, Response* refusal)
{
    const QByteArray scheme = authorization.left(7);
    const QByteArray token = authorization.mid(7).trimmed();
    const auto found = m_tokens.find(token);
    if (scheme.compare("Bearer ", Qt::CaseInsensitive) != 0 || token.isEmpty() || found == m_tokens.end()) {
        *refusal = failure(601, errorMessage(601), asset);
        return false;
    }
    const qint64 time = now();
    if (found->expiresAt <= time || (m_tokenCallLimit > 0 && found->calls >= m_tokenCallLimit)) {
        *refusal = failure(602, errorMessage(602), asset);
        return false;
    }
    ++found->calls;
    if (m_dailyQuotaExceeded) {
        *refusal = failure(607, errorMessage(607), asset);
        return false;
    }
    const qint64 windowStart = time - qint64(rateLimitWindowSeconds) * 1000;
    while (!m_recentCalls.empty() && m_recentCalls.front() <= windowStart)
        m_recentCalls.pop_front();
    if (int(m_recentCalls.size()) >= rateLimitCalls) {
        *refusal = failure(606, errorMessage(606), asset);
        return false;
    }
    return true;
}

SandboxMarketo::Response SandboxMarketo::success(const QJsonObject& extra, bool asset)
{
    // Only successful calls count against the rate limit, as Marketo documents.
    m_recentCalls.push_back(now());
    QJsonObject object = extra;
    object.insert(QStringLiteral("requestId"), nextRequestId());
    object.insert(QStringLiteral("success"), true);
    if (asset) {
        if (!object.contains(QStringLiteral("warnings")))
            object.insert(QStringLiteral("warnings"), QJsonArray());
        object.insert(QStringLiteral("errors"), QJsonArray());
    }
    return {200, toJson(object)};
}

SandboxMarketo::Response SandboxMarketo::failure(int code, const QString& message, bool asset, int status)
{
    QJsonObject object;
    object.insert(QStringLiteral("requestId"), nextRequestId());
    object.insert(QStringLiteral("success"), false);
    object.insert(QStringLiteral("errors"),
                  QJsonArray {QJsonObject {{QStringLiteral("code"), QString::number(code)},
                                           {QStringLiteral("message"), message}}});
    if (asset)
        object.insert(QStringLiteral("warnings"), QJsonArray());
    return {status, toJson(object)};
}

SandboxMarketo::Response SandboxMarketo::describe()
{
    return success({{QStringLiteral("result"), SandboxMarketoData::describe()}}, false);
}

SandboxMarketo::Response SandboxMarketo::leadsByFilter(const Params& params)
{
    const QString filterType = params.value(QStringLiteral("filterType")).trimmed();
    if (filterType.isEmpty())
        return failure(1003, QStringLiteral("filterType cannot be blank"), false);
    const bool byEmail = filterType.compare(QLatin1String("email"), Qt::CaseInsensitive) == 0;
    const bool byId = filterType.compare(QLatin1String("id"), Qt::CaseInsensitive) == 0;
    if (!byEmail && !byId)
        return failure(1003, QStringLiteral("Invalid filterType '%1'").arg(filterType), false);
    QStringList values;
    const QStringList raw = params.value(QStringLiteral("filterValues")).split(QLatin1Char(','));
    for (const QString& value : raw) {
        if (!value.trimmed().isEmpty())
            values.append(value.trimmed());
    }
    if (values.isEmpty())
        return failure(1003, QStringLiteral("filterValues cannot be blank"), false);
    if (values.size() > maxBatchSize)
        return failure(
            1003, QStringLiteral("Too many filterValues: %1, at most %2").arg(values.size()).arg(maxBatchSize), false);
    QList<int> indexes;
    for (const QString& value : std::as_const(values)) {
        int index = -1;
        if (byEmail) {
            index = SandboxMarketoData::leadIndexByEmail(value);
        } else {
            bool ok = false;
            const qint64 id = value.toLongLong(&ok);
            if (!ok)
                return failure(1003, QStringLiteral("Invalid id '%1'").arg(value), false);
            index = SandboxMarketoData::leadIndexById(id);
        }
        if (index >= 0 && !indexes.contains(index))
            indexes.append(index);
    }
    return leadPage(indexes, byEmail ? QStringLiteral("email") : QStringLiteral("id"), params);
}

SandboxMarketo::Response SandboxMarketo::leadsByList(int listId, const Params& params)
{
    if (!SandboxMarketoData::hasList(listId))
        return failure(1013, errorMessage(1013), false);
    return leadPage(SandboxMarketoData::listMembers(listId), QStringLiteral("list/%1").arg(listId), params);
}

SandboxMarketo::Response SandboxMarketo::leadPage(const QList<int>& indexes, const QString& scope, const Params& params)
{
    int batchSize = 0;
    if (!intParam(params, QStringLiteral("batchSize"), maxBatchSize, 1, maxBatchSize, &batchSize)) {
        return failure(1003,
                       QStringLiteral("Invalid batchSize '%1', it must be between 1 and %2")
                           .arg(params.value(QStringLiteral("batchSize")))
                           .arg(maxBatchSize),
                       false);
    }
    int offset = 0;
    const QString nextPageToken = params.value(QStringLiteral("nextPageToken"));
    if (params.contains(QStringLiteral("nextPageToken"))) {
        offset = pageOffset(nextPageToken, scope);
        if (offset < 0)
            return failure(1003, QStringLiteral("Invalid nextPageToken '%1'").arg(nextPageToken), false);
    }
    QStringList fields;
    if (params.contains(QStringLiteral("fields"))) {
        const QStringList requested = params.value(QStringLiteral("fields")).split(QLatin1Char(','));
        for (const QString& name : requested) {
            if (name.trimmed().isEmpty())
                continue;
            const QString restName = SandboxMarketoData::restFieldName(name);
            if (restName.isEmpty())
                return failure(1003, QStringLiteral("Field '%1' not found").arg(name.trimmed()), false);
            if (!fields.contains(restName))
                fields.append(restName);
        }
    }
    if (fields.isEmpty())
        fields = defaultLeadFields();

    QJsonArray result;
    const int end = qMin<qint64>(indexes.size(), qint64(offset) + batchSize);
    const QList<QJsonObject>& leads = SandboxMarketoData::leads();
    for (int i = offset; i < end; ++i) {
        const QJsonObject& lead = leads.at(indexes.at(i));
        // Marketo always sends the id, and leaves out what has no value.
        QJsonObject out {{QStringLiteral("id"), lead.value(QStringLiteral("id"))}};
        for (const QString& field : std::as_const(fields)) {
            const QJsonValue value = lead.value(field);
            if (!value.isUndefined() && !value.isNull())
                out.insert(field, value);
        }
        result.append(out);
    }
    QJsonObject extra {{QStringLiteral("result"), result}};
    if (end < indexes.size())
        extra.insert(QStringLiteral("nextPageToken"), pageToken(scope, end));
    return success(extra, false);
}

SandboxMarketo::Response SandboxMarketo::programs(const Params& params)
{
    int maxReturn = 0;
    if (!intParam(params, QStringLiteral("maxReturn"), defaultProgramsReturn, 1, maxProgramsReturn, &maxReturn)) {
        return failure(1003,
                       QStringLiteral("Invalid maxReturn '%1', it must be between 1 and %2")
                           .arg(params.value(QStringLiteral("maxReturn")))
                           .arg(maxProgramsReturn),
                       true);
    }
    int offset = 0;
    if (!intParam(params, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max(), &offset))
        return failure(1003, QStringLiteral("Invalid offset '%1'").arg(params.value(QStringLiteral("offset"))), true);
    const QList<QJsonObject>& all = SandboxMarketoData::programs();
    if (offset >= all.size())
        return success({{QStringLiteral("warnings"), QJsonArray {kNoAssets}}}, true);
    QJsonArray result;
    for (int i = offset; i < qMin<qint64>(all.size(), qint64(offset) + maxReturn); ++i)
        result.append(all.at(i));
    return success({{QStringLiteral("result"), result}}, true);
}

SandboxMarketo::Response SandboxMarketo::tokens(int folderId, const Params& params)
{
    // Marketo takes a folder unless told it is a program; the sandbox has programs only.
    const QString folderType = params.value(QStringLiteral("folderType"), QStringLiteral("Folder"));
    if (folderType != QLatin1String("Program") && folderType != QLatin1String("Folder"))
        return failure(
            1003, QStringLiteral("Invalid folderType '%1', it must be Folder or Program").arg(folderType), true);
    const QJsonObject program = SandboxMarketoData::program(folderId);
    if (folderType != QLatin1String("Program") || program.isEmpty())
        return failure(1013, errorMessage(1013), true);
    const QJsonObject entry {
        {QStringLiteral("name"), program.value(QStringLiteral("name"))},
        {QStringLiteral("folder"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("Program")}, {QStringLiteral("value"), folderId}}},
        {QStringLiteral("tokens"), SandboxMarketoData::tokens(folderId)}};
    return success({{QStringLiteral("result"), QJsonArray {entry}}}, true);
}
