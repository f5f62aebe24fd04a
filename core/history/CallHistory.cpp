#include "CallHistory.h"

#include "history/SecretRedactor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace {

QJsonObject cutBody(QJsonObject object, int maxBytes)
{
    const QJsonValue body = object.value(QStringLiteral("body"));
    if (body.isString()) {
        const QByteArray bytes = body.toString().toUtf8();
        if (bytes.size() > maxBytes) {
            object.insert(QStringLiteral("body"), QString::fromUtf8(bytes.left(maxBytes)));
            object.insert(QStringLiteral("bodyCut"), true);
        }
    }
    return object;
}

} // namespace

CallHistory::CallHistory(const QString& workspaceFileName) : m_fileName(fileNameFor(workspaceFileName)) { }

QString CallHistory::fileNameFor(const QString& workspaceFileName)
{
    return workspaceFileName + QStringLiteral(".history.jsonl");
}

CallHistoryEntry CallHistory::makeEntry(const Workspace& workspace,
                                        const Webhook& webhook,
                                        const CallResult& call,
                                        const MappingOutcome& mapping,
                                        const QString& source,
                                        const QJsonValue& lead) const
{
    const SecretRedactor redactor(workspace, webhook);
    const CallResult safe = redactor.redact(call);
    CallHistoryEntry entry;
    entry.time = call.startedAt.isValid() ? call.startedAt.toUTC() : QDateTime::currentDateTimeUtc();
    entry.webhook = webhook.name;
    entry.source = source;
    entry.lead = lead;
    // Masked by name too, in case a secret header's value was shorter than the redactor
    // searches for.
    entry.request = cutBody(safe.requestJson(redactor.secretHeaderNames()), m_limits.maxBodyBytes);
    entry.response = safe.status > 0 ? QJsonValue(cutBody(safe.responseJson(), m_limits.maxBodyBytes))
                                     : QJsonValue(QJsonValue::Null);
    entry.error = safe.errorJson();
    for (const MappingResult& result : mapping.mappings) {
        QJsonObject json = result.toJson();
        if (json.value(QStringLiteral("value")).isString())
            json.insert(QStringLiteral("value"), redactor.redact(json.value(QStringLiteral("value")).toString()));
        entry.mappings.append(json);
    }
    return entry;
}

bool CallHistory::record(const Workspace& workspace,
                         const Webhook& webhook,
                         const CallResult& call,
                         const MappingOutcome& mapping,
                         const QString& source,
                         const QJsonValue& lead,
                         QString* error)
{
    return append(makeEntry(workspace, webhook, call, mapping, source, lead), error);
}

bool CallHistory::append(const CallHistoryEntry& entry, QString* error)
{
    m_warnings.clear();
    QByteArrayList lines = readLines();
    lines.append(QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact));

    qint64 bytes = 0;
    for (const QByteArray& line : qAsConst(lines))
        bytes += line.size() + 1;
    int drop = 0;
    // The newest entry always stays, even alone past maxBytes.
    while (lines.size() - drop > 1 && (lines.size() - drop > m_limits.maxCalls || bytes > m_limits.maxBytes)) {
        bytes -= lines.at(drop).size() + 1;
        ++drop;
    }
    if (drop == 0) {
        // The common case: one more line at the end.
        QFile file(m_fileName);
        if (file.open(QIODevice::ReadWrite | QIODevice::Append)) {
            QByteArray line = lines.last() + '\n';
            // A last line without its newline (an edit by hand) must not swallow this one.
            if (file.size() > 0 && file.seek(file.size() - 1) && file.peek(1) != "\n")
                line.prepend('\n');
            if (file.write(line) == line.size())
                return true;
        }
        if (error)
            *error = tr("Could not write the call history %1: %2").arg(m_fileName, file.errorString());
        return false;
    }
    return writeLines(lines.mid(drop), error);
}

QList<CallHistoryEntry> CallHistory::entries()
{
    m_warnings.clear();
    QList<CallHistoryEntry> out;
    const QByteArrayList lines = readLines();
    for (const QByteArray& line : lines) {
        CallHistoryEntry entry;
        if (CallHistoryEntry::fromJson(QJsonDocument::fromJson(line).object(), &entry))
            out.append(entry);
    }
    return out;
}

bool CallHistory::clear(QString* error)
{
    if (!QFile::exists(m_fileName) || QFile::remove(m_fileName))
        return true;
    if (error)
        *error = tr("Could not delete the call history %1.").arg(m_fileName);
    return false;
}

QByteArrayList CallHistory::readLines()
{
    QFile file(m_fileName);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList good;
    int firstBad = 0;
    QString problem;
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        CallHistoryEntry entry;
        if (parseError.error != QJsonParseError::NoError || !document.isObject()
            || !CallHistoryEntry::fromJson(document.object(), &entry)) {
            if (firstBad == 0) {
                firstBad = number;
                problem = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                       : tr("not a call history entry");
            }
            continue;
        }
        good.append(line);
    }
    file.close();
    if (firstBad == 0)
        return good;

    // Keep the damaged file for whoever wants to look at it, and go on with what could
    // be read.
    QString aside = m_fileName + QStringLiteral(".corrupt-")
                    + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (int i = 2; QFile::exists(aside); ++i)
        aside = aside.section(QLatin1Char('~'), 0, 0) + QStringLiteral("~%1").arg(i);
    if (!QFile::rename(m_fileName, aside)) {
        m_warnings.append(tr("The call history %1 is damaged (line %2: %3) and could not be set aside; "
                             "only its readable calls are shown.")
                              .arg(m_fileName)
                              .arg(firstBad)
                              .arg(problem));
        return good;
    }
    QString error;
    writeLines(good, &error);
    m_warnings.append(tr("The call history %1 was damaged (line %2: %3). It was renamed to %4 and "
                         "its %5 readable calls were kept.")
                          .arg(QDir::toNativeSeparators(m_fileName))
                          .arg(firstBad)
                          .arg(problem, QDir::toNativeSeparators(aside))
                          .arg(good.size()));
    if (!error.isEmpty())
        m_warnings.append(error);
    return good;
}

bool CallHistory::writeLines(const QByteArrayList& lines, QString* error)
{
    QSaveFile file(m_fileName);
    if (file.open(QIODevice::WriteOnly)) {
        for (const QByteArray& line : lines) {
            file.write(line);
            file.write("\n");
        }
        if (file.commit())
            return true;
    }
    if (error)
        *error = tr("Could not write the call history %1: %2").arg(m_fileName, file.errorString());
    return false;
}
