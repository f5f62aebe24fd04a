#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

// How a request or response body is shown: which lexer, which pretty-printer, which tree.
enum class BodyFormat { Text, Json, Xml, Form };

// Pure functions that detect and pretty-print bodies. Thread-safe and allocation-light, so
// the panes can run them on a worker thread for a 50 MB response.
//
// Pretty-printing never changes what a body says: the JSON printer only re-indents
// (strings, numbers and key order stay exactly as received, unlike a QJsonDocument round
// trip), and a body that is not well-formed comes back unchanged with `error` set.
class BodyFormatter
{
public:
    struct Pretty
    {
        QByteArray text;
        QString error; // empty when the body was well-formed
    };

    // From a Content-Type value ("application/json; charset=utf-8", "text/xml", ...), else
    // from the first non-blank byte of the body.
    static BodyFormat detect(const QByteArray& contentType, const QByteArray& body);
    // The Content-Type value among headers (case-insensitive name), or empty.
    static QByteArray contentType(const QList<QPair<QByteArray, QByteArray>>& headers);

    // With a limit >= 0, printing stops once that many bytes are out (the view shows only
    // a capped prefix of a huge body); the result is then a prefix and `error` is not set
    // for problems past it.
    static Pretty pretty(const QByteArray& body, BodyFormat format, qsizetype limit = -1);
    static Pretty prettyJson(const QByteArray& body, qsizetype limit = -1);
    static Pretty prettyXml(const QByteArray& body, qsizetype limit = -1);
    // One "name = value" line per pair (FormBody::decode()), for reading a form body.
    static Pretty prettyForm(const QByteArray& body);

    // The longest prefix of at most maxBytes that does not cut a UTF-8 sequence.
    static QByteArray utf8Prefix(const QByteArray& bytes, qsizetype maxBytes);
    // "512 B", "12.3 KiB", "50.0 MiB", "1.5 GiB".
    static QString sizeText(qint64 bytes);

    Q_DECLARE_TR_FUNCTIONS(BodyFormatter) // last: it ends in private:
};
