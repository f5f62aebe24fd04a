#pragma once

#include "model/Webhook.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Turns a curl command into the webhook that sends the same request, as curl itself would
// read the options (see the .cpp's option table): the request type, the URL, the custom
// headers in order, and the body. Headers curl adds because of a data option
// (Content-Type, and Accept for --json) become custom headers, since Marketo adds none;
// the ones curl adds to every request (User-Agent: curl/…, Accept: */*) are left out.
// Options that only change what curl prints or how it connects are accepted, each with a
// note saying what it means for the webhook.
//
// What Marketo cannot send is refused with the reason: multipart forms (-F), uploads
// (-T), HEAD and request types other than GET, POST, PUT, PATCH and DELETE, a body on GET,
// @file data that cannot be read, a body that is not UTF-8 text, and options the import
// does not know (an unknown option may take a value, so guessing would be wrong).
//
// The body becomes the payload template with its backslashes doubled, since Marketo
// processes backslash escapes in the template; the webhook renders to the same bytes.
class CurlImport
{
public:
    CurlImport();

    // Where "@file" data is read from when the name is relative; the current directory
    // when empty.
    void setBaseDirectory(const QString& directory);
    // Parses a command; false with a reason a marketer can act on.
    bool parse(const QString& command, QString* error = nullptr);

    // After a successful parse(): the webhook (named after host and path), and notes on
    // what the options mean here.
    const Webhook& webhook() const { return m_webhook; }
    const QStringList& notes() const { return m_notes; }

    // curl's encoding for --data-urlencode: A-Z a-z 0-9 - . _ ~ kept, a space "+", every
    // other byte %XX in upper case.
    static QByteArray percentEncode(const QByteArray& bytes);
    // Text as a payload template that renders to exactly this text: backslashes doubled.
    static QString templateText(const QString& text);

private:
    struct Data
    {
        QByteArray bytes;
        bool json = false;
    };

    bool readFile(const QString& name, QByteArray* bytes, QString* error) const;
    bool dataValue(const QString& option, const QString& value, Data* data, QString* error) const;
    bool build(const QString& url, QString method, const QList<Data>& data, QString* error);
    bool hasHeader(const char* name) const;
    void addHeader(const QString& name, const QString& value);

    QString m_baseDirectory;
    Webhook m_webhook;
    QStringList m_notes;
    bool m_get = false;
    QList<QPair<QString, QString>> m_headers;

    Q_DECLARE_TR_FUNCTIONS(CurlImport) // last: it ends in private:
};
