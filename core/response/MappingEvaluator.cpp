#include "MappingEvaluator.h"

#include "model/FieldCatalog.h"
#include "response/JsonPathScanner.h"
#include "response/ResponsePath.h"
#include "response/XmlPathScanner.h"

#include <cmath>

namespace {
// Beyond 2^53 a double no longer holds every whole number: an integer field would get a
// different number than the response sent.
constexpr double maxExactInteger = 9007199254740992.0;

struct Fit
{
    bool ok = false;
    QJsonValue value;
    QString reason;
};

QString typeLabel(const Field& field)
{
    return MappingEvaluator::tr("%1 field \"%2\"").arg(FieldTypes::name(field.type), field.apiName);
}

Fit refuse(const QJsonValue& value, const QString& reason)
{
    return Fit {false, value, reason};
}

Fit accept(const QJsonValue& value)
{
    return Fit {true, value, {}};
}

Fit fitNumber(double number, const QString& text, const Field& field)
{
    if (FieldTypes::isNumber(field.type)) {
        if (!std::isfinite(number)) {
            return refuse(text, MappingEvaluator::tr("The number %1 is too large to store").arg(text));
        }
        if (FieldTypes::isInteger(field.type)) {
            if (std::floor(number) != number) {
                return refuse(number,
                              MappingEvaluator::tr("%1 is not a whole number; the %2 takes only whole numbers")
                                  .arg(text, typeLabel(field)));
            }
            if (std::fabs(number) > maxExactInteger) {
                return refuse(
                    text,
                    MappingEvaluator::tr("%1 is too large for the %2 to hold exactly").arg(text, typeLabel(field)));
            }
        }
        return accept(number);
    }
    if (field.type == FieldType::Boolean) {
        return refuse(number,
                      MappingEvaluator::tr("A number is not written to the %1; the response must send true or "
                                           "false")
                          .arg(typeLabel(field)));
    }
    // String-type fields take the number as text, exactly as the response wrote it.
    return accept(text);
}

// Whether a JSON value fits the field's type, as Marketo decides it.
Fit fitJson(const ResponseValue& v, const Field& field)
{
    switch (v.kind) {
    case ResponseValue::Kind::Missing:
        return refuse(QJsonValue::Null,
                      MappingEvaluator::tr("The path was not found in the response; nothing is written"));
    case ResponseValue::Kind::Null:
        return refuse(QJsonValue::Null, MappingEvaluator::tr("The value is null; Marketo does not write null"));
    case ResponseValue::Kind::Object:
        return refuse(QJsonValue::Null,
                      MappingEvaluator::tr("The value is an object, not a single value; point the path "
                                           "at one of its keys"));
    case ResponseValue::Kind::Array:
        return refuse(QJsonValue::Null,
                      MappingEvaluator::tr("The value is an array, not a single value; add an index "
                                           "such as [0]"));
    case ResponseValue::Kind::String:
        if (FieldTypes::isNumber(field.type)) {
            return refuse(v.string,
                          MappingEvaluator::tr("A JSON string is not written to the %1, even if it looks like a "
                                               "number; the response must send a bare number")
                              .arg(typeLabel(field)));
        }
        if (field.type == FieldType::Boolean) {
            return refuse(v.string,
                          MappingEvaluator::tr("A JSON string is not written to the %1; the response must send "
                                               "true or false")
                              .arg(typeLabel(field)));
        }
        return accept(v.string);
    case ResponseValue::Kind::Number:
        return fitNumber(v.number, QString::fromLatin1(v.numberText), field);
    case ResponseValue::Kind::Bool:
        if (field.type == FieldType::Boolean) {
            return accept(v.boolean);
        }
        if (FieldTypes::isNumber(field.type)) {
            return refuse(v.boolean, MappingEvaluator::tr("A boolean is not written to the %1").arg(typeLabel(field)));
        }
        return accept(v.boolean ? QStringLiteral("true") : QStringLiteral("false"));
    }
    return refuse(QJsonValue::Null, MappingEvaluator::tr("Unknown value"));
}

// Type fit for an XML value: everything is text, converted when it reads as the type.
Fit fitXml(const ResponseValue& v, const Field& field)
{
    if (v.kind == ResponseValue::Kind::Missing) {
        return refuse(QJsonValue::Null,
                      MappingEvaluator::tr("The element was not found in the response; nothing is "
                                           "written"));
    }
    if (v.kind != ResponseValue::Kind::String) {
        return refuse(QJsonValue::Null,
                      MappingEvaluator::tr("The element has child elements, not text; point the path "
                                           "at one of them"));
    }
    const QString trimmed = v.string.trimmed();
    if (FieldTypes::isNumber(field.type)) {
        bool ok = false;
        const double number = trimmed.toDouble(&ok);
        // QString::toDouble also reads "inf" and "nan"; a response's number is digits.
        if (!ok || trimmed.isEmpty()
            || !(trimmed.at(0).isDigit() || trimmed.at(0) == QLatin1Char('-') || trimmed.at(0) == QLatin1Char('+')
                 || trimmed.at(0) == QLatin1Char('.'))) {
            return refuse(v.string,
                          MappingEvaluator::tr("\"%1\" is not a number; the %2 takes only numbers")
                              .arg(v.string, typeLabel(field)));
        }
        return fitNumber(number, trimmed, field);
    }
    if (field.type == FieldType::Boolean) {
        if (trimmed == QLatin1String("true") || trimmed == QLatin1String("false")) {
            return accept(trimmed == QLatin1String("true"));
        }
        return refuse(v.string,
                      MappingEvaluator::tr("\"%1\" is not true or false; the %2 takes only true or false")
                          .arg(v.string, typeLabel(field)));
    }
    return accept(v.string);
}
// Why Marketo writes nothing at all from this response, or an empty string.
QString refusal(const Webhook& webhook, int status, const QByteArray& body)
{
    if (webhook.responseType == ResponseType::None) {
        return MappingEvaluator::tr("The Response Type is None: Marketo applies response mappings only for JSON or XML "
                                    "responses");
    }
    if (status == 0) {
        return MappingEvaluator::tr("No complete response arrived: Marketo writes nothing");
    }
    if (status < 200 || status > 299) {
        return MappingEvaluator::tr("The response status %1 is not 2xx: Marketo writes nothing").arg(status);
    }
    if (body.trimmed().isEmpty()) {
        return MappingEvaluator::tr("The response body is empty (Marketo error 1001): nothing is written");
    }
    return {};
}

// The value of each path in one pass over the body; false with *error when the body is
// not valid XML or JSON.
bool scanValues(
    bool xml, const QList<ResponsePath>& paths, const QByteArray& body, QList<ResponseValue>* values, QString* error)
{
    if (xml) {
        XmlPathScanner scanner(paths);
        if (!scanner.scan(body)) {
            *error = MappingEvaluator::tr("The response is not valid XML, so nothing is written. %1")
                         .arg(scanner.errorString());
            return false;
        }
        *values = scanner.values();
        return true;
    }
    JsonPathScanner scanner(paths);
    if (!scanner.scan(body)) {
        *error = MappingEvaluator::tr("The response is not valid JSON, so nothing is written. %1")
                     .arg(scanner.errorString());
        return false;
    }
    *values = scanner.values();
    return true;
}

} // namespace

