#include "ShellWords.h"

#include <QRegularExpression>

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9') {
        return u - '0';
    }
    if (u >= 'a' && u <= 'f') {
        return u - 'a' + 10;
    }
    if (u >= 'A' && u <= 'F') {
        return u - 'A' + 10;
    }
    return -1;
}

// Reads up to maxDigits digits of the base at text[*i]; -1 when there is none.
int readNumber(const QString& text, qsizetype* i, int maxDigits, int base)
{
    int value = -1;
    for (int n = 0; n < maxDigits && *i < text.size(); ++n) {
        const int digit = hexValue(text.at(*i));
        if (digit < 0 || digit >= base) {
            break;
        }
        value = (value < 0 ? 0 : value) * base + digit;
        ++*i;
    }
    return value;
}

// One escape of a $'…' string, after its backslash at text[*i - 1]. Bytes from \x and
// octal escapes collect in `bytes`, so that a UTF-8 sequence written byte by byte (as
// browsers write it) becomes one character.
void ansiEscape(const QString& text, qsizetype* i, QString* word, QByteArray* bytes)
{
    const auto flush = [&] {
        if (!bytes->isEmpty()) {
            *word += QString::fromUtf8(*bytes);
            bytes->clear();
        }
    };
    if (*i >= text.size()) {
        flush();
        *word += QLatin1Char('\\');
        return;
    }
    const QChar c = text.at((*i)++);
    switch (c.unicode()) {
    case 'x': {
        const int value = readNumber(text, i, 2, 16);
        if (value < 0) {
            flush();
            *word += QStringLiteral("\\x");
        } else {
            bytes->append(char(value));
        }
        return;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        --*i;
        bytes->append(char(readNumber(text, i, 3, 8) & 0xFF));
        return;
    }
    default:
        break;
    }
    flush();
    switch (c.unicode()) {
    case 'n':
        *word += QLatin1Char('\n');
        break;
    case 't':
        *word += QLatin1Char('\t');
        break;
    case 'r':
        *word += QLatin1Char('\r');
        break;
    case 'a':
        *word += QChar(0x07);
        break;
    case 'b':
        *word += QChar(0x08);
        break;
    case 'e':
    case 'E':
        *word += QChar(0x1B);
        break;
    case 'f':
        *word += QChar(0x0C);
        break;
    case 'v':
        *word += QChar(0x0B);
        break;
    case 'u':
    case 'U': {
        const int value = readNumber(text, i, c == QLatin1Char('u') ? 4 : 8, 16);
        if (value < 0) {
            *word += QLatin1Char('\\') + c;
        } else {
            const char32_t code = char32_t(value);
            *word += QString::fromUcs4(&code, 1);
        }
        break;
    }
    case '\\':
    case '\'':
    case '"':
    case '?':
        *word += c;
        break;
    default:
        *word += QLatin1Char('\\') + c;
        break;
    }
}

} // namespace

bool ShellWords::isWindowsCommand(const QString& command)
{
    static const QRegularExpression caretAtLineEnd(QStringLiteral("\\^\\r?\\n"));
    return command.contains(QStringLiteral("^\"")) || command.contains(caretAtLineEnd);
}

bool ShellWords::split(const QString& command, QStringList* words, QString* error)
{
    QStringList result;
    const bool ok =
        isWindowsCommand(command) ? splitWindows(command, &result, error) : splitPosix(command, &result, error);
    if (ok && words) {
        *words = result;
    }
    return ok;
}

