#include "CheckModel.h"

#include "appearance/StatusIcon.h"
#include "appearance/ThemeColors.h"
#include "document/EditRowCommand.h"
#include "widgets/ColumnTitles.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>
#include <QUndoStack>

#include <optional>

namespace {

bool hasFlag(Check::Kind kind)
{
    return kind == Check::Kind::FieldWritten || kind == Check::Kind::PathExists;
}

bool hasText(Check::Kind kind)
{
    return kind == Check::Kind::FieldEquals || kind == Check::Kind::FieldMatches || kind == Check::Kind::PathEquals
           || kind == Check::Kind::PathMatches;
}

// "yes", "no", "true", "false", in English or as the window shows them.
std::optional<bool> flagOf(const QVariant& value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("yes") || text == CheckModel::tr("yes").toLower())
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("no") || text == CheckModel::tr("no").toLower())
        return false;
    return std::nullopt;
}

} // namespace

CheckModel::CheckModel(WorkspaceDocument* document, QObject* parent)
    : WebhookRowsModel(document, WorkspaceDocument::RowTable::Checks, parent)
{
    // New custom fields from a CSV import change how the field column reads.
    connect(document, &WorkspaceDocument::leadsReset, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, TargetColumn), index(rowCount() - 1, TargetColumn));
    });
}

CheckModel::~CheckModel() = default;

QList<Check::Kind> CheckModel::kinds()
{
    using K = Check::Kind;
    return {K::Status,
            K::FieldWritten,
            K::FieldEquals,
            K::FieldMatches,
            K::PathExists,
            K::PathEquals,
            K::PathMatches,
            K::LatencyBelow};
}

QString CheckModel::kindLabel(Check::Kind kind)
{
    switch (kind) {
    case Check::Kind::Status:
        return tr("Status is");
    case Check::Kind::FieldWritten:
        return tr("Field is written");
    case Check::Kind::FieldEquals:
        return tr("Field is written as");
    case Check::Kind::FieldMatches:
        return tr("Field is written matching");
    case Check::Kind::PathExists:
        return tr("Response has attribute");
    case Check::Kind::PathEquals:
        return tr("Response attribute is");
    case Check::Kind::PathMatches:
        return tr("Response attribute matches");
    case Check::Kind::LatencyBelow:
        return tr("Answers in under");
    }
    return {};
}

Check CheckModel::convert(const Check& check, Check::Kind kind, const Webhook& webhook)
{
    Check out = check;
    out.kind = kind;
    const ResponseMapping first = webhook.responseMappings.value(0);
    if (kind == Check::Kind::Status) {
        if (check.kind != Check::Kind::Status)
            out.target = QStringLiteral("2xx");
    } else if (out.isFieldCheck() && !check.isFieldCheck()) {
        out.target = first.field;
    } else if (out.isPathCheck() && !check.isPathCheck()) {
        out.target = first.attribute;
    } else if (kind == Check::Kind::LatencyBelow) {
        out.target.clear();
    }
    if (!hasText(kind))
        out.expected.clear();
    if (hasFlag(kind) && !hasFlag(check.kind))
        out.flag = true;
    if (kind == Check::Kind::LatencyBelow && out.latencyMs <= 0)
        out.latencyMs = 1000;
    return out;
}

int CheckModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckModel::displayData(const Check& check, int column) const
{
    switch (column) {
    case NameColumn:
        return check.title();
    case KindColumn:
        return kindLabel(check.kind);
    case TargetColumn:
        if (check.isFieldCheck()) {
            const FieldCatalog catalog = document()->workspace().catalog();
            const Field* field = catalog.findByApiName(check.target);
            return field ? field->name : check.target;
        }
        return check.kind == Check::Kind::LatencyBelow ? QString() : check.target;
    case ExpectedColumn:
        if (hasFlag(check.kind))
            return check.flag ? tr("yes") : tr("no");
        if (check.kind == Check::Kind::LatencyBelow)
            return tr("%1 ms").arg(check.latencyMs);
        return check.expected;
    case ProblemColumn:
        return check.problem();
    default:
        break;
    }
    return {};
}

