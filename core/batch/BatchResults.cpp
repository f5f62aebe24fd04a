#include "BatchResults.h"

#include <QSet>

BatchResults::BatchResults(const Workspace& workspace, const Webhook& webhook) : m_redactor(workspace, webhook)
{
    using Kind = BatchColumn::Kind;
    for (const Kind kind : {Kind::Lead, Kind::Status, Kind::Latency, Kind::Error})
        addColumn(BatchColumn::fixed(kind));
    const FieldCatalog catalog = workspace.catalog();
    if (const Field* email = catalog.findByApiName(QStringLiteral("email")))
        m_emailField = *email;
    QSet<QString> seen;
    for (const ResponseMapping& mapping : webhook.responseMappings) {
        const Field* field = catalog.find(mapping.field);
        const QString apiName = field ? field->apiName : mapping.field;
        if (apiName.isEmpty() || seen.contains(apiName.toLower()))
            continue;
        seen.insert(apiName.toLower());
        addColumn(BatchColumn::field(apiName, field ? field->name : mapping.field));
    }
    // The implicit status check says what the Status column says already: only the
    // webhook's own checks get a column.
    for (int i = 0; i < webhook.checks.size(); ++i)
        addColumn(BatchColumn::verdictCheck(i, webhook.checks.at(i).title()));
    if (webhook.baseline)
        addColumn(BatchColumn::drift());
}

bool BatchResults::addColumn(const BatchColumn& column)
{
    if (!m_rows.isEmpty())
        return false;
    m_columns.append(column);
    m_evaluated.append(column.isEvaluated() ? m_cellsPerRow++ : -1);
    return true;
}

QList<int> BatchResults::fieldColumns() const
{
    QList<int> out;
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).kind == BatchColumn::Kind::Field)
            out.append(i);
    }
    return out;
}

void BatchResults::reserve(int leads)
{
    if (leads <= 0)
        return;
    m_rows.reserve(leads);
    m_cells.reserve(qsizetype(leads) * m_cellsPerRow);
}

void BatchResults::clear()
{
    m_rows.clear();
    m_cells.clear();
    m_texts.clear();
    m_textIds.clear();
    m_kept.clear();
    m_keptOk.clear();
    m_keptFailed.clear();
    m_keptBytes = 0;
}

qint32 BatchResults::intern(const QString& text)
{
    if (text.isEmpty())
        return -1;
    const auto found = m_textIds.constFind(text);
    if (found != m_textIds.constEnd())
        return found.value();
    const qint32 id = qint32(m_texts.size());
    m_texts.append(text);
    m_textIds.insert(text, id);
    return id;
}

void BatchResults::add(const BatchLeadResult& result)
{
    const CallResult& call = result.call;
    Row row;
    row.index = result.index;
    row.status = qint16(qBound(0, call.status, 999));
    row.error = quint8(call.error);
    row.latencyMs = float(call.totalMs);
    const bool failed = !call.isSuccess() || call.isEmpty2xx();
    if (failed)
        row.flags |= Failed;
    if (call.error != CallResult::ErrorKind::None)
        row.text = intern(call.errorMessage);
    else
        row.text = intern(call.reason);
    const QString email = m_emailField.name.isEmpty()
                              ? QString()
                              : FieldCatalog::value(result.mapping.leadBefore, m_emailField).toString();
    if (!email.isEmpty()) {
        row.lead = email;
        row.flags |= HasEmail;
    } else {
        row.lead = tr("Lead %1").arg(result.index + 1);
    }

    for (int column = 0; column < m_columns.size(); ++column) {
        if (m_evaluated.at(column) < 0)
            continue;
        BatchCell cell = m_columns.at(column).evaluate(result);
        if (cell.state == BatchCell::State::Written)
            ++row.written;
        else if (cell.state != BatchCell::State::Plain) {
            // Reasons and check messages repeat from lead to lead: share one copy.
            const qint32 id = intern(cell.text);
            if (id >= 0)
                cell.text = m_texts.at(id);
        }
        m_cells.append(std::move(cell));
    }
    m_rows.append(row);
    keep(int(m_rows.size()) - 1, result);
}

QString BatchResults::email(int row) const
{
    const Row& r = m_rows.at(row);
    return (r.flags & HasEmail) ? r.lead : QString();
}

QString BatchResults::statusText(int row) const
{
    const Row& r = m_rows.at(row);
    if (r.error != quint8(CallResult::ErrorKind::None) || r.status == 0)
        return CallResult::errorKindName(CallResult::ErrorKind(r.error));
    const QString reason = r.text >= 0 ? m_texts.at(r.text) : QString();
    return reason.isEmpty() ? QString::number(r.status) : QStringLiteral("%1 %2").arg(r.status).arg(reason);
}

