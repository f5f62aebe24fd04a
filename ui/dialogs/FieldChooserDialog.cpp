#include "FieldChooserDialog.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

FieldChooserDialog::FieldChooserDialog(const FieldCatalog& catalog, const QString& path, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("fieldChooserDialog"));
    setAccessibleName(tr("Choose the lead field"));
    setWindowTitle(tr("Map to Lead Field"));

    auto* pathLabel = new QLabel(tr("Write <b>%1</b> into:").arg(path.toHtmlEscaped()), this);
    pathLabel->setObjectName(QStringLiteral("fieldPathLabel"));
    pathLabel->setAccessibleName(tr("Response attribute"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("fieldSearchEdit"));
    m_search->setAccessibleName(tr("Filter lead fields"));
    m_search->setPlaceholderText(tr("Filter fields"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("fieldList"));
    m_list->setAccessibleName(tr("Lead fields"));
    for (const Field& field : catalog.fields()) {
        auto* item =
            new QListWidgetItem(QStringLiteral("%1  —  %2").arg(field.name, FieldTypes::name(field.type)), m_list);
        item->setData(Qt::UserRole, field.apiName);
        item->setData(Qt::UserRole + 1, field.name);
        item->setToolTip(tr("API name: %1").arg(field.apiName));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("fieldChooserButtonBox"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create &Mapping"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("createMappingButton"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Create the mapping"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("fieldChooserCancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Close without creating a mapping"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(pathLabel);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_list, &QListWidget::itemActivated, this, [this] { accept(); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentItemChanged, buttons, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedApiName().isEmpty());
    });
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    resize(420, 480);
}

FieldChooserDialog::~FieldChooserDialog() = default;

QString FieldChooserDialog::selectedApiName() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item && !item->isHidden() ? item->data(Qt::UserRole).toString() : QString();
}

void FieldChooserDialog::setFilter(const QString& text)
{
    m_search->setText(text);
}

bool FieldChooserDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down) {
            m_list->setFocus();
            return true;
        }
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !selectedApiName().isEmpty()) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void FieldChooserDialog::applyFilter()
{
    const QString text = m_search->text().trimmed();
    QListWidgetItem* firstVisible = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const bool match = text.isEmpty() || item->data(Qt::UserRole + 1).toString().contains(text, Qt::CaseInsensitive)
                           || item->data(Qt::UserRole).toString().contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !firstVisible)
            firstVisible = item;
    }
    if (!m_list->currentItem() || m_list->currentItem()->isHidden())
        m_list->setCurrentItem(firstVisible);
}