bool ShellWords::splitPosix(const QString& text, QStringList* words, QString* error)
{
    QString word;
    bool inWord = false;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (isBlank(c)) {
            if (inWord) {
                words->append(word);
                word.clear();
                inWord = false;
            }
            ++i;
            continue;
        }
        if (c == QLatin1Char('\\')) {
            if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
                i += 2;
            } else if (i + 2 < n && text.at(i + 1) == QLatin1Char('\r') && text.at(i + 2) == QLatin1Char('\n')) {
                i += 3;
            } else if (i + 1 < n) {
                word += text.at(i + 1);
                inWord = true;
                i += 2;
            } else {
                word += c;
                inWord = true;
                ++i;
            }
            continue;
        }
        if (c == QLatin1Char('\'')) {
            const qsizetype end = text.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0) {
                if (error) {
                    *error = tr("a single quote is not closed");
                }
                return false;
            }
            word += text.mid(i + 1, end - i - 1);
            inWord = true;
            i = end + 1;
            continue;
        }
        if (c == QLatin1Char('$') && i + 1 < n && text.at(i + 1) == QLatin1Char('\'')) {
            i += 2;
            QByteArray bytes;
            bool closed = false;
            while (i < n) {
                const QChar d = text.at(i++);
                if (d == QLatin1Char('\'')) {
                    closed = true;
                    break;
                }
                if (d == QLatin1Char('\\')) {
                    ansiEscape(text, &i, &word, &bytes);
                    continue;
                }
                if (!bytes.isEmpty()) {
                    word += QString::fromUtf8(bytes);
                    bytes.clear();
                }
                word += d;
            }
            if (!bytes.isEmpty()) {
                word += QString::fromUtf8(bytes);
            }
            if (!closed) {
                if (error) {
                    *error = tr("a $'…' string is not closed");
                }
                return false;
            }
            inWord = true;
            continue;
        }
        if (c == QLatin1Char('"')) {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar d = text.at(i++);
                if (d == QLatin1Char('"')) {
                    closed = true;
                    break;
                }
                if (d == QLatin1Char('\\') && i < n) {
                    const QChar e = text.at(i);
                    if (e == QLatin1Char('\n')) {
                        ++i;
                        continue;
                    }
                    if (e == QLatin1Char('"') || e == QLatin1Char('\\') || e == QLatin1Char('$')
                        || e == QLatin1Char('`')) {
                        word += e;
                        ++i;
                        continue;
                    }
                }
                word += d;
            }
            if (!closed) {
                if (error) {
                    *error = tr("a double quote is not closed");
                }
                return false;
            }
            inWord = true;
            continue;
        }
        word += c;
        inWord = true;
        ++i;
    }
    if (inWord) {
        words->append(word);
    }
    return true;
}

bool ShellWords::splitWindows(const QString& text, QStringList* words, QString* error)
{
    // cmd first: carets go, ^ at a line end joins the lines (the first character of the
    // next line is then literal, so ^ + two newlines is one newline in the word), and an
    // unescaped line break is a blank. `literal` marks characters cmd escaped.
    QString line;
    QList<bool> literal;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        QChar c = text.at(i);
        if (c == QLatin1Char('^') && i + 1 < n) {
            ++i;
            if (text.at(i) == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
                ++i;
            }
            if (text.at(i) == QLatin1Char('\n')) {
                if (i + 1 < n && (text.at(i + 1) == QLatin1Char('\n') || text.at(i + 1) == QLatin1Char('\r'))) {
                    i += text.at(i + 1) == QLatin1Char('\r') && i + 2 < n ? 2 : 1;
                    line += QLatin1Char('\n');
                    literal.append(true);
                }
                continue;
            }
            line += text.at(i);
            literal.append(true);
            continue;
        }
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            c = QLatin1Char(' ');
        }
        line += c;
        literal.append(false);
    }

    // Then the C runtime's rules.
    QString word;
    bool inWord = false;
    bool quoted = false;
    const qsizetype m = line.size();
    qsizetype i = 0;
    while (i < m) {
        const QChar c = line.at(i);
        if (!quoted && !literal.at(i) && isBlank(c)) {
            if (inWord) {
                words->append(word);
                word.clear();
                inWord = false;
            }
            ++i;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\\')) {
            qsizetype count = 0;
            while (i < m && line.at(i) == QLatin1Char('\\')) {
                ++count;
                ++i;
            }
            if (i < m && line.at(i) == QLatin1Char('"')) {
                word += QString(count / 2, QLatin1Char('\\'));
                if (count % 2 == 1) {
                    word += QLatin1Char('"');
                    ++i;
                }
            } else {
                word += QString(count, QLatin1Char('\\'));
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            ++i;
            continue;
        }
        word += c;
        ++i;
    }
    if (quoted) {
        if (error) {
            *error = tr("a double quote is not closed");
        }
        return false;
    }
    if (inWord) {
        words->append(word);
    }
    return true;
}
