#include "DiagnosticModel.h"

#include <QApplication>
#include <QRegularExpression>
#include <QStyle>

namespace {

bool sameDiagnostic(const Diagnostic& a, const Diagnostic& b)
{
    return a.severity == b.severity && a.line == b.line && a.column == b.column && a.offset == b.offset
           && a.length == b.length && a.where == b.where && a.message == b.message && a.code == b.code
           && a.webhook == b.webhook;
}

QString severityLabel(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return DiagnosticModel::tr("Error");
    case Diagnostic::Severity::Warning:
        return DiagnosticModel::tr("Warning");
    case Diagnostic::Severity::Info:
        return DiagnosticModel::tr("Info");
    }
    return {};
}

QIcon severityIcon(Diagnostic::Severity severity)
{
    // Style icons follow the platform theme and scale for high-DPI screens.
    QStyle* style = QApplication::style();
    switch (severity) {
    case Diagnostic::Severity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Diagnostic::Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Diagnostic::Severity::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

} // namespace

DiagnosticModel::DiagnosticModel(QObject* parent) : QAbstractTableModel(parent) { }

DiagnosticModel::~DiagnosticModel() = default;

void DiagnosticModel::setDiagnostics(const QList<Diagnostic>& diagnostics)
{
    if (diagnostics.size() == m_diagnostics.size()
        && std::equal(diagnostics.begin(), diagnostics.end(), m_diagnostics.begin(), sameDiagnostic)) {
        return;
    }
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticModel::count(Diagnostic::Severity severity) const
{
    return int(std::count_if(m_diagnostics.begin(), m_diagnostics.end(), [severity](const Diagnostic& d) {
        return d.severity == severity;
    }));
}

QString DiagnosticModel::whereLabel(const DiagnosticLocation& where)
{
    using Part = DiagnosticLocation::Part;
    switch (where.part) {
    case Part::Name:
        return tr("Name");
    case Part::Url:
        return tr("URL");
    case Part::RequestType:
        return tr("Request type");
    case Part::Template:
        return tr("Payload template");
    case Part::RequestTokenEncoding:
        return tr("Request token encoding");
    case Part::ResponseType:
        return tr("Response type");
    case Part::TimeZone:
        return tr("Time zone");
    case Part::Headers:
        return tr("Headers");
    case Part::HeaderName:
        return tr("Header %1 name").arg(where.row + 1);
    case Part::HeaderValue:
        return tr("Header %1 value").arg(where.row + 1);
    case Part::Mappings:
        return tr("Response mappings");
    case Part::MappingAttribute:
        return tr("Mapping %1 attribute").arg(where.row + 1);
    case Part::MappingField:
        return tr("Mapping %1 field").arg(where.row + 1);
    }
    return where.toString();
}

int DiagnosticModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic& d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityLabel(d.severity);
        case WhereColumn:
            return whereLabel(d.where);
        case PositionColumn:
            return d.line > 0 ? QStringLiteral("%1:%2").arg(d.line).arg(d.column) : QString();
        case MessageColumn:
            return d.message;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return severityIcon(d.severity);
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn || index.column() == WhereColumn)
            return d.code.isEmpty() ? d.message : QStringLiteral("%1\n(%2)").arg(d.message, d.code);
        break;
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2 %3: %4")
            .arg(severityLabel(d.severity),
                 whereLabel(d.where),
                 data(index.siblingAtColumn(PositionColumn)).toString(),
                 d.message);
    case WhereRole:
        return d.where.toString();
    case LineRole:
        return d.line;
    case ColumnRole:
        return d.column;
    case OffsetRole:
        return d.offset;
    case LengthRole:
        return d.length;
    case SeverityRole:
        return int(d.severity);
    case CodeRole:
        return d.code;
    }
    return {};
}

QVariant DiagnosticModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case WhereColumn:
        return tr("Where");
    case PositionColumn:
        return tr("Line:Col");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}
