#include "TemplateParser.h"

#include <algorithm>

namespace {

bool isSpace(QChar c)
{
    return c.isSpace();
}

// Marketo's scopes are single words; anything else between "{{" and the dot means the
// text was not meant as a token (or was mistyped), and rendering it literally is safer
// than guessing.
bool isScopeWord(QStringView s)
{
    if (s.isEmpty()) {
        return false;
    }
    for (QChar c : s) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_'))) {
            return false;
        }
    }
    return true;
}

struct Parser
{
    const QString& src;
    QList<TemplatePart> parts;
    int literalStart = 0;

    void flushLiteral(int end)
    {
        if (end > literalStart) {
            TemplatePart p;
            p.kind = TemplatePart::Kind::Literal;
            p.offset = literalStart;
            p.length = end - literalStart;
            p.text = src.mid(literalStart, end - literalStart);
            parts.append(std::move(p));
        }
    }

    // Ends the literal run before `start` and appends the part from start to end.
    TemplatePart& addPart(TemplatePart::Kind kind, int start, int end)
    {
        flushLiteral(start);
        TemplatePart p;
        p.kind = kind;
        p.offset = start;
        p.length = end - start;
        p.text = src.mid(start, end - start);
        parts.append(std::move(p));
        literalStart = end;
        return parts.last();
    }

    void addMalformed(int start, int end, const QString& problem)
    {
        addPart(TemplatePart::Kind::Malformed, start, end).problem = problem;
    }

    // `start` is the first "{", `contentEnd` the first "}" of the closing pair.
    void addToken(int start, int contentEnd)
    {
        const int end = contentEnd + 2;
        const QStringView content = QStringView(src).mid(start + 2, contentEnd - start - 2);
        if (content.isEmpty()) {
            addMalformed(start, end, TemplateParser::tr("not a token: empty braces; write {{scope.Name}}"));
            return;
        }
        if (isSpace(content.front())) {
            addMalformed(start, end, TemplateParser::tr("not a token: remove the spaces inside the braces"));
            return;
        }
        const int dot = int(content.indexOf(QLatin1Char('.')));
        if (dot < 0) {
            addMalformed(start,
                         end,
                         TemplateParser::tr("not a token: missing scope and dot; write {{scope.Name}}, "
                                            "e.g. {{lead.Email Address}}"));
            return;
        }
        const QStringView scope = content.left(dot);
        if (scope.isEmpty()) {
            addMalformed(
                start, end, TemplateParser::tr("not a token: missing scope before the dot, e.g. {{lead.Name}}"));
            return;
        }
        if (!isScopeWord(scope)) {
            const bool spaces = std::any_of(scope.begin(), scope.end(), [](QChar c) { return c.isSpace(); });
            addMalformed(start,
                         end,
                         spaces ? TemplateParser::tr("not a token: remove the spaces inside the braces")
                                : TemplateParser::tr("not a token: the scope must be one word such as lead, "
                                                     "company, my or system"));
            return;
        }
        QStringView rest = content.mid(dot + 1);
        TokenRef ref;
        const qsizetype def = rest.indexOf(QLatin1String(":default="), 0, Qt::CaseInsensitive);
        QStringView name = rest;
        if (def >= 0) {
            name = rest.left(def);
            ref.hasDefault = true;
            ref.defaultValue = rest.mid(def + 9).toString();
        }
        if (name.isEmpty()) {
            addMalformed(start, end, TemplateParser::tr("not a token: the name after the dot is empty"));
            return;
        }
        if (isSpace(name.front()) || isSpace(name.back())) {
            addMalformed(start, end, TemplateParser::tr("not a token: remove the spaces inside the braces"));
            return;
        }
        ref.scope = scope.toString();
        ref.name = name.toString();

        addPart(TemplatePart::Kind::Token, start, end).token = std::move(ref);
    }

    void run()
    {
        const int n = int(src.size());
        const QChar* s = src.constData();
        int i = 0;
        while (i < n) {
            // QStringView::indexOf is vectorised; a 10 MB template is mostly this call.
            const qsizetype brace = QStringView(src).indexOf(QLatin1Char('{'), i);
            if (brace < 0) {
                break;
            }
            int b = int(brace);
            if (b + 1 >= n || s[b + 1] != QLatin1Char('{')) {
                i = b + 1;
                continue;
            }
            // In a run of braces ("{{{" in JSON), the token opens at the last two, so the
            // extra braces stay literal JSON.
            int k = b + 2;
            while (k < n && s[k] == QLatin1Char('{')) {
                ++k;
            }
            const int start = k - 2;
            // Scan the content once: it ends at the first "}}", and a newline or a fresh
            // "{{" before that means this opening is unclosed. Every character is looked
            // at once, so parsing stays linear however the braces nest.
            int j = k;
            int close = -1;
            while (j < n) {
                const QChar c = s[j];
                if (c == QLatin1Char('}') && j + 1 < n && s[j + 1] == QLatin1Char('}')) {
                    close = j;
                    break;
                }
                if (c == QLatin1Char('\n') || c == QLatin1Char('\r')
                    || (c == QLatin1Char('{') && j + 1 < n && s[j + 1] == QLatin1Char('{'))) {
                    break;
                }
                ++j;
            }
            if (close < 0) {
                addMalformed(start, j, TemplateParser::tr("not a token: \"{{\" is never closed with \"}}\""));
                i = j;
                continue;
            }
            addToken(start, close);
            i = close + 2;
        }
        flushLiteral(n);
    }
};

} // namespace

QString TokenRef::text() const
{
    QString out = QStringLiteral("{{") + scope + QLatin1Char('.') + name;
    if (hasDefault) {
        out += QStringLiteral(":default=") + defaultValue;
    }
    return out + QStringLiteral("}}");
}

QList<TemplatePart> TemplateParser::parse(const QString& text)
{
    Parser p {text, {}, 0};
    p.run();
    return std::move(p.parts);
}
