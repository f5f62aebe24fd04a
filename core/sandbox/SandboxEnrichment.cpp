#include "SandboxEnrichment.h"

#include "sandbox/StableHash.h"

#include <QJsonArray>
#include <QStringList>
#include <QXmlStreamWriter>

namespace {

QString companyName(const QString& domain, quint32 hash)
{
    static const QStringList suffixes = {QStringLiteral("Inc."),
                                         QStringLiteral("LLC"),
                                         QStringLiteral("Group"),
                                         QStringLiteral("Labs"),
                                         QStringLiteral("& Co.")};
    QString label = domain.section(QLatin1Char('.'), 0, 0);
    label.replace(QLatin1Char('-'), QLatin1Char(' '));
    QStringList words = label.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& word : words)
        word[0] = word[0].toUpper();
    return words.join(QLatin1Char(' ')) + QLatin1Char(' ') + suffixes.at(hash % suffixes.size());
}

} // namespace

QJsonObject SandboxEnrichment::forEmail(const QString& email)
{
    const int at = email.lastIndexOf(QLatin1Char('@'));
    const QString domain = email.mid(at + 1).trimmed().toLower();
    if (at < 1 || domain.isEmpty() || domain.startsWith(QLatin1Char('.')))
        return {};

    static const QStringList industries = {QStringLiteral("Software"),
                                           QStringLiteral("Manufacturing"),
                                           QStringLiteral("Healthcare"),
                                           QStringLiteral("Financial Services"),
                                           QStringLiteral("Retail"),
                                           QStringLiteral("Education"),
                                           QStringLiteral("Media & Entertainment")};
    static const QStringList tagPool = {QStringLiteral("b2b"),
                                        QStringLiteral("saas"),
                                        QStringLiteral("enterprise"),
                                        QStringLiteral("smb"),
                                        QStringLiteral("emea"),
                                        QStringLiteral("americas"),
                                        QStringLiteral("apac"),
                                        QStringLiteral("high-intent")};

    const quint32 hash = stableHash(domain.toUtf8());
    const int employees = 10 + static_cast<int>(hash % 9990);
    const qint64 revenuePerEmployee = 80000 + static_cast<qint64>((hash >> 8) % 170) * 1000;

    QJsonArray tags;
    const int tagCount = 2 + static_cast<int>((hash >> 4) % 2);
    for (int i = 0; i < tagCount; ++i)
        tags.append(tagPool.at((hash >> (i * 3)) % tagPool.size()));

    QJsonObject data;
    data.insert(QStringLiteral("company"), companyName(domain, hash));
    data.insert(QStringLiteral("industry"), industries.at((hash >> 12) % industries.size()));
    data.insert(QStringLiteral("employees"), employees);
    data.insert(QStringLiteral("annualRevenue"), static_cast<double>(employees * revenuePerEmployee));
    data.insert(QStringLiteral("website"), QStringLiteral("https://www.") + domain);
    data.insert(QStringLiteral("domain"), domain);
    data.insert(QStringLiteral("tags"), tags);
    data.insert(QStringLiteral("public"), (hash >> 20) % 3 == 0);
    return data;
}

QJsonObject SandboxEnrichment::shapeV2(const QJsonObject& data)
{
    QJsonObject v2 = data;
    v2.remove(QStringLiteral("industry"));
    v2.insert(QStringLiteral("employees"), QString::number(data.value(QStringLiteral("employees")).toInt()));
    const quint32 hash = stableHash(data.value(QStringLiteral("domain")).toString().toUtf8());
    v2.insert(QStringLiteral("founded"), 1950 + static_cast<int>(hash % 70));
    return v2;
}

QByteArray SandboxEnrichment::toXml(const QJsonObject& data)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("enrichment"));
    writer.writeStartElement(QStringLiteral("data"));
    // A fixed order, the one of the JSON answer's documentation, rather than QJsonObject's
    // alphabetical one.
    static const QStringList order = {QStringLiteral("company"),
                                      QStringLiteral("industry"),
                                      QStringLiteral("employees"),
                                      QStringLiteral("annualRevenue"),
                                      QStringLiteral("website"),
                                      QStringLiteral("domain"),
                                      QStringLiteral("tags"),
                                      QStringLiteral("public")};
    for (const QString& key : order) {
        const QJsonValue value = data.value(key);
        if (value.isUndefined())
            continue;
        if (value.isArray()) {
            writer.writeStartElement(key);
            const QJsonArray items = value.toArray();
            for (const QJsonValue& item : items)
                writer.writeTextElement(QStringLiteral("tag"), item.toString());
            writer.writeEndElement();
        } else if (value.isBool()) {
            writer.writeTextElement(key, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        } else if (value.isDouble()) {
            writer.writeTextElement(key, QString::number(value.toDouble(), 'f', 0));
        } else {
            writer.writeTextElement(key, value.toString());
        }
    }
    writer.writeEndElement();
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}
