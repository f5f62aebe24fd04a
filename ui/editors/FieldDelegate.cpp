#include "FieldDelegate.h"

#include "document/WorkspaceDocument.h"

#include <QComboBox>

FieldDelegate::FieldDelegate(WorkspaceDocument* document, QObject* parent)
    : QStyledItemDelegate(parent), m_document(document)
{
}

FieldDelegate::~FieldDelegate() = default;

QWidget* FieldDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("mappingFieldCombo"));
    combo->setAccessibleName(tr("Lead field"));
    // A named copy: ranging over fields() of the temporary catalog() would dangle.
    const FieldCatalog catalog = m_document->workspace().catalog();
    for (const Field& field : catalog.fields()) {
        combo->addItem(QStringLiteral("%1 (%2)").arg(field.name, FieldTypes::name(field.type)), field.apiName);
    }
    return combo;
}

void FieldDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* combo = static_cast<QComboBox*>(editor);
    const int row = combo->findData(index.data(Qt::EditRole).toString());
    combo->setCurrentIndex(row);
}

void FieldDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    const auto* combo = static_cast<QComboBox*>(editor);
    if (combo->currentIndex() >= 0) {
        model->setData(index, combo->currentData(), Qt::EditRole);
    }
}
