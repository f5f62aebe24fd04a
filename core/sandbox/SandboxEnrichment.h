#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The sandbox's made-up company data: the same email always yields the same company, so
// a designer's preview and a test's expectations are stable. Only the email's domain
// matters; the data has strings, numbers, a boolean and an array so that every kind of
// response mapping can be tried on it.
class SandboxEnrichment
{
public:
    // {"company","industry","employees","annualRevenue","website","domain","tags":[...],
    // "public"}; an empty object when the email has no domain.
    static QJsonObject forEmail(const QString& email);
    // The same data in the shape a vendor's next version might answer with, so that shape
    // drift can be seen for real: "industry" removed, "employees" a string now, "founded"
    // (a number) added; the other members as before.
    static QJsonObject shapeV2(const QJsonObject& data);
    // <enrichment><data>...</data></enrichment>, tags as <tags><tag>..</tag></tags>.
    static QByteArray toXml(const QJsonObject& data);
};
