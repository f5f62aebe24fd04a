#include "ResponseTreeModel.h"

#include "response/ResponsePath.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPalette>

struct ResponseTreeModel::Node
{
    Node* parent = nullptr;
    int row = 0;
    QString name;                                      // JSON key, "[3]" for an array item, XML element or "@attribute"
    int arrayIndex = -1;                               // JSON array items
    QJsonValue json;                                   // JSON nodes
    const ResponseDocument::XmlElement* xml = nullptr; // XML elements
    QString attributeValue;                            // XML attributes
    bool attribute = false;
    std::vector<std::unique_ptr<Node>> children; // loaded so far
};

namespace {

constexpr int MaxValueChars = 300; // a huge string value would make the row unreadable

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString jsonValueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QStringLiteral("{%1}").arg(value.toObject().size());
    case QJsonValue::Array:
        return QStringLiteral("[%1]").arg(value.toArray().size());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        // toVariant keeps 64-bit integers whole where toDouble would round them.
        return value.toVariant().toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString elide(const QString& text)
{
    if (text.size() <= MaxValueChars)
        return text;
    return text.left(MaxValueChars) + QStringLiteral("… (%1 characters)").arg(text.size());
}

} // namespace

ResponseTreeModel::ResponseTreeModel(QObject* parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) { }

ResponseTreeModel::~ResponseTreeModel() = default;

void ResponseTreeModel::setDocument(std::shared_ptr<const ResponseDocument> document)
{
    beginResetModel();
    m_document = std::move(document);
    m_root = std::make_unique<Node>();
    if (m_document && m_document->kind() == ResponseDocument::Kind::Json)
        m_root->json = m_document->json();
    loadChildren(m_root.get(), batchSize());
    endResetModel();
}

void ResponseTreeModel::clear()
{
    setDocument(nullptr);
}

ResponseTreeModel::Node* ResponseTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

int ResponseTreeModel::totalChildren(const Node* node) const
{
    if (!m_document)
        return 0;
    if (node == m_root.get() && m_document->kind() == ResponseDocument::Kind::Xml)
        return 1; // the root element is the first step of every XML path
    if (node->attribute)
        return 0;
    if (node->xml)
        return int(node->xml->attributes.size() + node->xml->children.size());
    if (node->json.isObject())
        return int(node->json.toObject().size());
    if (node->json.isArray())
        return int(node->json.toArray().size());
    return 0;
}

std::unique_ptr<ResponseTreeModel::Node> ResponseTreeModel::makeChild(Node* parent, int position) const
{
    auto child = std::make_unique<Node>();
    child->parent = parent;
    child->row = position;
    if (parent == m_root.get() && m_document->kind() == ResponseDocument::Kind::Xml) {
        child->xml = m_document->xmlRoot();
        child->name = child->xml->name;
    } else if (parent->xml) {
        const int attributes = int(parent->xml->attributes.size());
        if (position < attributes) {
            child->attribute = true;
            child->name = QLatin1Char('@') + parent->xml->attributes.at(position).first;
            child->attributeValue = parent->xml->attributes.at(position).second;
        } else {
            child->xml = parent->xml->children.at(size_t(position - attributes)).get();
            child->name = child->xml->name;
        }
    } else if (parent->json.isObject()) {
        const QJsonObject object = parent->json.toObject();
        const auto it = object.constBegin() + position;
        child->name = it.key();
        child->json = it.value();
    } else if (parent->json.isArray()) {
        child->arrayIndex = position;
        child->name = QStringLiteral("[%1]").arg(position);
        child->json = parent->json.toArray().at(position);
    }
    return child;
}

void ResponseTreeModel::loadChildren(Node* node, int count)
{
    const int total = totalChildren(node);
    const int start = int(node->children.size());
    const int end = qMin(total, start + count);
    node->children.reserve(size_t(end));
    for (int i = start; i < end; ++i)
        node->children.push_back(makeChild(node, i));
}

QString ResponseTreeModel::path(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    if (!index.isValid() || !reasonNotAddressable(node).isEmpty())
        return {};
    QStringList steps;
    for (const Node* n = node; n && n != m_root.get(); n = n->parent) {
        if (n->xml) {
            steps.prepend(n->xml->sameNameCount > 1 ? QStringLiteral("%1[%2]").arg(n->name).arg(n->xml->sameNameIndex)
                                                    : n->name);
        } else if (n->arrayIndex >= 0) {
            // Indexes attach to the key before them: orders[0], a.b[2][0].
            steps.prepend(n->name);
        } else {
            steps.prepend(QLatin1Char('.') + n->name);
        }
    }
    if (node->xml)
        return steps.join(QLatin1Char('.'));
    QString text = steps.join(QString());
    if (text.startsWith(QLatin1Char('.')))
        text.remove(0, 1);
    return text;
}

