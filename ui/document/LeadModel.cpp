#include "LeadModel.h"

LeadModel::LeadModel(WorkspaceDocument* document, QObject* parent) : QAbstractListModel(parent), m_document(document)
{
    auto reset = [this] {
        beginResetModel();
        endResetModel();
    };
    connect(document, &WorkspaceDocument::workspaceReset, this, reset);
    connect(document, &WorkspaceDocument::leadsReset, this, reset);
    connect(
        document, &WorkspaceDocument::leadChanged, this, [this](int row) { emit dataChanged(index(row), index(row)); });
}

LeadModel::~LeadModel() = default;

int LeadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_document->workspace().leads.size();
}

QVariant LeadModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        return describe(m_document->workspace(), index.row());
    }
    return {};
}

QString LeadModel::describe(const Workspace& workspace, int lead)
{
    const QJsonObject record = workspace.leads.value(lead);
    const FieldCatalog catalog = workspace.catalog();
    auto valueOf = [&](const char* apiName) {
        const Field* field = catalog.findByApiName(QLatin1String(apiName));
        return field ? FieldCatalog::value(record, *field).toVariant().toString() : QString();
    };
    const QString name = QStringList {valueOf("firstName"), valueOf("lastName")}.join(QLatin1Char(' ')).trimmed();
    const QString email = valueOf("email");
    if (name.isEmpty() && email.isEmpty()) {
        return tr("Lead %1").arg(lead + 1);
    }
    if (email.isEmpty()) {
        return name;
    }
    return name.isEmpty() ? email : QStringLiteral("%1 <%2>").arg(name, email);
}
