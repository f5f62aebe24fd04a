#include "MessageBar.h"

#include "appearance/PaletteTint.h"
#include "appearance/ThemeColors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
    , m_tint(new PaletteTint(this, QPalette::Window))
{
    setObjectName(QStringLiteral("messageBarFrame"));
    setAccessibleName(tr("Message"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("messageLabel"));
    m_label->setAccessibleName(tr("Message text"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_close->setObjectName(QStringLiteral("messageCloseButton"));
    m_close->setAccessibleName(tr("Close message"));
    m_close->setToolTip(tr("Close message"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close);
    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(Kind kind, const QString& text, const QList<Action>& actions)
{
    m_kind = kind;
    m_label->setText(text);
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const Action& action : actions) {
        auto* button = new QPushButton(action.text, this);
        button->setObjectName(action.objectName);
        button->setAccessibleName(QString(action.text).remove(QLatin1Char('&')));
        const auto trigger = action.trigger;
        connect(button, &QPushButton::clicked, this, [this, trigger] {
            dismiss();
            if (trigger) {
                trigger();
            }
        });
        m_buttons->addWidget(button);
    }
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    ThemeColors::Kind tint = ThemeColors::Kind::Info;
    if (kind == Kind::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        tint = ThemeColors::Kind::Warning;
    } else if (kind == Kind::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        tint = ThemeColors::Kind::Error;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    // A wash of the kind's colour over the window colour, again when the theme changes.
    m_tint->set([tint](const QPalette& inherited) { return ThemeColors::wash(tint, inherited); });
    setAccessibleDescription(text);
    show();
}

void MessageBar::dismiss()
{
    if (isHidden()) {
        return;
    }
    hide();
    emit dismissed();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}
