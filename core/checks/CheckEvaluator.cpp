#include "CheckEvaluator.h"

#include "format/JsonWriter.h"
#include "response/JsonPathScanner.h"
#include "response/ResponsePath.h"
#include "response/XmlPathScanner.h"

#include <QRegularExpression>

#include <cmath>

namespace {

// `actual` is what the JSON output shows, `words` how the message says it.
CheckResult verdict(const Check& check, bool passed, const QString& actual, const QString& words)
{
    CheckResult r;
    r.check = check;
    r.passed = passed;
    r.actual = actual;
    r.message = passed ? CheckEvaluator::tr("Passed: %1 (got %2).").arg(check.description(), words)
                       : CheckEvaluator::tr("Expected %1, got %2.").arg(check.description(), words);
    return r;
}

CheckResult failure(const Check& check, const QString& actual, const QString& message)
{
    CheckResult r;
    r.check = check;
    r.passed = false;
    r.actual = actual;
    r.message = message;
    return r;
}

QString quoted(const QString& text)
{
    return CheckEvaluator::tr("“%1”").arg(text);
}

bool matches(const QString& pattern, const QString& text)
{
    return QRegularExpression(pattern).match(text).hasMatch();
}

bool statusMatches(const QString& expected, int status)
{
    if (expected.size() == 3 && expected.endsWith(QStringLiteral("xx"))) {
        return status / 100 == expected.at(0).digitValue();
    }
    return expected.toInt() == status;
}

QString valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        QByteArray out;
        JsonWriter::appendNumber(out, value.toDouble());
        return QString::fromLatin1(out);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    return {};
}

CheckResult judgeField(const Check& check, const MappingOutcome& outcome)
{
    // The last mapping that writes the field wins, as Marketo applies them in order; when
    // none does, the last one's reason says why.
    const MappingResult* written = nullptr;
    const MappingResult* refused = nullptr;
    for (const MappingResult& m : outcome.mappings) {
        if (m.field.compare(check.target, Qt::CaseInsensitive) != 0) {
            continue;
        }
        (m.applied ? written : refused) = &m;
    }
    if (!written) {
        QString reason;
        if (refused) {
            reason = refused->reason;
        } else if (!outcome.statusApplies && !outcome.reason.isEmpty()) {
            reason = outcome.reason;
        } else {
            reason = CheckEvaluator::tr("no response mapping writes %1").arg(check.target);
        }
        const QString actual = CheckEvaluator::tr("not written");
        const bool passed = check.kind == Check::Kind::FieldWritten && !check.flag;
        return verdict(check, passed, actual, CheckEvaluator::tr("not written (%1)").arg(reason));
    }
    const QString value = valueText(written->value);
    switch (check.kind) {
    case Check::Kind::FieldEquals:
        return verdict(check, value == check.expected, value, quoted(value));
    case Check::Kind::FieldMatches:
        return verdict(check, matches(check.expected, value), value, quoted(value));
    default:
        return verdict(check, check.flag, value, CheckEvaluator::tr("written as %1").arg(quoted(value)));
    }
}

QString responseValueText(const ResponseValue& value)
{
    switch (value.kind) {
    case ResponseValue::Kind::String:
        return value.string;
    case ResponseValue::Kind::Number:
        return QString::fromUtf8(value.numberText);
    case ResponseValue::Kind::Bool:
        return value.boolean ? QStringLiteral("true") : QStringLiteral("false");
    case ResponseValue::Kind::Null:
        return QStringLiteral("null");
    case ResponseValue::Kind::Object:
        return CheckEvaluator::tr("an object");
    case ResponseValue::Kind::Array:
        return CheckEvaluator::tr("an array");
    case ResponseValue::Kind::Missing:
        break;
    }
    return CheckEvaluator::tr("missing");
}

