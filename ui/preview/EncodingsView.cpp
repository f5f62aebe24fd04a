#include "EncodingsView.h"

#include "appearance/PaletteTint.h"
#include "appearance/ThemeColors.h"
#include "response/BodyView.h"

#include <QGridLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QXmlStreamReader>

namespace {

constexpr TokenEncoding Encodings[3] = {TokenEncoding::None, TokenEncoding::Json, TokenEncoding::FormUrl};
constexpr qsizetype ValidityLimit = 4 * 1024 * 1024; // past this, checking would stall typing

int indexOf(TokenEncoding encoding)
{
    return encoding == TokenEncoding::None ? 0 : encoding == TokenEncoding::Json ? 1 : 2;
}

QString objectPrefix(TokenEncoding encoding)
{
    return encoding == TokenEncoding::None   ? QStringLiteral("encodingNone")
           : encoding == TokenEncoding::Json ? QStringLiteral("encodingJson")
                                             : QStringLiteral("encodingForm");
}

// Where a byte offset falls, as a marketer reads it.
QString lineColumn(const QByteArray& body, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, body.size());
    const qsizetype lineStart = body.lastIndexOf('\n', offset - 1) + 1;
    const int line = int(body.left(offset).count('\n')) + 1;
    const int column = int(QString::fromUtf8(body.mid(lineStart, offset - lineStart)).size()) + 1;
    return EncodingsView::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

EncodingsView::EncodingsView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("encodingsWidget"));
    setAccessibleName(tr("Body under each request token encoding"));
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (TokenEncoding encoding : Encodings) {
        Column& column = m_columns[indexOf(encoding)];
        const int c = indexOf(encoding);
        const QString label = WebhookEnums::label(encoding);
        column.title = new QLabel(label, this);
        column.title->setObjectName(objectPrefix(encoding) + QStringLiteral("TitleLabel"));
        column.title->setAccessibleName(tr("%1 encoding").arg(label));
        column.view = new BodyView(this);
        column.view->setObjectName(objectPrefix(encoding) + QStringLiteral("View"));
        column.view->setAccessibleName(tr("Body with %1 encoding").arg(label));
        column.view->setWrapWanted(true);
        column.status = new QLabel(this);
        column.status->setObjectName(objectPrefix(encoding) + QStringLiteral("StatusLabel"));
        column.status->setAccessibleName(tr("%1 body check").arg(label));
        column.status->setWordWrap(true);
        column.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        column.statusTint = new PaletteTint(column.status, QPalette::WindowText);
        layout->addWidget(column.title, 0, c);
        layout->addWidget(column.view, 1, c);
        layout->addWidget(column.status, 2, c);
        layout->setColumnStretch(c, 1);
    }
    layout->setRowStretch(1, 1);
}

EncodingsView::~EncodingsView() = default;

void EncodingsView::showEncodings(
    const QByteArray& none, const QByteArray& json, const QByteArray& form, BodyFormat format, TokenEncoding current)
{
    const QList<QByteArray> bodies = {none, json, form};
    bool changed = false;
    for (int i = 0; i < 3; ++i)
        changed |= m_columns[i].view->setBody(bodies.at(i), format);

    for (TokenEncoding encoding : Encodings) {
        const Column& column = m_columns[indexOf(encoding)];
        const QString label = WebhookEnums::label(encoding);
        column.title->setText(encoding == current ? tr("<b>%1</b> (this webhook)").arg(label)
                                                  : QStringLiteral("<b>%1</b>").arg(label));
    }
    if (!changed)
        return; // same text: keep marks and checks, no work while typing elsewhere

    const QList<QList<QPair<int, int>>> marks = differences(bodies);
    for (int i = 0; i < 3; ++i) {
        m_columns[i].view->setMarkedRanges(marks.at(i));
        bool ok = true;
        const QString text = validity(bodies.at(i), format, &ok);
        m_columns[i].status->setText(ok ? QStringLiteral("✔ %1").arg(text) : QStringLiteral("✘ %1").arg(text));
        // Red when not well-formed, as red as the theme lets text read.
        m_columns[i].statusTint->set(ok ? PaletteTint::Compute() : [](const QPalette& inherited) {
            return ThemeColors::text(ThemeColors::Kind::Error, inherited);
        });
    }
}

void EncodingsView::clear()
{
    for (Column& column : m_columns) {
        column.view->clearBody();
        column.status->clear();
    }
}

BodyView* EncodingsView::view(TokenEncoding encoding) const
{
    return m_columns[indexOf(encoding)].view;
}

QLabel* EncodingsView::statusLabel(TokenEncoding encoding) const
{
    return m_columns[indexOf(encoding)].status;
}

