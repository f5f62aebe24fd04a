#include "TemplateEditor.h"

#include "editors/TokenLexer.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerxml.h>

namespace {
constexpr int kLineMargin = 0;
constexpr int kSymbolMargin = 1;
constexpr int kErrorMarker = 0;
constexpr int kWarningMarker = 1;
constexpr int kInfoMarker = 2;
const struct
{
    int marker;
    QsciScintilla::MarkerSymbol symbol;
    Diagnostic::Severity severity;
} kMarkers[] = {{kErrorMarker, QsciScintilla::Circle, Diagnostic::Severity::Error},
                {kWarningMarker, QsciScintilla::RightTriangle, Diagnostic::Severity::Warning},
                {kInfoMarker, QsciScintilla::SmallRectangle, Diagnostic::Severity::Info}};
} // namespace

TemplateEditor::TemplateEditor(QWidget* parent)
    : TokenEditor(parent)
    , m_textLexer(new TokenLexer(this))
    , m_jsonLexer(new QsciLexerJSON(this))
    , m_xmlLexer(new QsciLexerXML(this))
{
    setMarginType(kLineMargin, NumberMargin);
    setMarginLineNumbers(kLineMargin, true);
    setMarginType(kSymbolMargin, SymbolMargin);
    setMarginWidth(kSymbolMargin, 14);
    setMarginSensitivity(kSymbolMargin, false);
    for (const auto& m : kMarkers)
        markerDefine(m.symbol, m.marker);

    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setBraceMatching(SloppyBraceMatch);
    setWrapMode(WrapNone);
    m_xmlLexer->setScriptsStyled(false);
    // Scroll as wide as the longest line, not Scintilla's fixed 2000 pixels.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, true);
    installLexer(m_textLexer);
    connect(this, &QsciScintilla::linesChanged, this, &TemplateEditor::updateLineNumberWidth);
    updateLineNumberWidth();
}

void TemplateEditor::applyPalette()
{
    TokenEditor::applyPalette();
    for (const auto& m : kMarkers) {
        setMarkerBackgroundColor(severityColor(m.severity), m.marker);
        setMarkerForegroundColor(severityColor(m.severity), m.marker);
    }
}

TemplateEditor::~TemplateEditor()
{
    // The lexers are children; detach the current one first so Scintilla does not
    // touch a lexer being destroyed.
    setLexer(nullptr);
}

TemplateEditor::Language TemplateEditor::detectLanguage(const QString& contentType, const QString& content)
{
    const QString type = contentType.toLower();
    if (type.contains(QLatin1String("json"))) {
        return Language::Json;
    }
    if (type.contains(QLatin1String("xml"))) {
        return Language::Xml;
    }
    if (type.contains(QLatin1String("x-www-form-urlencoded")) || type.startsWith(QLatin1String("text/plain"))) {
        return Language::Text;
    }
    for (const QChar c : content) {
        if (c.isSpace()) {
            continue;
        }
        if (c == QLatin1Char('{') && !content.trimmed().startsWith(QLatin1String("{{"))) {
            return Language::Json;
        }
        if (c == QLatin1Char('[')) {
            return Language::Json;
        }
        if (c == QLatin1Char('<')) {
            return Language::Xml;
        }
        break;
    }
    return Language::Text;
}

void TemplateEditor::setLanguage(Language language)
{
    if (language == m_language) {
        return;
    }
    m_language = language;
    switch (language) {
    case Language::Json:
        installLexer(m_jsonLexer);
        break;
    case Language::Xml:
        installLexer(m_xmlLexer);
        break;
    case Language::Text:
        installLexer(m_textLexer);
        break;
    }
    updateLineNumberWidth();
}

void TemplateEditor::setDiagnostics(const QList<Diagnostic>& diagnostics)
{
    TokenEditor::setDiagnostics(diagnostics);
    markerDeleteAll();
    const QString all = text();
    for (const Diagnostic& d : diagnostics) {
        int line = d.line;
        if (line <= 0 && d.offset >= 0) {
            int column = 0;
            Diagnostic::locate(all, d.offset, &line, &column);
        }
        if (line <= 0) {
            continue;
        }
        const int marker = d.severity == Diagnostic::Severity::Error     ? kErrorMarker
                           : d.severity == Diagnostic::Severity::Warning ? kWarningMarker
                                                                         : kInfoMarker;
        markerAdd(line - 1, marker);
    }
}

void TemplateEditor::updateLineNumberWidth()
{
    setMarginWidth(kLineMargin, QStringLiteral("0%1").arg(qMax(lines(), 99)));
}