CheckResult judgePath(const Check& check, const ResponsePath& path, const ResponseValue& value)
{
    if (!path.isValid()) {
        return failure(check,
                       QString(),
                       CheckEvaluator::tr("Marketo cannot address the path %1: %2").arg(check.target, path.error()));
    }
    const QString text = responseValueText(value);
    const bool scalar =
        value.found() && value.kind != ResponseValue::Kind::Object && value.kind != ResponseValue::Kind::Array;
    const QString words = scalar ? quoted(text) : text;
    switch (check.kind) {
    case Check::Kind::PathEquals:
        return verdict(check, scalar && text == check.expected, text, words);
    case Check::Kind::PathMatches:
        return verdict(check, scalar && matches(check.expected, text), text, words);
    default:
        return verdict(check,
                       value.found() == check.flag,
                       value.found() ? CheckEvaluator::tr("present") : text,
                       value.found() ? CheckEvaluator::tr("%1 there").arg(words) : text);
    }
}

} // namespace

QList<CheckResult>
CheckEvaluator::evaluate(const Webhook& webhook, const CallResult& call, const MappingOutcome& outcome)
{
    const QList<Check> checks = webhook.effectiveChecks();
    const bool answered = call.status != 0;
    const QString noAnswer = tr("no response");
    const QString callError = call.errorMessage.isEmpty() ? tr("the call got no response") : call.errorMessage;

    // Every path check is read in one pass over the body, as the mappings are.
    const bool xml = webhook.responseType == ResponseType::Xml;
    QList<ResponsePath> paths;
    QList<int> pathCheck; // index into checks, per path
    for (int i = 0; i < checks.size(); ++i) {
        if (checks.at(i).isPathCheck() && checks.at(i).problem().isEmpty()) {
            paths.append(
                ResponsePath::parse(checks.at(i).target, xml ? ResponsePath::Syntax::Xml : ResponsePath::Syntax::Json));
            pathCheck.append(i);
        }
    }
    QList<ResponseValue> values;
    QString unreadable;
    if (!paths.isEmpty() && answered && webhook.responseType != ResponseType::None) {
        if (xml) {
            XmlPathScanner scanner(paths);
            if (!scanner.scan(call.body)) {
                unreadable = tr("the response is not well-formed XML: %1").arg(scanner.errorString());
            }
            values = scanner.values();
        } else {
            JsonPathScanner scanner(paths);
            if (!scanner.scan(call.body)) {
                unreadable = tr("the response is not valid JSON: %1").arg(scanner.errorString());
            }
            values = scanner.values();
        }
    }

    QList<CheckResult> out;
    out.reserve(checks.size());
    for (int i = 0; i < checks.size(); ++i) {
        const Check& check = checks.at(i);
        const QString problem = check.problem();
        if (!problem.isEmpty()) {
            out.append(failure(check, QString(), tr("This check cannot be judged: %1").arg(problem)));
            continue;
        }
        if (!answered) {
            out.append(failure(
                check, noAnswer, tr("Expected %1, but the call failed: %2").arg(check.description(), callError)));
            continue;
        }
        switch (check.kind) {
        case Check::Kind::Status: {
            const QString words = call.reason.isEmpty() ? QString::number(call.status)
                                                        : QStringLiteral("%1 %2").arg(call.status).arg(call.reason);
            out.append(verdict(check, statusMatches(check.target, call.status), QString::number(call.status), words));
            break;
        }
        case Check::Kind::LatencyBelow: {
            const QString ms = tr("%1 ms").arg(qRound64(call.totalMs));
            out.append(verdict(check, call.totalMs < check.latencyMs, ms, ms));
            break;
        }
        case Check::Kind::FieldEquals:
        case Check::Kind::FieldMatches:
        case Check::Kind::FieldWritten:
            out.append(judgeField(check, outcome));
            break;
        case Check::Kind::PathExists:
        case Check::Kind::PathEquals:
        case Check::Kind::PathMatches: {
            if (webhook.responseType == ResponseType::None) {
                out.append(failure(check,
                                   QString(),
                                   tr("Expected %1, but the webhook's Response Type is None, so no response attribute "
                                      "is read: set it to JSON or XML.")
                                       .arg(check.description())));
                break;
            }
            if (!unreadable.isEmpty()) {
                out.append(failure(check, QString(), tr("Expected %1, but %2").arg(check.description(), unreadable)));
                break;
            }
            const int at = int(pathCheck.indexOf(i));
            out.append(judgePath(check, paths.at(at), values.value(at)));
            break;
        }
        }
    }
    return out;
}
