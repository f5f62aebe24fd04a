#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// A token as written in a template: {{scope.Name}} or {{scope.Name:default=fallback}}.
struct TokenRef
{
    QString scope; // as written, e.g. "lead" or "Company"
    QString name;  // as written, e.g. "Email Address"
    bool hasDefault = false;
    QString defaultValue;

    QString text() const; // the canonical {{scope.name[:default=...]}}
};

// One piece of a parsed template: literal text, a token, or something that looks like a
// token but is not one (e.g. "{{ lead.x }}" with spaces inside the braces, an unclosed
// "{{", a token with no scope). Offsets and lengths are in QChars of the source text.
struct TemplatePart
{
    enum class Kind { Literal, Token, Malformed };

    Kind kind = Kind::Literal;
    int offset = 0;
    int length = 0;
    QString text;    // the source text of this part, braces included for tokens
    TokenRef token;  // for Kind::Token
    QString problem; // for Kind::Malformed: why it is not a token, for the user
};

// Splits a template (URL, payload, header value) into literal text and tokens, in one
// pass, never failing: malformed token-like text is reported as Kind::Malformed and is
// rendered as literal text by the renderer.
class TemplateParser
{
public:
    static QList<TemplatePart> parse(const QString& text);

    Q_DECLARE_TR_FUNCTIONS(TemplateParser) // last: it ends in private:
};
