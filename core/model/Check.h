#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// One assertion a webhook carries in the workspace file ("checks"), judged after every
// call: in the window, in a batch run and by the CLI's `test`. A webhook without checks
// is judged by one implicit check, status 2xx (Webhook::effectiveChecks()).
struct Check
{
    enum class Kind {
        Status,       // {"status": "2xx"} or an exact code, "201"
        FieldEquals,  // {"field": API name, "equals": text}: the value written
        FieldMatches, // {"field": API name, "matches": regex}
        FieldWritten, // {"field": API name, "written": true|false}
        PathExists,   // {"path": response attribute, "exists": true|false}
        PathEquals,   // {"path": response attribute, "equals": text}
        PathMatches,  // {"path": response attribute, "matches": regex}
        LatencyBelow, // {"latencyBelowMs": 500}
    };

    Kind kind = Kind::Status;
    QString name;     // optional; shown instead of the description
    QString target;   // the status ("2xx", "201"), the field's API name or the path
    QString expected; // the text or pattern of equals and matches
    bool flag = true; // written, exists
    int latencyMs = 0;
    QJsonObject extra; // unknown keys from the file, kept on save

    static Check status(const QString& status);

    bool isFieldCheck() const;
    bool isPathCheck() const;

    // What the check asserts, in words: "status is 2xx", "Company equals “Acme”".
    QString description() const;
    // The name when there is one, else the description.
    QString title() const;
    // Why the check cannot be judged (an invalid status, pattern or latency), for the
    // user; empty when it is sound.
    QString problem() const;

    bool operator==(const Check& other) const;
    bool operator!=(const Check& other) const { return !(*this == other); }

    Q_DECLARE_TR_FUNCTIONS(Check) // last: it ends in private:
};
