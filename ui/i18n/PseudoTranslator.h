#pragma once

#include <QTranslator>

// A translation into no language, for testing: every text that goes through tr() comes
// back wrapped in brackets and 30% longer, "[Send~~]". A text without the brackets
// on screen was not translatable; a bracket cut off shows a label too small for a
// longer language. Rich text keeps its tags outside the brackets, placeholders (%1),
// mnemonics (&) and key names stay as they are.
class PseudoTranslator : public QTranslator
{
    Q_OBJECT

public:
    explicit PseudoTranslator(QObject* parent = nullptr);
    ~PseudoTranslator() override;

    QString translate(const char* context,
                      const char* sourceText,
                      const char* disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }

    // What translate() makes of `text`.
    static QString pseudo(const QString& text);
    // Whether `text` holds a pseudo-translated part.
    static bool isPseudo(const QString& text);
};