QString ResponseTreeModel::reasonNotAddressable(const Node* node) const
{
    if (node->attribute)
        return tr("Marketo cannot address XML attributes, only element text");
    if (node->xml)
        return {};
    for (const Node* n = node; n && n != m_root.get(); n = n->parent) {
        if (n->arrayIndex >= 0) {
            if (n->parent == m_root.get())
                return tr("The response is an array at the top: a Marketo path must start with a key");
            continue;
        }
        if (n->name.isEmpty())
            return tr("An empty key cannot be addressed");
        for (const QChar c : n->name) {
            if (!ResponsePath::isJsonKeyChar(c))
                return tr("The key \"%1\" holds '%2': Marketo paths allow only letters, digits, '-', '_', ':' and "
                          "spaces")
                    .arg(n->name, c);
        }
    }
    return {};
}

bool ResponseTreeModel::isAddressable(const QModelIndex& index) const
{
    return index.isValid() && reasonNotAddressable(nodeOf(index)).isEmpty();
}

QModelIndex ResponseTreeModel::indexForPath(const QString& path)
{
    QModelIndex parentIndex;
    // Walks down by matching each child's own path against the target's prefix; loads
    // batches as needed so a deep index like items[900] is reachable.
    for (int guard = 0; guard < 10000; ++guard) {
        Node* parent = nodeOf(parentIndex);
        bool descended = false;
        const int total = totalChildren(parent);
        for (int row = 0; row < total; ++row) {
            if (row >= int(parent->children.size()))
                fetchMore(parentIndex);
            const QModelIndex child = index(row, 0, parentIndex);
            const QString childPath = this->path(child);
            if (childPath.isEmpty())
                continue;
            if (childPath == path)
                return child;
            if (path.startsWith(childPath)
                && (path.at(childPath.size()) == QLatin1Char('.') || path.at(childPath.size()) == QLatin1Char('['))) {
                parentIndex = child;
                descended = true;
                break;
            }
        }
        if (!descended)
            return {};
    }
    return {};
}

QModelIndex ResponseTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const Node* node = nodeOf(parent);
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex ResponseTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const Node* node = nodeOf(child);
    Node* parent = node->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, parent);
}

int ResponseTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ResponseTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

bool ResponseTreeModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return false;
    return totalChildren(nodeOf(parent)) > 0;
}

bool ResponseTreeModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return false;
    const Node* node = nodeOf(parent);
    return int(node->children.size()) < totalChildren(node);
}

void ResponseTreeModel::fetchMore(const QModelIndex& parent)
{
    if (parent.column() > 0)
        return;
    Node* node = nodeOf(parent);
    const int start = int(node->children.size());
    const int end = qMin(totalChildren(node), start + batchSize());
    if (end <= start)
        return;
    beginInsertRows(parent, start, end - 1);
    loadChildren(node, end - start);
    endInsertRows();
}

QVariant ResponseTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case ValueColumn:
            if (node->attribute)
                return elide(node->attributeValue);
            if (node->xml)
                return elide(node->xml->text);
            return elide(jsonValueText(node->json));
        case TypeColumn:
            if (node->attribute)
                return QStringLiteral("attribute");
            if (node->xml)
                return node->xml->children.empty() ? QStringLiteral("text") : QStringLiteral("element");
            return jsonTypeName(node->json);
        }
        break;
    case Qt::ToolTipRole: {
        const QString reason = reasonNotAddressable(node);
        return reason.isEmpty() ? tr("Marketo path: %1").arg(path(index)) : reason;
    }
    case Qt::ForegroundRole:
        if (index.column() == NameColumn && !reasonNotAddressable(node).isEmpty())
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        break;
    case PathRole:
        return path(index);
    case AddressableRole:
        return reasonNotAddressable(node).isEmpty();
    case NotAddressableReasonRole:
        return reasonNotAddressable(node);
    case ScalarRole:
        if (node->attribute)
            return false;
        if (node->xml)
            return true;
        return !(node->json.isObject() || node->json.isArray() || node->json.isNull() || node->json.isUndefined());
    }
    return {};
}

QVariant ResponseTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

Qt::ItemFlags ResponseTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}
