#include "ResponsePath.h"

#include <limits>

namespace {
QString describe(QChar c)
{
    if (c == QLatin1Char(' ')) {
        return QStringLiteral("a space");
    }
    if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
        return QStringLiteral("the control character U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return QStringLiteral("'%1'").arg(c);
}

bool isXmlNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char(':');
}
} // namespace

bool ResponsePath::isJsonKeyChar(QChar c)
{
    // Letters and decimal digits only: isLetterOrNumber() would also let through
    // superscripts, fractions and Roman numerals ("x²", "½"), which are not digits.
    return c.isLetter() || c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char(':')
           || c.isSpace();
}

void ResponsePath::fail(int offset, int length, const QString& message)
{
    m_steps.clear();
    m_errorOffset = offset;
    m_errorLength = qMax(1, length);
    // Positions are 1-based for people; errorOffset() stays 0-based for editors.
    m_error = QStringLiteral("%1 (character %2)").arg(message).arg(offset + 1);
}

ResponsePath ResponsePath::parse(const QString& text, Syntax syntax)
{
    ResponsePath p;
    p.m_text = text;
    p.m_syntax = syntax;
    const bool xml = syntax == Syntax::Xml;
    const QString keyWord = xml ? QStringLiteral("element name") : QStringLiteral("key");
    const int n = int(text.size());

    if (text.trimmed().isEmpty()) {
        p.fail(0,
               n,
               QStringLiteral("The Response Attribute is empty: write the path to a value, e.g. %1")
                   .arg(xml ? QStringLiteral("response.company") : QStringLiteral("data.company")));
        return p;
    }

    int i = 0;
    for (;;) {
        ResponsePathStep step;
        step.offset = i;
        // Why a loop with explicit checks instead of a regular expression: every way a
        // path can go wrong gets its own message at its own position.
        while (i < n) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('.') || c == QLatin1Char('[')) {
                break;
            }
            const bool ok = xml ? isXmlNameChar(c) : isJsonKeyChar(c);
            if (ok) {
                if (xml && i == step.offset && (c.isDigit() || c == QLatin1Char('-'))) {
                    p.fail(i, 1, QStringLiteral("An XML element name cannot start with %1").arg(describe(c)));
                    return p;
                }
                ++i;
                continue;
            }
            QString message;
            if (c == QLatin1Char('@')) {
                message = QStringLiteral("Attributes cannot be addressed: Marketo only reads element text");
            } else if (xml && c.isSpace()) {
                message = QStringLiteral("An XML element name cannot contain %1").arg(describe(c));
            } else if (c == QLatin1Char(']')) {
                message = QStringLiteral("']' without a matching '['");
            } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                message = QStringLiteral("Quotes are not allowed: write %1s bare, e.g. data.company").arg(keyWord);
            } else if (c == QLatin1Char('*')) {
                message = QStringLiteral("Wildcards are not supported: each step names one %1").arg(keyWord);
            } else if (c == QLatin1Char('$') || c == QLatin1Char('?') || c == QLatin1Char('(')) {
                message = QStringLiteral("Filters and expressions are not supported: write a plain path like "
                                         "orders[0].id");
            } else if (xml) {
                message =
                    QStringLiteral("%1 cannot appear in an element name that Marketo can address").arg(describe(c));
            } else {
                message = QStringLiteral("Marketo cannot address a key containing %1: keys may hold only "
                                         "letters, digits, -, _, : and spaces")
                              .arg(describe(c));
            }
            p.fail(i, 1, message);
            return p;
        }
        step.length = i - step.offset;
        step.key = text.mid(step.offset, step.length);
        if (step.key.isEmpty()) {
            if (i < n && text.at(i) == QLatin1Char('[')) {
                p.fail(i, 1, QStringLiteral("An index must follow a %1, e.g. orders[0]").arg(keyWord));
            } else if (step.offset == 0) {
                p.fail(i, 1, QStringLiteral("The path starts with a dot: begin with a %1").arg(keyWord));
            } else {
                p.fail(i - 1, 1, QStringLiteral("Empty %1: two dots in a row, or a dot at the end").arg(keyWord));
            }
            return p;
        }

        while (i < n && text.at(i) == QLatin1Char('[')) {
            const int open = i++;
            if (i < n && (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\''))) {
                p.fail(open,
                       2,
                       QStringLiteral("An index must be a whole number like [0]; Marketo cannot address a "
                                      "key in brackets like [\"name\"]: write .name instead"));
                return p;
            }
            if (i < n && text.at(i) == QLatin1Char('-')) {
                p.fail(i, 1, QStringLiteral("An index cannot be negative: [0] is the first item"));
                return p;
            }
            const int digitsStart = i;
            qint64 value = 0;
            while (i < n && text.at(i).unicode() >= '0' && text.at(i).unicode() <= '9') {
                value = value * 10 + (text.at(i).unicode() - '0');
                if (value > std::numeric_limits<int>::max()) {
                    p.fail(digitsStart, i - digitsStart + 1, QStringLiteral("The index is too large"));
                    return p;
                }
                ++i;
            }
            if (i == digitsStart) {
                p.fail(i, 1, QStringLiteral("An index must be a whole number like [0]"));
                return p;
            }
            if (i >= n || text.at(i) != QLatin1Char(']')) {
                p.fail(i, 1, QStringLiteral("Expected ']' to close the index"));
                return p;
            }
            ++i;
            if (xml && !step.indexes.isEmpty()) {
                p.fail(open,
                       i - open,
                       QStringLiteral("An XML element takes one index among its same-named siblings, "
                                      "e.g. list.item[1]"));
                return p;
            }
            step.indexes.append(int(value));
        }
        p.m_steps.append(step);

        if (i >= n) {
            break;
        }
        if (text.at(i) != QLatin1Char('.')) {
            p.fail(i, 1, QStringLiteral("Expected '.' or '[' after ']', found %1").arg(describe(text.at(i))));
            return p;
        }
        ++i;
        if (i >= n) {
            p.fail(i - 1, 1, QStringLiteral("The path ends with a dot: a %1 must follow it").arg(keyWord));
            return p;
        }
    }
    return p;
}