MappingOutcome MappingEvaluator::evaluate(
    const Workspace& workspace, const Webhook& webhook, const QJsonObject& lead, int status, const QByteArray& body)
{
    return evaluate(workspace.catalog(), webhook, lead, status, body);
}

MappingOutcome MappingEvaluator::evaluate(
    const FieldCatalog& catalog, const Webhook& webhook, const QJsonObject& lead, int status, const QByteArray& body)
{
    MappingOutcome out;
    out.leadBefore = lead;
    out.leadAfter = lead;
    for (const ResponseMapping& m : webhook.responseMappings) {
        MappingResult r;
        r.attribute = m.attribute;
        r.field = m.field;
        r.value = QJsonValue::Null;
        out.mappings.append(r);
    }
    const auto refuseAll = [&](const QString& reason) {
        out.statusApplies = false;
        out.reason = reason;
        for (MappingResult& r : out.mappings) {
            r.reason = reason;
        }
        return out;
    };

    const QString refused = refusal(webhook, status, body);
    if (!refused.isEmpty()) {
        return refuseAll(refused);
    }

    const bool xml = webhook.responseType == ResponseType::Xml;
    const ResponsePath::Syntax syntax = xml ? ResponsePath::Syntax::Xml : ResponsePath::Syntax::Json;
    QList<ResponsePath> paths;
    paths.reserve(webhook.responseMappings.size());
    for (const ResponseMapping& m : webhook.responseMappings) {
        paths.append(ResponsePath::parse(m.attribute, syntax));
    }

    QList<ResponseValue> values;
    QString invalid;
    if (!scanValues(xml, paths, body, &values, &invalid)) {
        return refuseAll(invalid);
    }

    for (int i = 0; i < out.mappings.size(); ++i) {
        MappingResult& r = out.mappings[i];
        if (!paths.at(i).isValid()) {
            r.reason = tr("Marketo cannot address this path: %1").arg(paths.at(i).error());
            continue;
        }
        const Field* field = catalog.findByApiName(r.field);
        if (!field) {
            r.reason = tr("There is no lead field with the API name \"%1\"").arg(r.field);
            continue;
        }
        const Fit fit = xml ? fitXml(values.at(i), *field) : fitJson(values.at(i), *field);
        r.value = fit.value;
        if (!fit.ok) {
            r.reason = fit.reason;
            continue;
        }
        r.applied = true;
        // Later mappings to the same field overwrite earlier ones, in the webhook's order.
        FieldCatalog::setValue(out.leadAfter, *field, fit.value);
    }
    return out;
}
