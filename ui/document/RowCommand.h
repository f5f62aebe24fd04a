#pragma once

#include "document/WorkspaceDocument.h"

#include <QUndoCommand>

// The base of the undo commands on the rows of one webhook's custom headers, response
// mappings or checks (edit, insert, remove, move): which document, table and webhook they
// act on, and the contents of a row of any of the tables.
class RowCommand : public QUndoCommand
{
public:
    ~RowCommand() override;

protected:
    // One row of any table: `header`, `mapping` or `check`, after the table.
    struct Row
    {
        Header header;
        ResponseMapping mapping;
        Check check;
    };

    RowCommand(WorkspaceDocument* document, WorkspaceDocument::RowTable table, int webhook);

    static Row rowOf(const Header& header) { return {header, {}, {}}; }
    static Row rowOf(const ResponseMapping& mapping) { return {{}, mapping, {}}; }
    static Row rowOf(const Check& check) { return {{}, {}, check}; }

    // The row as the document holds it now (an empty one past the end).
    Row rowAt(int row) const;
    void insertRow(int row, const Row& contents);
    void replaceRow(int row, const Row& contents);
    void removeRow(int row);
    void moveRow(int from, int to);

private:
    WorkspaceDocument* m_document;
    WorkspaceDocument::RowTable m_table;
    int m_webhook;
};
