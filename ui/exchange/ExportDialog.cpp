#include "ExportDialog.h"

#include "widgets/Named.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ExportDialog::ExportDialog(
    const QString& webhookName, int webhookCount, const QString& leadName, const QString& baseName, QWidget* parent)
    : QDialog(parent)
    , m_webhookName(webhookName)
    , m_webhookCount(webhookCount)
    , m_leadName(leadName)
    , m_format(named(new QComboBox(this), "exportFormatCombo", tr("Format")))
    , m_scope(named(new QLabel(this), "exportScopeLabel", tr("What is exported")))
    , m_file(named(new QLineEdit(this), "exportFileEdit", tr("File")))
    , m_export(named(new QPushButton(tr("E&xport"), this), "exportButton", tr("Export")))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    m_format->addItem(tr("curl command (bash)"), QStringLiteral("curl"));
    m_format->addItem(tr("HTTP file (JetBrains, VS Code REST Client, httpyac)"), QStringLiteral("http"));
    m_format->addItem(tr("Postman Collection v2.1"), QStringLiteral("postman"));
    m_format->addItem(tr("Marketo setup sheet (Markdown)"), QStringLiteral("sheet"));
    m_scope->setWordWrap(true);
    m_file->setText(QDir::toNativeSeparators(baseName + suffix(QStringLiteral("curl"))));
    m_lastFormat = QStringLiteral("curl");

    auto* browse = named(new QPushButton(tr("&Browse…"), this), "browseButton", tr("Browse"));
    browse->setAutoDefault(false);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(QString(), m_scope);
    form->addRow(tr("&Save to:"), fileRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export->setDefault(true);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_file, &QLineEdit::textChanged, this, [this] { m_export->setEnabled(!fileName().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!fileName().isEmpty()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    formatChanged();
    resize(640, sizeHint().height());
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::format() const
{
    return m_format->currentData().toString();
}

void ExportDialog::setFormat(const QString& format)
{
    const int index = m_format->findData(format);
    if (index >= 0) {
        m_format->setCurrentIndex(index);
    }
}

QString ExportDialog::fileName() const
{
    return QDir::fromNativeSeparators(m_file->text().trimmed());
}

QString ExportDialog::suffix(const QString& format)
{
    if (format == QLatin1String("http")) {
        return QStringLiteral(".http");
    }
    if (format == QLatin1String("postman")) {
        return QStringLiteral(".postman_collection.json");
    }
    if (format == QLatin1String("sheet")) {
        return QStringLiteral(".md");
    }
    return QStringLiteral(".sh");
}

void ExportDialog::formatChanged()
{
    const QString now = format();
    const bool single = now == QLatin1String("curl") || now == QLatin1String("sheet");
    const QString lead = m_leadName.isEmpty() ? tr("no sample lead") : tr("the sample lead %1").arg(m_leadName);
    if (now == QLatin1String("sheet")) {
        m_scope->setText(tr("The webhook \"%1\", with its tokens as written.").arg(m_webhookName));
    } else if (single) {
        m_scope->setText(tr("The webhook \"%1\", rendered for %2. Secrets stay out: they are read from "
                            "$WD_SECRET_… variables.")
                             .arg(m_webhookName, lead));
    } else {
        const QString which =
            m_webhookCount == 1 ? tr("The workspace's one webhook") : tr("All %1 webhooks").arg(m_webhookCount);
        m_scope->setText(
            tr("%1, rendered for %2. Secrets stay out: they are {{WD_SECRET_…}} variables.").arg(which, lead));
    }
    // The old format's extension gives way to the new one; a name the user chose stays.
    QString file = fileName();
    const QString old = suffix(m_lastFormat);
    if (file.endsWith(old)) {
        file.chop(old.size());
        m_file->setText(QDir::toNativeSeparators(file + suffix(now)));
    }
    m_lastFormat = now;
}

void ExportDialog::browse()
{
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export To"), fileName(), tr("%1 files (*%2);;All files (*)").arg(format(), suffix(format())));
    if (!file.isEmpty()) {
        m_file->setText(QDir::toNativeSeparators(file));
    }
}
