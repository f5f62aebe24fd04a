#pragma once

#include "model/Webhook.h"
#include "template/TokenResolver.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

// Marketo's request token encodings, appending UTF-8 bytes straight
// into the request being built so a render allocates nothing per token.
//
// Payload template, by TokenValue::Kind:
//   None:     the text raw; missing values add nothing.
//   JSON:     String -> a JSON string literal with its quotes (escapes `"` `\` and control
//             characters: \n \r \t \b \f, others \u00XX; other Unicode stays UTF-8);
//             Number and Boolean bare; Missing -> null.
//   Form/Url: application/x-www-form-urlencoded: UTF-8, A-Z a-z 0-9 - . _ * kept, space
//             -> '+', every other byte %XX (upper-case); missing adds nothing.
// URL: the value as a URL component: A-Z a-z 0-9 - . _ ~ kept, every other UTF-8 byte
// %XX (space -> %20). Header values are raw.
class TokenEncoder
{
public:
    static void appendBody(QByteArray& out, const TokenValue& value, TokenEncoding encoding);
    static QByteArray encodeBody(const TokenValue& value, TokenEncoding encoding);

    static void appendUrlComponent(QString& out, const QString& text);

    // Raw writers for a caller that manages its own buffer: bodySize() is exactly what
    // writeBody() writes at p, which returns the new end.
    static qsizetype bodySize(const TokenValue& value, TokenEncoding encoding);
    static char* writeBody(char* p, const TokenValue& value, TokenEncoding encoding);

    static QByteArray jsonString(QStringView text); // with quotes
    static QByteArray formUrl(QStringView text);
    static QString urlComponent(QStringView text);
};
