#pragma once

#include "document/WorkspaceDocument.h"

#include <QElapsedTimer>
#include <QUndoCommand>
#include <QVariant>

// Sets one property of one webhook (rename included). Consecutive typing in the same
// text field merges into one undo step, until the user pauses for a couple of seconds.
class SetWebhookPropertyCommand : public QUndoCommand
{
public:
    SetWebhookPropertyCommand(WorkspaceDocument* document,
                              int webhook,
                              WorkspaceDocument::Property property,
                              const QVariant& value);

    void redo() override;
    void undo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    WorkspaceDocument* m_document;
    int m_webhook;
    WorkspaceDocument::Property m_property;
    QVariant m_before;
    QVariant m_after;
    QElapsedTimer m_lastEdit;
};