QString BatchResults::errorText(int row) const
{
    const Row& r = m_rows.at(row);
    if (r.error != quint8(CallResult::ErrorKind::None))
        return r.text >= 0 ? m_texts.at(r.text) : CallResult::errorKindName(CallResult::ErrorKind(r.error));
    if (r.status < 200 || r.status >= 300)
        return tr("The server answered %1: Marketo writes nothing.").arg(r.status);
    if (r.flags & Failed)
        return tr("The server answered %1 with an empty body: Marketo's error 1001.").arg(r.status);
    return QString();
}

BatchCell BatchResults::cell(int row, int column) const
{
    const Row& r = m_rows.at(row);
    switch (m_columns.at(column).kind) {
    case BatchColumn::Kind::Lead:
        return BatchCell {r.lead, BatchCell::State::Plain};
    case BatchColumn::Kind::Status:
        return BatchCell {statusText(row), BatchCell::State::Plain};
    case BatchColumn::Kind::Latency:
        return BatchCell {r.status > 0 ? tr("%1 ms").arg(qRound(r.latencyMs)) : QString(), BatchCell::State::Plain};
    case BatchColumn::Kind::Error:
        if (r.error != quint8(CallResult::ErrorKind::None))
            return BatchCell {CallResult::errorKindName(CallResult::ErrorKind(r.error)), BatchCell::State::Plain};
        if (r.flags & Failed)
            return BatchCell {r.status >= 200 && r.status < 300 ? QStringLiteral("empty-2xx")
                                                                : QStringLiteral("status"),
                              BatchCell::State::Plain};
        return BatchCell {};
    case BatchColumn::Kind::Field:
    case BatchColumn::Kind::Check:
        break;
    }
    const int cellIndex = m_evaluated.at(column);
    return m_cells.at(qsizetype(row) * m_cellsPerRow + cellIndex);
}

const BatchLeadResult* BatchResults::kept(int row) const
{
    const auto found = m_kept.constFind(row);
    return found == m_kept.constEnd() ? nullptr : &found.value().result;
}

QString BatchResults::notKeptReason(int row) const
{
    if (isKept(row))
        return QString();
    if (m_rows.at(row).flags & DroppedForCap)
        return tr("The response of this call is no longer kept: the kept responses reached their memory limit "
                  "of %1 MB. Re-send the lead to see it again.")
            .arg(m_keptByteCap / (1024 * 1024));
    return tr("The response of this call is no longer kept: only failed calls and the most recent %L1 "
              "successful ones keep theirs. Re-send the lead to see it again.")
        .arg(recentKept);
}

qint64 BatchResults::sizeOf(const BatchLeadResult& result)
{
    const CallResult& call = result.call;
    // Headers, the mapping outcome and the lead records are small next to the bodies;
    // a fixed allowance keeps the estimate cheap.
    qint64 bytes = 2048 + call.body.capacity() + call.requestBody.capacity() + call.url.size() * 2;
    for (const auto& header : call.requestHeaders)
        bytes += header.first.size() + header.second.size();
    for (const auto& header : call.responseHeaders)
        bytes += header.first.size() + header.second.size();
    return bytes;
}

void BatchResults::keep(int row, const BatchLeadResult& result)
{
    Kept kept;
    kept.result = result;
    kept.result.call = m_redactor.redact(result.call);
    // A body read from the network sits in a buffer with room to grow, often many times
    // its size; 3,000 of those would hold a hundred megabytes for nothing.
    kept.result.call.body.squeeze();
    kept.result.call.requestBody.squeeze();
    kept.bytes = sizeOf(kept.result);
    m_keptBytes += kept.bytes;
    m_kept.insert(row, std::move(kept));
    const bool failed = m_rows.at(row).flags & Failed;
    (failed ? m_keptFailed : m_keptOk).push_back(row);

    while (int(m_keptOk.size()) > recentKept)
        drop(&m_keptOk, false);
    // Over the cap the oldest kept result goes first, failed or not; the newest stays
    // whatever its size, so the row just added can always be opened.
    while (m_keptBytes > m_keptByteCap && m_kept.size() > 1) {
        const bool okIsOlder = !m_keptOk.empty() && (m_keptFailed.empty() || m_keptOk.front() < m_keptFailed.front());
        drop(okIsOlder ? &m_keptOk : &m_keptFailed, true);
    }
}

void BatchResults::drop(std::deque<int>* order, bool forCap)
{
    const int row = order->front();
    order->pop_front();
    const auto found = m_kept.find(row);
    if (found == m_kept.end())
        return;
    m_keptBytes -= found.value().bytes;
    m_kept.erase(found);
    if (forCap)
        m_rows[row].flags |= DroppedForCap;
}
