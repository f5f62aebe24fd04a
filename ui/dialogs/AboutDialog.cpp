#include "AboutDialog.h"

#include <Qsci/qsciglobal.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace {

QLabel* textLabel(const QString& name, const QString& html, QWidget* parent)
{
    auto* label = new QLabel(html, parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

QString link(const QString& url, const QString& text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Webhook Designer"));
    setAccessibleName(tr("About Webhook Designer"));

    auto* icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIconLabel"));
    icon->setPixmap(QIcon(QStringLiteral(":/icons/webhook-designer.png")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto* title = textLabel(QStringLiteral("aboutTitleLabel"),
                            tr("<h2>Webhook Designer %1</h2><p>Design, preview and test Marketo webhooks.</p>")
                                .arg(QStringLiteral(WD_VERSION)),
                            this);
    // The Qt the designer runs on may be newer than the one it was built with.
    const QString qtRuntime = QString::fromLatin1(qVersion());
    const QString qtBuilt = QStringLiteral(QT_VERSION_STR);
    auto* versions = textLabel(QStringLiteral("aboutVersionsLabel"),
                               tr("<p>Built with Qt %1 (running on Qt %2) and QScintilla %3, on %4.</p>")
                                   .arg(qtBuilt,
                                        qtRuntime,
                                        QStringLiteral(QSCINTILLA_VERSION_STR),
                                        QSysInfo::prettyProductName().toHtmlEscaped()),
                               this);
    auto* licence = textLabel(
        QStringLiteral("aboutLicenseLabel"),
        tr("<p>Webhook Designer is free software: you can redistribute it and modify it under the terms of the "
           "%1, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with no warranty.</p>"
           "<p>It uses:</p><ul>"
           "<li>QScintilla, under the %1 version 3 (GPL-3.0), which is why Webhook Designer is under the GPL "
           "too;</li>"
           "<li>Qt, under the %2 version 3 (LGPL-3.0).</li></ul>")
            .arg(link(QStringLiteral("https://www.gnu.org/licenses/gpl-3.0.html"), tr("GNU General Public License")),
                 link(QStringLiteral("https://www.gnu.org/licenses/lgpl-3.0.html"),
                      tr("GNU Lesser General Public License"))),
        this);
    auto* source = textLabel(
        QStringLiteral("aboutSourceLabel"), tr("<p>Source code: %1</p>").arg(link(sourceUrl(), sourceUrl())), this);
    title->setAccessibleName(tr("Name and version"));
    versions->setAccessibleName(tr("Versions of Qt and QScintilla"));
    licence->setAccessibleName(tr("Licences"));
    source->setAccessibleName(tr("Source code"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtonBox"));
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("aboutCloseButton"));
    close->setAccessibleName(tr("Close"));
    QPushButton* copy = buttons->addButton(tr("&Copy Version Info"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersionInfoButton"));
    copy->setAccessibleName(tr("Copy the version information"));
    copy->setToolTip(tr("Copy the versions of Webhook Designer, Qt and QScintilla, for a bug report"));
    connect(copy, &QPushButton::clicked, this, [] { QApplication::clipboard()->setText(versionInfo()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* text = new QVBoxLayout;
    for (QLabel* label : {title, versions, licence, source})
        text->addWidget(label);
    text->addStretch();
    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versionInfo()
{
    return QStringLiteral("Webhook Designer %1, Qt %2 (built with %3), QScintilla %4, on %5")
        .arg(QStringLiteral(WD_VERSION),
             QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR),
             QStringLiteral(QSCINTILLA_VERSION_STR),
             QSysInfo::prettyProductName());
}

QString AboutDialog::sourceUrl()
{
    return QStringLiteral(WD_HOMEPAGE_URL);
}