QList<QList<QPair<int, int>>> EncodingsView::differences(const QList<QByteArray>& bodies)
{
    QList<QList<QPair<int, int>>> result(bodies.size());
    if (bodies.size() < 2)
        return result;
    // A span common to every body at [start, end) of each; marks the rest of the given
    // ranges [from_i, to_i).
    const auto markMiddle = [&](const QList<qsizetype>& from, const QList<qsizetype>& to) {
        qsizetype prefix = 0;
        qsizetype shortest = std::numeric_limits<qsizetype>::max();
        for (int i = 0; i < bodies.size(); ++i)
            shortest = qMin(shortest, to[i] - from[i]);
        while (prefix < shortest) {
            const char c = bodies[0][from[0] + prefix];
            bool same = true;
            for (int i = 1; i < bodies.size() && same; ++i)
                same = bodies[i][from[i] + prefix] == c;
            if (!same)
                break;
            ++prefix;
        }
        qsizetype suffix = 0;
        while (suffix < shortest - prefix) {
            const char c = bodies[0][to[0] - 1 - suffix];
            bool same = true;
            for (int i = 1; i < bodies.size() && same; ++i)
                same = bodies[i][to[i] - 1 - suffix] == c;
            if (!same)
                break;
            ++suffix;
        }
        bool allSame = true;
        for (int i = 0; i < bodies.size(); ++i)
            allSame = allSame && (to[i] - from[i]) == prefix;
        if (allSame && prefix == shortest)
            return; // identical
        // Back up to a UTF-8 character start so a mark never splits a character.
        while (prefix > 0 && (uchar(bodies[0][from[0] + prefix]) & 0xC0) == 0x80)
            --prefix;
        for (int i = 0; i < bodies.size(); ++i) {
            const qsizetype start = from[i] + prefix;
            const qsizetype length = to[i] - suffix - start;
            if (length > 0)
                result[i].append({int(start), int(length)});
        }
    };

    QList<QList<QByteArray>> lines;
    for (const QByteArray& body : bodies)
        lines.append(body.split('\n'));
    bool sameLineCount = true;
    for (const auto& l : lines)
        sameLineCount = sameLineCount && l.size() == lines[0].size();
    if (!sameLineCount) {
        QList<qsizetype> from(bodies.size(), 0);
        QList<qsizetype> to;
        for (const QByteArray& body : bodies)
            to.append(body.size());
        markMiddle(from, to);
        return result;
    }
    QList<qsizetype> lineStart(bodies.size(), 0);
    for (int l = 0; l < lines[0].size(); ++l) {
        QList<qsizetype> lineEnd;
        for (int i = 0; i < bodies.size(); ++i)
            lineEnd.append(lineStart[i] + lines[i][l].size());
        markMiddle(lineStart, lineEnd);
        for (int i = 0; i < bodies.size(); ++i)
            lineStart[i] = lineEnd[i] + 1;
    }
    return result;
}

QString EncodingsView::validity(const QByteArray& body, BodyFormat format, bool* ok)
{
    bool valid = true;
    QString text;
    if (body.isEmpty()) {
        text = tr("Empty body");
    } else if (body.size() > ValidityLimit) {
        text = tr("Too large to check while typing");
    } else if (format == BodyFormat::Json) {
        QJsonParseError error;
        QJsonDocument::fromJson(body, &error);
        valid = error.error == QJsonParseError::NoError;
        text = valid ? tr("Valid JSON")
                     : tr("Not valid JSON: %1 (%2)").arg(error.errorString(), lineColumn(body, error.offset));
    } else if (format == BodyFormat::Xml) {
        QXmlStreamReader reader(body);
        while (!reader.atEnd())
            reader.readNext();
        valid = !reader.hasError();
        text = valid ? tr("Well-formed XML")
                     : tr("Not well-formed XML: %1 (line %2, column %3)")
                           .arg(reader.errorString())
                           .arg(reader.lineNumber())
                           .arg(reader.columnNumber());
    } else if (format == BodyFormat::Form) {
        // A form body is name=value pairs joined by '&', every special byte %-encoded.
        static const QByteArray allowed("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*+%=&");
        const QList<QByteArray> pairs = body.split('&');
        for (int i = 0; i < pairs.size() && valid; ++i) {
            const QByteArray& pair = pairs.at(i);
            if (!pair.contains('=')) {
                valid = false;
                text = tr("Not a valid form body: pair %1 \"%2\" has no '='")
                           .arg(i + 1)
                           .arg(QString::fromUtf8(pair.left(40)));
                break;
            }
            for (const char c : pair) {
                if (!allowed.contains(c)) {
                    valid = false;
                    text = tr("Not a valid form body: pair %1 holds an unencoded '%2'")
                               .arg(i + 1)
                               .arg(c == ' ' ? tr("space") : QString::fromUtf8(&c, 1));
                    break;
                }
            }
        }
        if (valid)
            text = tr("Valid form body (%n field(s))", nullptr, int(pairs.size()));
    } else {
        text = tr("Plain text: %1").arg(BodyFormatter::sizeText(body.size()));
    }
    if (ok)
        *ok = valid;
    return text;
}
