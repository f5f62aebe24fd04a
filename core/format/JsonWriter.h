#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QVarLengthArray>

// A small streaming JSON writer that keeps keys in the order the caller writes them
// (QJsonDocument sorts them), so a file diffs well in git. Output is UTF-8, pretty-printed
// with a fixed indent, and ends with a newline. Non-ASCII text stays UTF-8; only `"`, `\`
// and control characters are escaped.
//
// Usage: beginObject(); key("a"); value(1); key("b"); beginArray(); ... endArray();
// endObject(); then take(). The caller is responsible for balanced calls.
class JsonWriter
{
public:
    explicit JsonWriter(int indent = 2);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(const QString& name);

    void value(const QString& text);
    void value(bool flag);
    void value(double number);
    // Objects nested in a QJsonValue are written with QJsonObject's (alphabetical) key
    // order; arrays keep their order.
    void value(const QJsonValue& json);
    void nullValue();

    // The document written so far, with a final newline; the writer is reset.
    QByteArray take();

    // `text` as a JSON string literal, quotes included, UTF-8 (JsonString's Document style).
    static void appendString(QByteArray& out, const QString& text);
    // A number as QJsonDocument writes it: whole numbers without a fraction, others in
    // the shortest form that reads back to the same double; NaN and infinities as null.
    static void appendNumber(QByteArray& out, double number);

private:
    void beforeValue();
    void newline();

    QByteArray m_out;
    QVarLengthArray<bool, 16> m_hasItems; // per open container: something written yet
    int m_indent;
    bool m_afterKey = false;
};
