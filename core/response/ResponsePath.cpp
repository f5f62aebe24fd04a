#include "ResponsePath.h"

#include <limits>

namespace {
QString describe(QChar c)
{
    if (c == QLatin1Char(' ')) {
        return ResponsePath::tr("a space");
    }
    if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
        return ResponsePath::tr("the control character U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
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
    m_error = ResponsePath::tr("%1 (character %2)").arg(message).arg(offset + 1);
}

namespace {

// A problem found while reading a path: where it is and what to say.
struct PathProblem
{
    int offset = -1;
    int length = 0;
    QString message;

    bool found() const { return offset >= 0; }
};

QString unaddressable(QChar c, bool xml, const QString& keyWord)
{
    if (c == QLatin1Char('@')) {
        return ResponsePath::tr("Attributes cannot be addressed: Marketo only reads element text");
    }
    if (xml && c.isSpace()) {
        return ResponsePath::tr("An XML element name cannot contain %1").arg(describe(c));
    }
    if (c == QLatin1Char(']')) {
        return ResponsePath::tr("']' without a matching '['");
    }
    if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
        return ResponsePath::tr("Quotes are not allowed: write %1s bare, e.g. data.company").arg(keyWord);
    }
    if (c == QLatin1Char('*')) {
        return ResponsePath::tr("Wildcards are not supported: each step names one %1").arg(keyWord);
    }
    if (c == QLatin1Char('$') || c == QLatin1Char('?') || c == QLatin1Char('(')) {
        return ResponsePath::tr("Filters and expressions are not supported: write a plain path like orders[0].id");
    }
    if (xml) {
        return ResponsePath::tr("%1 cannot appear in an element name that Marketo can address").arg(describe(c));
    }
    return ResponsePath::tr("Marketo cannot address a key containing %1: keys may hold only letters, digits, -, _, : "
                            "and spaces")
        .arg(describe(c));
}

// Reads the key or element name of a step from *i up to a '.' or '['.
PathProblem readKey(const QString& text, bool xml, const QString& keyWord, int* i, ResponsePathStep* step)
{
    const int n = int(text.size());
    step->offset = *i;
    // Why a loop with explicit checks instead of a regular expression: every way a path
    // can go wrong gets its own message at its own position.
    for (; *i < n; ++*i) {
        const QChar c = text.at(*i);
        if (c == QLatin1Char('.') || c == QLatin1Char('[')) {
            break;
        }
        if (!(xml ? isXmlNameChar(c) : ResponsePath::isJsonKeyChar(c))) {
            return {*i, 1, unaddressable(c, xml, keyWord)};
        }
        if (xml && *i == step->offset && (c.isDigit() || c == QLatin1Char('-'))) {
            return {*i, 1, ResponsePath::tr("An XML element name cannot start with %1").arg(describe(c))};
        }
    }
    step->length = *i - step->offset;
    step->key = text.mid(step->offset, step->length);
    if (!step->key.isEmpty()) {
        return {};
    }
    if (*i < n && text.at(*i) == QLatin1Char('[')) {
        return {*i, 1, ResponsePath::tr("An index must follow a %1, e.g. orders[0]").arg(keyWord)};
    }
    if (step->offset == 0) {
        return {*i, 1, ResponsePath::tr("The path starts with a dot: begin with a %1").arg(keyWord)};
    }
    return {*i - 1, 1, ResponsePath::tr("Empty %1: two dots in a row, or a dot at the end").arg(keyWord)};
}

// Reads the [n] indexes after a key, from *i.
PathProblem readIndexes(const QString& text, bool xml, int* i, ResponsePathStep* step)
{
    const int n = int(text.size());
    while (*i < n && text.at(*i) == QLatin1Char('[')) {
        const int open = (*i)++;
        if (*i < n && (text.at(*i) == QLatin1Char('"') || text.at(*i) == QLatin1Char('\''))) {
            return {open,
                    2,
                    ResponsePath::tr("An index must be a whole number like [0]; Marketo cannot address a key in "
                                     "brackets like [\"name\"]: write .name instead")};
        }
        if (*i < n && text.at(*i) == QLatin1Char('-')) {
            return {*i, 1, ResponsePath::tr("An index cannot be negative: [0] is the first item")};
        }
        const int digitsStart = *i;
        qint64 value = 0;
        while (*i < n && text.at(*i).unicode() >= '0' && text.at(*i).unicode() <= '9') {
            value = value * 10 + (text.at(*i).unicode() - '0');
            if (value > std::numeric_limits<int>::max()) {
                return {digitsStart, *i - digitsStart + 1, ResponsePath::tr("The index is too large")};
            }
            ++*i;
        }
        if (*i == digitsStart) {
            return {*i, 1, ResponsePath::tr("An index must be a whole number like [0]")};
        }
        if (*i >= n || text.at(*i) != QLatin1Char(']')) {
            return {*i, 1, ResponsePath::tr("Expected ']' to close the index")};
        }
        ++*i;
        if (xml && !step->indexes.isEmpty()) {
            return {open,
                    *i - open,
                    ResponsePath::tr("An XML element takes one index among its same-named siblings, e.g. "
                                     "list.item[1]")};
        }
        step->indexes.append(int(value));
    }
    return {};
}

// After a step: the end of the path, or a '.' and another step. *done at the end.
PathProblem readSeparator(const QString& text, const QString& keyWord, int* i, bool* done)
{
    const int n = int(text.size());
    *done = *i >= n;
    if (*done) {
        return {};
    }
    if (text.at(*i) != QLatin1Char('.')) {
        return {*i, 1, ResponsePath::tr("Expected '.' or '[' after ']', found %1").arg(describe(text.at(*i)))};
    }
    ++*i;
    if (*i >= n) {
        return {*i - 1, 1, ResponsePath::tr("The path ends with a dot: a %1 must follow it").arg(keyWord)};
    }
    return {};
}

} // namespace

ResponsePath ResponsePath::parse(const QString& text, Syntax syntax)
{
    ResponsePath p;
    p.m_text = text;
    p.m_syntax = syntax;
    const bool xml = syntax == Syntax::Xml;
    const QString keyWord = xml ? tr("element name") : tr("key");

    if (text.trimmed().isEmpty()) {
        p.fail(0,
               int(text.size()),
               tr("The Response Attribute is empty: write the path to a value, e.g. %1")
                   .arg(xml ? QStringLiteral("response.company") : QStringLiteral("data.company")));
        return p;
    }
    int i = 0;
    for (bool done = false; !done;) {
        ResponsePathStep step;
        PathProblem problem = readKey(text, xml, keyWord, &i, &step);
        if (!problem.found()) {
            problem = readIndexes(text, xml, &i, &step);
        }
        if (!problem.found()) {
            p.m_steps.append(step);
            problem = readSeparator(text, keyWord, &i, &done);
        }
        if (problem.found()) {
            p.fail(problem.offset, problem.length, problem.message);
            return p;
        }
    }
    return p;
}
