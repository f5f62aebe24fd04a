#include "JsonWriter.h"

#include "format/JsonString.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <vector>

JsonWriter::JsonWriter(int indent) : m_indent(indent) { }

void JsonWriter::newline()
{
    m_out.append('\n');
    m_out.append(qsizetype(m_hasItems.size()) * m_indent, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasItems.isEmpty()) {
        return;
    }
    if (m_hasItems.last()) {
        m_out.append(',');
    }
    m_hasItems.last() = true;
    newline();
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    m_hasItems.append(false);
}

void JsonWriter::endObject()
{
    const bool hadItems = !m_hasItems.isEmpty() && m_hasItems.last();
    if (!m_hasItems.isEmpty()) {
        m_hasItems.removeLast();
    }
    // Empty containers stay on one line: "{}".
    if (hadItems) {
        newline();
    }
    m_out.append('}');
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    m_hasItems.append(false);
}

void JsonWriter::endArray()
{
    const bool hadItems = !m_hasItems.isEmpty() && m_hasItems.last();
    if (!m_hasItems.isEmpty()) {
        m_hasItems.removeLast();
    }
    if (hadItems) {
        newline();
    }
    m_out.append(']');
}

void JsonWriter::key(const QString& name)
{
    if (!m_hasItems.isEmpty()) {
        if (m_hasItems.last()) {
            m_out.append(',');
        }
        m_hasItems.last() = true;
    }
    newline();
    appendString(m_out, name);
    m_out.append(": ");
    m_afterKey = true;
}

void JsonWriter::value(const QString& text)
{
    beforeValue();
    appendString(m_out, text);
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_out.append(flag ? "true" : "false");
}

void JsonWriter::value(double number)
{
    beforeValue();
    appendNumber(m_out, number);
}

void JsonWriter::nullValue()
{
    beforeValue();
    m_out.append("null");
}

void JsonWriter::value(const QJsonValue& json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        value(json.toBool());
        break;
    case QJsonValue::Double:
        value(json.toDouble());
        break;
    case QJsonValue::String:
        value(json.toString());
        break;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = json.toArray();
        for (const QJsonValue& item : array) {
            value(item);
        }
        endArray();
        break;
    }
    case QJsonValue::Object: {
        // Sorted here rather than trusting QJsonObject's order: Qt 6.4's parser drops a
        // leading U+FEFF from a key after it has sorted the keys, which leaves the object
        // out of order (and can even hold the same key twice). Writing sorted keys, the
        // last of equal ones, keeps a save, reload and save byte-identical.
        const QJsonObject object = json.toObject();
        std::vector<std::pair<QString, QJsonValue>> members;
        members.reserve(size_t(object.size()));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            members.emplace_back(it.key(), it.value());
        }
        std::stable_sort(
            members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        beginObject();
        for (size_t i = 0; i < members.size(); ++i) {
            if (i + 1 < members.size() && members[i + 1].first == members[i].first) {
                continue;
            }
            key(members[i].first);
            value(members[i].second);
        }
        endObject();
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        nullValue();
        break;
    }
}

QByteArray JsonWriter::take()
{
    m_out.append('\n');
    QByteArray out;
    out.swap(m_out);
    m_hasItems.clear();
    m_afterKey = false;
    return out;
}

void JsonWriter::appendString(QByteArray& out, const QString& text)
{
    JsonString::append(out, text, JsonString::Style::Document);
}

void JsonWriter::appendNumber(QByteArray& out, double number)
{
    if (!std::isfinite(number)) {
        out.append("null");
        return;
    }
    // Whole numbers within the exactly representable range print as integers, like
    // QJsonDocument does, so "42" reads back and writes as "42", never "42.0".
    constexpr double exactLimit = 9007199254740992.0; // 2^53
    if (std::floor(number) == number && std::fabs(number) < exactLimit) {
        out.append(QByteArray::number(static_cast<qint64>(number)));
        return;
    }
    out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
}