QVariant CheckModel::editData(const Check& check, int column) const
{
    switch (column) {
    case NameColumn:
        return check.name;
    case KindColumn:
        return int(check.kind);
    case TargetColumn:
        return check.target;
    case ExpectedColumn:
        if (hasFlag(check.kind))
            return check.flag;
        if (check.kind == Check::Kind::LatencyBelow)
            return check.latencyMs;
        return check.expected;
    default:
        break;
    }
    return {};
}

QVariant CheckModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Check& check = currentWebhook()->checks.at(index.row());
    const QString problem = check.problem();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayData(check, index.column());
    case Qt::EditRole:
        return editData(check, index.column());
    case Qt::ToolTipRole:
        if (!problem.isEmpty())
            return problem;
        if (index.column() == NameColumn)
            return check.description();
        if (index.column() == TargetColumn && check.isFieldCheck())
            return tr("API name %1").arg(check.target);
        break;
    case Qt::DecorationRole:
        if (index.column() == ProblemColumn && !problem.isEmpty())
            return StatusIcon::icon(StatusIcon::Mark::Warning, QGuiApplication::palette());
        break;
    case Qt::ForegroundRole:
        if (index.column() == ProblemColumn)
            return QBrush(ThemeColors::text(ThemeColors::Kind::Error, QGuiApplication::palette()));
        // An unnamed check shows its description, greyed as a placeholder is.
        if (index.column() == NameColumn && check.name.trimmed().isEmpty())
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        break;
    case KindRole:
        return int(check.kind);
    case ProblemRole:
        return problem;
    default:
        break;
    }
    return {};
}

bool CheckModel::edit(Check& check, int column, const QVariant& value) const
{
    switch (column) {
    case NameColumn:
        check.name = value.toString().trimmed();
        return true;
    case KindColumn: {
        bool ok = false;
        const int kind = value.toInt(&ok);
        if (!ok || !kinds().contains(Check::Kind(kind)))
            return false;
        check = convert(check, Check::Kind(kind), *currentWebhook());
        return true;
    }
    case TargetColumn: {
        const QString text = value.toString().trimmed();
        if (check.kind == Check::Kind::LatencyBelow)
            return false;
        if (check.kind == Check::Kind::Status) {
            check.target = text.toLower();
        } else if (check.isFieldCheck()) {
            // The editor hands an API name; accept a display name typed by hand too.
            const FieldCatalog catalog = document()->workspace().catalog();
            const Field* field = catalog.find(text);
            check.target = field ? field->apiName : text;
        } else {
            check.target = text;
        }
        return true;
    }
    case ExpectedColumn:
        if (hasFlag(check.kind)) {
            const std::optional<bool> flag = flagOf(value);
            if (!flag)
                return false;
            check.flag = *flag;
        } else if (check.kind == Check::Kind::LatencyBelow) {
            // "500", or "500 ms" as the cell shows it.
            static const QRegularExpression number(QStringLiteral("^\\s*(\\d+)"));
            const QRegularExpressionMatch match = number.match(value.toString());
            bool ok = false;
            const int ms = match.hasMatch() ? match.captured(1).toInt(&ok) : 0;
            if (!ok)
                return false;
            check.latencyMs = ms;
        } else if (hasText(check.kind)) {
            // As typed: spaces may be part of the text or the pattern.
            check.expected = value.toString();
        } else {
            return false;
        }
        return true;
    default:
        break;
    }
    return false;
}

bool CheckModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const Check before = currentWebhook()->checks.at(index.row());
    Check after = before;
    if (!edit(after, index.column(), value))
        return false;
    if (after != before)
        document()->undoStack()->push(new EditRowCommand(document(), webhook(), index.row(), after));
    return true;
}

QVariant CheckModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnTitleData(
        this, {tr("Name"), tr("Check"), tr("Applies To"), tr("Expected"), tr("Problem")}, section, orientation, role);
}

Qt::ItemFlags CheckModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Check& check = currentWebhook()->checks.at(index.row());
    switch (index.column()) {
    case NameColumn:
    case KindColumn:
        return f | Qt::ItemIsEditable;
    case TargetColumn:
        return check.kind == Check::Kind::LatencyBelow ? f : f | Qt::ItemIsEditable;
    case ExpectedColumn:
        return check.kind == Check::Kind::Status ? f : f | Qt::ItemIsEditable;
    default:
        break;
    }
    return f;
}
