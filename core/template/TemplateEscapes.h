#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// The backslash escapes Marketo processes in a payload template's literal text before
// sending: \b \t \n \f \r \\ \" \' become their characters; any
// other backslash sequence, including a lone backslash at the end, is rejected. Token
// values are never escape-processed, and URL and header text are not processed at all.
class TemplateEscapes
{
public:
    struct Error
    {
        int offset = 0; // of the backslash, in the source text
        int length = 0; // the rejected sequence: 2, or 1 for a backslash at the very end
        QString message;
    };

    // Processes source[from, to). A backslash at to - 1 pairs with source[to] (the
    // character after the literal, e.g. the "{" of a token), so "\{{lead.x}}" is
    // reported as the sequence "\{". A rejected sequence is kept as written.
    static QString process(const QString& source, int from, int to, QList<Error>* errors);
    static QString process(const QString& source, QList<Error>* errors)
    {
        return process(source, 0, int(source.size()), errors);
    }

    Q_DECLARE_TR_FUNCTIONS(TemplateEscapes) // last: it ends in private:
};
