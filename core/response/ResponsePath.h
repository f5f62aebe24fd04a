#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// One step of a response path: a key (JSON) or element name (XML), followed by zero or
// more indexes. `offset`/`length` locate the key in the path text, for diagnostics.
struct ResponsePathStep
{
    QString key;
    QList<int> indexes;
    int offset = 0;
    int length = 0;
};

// A Marketo Response Attribute parsed into steps.
//
// JSON syntax: dot-separated keys, each optionally followed by integer indexes:
// `foo`, `orders[0].orderDate`, `a.b[2][0].c`. Keys hold only letters, digits, `-`, `_`,
// `:` and whitespace; indexes are whole numbers 0 or more, never strings.
// XML syntax: the root element first, then child elements, dot-separated; each element
// may carry one index among its same-named siblings (`elementList.element[1].foo`);
// no step means the first one. Attributes cannot be addressed.
//
// Parsing never fails hard: an invalid path carries an error message a marketer can
// act on and the 0-based character position where the problem starts.
class ResponsePath
{
public:
    enum class Syntax { Json, Xml };

    ResponsePath() = default;
    static ResponsePath parse(const QString& text, Syntax syntax);

    bool isValid() const { return m_error.isEmpty(); }
    const QString& text() const { return m_text; }
    Syntax syntax() const { return m_syntax; }
    const QList<ResponsePathStep>& steps() const { return m_steps; }
    // Empty when valid.
    const QString& error() const { return m_error; }
    // 0-based character offset and length of the problem in text(); -1 when valid.
    int errorOffset() const { return m_errorOffset; }
    int errorLength() const { return m_errorLength; }

    // The key characters Marketo can address in a JSON path.
    static bool isJsonKeyChar(QChar c);

private:
    void fail(int offset, int length, const QString& message);

    QString m_text;
    Syntax m_syntax = Syntax::Json;
    QList<ResponsePathStep> m_steps;
    QString m_error;
    int m_errorOffset = -1;
    int m_errorLength = 0;

    Q_DECLARE_TR_FUNCTIONS(ResponsePath) // last: it ends in private:
};
