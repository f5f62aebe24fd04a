#pragma once

#include "model/Webhook.h"
#include "response/BodyFormatter.h"

#include <QByteArray>
#include <QWidget>

class BodyView;
class PaletteTint;
class QLabel;

// The payload rendered under the three Request Token Encodings side by side (None, JSON,
// Form/Url), with the spans that differ marked and, under each, whether that body is
// well-formed for its content type: the place a marketer sees why "None" breaks a JSON
// body when a company is called "Jack & Jill".
//
// Object names: encodingNoneView, encodingJsonView, encodingFormView (BodyView) and
// encodingNoneStatusLabel, ... (the validity line).
class EncodingsView : public QWidget
{
    Q_OBJECT

public:
    explicit EncodingsView(QWidget* parent = nullptr);
    ~EncodingsView() override;

    // `format` is the body's content type (from the Content-Type header or the body);
    // `current` is the webhook's chosen encoding, marked in its column title.
    void showEncodings(const QByteArray& none,
                       const QByteArray& json,
                       const QByteArray& form,
                       BodyFormat format = BodyFormat::Text,
                       TokenEncoding current = TokenEncoding::None);
    void clear();

    BodyView* view(TokenEncoding encoding) const;
    QLabel* statusLabel(TokenEncoding encoding) const;

    // Byte ranges, per body, where the three differ. Line by line when the bodies have
    // the same number of lines (each line's span between the common prefix and suffix),
    // else one span for the whole body.
    static QList<QList<QPair<int, int>>> differences(const QList<QByteArray>& bodies);
    // "Valid JSON", "Not valid JSON: ... (line 1, column 12)", ... for one body.
    static QString validity(const QByteArray& body, BodyFormat format, bool* ok = nullptr);

private:
    struct Column
    {
        QLabel* title = nullptr;
        BodyView* view = nullptr;
        QLabel* status = nullptr;
        PaletteTint* statusTint = nullptr;
    };
    Column m_columns[3];
};
