#pragma once

#include "response/ResponseDocument.h"

#include <QAbstractItemModel>

#include <memory>

// A response body as a tree (JSON members and array items, or XML elements and their
// attributes) with each node's Marketo Response Attribute path: `data.orders[0].id` for
// JSON, `root.child[1].x` for XML (an index only where same-named siblings exist).
//
// Lazy: nodes are created when a view asks for them, in batches of batchSize() children
// through canFetchMore()/fetchMore(), so a 50 MB response with a million items costs only
// what is on screen. The document itself is parsed beforehand with
// ResponseDocument::parse(), meant to run on a worker thread.
//
// Columns: name, value (scalars; "{3}" / "[120]" for containers), type. JSON members are
// listed in key order (QJsonObject sorts them); the Body tab shows the order as received.
class ResponseTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // the Marketo path; empty when not addressable
        AddressableRole,             // bool
        NotAddressableReasonRole,    // why Marketo cannot address the node
        ScalarRole,                  // bool: a value a mapping can write (not an object, array or null)
    };

    explicit ResponseTreeModel(QObject* parent = nullptr);
    ~ResponseTreeModel() override;

    void setDocument(std::shared_ptr<const ResponseDocument> document);
    void clear();
    std::shared_ptr<const ResponseDocument> document() const { return m_document; }

    QString path(const QModelIndex& index) const;
    bool isAddressable(const QModelIndex& index) const;
    // Loads (fetching as needed) the node at a Marketo path; invalid when there is none.
    QModelIndex indexForPath(const QString& path);

    static int batchSize() { return 500; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    int totalChildren(const Node* node) const;
    std::unique_ptr<Node> makeChild(Node* parent, int position) const;
    void loadChildren(Node* node, int count);
    QString reasonNotAddressable(const Node* node) const;

    std::shared_ptr<const ResponseDocument> m_document;
    std::unique_ptr<Node> m_root;
};
