#include "TemplateEscapes.h"

QString TemplateEscapes::process(const QString& source, int from, int to, QList<Error>* errors)
{
    const qsizetype firstBackslash = QStringView(source).mid(from, to - from).indexOf(QLatin1Char('\\'));
    if (firstBackslash < 0) {
        return source.mid(from, to - from);
    }
    QString out;
    out.reserve(to - from);
    out += QStringView(source).mid(from, firstBackslash);
    const int n = int(source.size());
    for (int i = from + int(firstBackslash); i < to; ++i) {
        const QChar c = source.at(i);
        if (c != QLatin1Char('\\')) {
            out += c;
            continue;
        }
        if (i + 1 >= n) {
            if (errors) {
                errors->append({i,
                                1,
                                tr("a lone backslash at the end of the template is rejected by "
                                   "Marketo; write \\\\ for a backslash")});
            }
            out += c;
            continue;
        }
        const QChar next = source.at(i + 1);
        QChar replacement;
        switch (next.unicode()) {
        case 'b':
            replacement = QChar(0x08);
            break;
        case 't':
            replacement = QLatin1Char('\t');
            break;
        case 'n':
            replacement = QLatin1Char('\n');
            break;
        case 'f':
            replacement = QChar(0x0C);
            break;
        case 'r':
            replacement = QLatin1Char('\r');
            break;
        case '\\':
        case '"':
        case '\'':
            replacement = next;
            break;
        default:
            break;
        }
        if (replacement.isNull()) {
            if (errors) {
                const QString shown = next == QLatin1Char('\n')   ? tr("a line break")
                                      : next == QLatin1Char('\r') ? tr("a carriage return")
                                                                  : QStringLiteral("\"%1\"").arg(next);
                errors->append({i,
                                2,
                                tr("backslash followed by %1 is rejected by Marketo: only \\b \\t \\n "
                                   "\\f \\r \\\\ \\\" \\' are allowed; write \\\\ for a backslash")
                                    .arg(shown)});
            }
            out += c;
            continue;
        }
        out += replacement;
        ++i;
    }
    return out;
}
