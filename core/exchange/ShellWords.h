#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Splits a command line into words the way the shell that runs it would, for commands
// copied from documentation and from browsers' "Copy as cURL".
//
// POSIX (sh, bash): words end at unquoted blanks and newlines; '…' keeps everything
// literally; "…" keeps everything but \" \\ \$ \` and backslash-newline, which lose their
// backslash; $'…' is an ANSI-C string (\n \t \r \a \b \e \f \v \\ \' \" \? \xHH \uHHHH
// \UHHHHHHHH and octal \NNN); an unquoted backslash makes the next character literal, and
// backslash-newline joins lines. Variables, globs and command substitution are not
// expanded: $HOME stays "$HOME".
//
// Windows cmd ("Copy as cURL (cmd)"): chosen when the text holds ^" or a line ending in ^.
// The caret makes the next character literal and ^ at the end of a line joins it with the
// next; the result is split as the C runtime splits a command line: "…" groups, \" is a
// literal quote, backslashes are literal unless they precede a quote.
class ShellWords
{
public:
    // False with the reason (an unterminated quote) when the text cannot be split.
    static bool split(const QString& command, QStringList* words, QString* error = nullptr);
    // Whether the text is written for Windows cmd rather than a POSIX shell.
    static bool isWindowsCommand(const QString& command);

private:
    static bool splitPosix(const QString& command, QStringList* words, QString* error);
    static bool splitWindows(const QString& command, QStringList* words, QString* error);

    Q_DECLARE_TR_FUNCTIONS(ShellWords) // last: it ends in private:
};
