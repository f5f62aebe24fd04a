#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// Why a Marketo call did not give a result, in words a marketer can act on.
//
// Marketo answers most errors with HTTP 200 and {"success": false, "errors": [{"code",
// "message"}]}; fromErrors() turns such an answer into a problem. Codes and what they mean:
//   601, 602        access token invalid or expired (the client fetches a new one once)
//   603             access denied: the API user's role lacks a permission
//   604, 611, 615   timeout, system error, too many concurrent calls: retry later
//   606             more than 100 calls in 20 s (the client backs off)
//   607             the daily quota is used up: stop
//   1003, 1013      a bad value, an object that does not exist
struct MarketoProblem
{
    enum class Kind {
        None,
        Refused,   // Marketo answered, and said no (a code, or bad credentials)
        Transport, // no usable answer: HTTP error, network, TLS, timeout, not JSON
        Cancelled,
    };

    Kind kind = Kind::None;
    QString code; // Marketo's code ("606"), or empty
    QString message;

    bool isNone() const { return kind == Kind::None; }
    // Codes worth another try after a pause.
    bool isTransient() const;
    bool isTokenProblem() const { return code == QLatin1String("601") || code == QLatin1String("602"); }

    // The first error of a {"success": false, ...} answer; `what` names the call ("the
    // lead fields", "static list 1001") and `permission` the role permission it needs.
    static MarketoProblem fromErrors(const QJsonObject& body, const QString& what, const QString& permission);
    static MarketoProblem refused(const QString& code, const QString& message);
    static MarketoProblem transport(const QString& message);
    static MarketoProblem cancelled();

    // "Marketo error 606: ..." or the transport message.
    QString toString() const;

    Q_DECLARE_TR_FUNCTIONS(MarketoProblem) // last: it ends in private:
};
