#include "SetupSheetDialog.h"

#include "widgets/Named.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {

QWidget* valueWidget(const SetupSheet::Entry& entry, QWidget* parent)
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!entry.copyable) {
        // Findings and a secret's placeholder: read, not typed into Marketo.
        auto* label = new QLabel(entry.value, parent);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAccessibleName(entry.label);
        if (entry.section != SetupSheet::tr("Open findings")) {
            label->setStyleSheet(QStringLiteral("font-style: italic"));
        }
        return label;
    }
    if (entry.value.contains(QLatin1Char('\n'))) {
        auto* edit = new QPlainTextEdit(entry.value, parent);
        edit->setReadOnly(true);
        edit->setFont(fixed);
        edit->setTabChangesFocus(true);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        const int lines = qMin(int(entry.value.count(QLatin1Char('\n'))) + 1, 12);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 14);
        edit->setAccessibleName(entry.label);
        return edit;
    }
    auto* edit = new QLineEdit(entry.value, parent);
    edit->setReadOnly(true);
    edit->setFont(fixed);
    edit->setCursorPosition(0);
    edit->setAccessibleName(entry.label);
    return edit;
}

} // namespace

SetupSheetDialog::SetupSheetDialog(const SetupSheet& sheet, const QString& webhookName, QWidget* parent)
    : QDialog(parent), m_sheet(sheet)
{
    setObjectName(QStringLiteral("setupSheetDialog"));
    setWindowTitle(tr("Setup Sheet — %1").arg(webhookName));

    auto* intro = new QLabel(tr("Type these values into Marketo's webhook dialogs, in this order. Each Copy "
                                "button puts exactly that value on the clipboard."),
                             this);
    intro->setWordWrap(true);

    auto* content = new QWidget(this);
    auto* sections = new QVBoxLayout(content);
    QGroupBox* box = nullptr;
    QGridLayout* grid = nullptr;
    QString section;
    const QList<SetupSheet::Entry>& entries = m_sheet.entries();
    // One label width for every section, so the values line up down the sheet.
    int labelWidth = 0;
    for (const SetupSheet::Entry& entry : entries) {
        labelWidth = qMax(labelWidth, fontMetrics().horizontalAdvance(entry.label + QLatin1Char(':')));
    }
    for (int i = 0; i < entries.size(); ++i) {
        const SetupSheet::Entry& entry = entries.at(i);
        if (!box || entry.section != section) {
            section = entry.section;
            box = new QGroupBox(section, content);
            box->setObjectName(QStringLiteral("sheetSection%1").arg(sections->count()));
            grid = new QGridLayout(box);
            grid->setColumnStretch(1, 1);
            grid->setColumnMinimumWidth(0, labelWidth + 8);
            sections->addWidget(box);
        }
        int row = grid->rowCount();
        // A gap between one header or mapping pair and the next.
        if (grid->count() > 0
            && (entry.label == SetupSheet::tr("Header") || entry.label == SetupSheet::tr("Response Attribute"))) {
            grid->setRowMinimumHeight(row, 6);
            ++row;
        }
        QWidget* field = valueWidget(entry, box);
        auto* label = new QLabel(entry.label + QLatin1Char(':'), box);
        label->setBuddy(field);
        const bool oneLine = qobject_cast<QLineEdit*>(field) != nullptr;
        grid->addWidget(label, row, 0, (oneLine ? Qt::AlignVCenter : Qt::AlignTop) | Qt::AlignLeft);
        grid->addWidget(field, row, 1);
        if (entry.copyable) {
            auto* copy = named(new QPushButton(tr("Copy"), box),
                               QStringLiteral("copyButton%1").arg(i).toLatin1().constData(),
                               tr("Copy %1").arg(entry.label));
            copy->setAutoDefault(false);
            grid->addWidget(copy, row, 2, Qt::AlignTop);
            const QString value = entry.value;
            const QString what = entry.label;
            connect(copy, &QPushButton::clicked, this, [this, value, what] {
                QApplication::clipboard()->setText(value);
                emit copied(what);
            });
        }
    }
    if (entries.isEmpty()) {
        sections->addWidget(new QLabel(tr("This webhook has nothing to set up."), content));
    }
    sections->addStretch(1);

    auto* scroll = named(new QScrollArea(this), "setupSheetArea", tr("Setup sheet"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* markdown =
        named(new QPushButton(tr("Copy as &Markdown"), this), "copyMarkdownButton", tr("Copy as Markdown"));
    markdown->setAutoDefault(false);
    buttons->addButton(markdown, QDialogButtonBox::ActionRole);
    connect(markdown, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_sheet.markdown());
        emit copied(tr("the sheet"));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(820, 780);
}

SetupSheetDialog::~SetupSheetDialog() = default;
