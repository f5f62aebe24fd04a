#include "CheckDelegate.h"

#include "document/CheckModel.h"
#include "widgets/Named.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QSpinBox>

namespace {

QLineEdit* completingEdit(QWidget* parent, const QStringList& words, const char* objectName, const QString& name)
{
    auto* edit = named(new QLineEdit(parent), objectName, name);
    auto* completer = new QCompleter(words, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    edit->setCompleter(completer);
    return edit;
}

Check::Kind kindAt(const QModelIndex& index)
{
    return Check::Kind(index.data(CheckModel::KindRole).toInt());
}

} // namespace

CheckDelegate::CheckDelegate(QObject* parent) : QStyledItemDelegate(parent) { }

CheckDelegate::~CheckDelegate() = default;

QWidget*
CheckDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    switch (index.column()) {
    case CheckModel::KindColumn: {
        auto* combo = named(new QComboBox(parent), "checkKindCombo", tr("What the check asserts"));
        for (Check::Kind kind : CheckModel::kinds())
            combo->addItem(CheckModel::kindLabel(kind), int(kind));
        return combo;
    }
    case CheckModel::TargetColumn:
        return createTargetEditor(parent, index);
    case CheckModel::ExpectedColumn:
        return createExpectedEditor(parent, index);
    default:
        break;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

QWidget* CheckDelegate::createTargetEditor(QWidget* parent, const QModelIndex& index) const
{
    const Check::Kind kind = kindAt(index);
    Check probe;
    probe.kind = kind;
    if (probe.isFieldCheck()) {
        auto* combo = named(new QComboBox(parent), "checkFieldCombo", tr("Lead field"));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        const auto* model = qobject_cast<const CheckModel*>(index.model());
        if (model) {
            // A named copy: ranging over fields() of the temporary catalog() would dangle.
            const FieldCatalog catalog = model->document()->workspace().catalog();
            for (const Field& field : catalog.fields())
                combo->addItem(field.name, field.apiName);
        }
        combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        combo->completer()->setFilterMode(Qt::MatchContains);
        return combo;
    }
    if (probe.isPathCheck())
        return completingEdit(parent, pathsFor(index), "checkPathEdit", tr("Response attribute"));
    return completingEdit(parent,
                          {QStringLiteral("2xx"),
                           QStringLiteral("200"),
                           QStringLiteral("201"),
                           QStringLiteral("202"),
                           QStringLiteral("204"),
                           QStringLiteral("3xx"),
                           QStringLiteral("4xx"),
                           QStringLiteral("5xx")},
                          "checkStatusEdit",
                          tr("Status"));
}

QWidget* CheckDelegate::createExpectedEditor(QWidget* parent, const QModelIndex& index) const
{
    const Check::Kind kind = kindAt(index);
    if (kind == Check::Kind::FieldWritten || kind == Check::Kind::PathExists) {
        auto* combo = named(new QComboBox(parent), "checkFlagCombo", tr("Expected"));
        combo->addItem(CheckModel::tr("yes"), true);
        combo->addItem(CheckModel::tr("no"), false);
        return combo;
    }
    if (kind == Check::Kind::LatencyBelow) {
        auto* spin = named(new QSpinBox(parent), "checkLatencySpinBox", tr("Latency limit"));
        spin->setRange(1, 10 * 60 * 1000);
        spin->setSingleStep(100);
        spin->setSuffix(tr(" ms"));
        return spin;
    }
    return named(new QLineEdit(parent),
                 "checkExpectedEdit",
                 kind == Check::Kind::FieldMatches || kind == Check::Kind::PathMatches ? tr("Regular expression")
                                                                                       : tr("Expected text"));
}

QStringList CheckDelegate::pathsFor(const QModelIndex& index) const
{
    QStringList paths;
    if (const auto* model = qobject_cast<const CheckModel*>(index.model())) {
        const Webhook webhook = model->document()->workspace().webhooks.value(model->webhook());
        for (const ResponseMapping& mapping : webhook.responseMappings)
            paths.append(mapping.attribute);
        if (webhook.baseline)
            paths.append(webhook.baseline->paths.keys());
    }
    paths.append(m_responsePaths);
    paths.removeAll(QString());
    paths.removeDuplicates();
    paths.sort(Qt::CaseInsensitive);
    return paths;
}

void CheckDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        const int row = combo->findData(value);
        if (row >= 0)
            combo->setCurrentIndex(row);
        else if (combo->isEditable())
            combo->setEditText(value.toString());
        return;
    }
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(value.toInt());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void CheckDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        // An editable combo whose text names no item holds an API name typed by hand.
        const bool typed = combo->isEditable() && combo->currentText() != combo->itemText(combo->currentIndex());
        if (typed)
            model->setData(index, combo->currentText(), Qt::EditRole);
        else if (combo->currentIndex() >= 0)
            model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}
