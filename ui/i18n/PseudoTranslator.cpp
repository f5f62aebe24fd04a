#include "PseudoTranslator.h"

#include <QTextDocument>

#include <cmath>

namespace {

// Filler of about the width of text, with spaces where word wrap may break it.
QString filler(qsizetype length)
{
    QString pad;
    for (qsizetype i = 0; i < length; ++i)
        pad += (i % 6 == 5) ? QLatin1Char(' ') : QLatin1Char('~');
    return pad;
}

} // namespace

PseudoTranslator::PseudoTranslator(QObject* parent) : QTranslator(parent) { }

PseudoTranslator::~PseudoTranslator() = default;

QString PseudoTranslator::translate(const char* context, const char* sourceText, const char*, int) const
{
    // Key names ("Ctrl", "Shift") are looked up to build and parse shortcuts.
    if (!sourceText || !*sourceText || qstrcmp(context, "QShortcut") == 0 || qstrcmp(context, "QKeySequence") == 0)
        return {};
    return pseudo(QString::fromUtf8(sourceText));
}

QString PseudoTranslator::pseudo(const QString& text)
{
    const qsizetype extra = qMax<qsizetype>(1, qsizetype(std::ceil(text.size() * 0.3)));
    if (Qt::mightBeRichText(text)) {
        // Inside the first and the last tag, so that the text still starts with a tag
        // and QLabel still shows it as rich text.
        const qsizetype open = text.indexOf(QLatin1Char('>'));
        const qsizetype close = text.lastIndexOf(QLatin1Char('<'));
        if (open >= 0 && close > open) {
            return text.left(open + 1) + QLatin1Char('[') + text.mid(open + 1, close - open - 1) + filler(extra)
                   + QLatin1Char(']') + text.mid(close);
        }
    }
    return QLatin1Char('[') + text + filler(extra) + QLatin1Char(']');
}

bool PseudoTranslator::isPseudo(const QString& text)
{
    const qsizetype open = text.indexOf(QLatin1Char('['));
    return open >= 0 && text.indexOf(QLatin1Char('~'), open) > open && text.lastIndexOf(QLatin1Char(']')) > open;
}
